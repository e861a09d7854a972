//! Rendered public pages and files, kept per event revision. The revision rises with every
//! change to an event's agenda (in the database), so each app instance sees a change at once
//! and rebuilds; an unchanged agenda is served without re-rendering.

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::{Arc, Mutex};

use rocket::http::ContentType;
use rocket::request::Request;
use rocket::response::{self, Responder, Response};

/// Entries kept before the cache starts over (events × languages × kinds of file).
const MAX_ENTRIES: usize = 2000;

/// The largest single write of a cached body (bigger ones go in several).
const MAX_CHUNK: usize = 256 * 1024;

/// A rendered body and the event revision it was rendered from.
type Entry = (i64, Arc<[u8]>);

#[derive(Default)]
pub struct PageCache(Mutex<HashMap<String, Entry>>);

/// A cached body with its content type.
pub struct Cached(pub ContentType, pub Arc<[u8]>);

impl PageCache {
    pub fn get(&self, key: &str, revision: i64) -> Option<Arc<[u8]>> {
        let map = self.0.lock().ok()?;
        map.get(key)
            .filter(|(r, _)| *r == revision)
            .map(|(_, body)| body.clone())
    }

    pub fn put(&self, key: String, revision: i64, body: String) -> Arc<[u8]> {
        let body: Arc<[u8]> = Arc::from(body.into_bytes());
        if let Ok(mut map) = self.0.lock() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.insert(key, (revision, body.clone()));
        }
        body
    }
}

impl<'r> Responder<'r, 'static> for Cached {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        let Cached(content_type, body) = self;
        // One write for the whole body: Rocket's default 4 KiB chunks cost an agenda page
        // (90-120 KiB) some 25 trips through hyper.
        let chunk = body.len().clamp(4096, MAX_CHUNK);
        Response::build()
            .header(content_type)
            .sized_body(body.len(), Cursor::new(body))
            .max_chunk_size(chunk)
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_revision_misses() {
        let cache = PageCache::default();
        cache.put("page:x:fr".into(), 3, "old".into());
        assert_eq!(cache.get("page:x:fr", 3).as_deref(), Some(&b"old"[..]));
        assert!(cache.get("page:x:fr", 4).is_none());
        assert!(cache.get("page:x:en", 3).is_none());
    }
}
