//! Rendered public pages and files, kept per event revision. The revision rises with every
//! change to an event's agenda (in the database), so each app instance sees a change at once
//! and rebuilds; an unchanged agenda is served without re-rendering.
//!
//! A kept body is compressed and tagged once, when it is stored: phones get the brotli form
//! (or gzip, for clients without brotli; an agenda of ~90 KB travels as ~10 KB), and a browser revalidating with the tag gets
//! 304 and no body. Public answers say `Cache-Control: public, no-cache` (keep it, but ask
//! each time: a changed agenda shows at once); personal and staff answers carry neither tag
//! nor that header (the security headers make them `no-store`).

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::{Arc, Mutex};

use rocket::http::{ContentType, Header, Status};
use rocket::request::Request;
use rocket::response::{self, Responder, Response};

use crate::web::encoding;
use crate::web::security_headers;

/// Entries kept before the cache starts over (events × languages × kinds of file).
const MAX_ENTRIES: usize = 2000;

/// The largest single write of a cached body (bigger ones go in several).
const MAX_CHUNK: usize = 256 * 1024;

/// A rendered body and the event revision it was rendered from.
type Entry = (i64, Body);

#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<String, Entry>>,
    /// One render at a time per key: when a revision changes (a place taken, a session
    /// edited) or the cache is cold, the requests arriving together wait for the first one's
    /// page instead of all rendering and compressing it at once. That stampede, 64 renders
    /// of a 127 KB page and its brotli, was the agenda's tail.
    renders: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// What a lookup found: the kept body, or the caller's turn to render it (hold it until
/// [`PageCache::put`]: the others asking for this key wait for it).
pub enum Lookup {
    Hit(Body),
    Render(Turn),
}

/// The right to render one key; others wait while it is held.
pub struct Turn {
    _held: tokio::sync::OwnedMutexGuard<()>,
}

/// A cached body with its content type.
pub struct Cached(pub ContentType, pub Body);

/// An answer's bytes; a kept one also has its gzip form and its tag.
#[derive(Clone)]
pub struct Body(Arc<Forms>);

struct Forms {
    plain: Vec<u8>,
    /// `None` for a body not kept (a draft's preview): it is not tagged either.
    stored: Option<Stored>,
}

struct Stored {
    etag: String,
    gzip: Option<(String, Vec<u8>)>,
    brotli: Option<(String, Vec<u8>)>,
}

impl Body {
    /// A body to keep: compressed and tagged now, once.
    pub fn stored(plain: Vec<u8>) -> Body {
        let etag = encoding::etag_of(&plain);
        let gzip = encoding::gzip(&plain).map(|g| (encoding::gzip_etag(&etag), g));
        let brotli = encoding::brotli(&plain).map(|b| (encoding::brotli_etag(&etag), b));
        Body(Arc::new(Forms {
            plain,
            stored: Some(Stored { etag, gzip, brotli }),
        }))
    }

    /// A body served once and forgotten (an organiser's preview): as it is, untagged.
    pub fn uncached(plain: impl Into<Vec<u8>>) -> Body {
        Body(Arc::new(Forms {
            plain: plain.into(),
            stored: None,
        }))
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0.plain
    }
}

impl PageCache {
    pub fn get(&self, key: &str, revision: i64) -> Option<Body> {
        let map = self.entries.lock().ok()?;
        map.get(key)
            .filter(|(r, _)| *r == revision)
            .map(|(_, body)| body.clone())
    }

    /// The kept body of this revision, waiting for a render of this key already under way;
    /// else the caller's turn to render it.
    pub async fn lookup(&self, key: &str, revision: i64) -> Lookup {
        if let Some(body) = self.get(key, revision) {
            return Lookup::Hit(body);
        }
        let lock = match self.renders.lock() {
            Ok(mut renders) => renders.entry(key.to_string()).or_default().clone(),
            Err(_) => Arc::default(),
        };
        let turn = Turn {
            _held: lock.lock_owned().await,
        };
        match self.get(key, revision) {
            Some(body) => Lookup::Hit(body),
            None => Lookup::Render(turn),
        }
    }

    pub fn put(&self, key: String, revision: i64, body: impl Into<Vec<u8>>) -> Body {
        // Compressed before taking the lock: other requests are not kept waiting.
        let body = Body::stored(body.into());
        if let Ok(mut map) = self.entries.lock() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
                // A turn held meanwhile keeps its own lock alive: dropping the map is safe.
                if let Ok(mut renders) = self.renders.lock() {
                    renders.clear();
                }
            }
            map.insert(key, (revision, body.clone()));
        }
        body
    }
}

impl<'r> Responder<'r, 'static> for Cached {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let Cached(content_type, body) = self;
        let mut res = Response::build();
        res.header(content_type);
        let Some(stored) = &body.0.stored else {
            return Ok(with_body(res, body.0.clone(), Form::Plain).finalize());
        };
        let accepted = req.headers().get_one("Accept-Encoding").unwrap_or("");
        if stored.gzip.is_some() || stored.brotli.is_some() {
            res.header(Header::new("Vary", "Accept-Encoding"));
        }
        let (etag, form) = match (&stored.brotli, &stored.gzip) {
            (Some((etag, _)), _) if encoding::accepts_brotli(accepted) => (etag, Form::Brotli),
            (_, Some((etag, _))) if encoding::accepts_gzip(accepted) => (etag, Form::Gzip),
            _ => (&stored.etag, Form::Plain),
        };
        if !security_headers::private(req) {
            res.header(Header::new("ETag", etag.clone()));
            res.header(Header::new("Cache-Control", "public, no-cache"));
            let revalidated = req
                .headers()
                .get_one("If-None-Match")
                .is_some_and(|h| encoding::none_match_hits(h, etag));
            if revalidated {
                return res.status(Status::NotModified).ok();
            }
        }
        match form {
            Form::Brotli => res.header(Header::new("Content-Encoding", "br")),
            Form::Gzip => res.header(Header::new("Content-Encoding", "gzip")),
            Form::Plain => &mut res,
        };
        Ok(with_body(res, body.0.clone(), form).finalize())
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Form {
    Plain,
    Gzip,
    Brotli,
}

/// The chosen form's bytes, shared with the cache rather than copied.
struct Shared(Arc<Forms>, Form);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        let Shared(forms, form) = self;
        let stored = forms.stored.as_ref();
        let packed = match form {
            Form::Gzip => stored.and_then(|s| s.gzip.as_ref()),
            Form::Brotli => stored.and_then(|s| s.brotli.as_ref()),
            Form::Plain => None,
        };
        packed.map_or(&forms.plain, |(_, bytes)| bytes)
    }
}

fn with_body(
    mut res: response::Builder<'static>,
    forms: Arc<Forms>,
    form: Form,
) -> response::Builder<'static> {
    let body = Shared(forms, form);
    let len = body.as_ref().len();
    // One write for the whole body: Rocket's default 4 KiB chunks cost an agenda page
    // (90-120 KiB) some 25 trips through hyper.
    let chunk = len.clamp(4096, MAX_CHUNK);
    res.sized_body(len, Cursor::new(body)).max_chunk_size(chunk);
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_revision_misses() {
        let cache = PageCache::default();
        cache.put("page:x:fr".into(), 3, "old");
        assert_eq!(
            cache.get("page:x:fr", 3).map(|b| b.bytes().to_vec()),
            Some(b"old".to_vec())
        );
        assert!(cache.get("page:x:fr", 4).is_none());
        assert!(cache.get("page:x:en", 3).is_none());
    }

    #[tokio::test]
    async fn requests_arriving_together_wait_for_one_render() {
        let cache = Arc::new(PageCache::default());
        let Lookup::Render(turn) = cache.lookup("page:x:fr", 1).await else {
            panic!("a cold cache has nothing");
        };
        let waiting = {
            let cache = cache.clone();
            tokio::spawn(async move {
                match cache.lookup("page:x:fr", 1).await {
                    Lookup::Hit(body) => body.bytes().to_vec(),
                    Lookup::Render(_) => b"rendered again".to_vec(),
                }
            })
        };
        tokio::task::yield_now().await;
        cache.put("page:x:fr".into(), 1, "page");
        drop(turn);
        assert_eq!(waiting.await.unwrap(), b"page".to_vec());
        // Another revision is rendered anew.
        assert!(matches!(
            cache.lookup("page:x:fr", 2).await,
            Lookup::Render(_)
        ));
    }
}
