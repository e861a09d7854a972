//! Reading events as the API serves them: the public list, one event as the public (or its
//! organisers) may see it; and the organisers' audited look at who registered.

use crate::app::roster::Roster;
use crate::app::Db;
use crate::auth::Staff;
use crate::domain::time;
use crate::error::{Error, Result};
use crate::store::{audit, events, roster};

pub use crate::store::events::Event;
pub use crate::store::sessions::Session;

/// The events the public may see now.
pub async fn list_public(db: &Db) -> Result<Vec<Event>> {
    Ok(events::list_public(db, time::now()).await?)
}

/// The event if the public may see it, or if an organiser asks (drafts included); else
/// `NotFound`, so a draft's existence is not told.
pub async fn visible(db: &Db, slug: &str, organiser: bool) -> Result<Event> {
    match events::find(db, slug).await? {
        Some(e) if e.is_public() || organiser => Ok(e),
        _ => Err(Error::NotFound),
    }
}

/// Everyone registered for the event, with the counts, for one of its organisers. Personal
/// data: each look is written to the audit log first.
pub async fn registrations(db: &Db, who: &Staff, event: Event) -> Result<Roster> {
    audit::record(db, &who.actor(), "view-registrations", &event.slug).await?;
    Roster::load(db, event, &roster::Filter::default()).await
}
