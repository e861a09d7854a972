//! Summit's own files under `/public` (CSS, scripts, the scanner's WebAssembly), kept in
//! the page cache like pages are, so they too travel compressed, tagged and revalidated (304).
//! A file's revision is its modification time and size: a deploy that changes it is seen on
//! the next request.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rocket::http::ContentType;
use rocket::{get, routes, Route, State};

use crate::web::page_cache::{Cached, Lookup, PageCache};

/// Where the files are, relative to the working directory (as Rocket's `FileServer` had it).
const ROOT: &str = "public";

pub fn routes() -> Vec<Route> {
    routes![file]
}

/// `path` comes through Rocket's `PathBuf` guard, which refuses `..` and hidden files.
#[get("/<path..>", rank = 20)]
async fn file(cache: &State<PageCache>, path: PathBuf) -> Option<Cached> {
    let full = Path::new(ROOT).join(&path);
    let meta = rocket::tokio::fs::metadata(&full).await.ok()?;
    if !meta.is_file() {
        return None;
    }
    let content_type = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(ContentType::from_extension)
        .unwrap_or(ContentType::Binary);
    let key = format!("file:{}", path.display());
    let revision = revision_of(&meta);
    let _turn = match cache.lookup(&key, revision).await {
        Lookup::Hit(body) => return Some(Cached(content_type, body)),
        Lookup::Render(turn) => turn,
    };
    let bytes = rocket::tokio::fs::read(&full).await.ok()?;
    Some(Cached(content_type, cache.put(key, revision, bytes)))
}

/// Modification time (milliseconds) mixed with the size: either changing means a new file.
fn revision_of(meta: &std::fs::Metadata) -> i64 {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_millis() as i64);
    modified ^ ((meta.len() as i64) << 44)
}
