//! What a registration transaction knows of each event's places while it holds the event's
//! lock (see `registrations::register_in` and `group_commit`).

use std::collections::HashMap;

use super::error::Result;
use super::{lock_event, seats, Db};
use crate::domain::capacity::{Limits, Taken};
use crate::domain::Attendance;

/// What a transaction has learnt of an event's places, under its lock: read once, then kept
/// up to date as each registration of a group takes a place or joins the waitlist (nothing
/// else can change them while the lock is held), so a group counts places once per event.
pub(super) struct Places {
    pub(super) limits: Limits,
    pub(super) taken: Taken,
    /// The next waitlist number, once one was needed.
    pub(super) next_seq: Option<i64>,
    /// How many wait in each attendance mode, once a newcomer joined that mode's list.
    waiting: HashMap<Attendance, i64>,
}

impl Places {
    /// A newcomer just joined the waiting list of `mode` (its row written): its place. The
    /// list is counted once per group and mode; nobody leaves it while the lock is held,
    /// and each newcomer comes last (its number is the event's highest).
    pub(super) async fn joined_waitlist(
        &mut self,
        tx: &mut sqlx::AnyConnection,
        event_id: i64,
        mode: Attendance,
    ) -> Result<i64> {
        let place = match self.waiting.get(&mode) {
            Some(before) => before + 1,
            None => seats::waiting(tx, event_id, mode, seats::WHOLE_LIST).await?,
        };
        self.waiting.insert(mode, place);
        Ok(place)
    }
}

/// Each event's [`Places`] in one transaction (empty at its start).
#[derive(Default)]
pub(super) struct GroupPlaces(HashMap<i64, Places>);

impl GroupPlaces {
    /// The event's places, locking the event and reading them the first time it is met.
    pub(super) async fn of(
        &mut self,
        db: &Db,
        tx: &mut sqlx::AnyConnection,
        event_id: i64,
        now: i64,
    ) -> Result<&mut Places> {
        use std::collections::hash_map::Entry;
        match self.0.entry(event_id) {
            Entry::Occupied(known) => Ok(known.into_mut()),
            Entry::Vacant(new) => {
                lock_event(db, &mut *tx, event_id).await?;
                let limits = seats::limits(&mut *tx, event_id).await?;
                let taken = seats::taken(&mut *tx, event_id, now).await?;
                Ok(new.insert(Places {
                    limits,
                    taken,
                    next_seq: None,
                    waiting: Default::default(),
                }))
            }
        }
    }
}
