//! Removing a session once the organiser has seen what it does (deleted if nobody signed up,
//! else cancelled and the people seated told), and restoring a cancelled one while the event
//! has not started. Both are audited.

use crate::auth::Staff;
use crate::domain::{time, SessionStatus};
use crate::error::{Error, Msg, Result};
use crate::store::events::Event;
use crate::store::sessions::Session;
use crate::store::{self, Db};

pub use crate::store::sessions::SignupCounts;

/// A session and who its removal or restoring concerns.
pub struct Consequences {
    pub session: Session,
    pub counts: SignupCounts,
    /// Whether a cancelled session may still come back (the event has not started).
    pub restorable: bool,
}

/// What removing or restoring this session would do, changing nothing.
pub async fn consequences(db: &Db, event: &Event, id: i64) -> Result<Consequences> {
    let session = store::sessions::get(db, event.id, id).await?;
    let counts = store::sessions::signup_counts(db, id).await?;
    let restorable = restorable(event, &session);
    Ok(Consequences {
        session,
        counts,
        restorable,
    })
}

/// Whether this session is cancelled and may still come back.
pub fn restorable(event: &Event, session: &Session) -> bool {
    session.status == SessionStatus::Cancelled && !started(event)
}

fn started(event: &Event) -> bool {
    event.starts_at <= time::now()
}

/// Removes the session: deleted, or cancelled (with its sign-ups kept) if anyone signed up.
pub async fn remove(db: &Db, who: &Staff, event: &Event, id: i64) -> Result<()> {
    // Cancelling twice would tell the same people twice.
    if store::sessions::get(db, event.id, id).await?.status == SessionStatus::Cancelled {
        return Err(Error::NotFound);
    }
    store::sessions::delete(db, event.id, id).await?;
    let subject = format!("{}/sessions/{id}", event.slug);
    store::audit::record(db, &who.actor(), "remove-session", &subject).await?;
    Ok(())
}

/// Puts a cancelled session back (see `store::sessions::restore`); refused once the event
/// has started, since people may already have acted on the cancellation.
pub async fn restore(db: &Db, who: &Staff, event: &Event, id: i64) -> Result<Session> {
    if started(event) {
        return Err(Error::Conflict {
            message: Msg::new("preview-restore-started"),
            fields: Default::default(),
        });
    }
    let session = store::sessions::restore(db, event, id).await?;
    let subject = format!("{}/sessions/{id}", event.slug);
    store::audit::record(db, &who.actor(), "restore-session", &subject).await?;
    Ok(session)
}
