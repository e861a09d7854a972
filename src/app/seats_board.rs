//! Workshop places as the public agenda shows them. The agenda page is rendered once per
//! change and served from a cache, but registrations do not change the agenda: the board reads
//! the places taken at most once per `max_age` per event, and the page is rendered again only
//! when what it would show has changed. The registration form always counts afresh.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::app::agenda::Agenda;
use crate::app::choices::{self, Workshop};
use crate::app::Db;
use crate::error::Result;
use crate::store::roster::SessionFill;
use crate::store::{self};

/// Places taken per session of one event, as read at one moment.
#[derive(Debug, Clone, Default)]
pub struct Taken(Arc<HashMap<i64, SessionFill>>);

impl Taken {
    /// A fingerprint of the counts: equal counts, equal stamp.
    pub fn stamp(&self) -> u64 {
        let mut counts: Vec<(i64, i64)> = self.0.iter().map(|(id, f)| (*id, f.confirmed)).collect();
        counts.sort_unstable();
        let mut h = DefaultHasher::new();
        counts.hash(&mut h);
        h.finish()
    }

    /// The agenda's sign-up workshops with their places left.
    pub fn workshops(&self, agenda: &Agenda) -> Vec<Workshop> {
        choices::workshops(agenda, &self.0)
    }
}

pub struct SeatsBoard {
    max_age: Duration,
    read: Mutex<HashMap<i64, (Instant, Taken)>>,
}

impl SeatsBoard {
    pub fn new(max_age_seconds: i64) -> SeatsBoard {
        SeatsBoard {
            max_age: Duration::from_secs(max_age_seconds.max(0) as u64),
            read: Mutex::new(HashMap::new()),
        }
    }

    /// The places taken in the event's sessions, at most `max_age` old.
    pub async fn taken(&self, db: &Db, event_id: i64) -> Result<Taken> {
        if let Some(known) = self.fresh(event_id) {
            return Ok(known);
        }
        let taken = Taken(Arc::new(store::roster::session_fill(db, event_id).await?));
        if let Ok(mut read) = self.read.lock() {
            read.insert(event_id, (Instant::now(), taken.clone()));
        }
        Ok(taken)
    }

    fn fresh(&self, event_id: i64) -> Option<Taken> {
        if self.max_age.is_zero() {
            return None;
        }
        let read = self.read.lock().ok()?;
        read.get(&event_id)
            .filter(|(at, _)| at.elapsed() < self.max_age)
            .map(|(_, taken)| taken.clone())
    }
}
