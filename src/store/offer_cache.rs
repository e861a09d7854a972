//! What an event offers to registrants (its ticket types and sessions), kept per event
//! revision, so a rush of registrations does not read and decode the whole programme for
//! each one. Every change to a ticket type or a session raises the event's revision (in the
//! same transaction for sessions, just after it for ticket types), and registering reads the
//! event row itself fresh: a change made on any instance is seen by the next registration.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::error::Result;
use super::sessions::{self, Session};
use super::tickets::{self, TicketType};
use super::Db;

/// Events kept before the cache starts over.
const MAX_ENTRIES: usize = 1000;

/// An event's ticket types and sessions, as read at one revision.
#[derive(Debug)]
pub struct OfferRows {
    pub tickets: Vec<TicketType>,
    pub sessions: Vec<Session>,
}

/// Each event's rows, with the revision they were read at.
#[derive(Default)]
pub struct OfferCache(Mutex<HashMap<i64, (i64, Arc<OfferRows>)>>);

impl OfferCache {
    fn get(&self, event_id: i64, revision: i64) -> Option<Arc<OfferRows>> {
        let map = self.0.lock().ok()?;
        map.get(&event_id)
            .filter(|(kept, _)| *kept == revision)
            .map(|(_, rows)| rows.clone())
    }

    fn put(&self, event_id: i64, revision: i64, rows: Arc<OfferRows>) {
        let Ok(mut map) = self.0.lock() else {
            return;
        };
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
        // Rows read after the event row are at least as new as `revision`: never worse
        // than what a later reader of that revision would read itself.
        map.insert(event_id, (revision, rows));
    }
}

/// The event's ticket types and sessions as of `revision` (the event row just read).
pub async fn offered(db: &Db, event_id: i64, revision: i64) -> Result<Arc<OfferRows>> {
    if let Some(rows) = db.offers.get(event_id, revision) {
        return Ok(rows);
    }
    let (tickets, sessions) =
        tokio::try_join!(tickets::list(db, event_id), sessions::list(db, event_id))?;
    let rows = Arc::new(OfferRows { tickets, sessions });
    db.offers.put(event_id, revision, rows.clone());
    Ok(rows)
}
