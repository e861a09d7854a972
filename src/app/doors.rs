//! What door staff work with besides a single scan: the events they may scan for, where a
//! scanner stands (event, gate, door), the scanner page's lists and name search, and a
//! check-in from that page (a code, or a lost badge picked by name).

use crate::app::checkin::{self, Outcome, Scan};
use crate::app::Db;
use crate::auth::Staff;
use crate::error::{Error, Result};
use crate::store::roster::{self, Filter};
use crate::store::{events, sessions};

use crate::app::{Event, Registration, Session};
pub use crate::store::events::Room;

/// The event by its slug, if this staff member may work its doors (else `Forbidden`).
pub async fn event_for(db: &Db, who: &Staff, slug: &str) -> Result<Event> {
    let event = events::get(db, slug).await?;
    if !who.may_access_event(event.id) {
        return Err(Error::Forbidden);
    }
    Ok(event)
}

/// The events this staff member may scan for: their one event, or all.
pub async fn events_for(db: &Db, who: &Staff) -> Result<Vec<Event>> {
    Ok(match who.event_id {
        Some(id) => vec![events::by_id(db, id).await?],
        None => events::list_all(db).await?,
    })
}

/// Where a scanner stands, as its page asks: an event's slug (else the first it may scan
/// for), a gate's name and a session's door.
#[derive(Debug, Clone, Copy, Default)]
pub struct At<'a> {
    pub event: Option<&'a str>,
    pub gate: Option<&'a str>,
    pub session: Option<i64>,
}

/// Where a scanner stands, checked: `session` `None` is the event's entrance.
pub struct Post {
    pub event: Option<Event>,
    pub gate: String,
    pub session: Option<i64>,
}

/// Gate names are free text, kept short for the check-in list.
const GATE_CHARS: usize = 60;

async fn post_of(db: &Db, who: &Staff, at: At<'_>) -> Result<Post> {
    let event = match at.event.filter(|s| !s.is_empty()) {
        Some(slug) => Some(event_for(db, who, slug).await?),
        None => events_for(db, who).await?.into_iter().next(),
    };
    let gate = at.gate.unwrap_or_default().trim();
    Ok(Post {
        event,
        gate: gate.chars().take(GATE_CHARS).collect(),
        session: at.session.filter(|s| *s > 0),
    })
}

/// Everything the scanner page shows around a verdict.
pub struct Scanner {
    pub post: Post,
    /// The events to choose from.
    pub events: Vec<Event>,
    /// The chosen event's sessions (their doors).
    pub sessions: Vec<Session>,
    /// The chosen event's rooms, to tell doors of sessions with one title apart.
    pub rooms: Vec<Room>,
    /// Confirmed registrations whose name matches the search (none without one).
    pub found: Vec<Registration>,
}

/// The scanner page at `at`, with the registrations matching `q` (a lost badge's name).
pub async fn scanner(db: &Db, who: &Staff, at: At<'_>, q: Option<&str>) -> Result<Scanner> {
    let post = post_of(db, who, at).await?;
    page(db, who, post, q).await
}

async fn page(db: &Db, who: &Staff, post: Post, q: Option<&str>) -> Result<Scanner> {
    let events = events_for(db, who).await?;
    let (sessions, rooms, found) = match &post.event {
        Some(e) => {
            let sessions = sessions::list(db, e.id).await?;
            let rooms = events::rooms(db, e.id).await?;
            let found = match q.map(str::trim).filter(|q| !q.is_empty()) {
                Some(q) => {
                    let filter = Filter {
                        search: Some(q.chars().take(100).collect()),
                        status: Some("confirmed".into()),
                        ..Filter::default()
                    };
                    roster::list(db, e.id, &filter).await?
                }
                None => vec![],
            };
            (sessions, rooms, found)
        }
        None => (vec![], vec![], vec![]),
    };
    Ok(Scanner {
        post,
        events,
        sessions,
        rooms,
        found,
    })
}

/// Checks in, at `at`, the registration picked by name (`registration`, a lost badge) or
/// else the scanned `code`; answers the verdict and the page to show it on.
pub async fn scan(
    db: &Db,
    who: &Staff,
    at: At<'_>,
    registration: Option<i64>,
    code: &str,
) -> Result<(Outcome, Scanner)> {
    let post = post_of(db, who, at).await?;
    let Some(event) = &post.event else {
        return Err(Error::NotFound);
    };
    let code = match registration {
        Some(id) => {
            let r = roster::get(db, event.id, id).await?;
            checkin::code_for(db, &r).await?
        }
        None => code.to_string(),
    };
    let scan = Scan {
        code,
        gate: post.gate.clone(),
        session_id: post.session,
        event: Some(event.slug.clone()),
        ..Scan::default()
    };
    let outcome = checkin::check_in(db, who, &scan).await?;
    Ok((outcome, page(db, who, post, None).await?))
}
