//! What the organisers' event pages read and change beyond `organise`: the list of events,
//! an event's agenda with its tickets, removing a session, a speaker with a photo.

use crate::app::agenda::Agenda;
use crate::app::organise;
use crate::domain::validate::Input;
use crate::error::Result;
use crate::store::speakers::Speaker;
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

/// Adds a speaker, with a photo if one was sent. The photo is checked first, so a refused
/// one (too large, not an image) stores no speaker.
pub async fn add_speaker(
    db: &Db,
    event: &Event,
    input: &Input,
    photo: Option<&[u8]>,
) -> Result<Speaker> {
    let kind = photo.map(organise::photo_type).transpose()?;
    let speaker = organise::add_speaker(db, event, input).await?;
    if let (Some(kind), Some(bytes)) = (kind, photo) {
        store::speakers::set_photo(db, event.id, speaker.id, kind, bytes).await?;
    }
    Ok(speaker)
}
