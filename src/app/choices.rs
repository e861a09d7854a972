//! What the registration form offers now: the ticket types, the workshops that need signing
//! up with their places left, and the attendance modes already full. Shared by the public
//! form, the attendee's page and the organisers' "add someone" form.

use crate::app::agenda::Agenda;
use crate::domain::{Attendance, SessionStatus};
use crate::error::Result;
use crate::store::roster::SessionFill;
use crate::store::{self, Db};
use std::collections::HashMap;

pub use crate::store::tickets::TicketType;

/// A workshop one signs up for, with its places.
#[derive(Debug, Clone)]
pub struct Workshop {
    pub session_id: i64,
    /// Places left; `None`: no limit.
    pub left: Option<i64>,
    pub full: bool,
}

#[derive(Debug, Clone)]
pub struct Choices {
    pub tickets: Vec<TicketType>,
    /// In agenda order.
    pub workshops: Vec<Workshop>,
    /// The modes this event offers whose places are all held.
    pub full_modes: Vec<Attendance>,
}

pub async fn choices(db: &Db, agenda: &Agenda) -> Result<Choices> {
    let event = &agenda.event;
    let (tickets, fill, counts) = tokio::try_join!(
        store::tickets::list(db, event.id),
        store::roster::session_fill(db, event.id),
        store::roster::counts(db, event.id),
    )?;
    let workshops = workshops(agenda, &fill);
    let taken = store::roster::Count::taken(&counts);
    let full_modes = Attendance::ALL
        .iter()
        .copied()
        .filter(|&m| {
            let cap = match m {
                Attendance::InPerson => event.in_person_capacity,
                Attendance::Online => event.online_capacity,
            };
            m.fits(event.format) && cap.is_some_and(|cap| taken.in_mode(m) >= cap)
        })
        .collect();
    Ok(Choices {
        tickets,
        workshops,
        full_modes,
    })
}

/// The workshops one signs up for, in agenda order, with their places left from `fill`.
pub fn workshops(agenda: &Agenda, fill: &HashMap<i64, SessionFill>) -> Vec<Workshop> {
    agenda
        .sessions
        .iter()
        .filter(|s| s.requires_signup.0 && s.status == SessionStatus::Scheduled)
        .map(|s| {
            // A session's own capacity, else its room's.
            let capacity = s
                .capacity
                .or_else(|| agenda.room(s.room_id).and_then(|r| r.capacity));
            let taken = fill.get(&s.id).map(|f| f.confirmed).unwrap_or(0);
            Workshop {
                session_id: s.id,
                left: capacity.map(|c| (c - taken).max(0)),
                full: capacity.is_some_and(|c| taken >= c),
            }
        })
        .collect()
}
