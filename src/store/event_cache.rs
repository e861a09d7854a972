//! Event rows kept in memory for a moment, so the hottest reads (cached agenda pages and
//! files, door check-ins) do not ask the database for the event each time. This instance's
//! own writes to an event empty the cache as soon as they are committed; a change made by
//! another instance is seen within [`TTL`]. Only hot public reads go through here: organisers'
//! pages and every write read the database.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::error::{Error, Result};
use super::events::{self, Event};
use super::Db;

/// How long an event read may be reused (what another instance's change may wait).
pub const TTL: Duration = Duration::from_secs(1);
/// Entries kept before the cache starts over.
const MAX_ENTRIES: usize = 1000;

struct Entry {
    read_at: Instant,
    event: Arc<Event>,
}

#[derive(Default)]
struct Maps {
    by_slug: HashMap<String, Entry>,
    by_id: HashMap<i64, Entry>,
}

/// Rises with every invalidation: a read that started before a write cannot be kept after it.
#[derive(Default)]
pub struct EventCache {
    generation: AtomicU64,
    maps: Mutex<Maps>,
}

fn fresh(entry: Option<&Entry>) -> Option<Arc<Event>> {
    entry
        .filter(|e| e.read_at.elapsed() < TTL)
        .map(|e| e.event.clone())
}

impl EventCache {
    fn by_slug(&self, slug: &str) -> Option<Arc<Event>> {
        fresh(self.maps.lock().ok()?.by_slug.get(slug))
    }

    fn by_id(&self, id: i64) -> Option<Arc<Event>> {
        fresh(self.maps.lock().ok()?.by_id.get(&id))
    }

    /// Keeps an event read while the cache was at `generation` (dropped if it moved on).
    fn put(&self, generation: u64, read_at: Instant, event: Arc<Event>) {
        let Ok(mut maps) = self.maps.lock() else {
            return;
        };
        // Checked under the lock: `invalidate` bumps, then clears under the same lock.
        if self.generation.load(Ordering::SeqCst) != generation {
            return;
        }
        if maps.by_id.len() >= MAX_ENTRIES {
            *maps = Maps::default();
        }
        let entry = |event: &Arc<Event>| Entry {
            read_at,
            event: event.clone(),
        };
        maps.by_slug.insert(event.slug.clone(), entry(&event));
        maps.by_id.insert(event.id, entry(&event));
    }

    /// Forgets every event: call after committing any change to an event row.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut maps) = self.maps.lock() {
            *maps = Maps::default();
        }
    }
}

/// Reads through the cache: `read` runs only when no fresh entry was found.
async fn through<F, Fut>(db: &Db, hit: Option<Arc<Event>>, read: F) -> Result<Option<Arc<Event>>>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<Option<Event>>>,
{
    if hit.is_some() {
        return Ok(hit);
    }
    let generation = db.events.generation.load(Ordering::SeqCst);
    let read_at = Instant::now();
    let event = read().await?.map(Arc::new);
    if let Some(event) = &event {
        db.events.put(generation, read_at, event.clone());
    }
    Ok(event)
}

/// The event with this slug (see the module's staleness bound), if any.
pub async fn find(db: &Db, slug: &str) -> Result<Option<Arc<Event>>> {
    through(db, db.events.by_slug(slug), || events::find(db, slug)).await
}

/// The event with this id, or 404 (see the module's staleness bound).
pub async fn by_id(db: &Db, id: i64) -> Result<Arc<Event>> {
    through(db, db.events.by_id(id), || async move {
        match events::by_id(db, id).await {
            Ok(event) => Ok(Some(event)),
            Err(Error::Database(sqlx::Error::RowNotFound)) => Ok(None),
            Err(e) => Err(e),
        }
    })
    .await?
    .ok_or(Error::NotFound)
}
