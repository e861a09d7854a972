//! The attendee's personal programme, reached with their personal link only: they star any
//! session of their event (idempotent both ways), see the starred and signed-up sessions
//! together with their clashes, and may ask for a reminder before each starred session.

use crate::app::agenda::Agenda;
use crate::domain::personal_programme::{clashes, Slot};
use crate::domain::{SessionStatus, SignupStatus};
use crate::error::{Error, FieldErrors, Msg, Result};
use crate::store::stars::Star;
use crate::store::{self, Db};

use crate::app::{Registration, Session, Signup};

/// One session of the programme: starred, signed up for, or both.
#[derive(Debug, Clone)]
pub struct Item {
    pub session_id: i64,
    pub starred: bool,
    /// The sign-up's status, when they signed up for it.
    pub signup: Option<SignupStatus>,
    /// The other sessions of the programme whose times overlap this one's.
    pub clashes_with: Vec<i64>,
}

/// The programme with the agenda it was read from (for titles, rooms and times).
pub struct Programme {
    pub agenda: Agenda,
    /// By start time.
    pub items: Vec<Item>,
    /// Whether they asked for a reminder before each starred session.
    pub remind: bool,
}

impl Programme {
    pub fn is_starred(&self, session_id: i64) -> bool {
        self.items
            .iter()
            .any(|i| i.starred && i.session_id == session_id)
    }
}

/// A starred session as the API lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Starred {
    pub session_id: i64,
    pub clashes_with: Vec<i64>,
}

pub async fn programme(db: &Db, r: &Registration) -> Result<Programme> {
    let event = store::events::by_id(db, r.event_id).await?;
    let agenda = Agenda::load(db, event).await?;
    let (stars, signups, remind) = tokio::try_join!(
        store::stars::of_registration(db, r.id),
        store::registrations::signups(db, r.id),
        store::stars::reminder(db, r.id),
    )?;
    let items = items(&agenda.sessions, &stars, &signups);
    Ok(Programme {
        agenda,
        items,
        remind,
    })
}

/// The programme's sessions by start, each with its clashes: the current stars and every
/// sign-up, one item per session.
fn items(sessions: &[Session], stars: &[Star], signups: &[Signup]) -> Vec<Item> {
    let session = |id: i64| sessions.iter().find(|s| s.id == id);
    let mut items: Vec<Item> = Vec::new();
    for id in stars.iter().filter(|s| s.live()).map(|s| s.session_id) {
        items.push(Item {
            session_id: id,
            starred: true,
            signup: None,
            clashes_with: Vec::new(),
        });
    }
    for s in signups {
        match items.iter_mut().find(|i| i.session_id == s.session_id) {
            Some(item) => item.signup = Some(s.status),
            None => items.push(Item {
                session_id: s.session_id,
                starred: false,
                signup: Some(s.status),
                clashes_with: Vec::new(),
            }),
        }
    }
    items.retain(|i| session(i.session_id).is_some());
    // A cancelled session takes no time any more: it clashes with nothing.
    let slots: Vec<Slot> = items
        .iter()
        .filter_map(|i| session(i.session_id))
        .filter(|s| s.status != SessionStatus::Cancelled)
        .map(|s| Slot {
            id: s.id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
        })
        .collect();
    let found = clashes(&slots);
    for item in &mut items {
        item.clashes_with = found.get(&item.session_id).cloned().unwrap_or_default();
    }
    items.sort_by_key(|i| session(i.session_id).map(|s| (s.starts_at, s.id)));
    items
}

/// The starred sessions with their clashes (the API's `starred`, in every answer about a
/// registration: without stars it costs one query, so registering stays as fast).
pub async fn starred(db: &Db, r: &Registration) -> Result<Vec<Starred>> {
    let stars = store::stars::of_registration(db, r.id).await?;
    if !stars.iter().any(Star::live) {
        return Ok(Vec::new());
    }
    let (signups, sessions) = tokio::try_join!(
        store::registrations::signups(db, r.id),
        store::sessions::list(db, r.event_id),
    )?;
    Ok(items(&sessions, &stars, &signups)
        .into_iter()
        .filter(|i| i.starred)
        .map(|i| Starred {
            session_id: i.session_id,
            clashes_with: i.clashes_with,
        })
        .collect())
}

/// The session `id` of the registration's event, or a refusal naming the `session` field
/// (an unknown id and another event's session read the same: nothing is said about others).
async fn own_session(db: &Db, r: &Registration, id: i64) -> Result<Session> {
    match store::sessions::get(db, r.event_id, id).await {
        Err(store::error::Error::NotFound) => {
            Err(Error::field("session", Msg::new("stars-unknown-session")))
        }
        other => Ok(other?),
    }
}

/// Stars a session; answers it as listed, and whether it was new (false: starred already).
pub async fn star(db: &Db, r: &Registration, id: i64) -> Result<(Starred, bool)> {
    if r.status.is_over() {
        return Err(Error::Conflict {
            message: Msg::new("stars-registration-over"),
            fields: FieldErrors::new(),
        });
    }
    let session = own_session(db, r, id).await?;
    if session.status == SessionStatus::Cancelled {
        return Err(Error::field("session", Msg::new("stars-session-cancelled")));
    }
    let new = store::stars::star(db, r.id, id).await?;
    let listed = starred(db, r)
        .await?
        .into_iter()
        .find(|s| s.session_id == id)
        .unwrap_or(Starred {
            session_id: id,
            clashes_with: Vec::new(),
        });
    Ok((listed, new))
}

/// Takes a star back; nothing to take back is no error (the session must still be one of
/// the event's). A cancelled session or registration may be taken off too.
pub async fn unstar(db: &Db, r: &Registration, id: i64) -> Result<()> {
    own_session(db, r, id).await?;
    store::stars::unstar(db, r.id, id).await?;
    Ok(())
}

/// Turns the reminder before each starred session on or off.
pub async fn set_reminder(db: &Db, r: &Registration, on: bool) -> Result<()> {
    Ok(store::stars::set_reminder(db, r.id, on).await?)
}
