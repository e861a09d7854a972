//! What organisers see of the doors: check-ins against registrations per mode, per gate and
//! per workshop (all counted by the database, so exact with several app instances), and the
//! conflicts offline doors reported.

use std::collections::HashMap;

use crate::domain::{Attendance, RegistrationStatus};
use crate::error::Result;
use crate::store::events::Event;
pub use crate::store::sessions::Session;
use crate::store::{self, Db};

/// Confirmed registrations of one mode and how many of them came through the entrance.
pub struct ModeCount {
    pub mode: Attendance,
    pub registered: i64,
    pub checked_in: i64,
}

/// A workshop (a session needing a signup, or one somebody was checked in at).
pub struct WorkshopCount {
    pub session: Session,
    pub registered: i64,
    pub checked_in: i64,
}

/// One badge admitted twice by offline doors, as organisers read it.
pub struct DoorConflict {
    pub name: Option<String>,
    /// The session's door, or `None` for the entrance (or a session since removed).
    pub door: Option<Session>,
    pub first_gate: String,
    pub first_scanned_at: i64,
    pub gate: String,
    pub scanned_at: i64,
}

pub struct DoorReport {
    /// Every mode, offered by the event or not (the page has always listed them all).
    pub modes: Vec<ModeCount>,
    pub total_in: i64,
    /// People registered at the door: let in (holding a place), and all of them.
    pub walk_ins: (i64, i64),
    pub gates: Vec<(String, i64)>,
    pub workshops: Vec<WorkshopCount>,
    pub conflicts: Vec<DoorConflict>,
}

pub async fn report(db: &Db, event: &Event) -> Result<DoorReport> {
    let (counts, registered, fill, sessions, conflicts, walk_ins) = tokio::try_join!(
        store::checkins::counts(db, event.id),
        store::roster::counts(db, event.id),
        store::roster::session_fill(db, event.id),
        store::sessions::list(db, event.id),
        store::conflicts::list(db, event.id),
        store::walk_ins::count(db, event.id),
    )?;
    let modes = Attendance::ALL
        .iter()
        .map(|mode| ModeCount {
            mode: *mode,
            registered: registered
                .iter()
                .filter(|c| c.status == RegistrationStatus::Confirmed && c.attendance == *mode)
                .map(|c| c.n)
                .sum(),
            checked_in: counts
                .by_attendance
                .iter()
                .find(|(m, _)| m == mode.as_str())
                .map_or(0, |(_, n)| *n),
        })
        .collect();
    let total_in = counts.by_attendance.iter().map(|(_, n)| n).sum();
    let at_session: HashMap<i64, i64> = counts.by_session.iter().copied().collect();
    let conflicts = conflicts
        .into_iter()
        .map(|c| DoorConflict {
            door: sessions.iter().find(|s| s.id == c.scope).cloned(),
            name: c.name,
            first_gate: c.first_gate,
            first_scanned_at: c.first_scanned_at,
            gate: c.gate,
            scanned_at: c.scanned_at,
        })
        .collect();
    let workshops = sessions
        .into_iter()
        .filter(|s| s.requires_signup.0 || at_session.contains_key(&s.id))
        .map(|s| WorkshopCount {
            registered: fill.get(&s.id).map_or(0, |f| f.confirmed),
            checked_in: at_session.get(&s.id).copied().unwrap_or(0),
            session: s,
        })
        .collect();
    Ok(DoorReport {
        modes,
        total_in,
        walk_ins,
        gates: counts.by_gate,
        workshops,
        conflicts,
    })
}
