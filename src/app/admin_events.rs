//! What the organisers' event pages read and change beyond `organise`: the list of events,
//! an event's agenda with its tickets, removing a session, a speaker with a photo.

use crate::app::agenda::Agenda;
use crate::error::Result;
use crate::store::{self, Db};

pub use crate::store::events::{Event, Room, Track};
pub use crate::store::tickets::TicketType;

/// Every event; the caller keeps those its organiser may see.
pub async fn events(db: &Db) -> Result<Vec<Event>> {
    Ok(store::events::list_all(db).await?)
}

/// What the event's admin page shows: its agenda and its tickets.
pub struct EventPage {
    pub agenda: Agenda,
    pub tickets: Vec<TicketType>,
}

pub async fn event_page(db: &Db, event: Event) -> Result<EventPage> {
    let agenda = Agenda::load(db, event).await?;
    let tickets = store::tickets::list(db, agenda.event.id).await?;
    Ok(EventPage { agenda, tickets })
}

/// The event's overview in figures: what is on the programme, and who registered.
#[derive(Debug, Default, serde::Serialize)]
pub struct Overview {
    pub sessions: usize,
    pub cancelled_sessions: usize,
    pub speakers: usize,
    pub rooms: usize,
    pub tracks: usize,
    pub tickets: usize,
    pub confirmed: i64,
    pub waitlisted: i64,
    /// Waiting for a payment or for the organiser's approval.
    pub pending: i64,
    pub cancelled: i64,
}

pub async fn overview(db: &Db, event: &Event) -> Result<Overview> {
    let agenda = Agenda::load(db, event.clone()).await?;
    let tickets = store::tickets::list(db, event.id).await?;
    let counts = store::roster::counts(db, event.id).await?;
    let mut o = Overview {
        sessions: agenda.sessions.len(),
        cancelled_sessions: agenda
            .sessions
            .iter()
            .filter(|s| s.status == crate::domain::SessionStatus::Cancelled)
            .count(),
        speakers: agenda.speakers.len(),
        rooms: agenda.rooms.len(),
        tracks: agenda.tracks.len(),
        tickets: tickets.len(),
        ..Overview::default()
    };
    for c in counts {
        match Some(c.status) {
            Some(crate::domain::RegistrationStatus::Confirmed) => o.confirmed += c.n,
            Some(crate::domain::RegistrationStatus::Waitlisted) => o.waitlisted += c.n,
            Some(
                crate::domain::RegistrationStatus::Cancelled
                | crate::domain::RegistrationStatus::Rejected,
            ) => o.cancelled += c.n,
            Some(_) => o.pending += c.n,
            None => {}
        }
    }
    Ok(o)
}
