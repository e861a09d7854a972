//! What anyone may see and do without signing in: the published events, one event (through
//! the short-lived cache for the hot pages), speakers' photos, and "send me my link again".

use std::sync::Arc;

use crate::auth::Staff;
use crate::domain::secret::normalize_email;
use crate::domain::{time, EventStatus};
use crate::error::{Error, Msg, Result};
use crate::store::{self, Db};

use crate::app::Event;

/// The events on the home page: public ones not yet over, soonest first.
pub async fn published(db: &Db) -> Result<Vec<Event>> {
    Ok(store::events::list_public(db, time::now()).await?)
}

/// An event the public may see (published or cancelled), or 404: a draft is not told apart
/// from an event that does not exist.
pub async fn event(db: &Db, slug: &str) -> Result<Event> {
    match store::events::find(db, slug).await? {
        Some(e) if e.is_public() => Ok(e),
        _ => Err(Error::NotFound),
    }
}

/// Like [`event`], through the event cache (at most a second stale): for the pages and
/// files kept in the page cache, whose hits then need no database at all.
pub async fn cached_event(db: &Db, slug: &str) -> Result<Arc<Event>> {
    match store::event_cache::find(db, slug).await? {
        Some(e) if e.is_public() => Ok(e),
        _ => Err(Error::NotFound),
    }
}

/// The event as an organiser previews its public pages: a draft too, when this organiser may
/// work on it; 404 otherwise, so another's draft is not told apart from an unknown event.
/// Read from the database, never the event cache, so a draft is never taken for published.
pub async fn preview_event(db: &Db, who: &Staff, slug: &str) -> Result<Event> {
    match store::events::find(db, slug).await? {
        Some(e) if e.is_public() || who.may_access_event(e.id) => Ok(e),
        _ => Err(Error::NotFound),
    }
}

/// Nobody registers for a draft, not even an organiser previewing its form.
pub fn refuse_draft(event: &Event) -> Result<()> {
    if event.status == EventStatus::Draft {
        return Err(Error::Conflict {
            message: Msg::new("preview-register-refused"),
            fields: Default::default(),
        });
    }
    Ok(())
}

/// A speaker's photo: its media type as stored, and its bytes.
pub async fn speaker_photo(db: &Db, id: i64) -> Result<(String, Vec<u8>)> {
    Ok(store::speakers::photo(db, id).await?)
}

/// Sends the personal link again to this address if it is registered to the event; the
/// caller answers the same either way, so nobody learns who registered.
pub async fn resend_link(db: &Db, event: &Event, email: &str) -> Result<()> {
    Ok(store::registrations::resend_link(db, event.id, &normalize_email(email)).await?)
}
