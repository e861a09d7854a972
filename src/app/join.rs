//! Who may join a stream through their personal link, and when. Inside the window the
//! answer is the private streaming URL and the online attendance is recorded; otherwise a
//! message says why not (the URL itself is never shown).

use crate::app::agenda::Agenda;
use crate::calendar::personal;
use crate::domain::join_window::{window, Window};
use crate::domain::{time, RegistrationStatus, SessionStatus, SignupStatus};
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::store::registrations::{self, Registration};
use crate::store::{self, Db};

pub use crate::store::events::Event;

/// Why a join link answers with a message rather than the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// This registration may not join (cancelled, unpaid, not online).
    NotAllowed,
    /// There is no stream to join.
    NoStream,
    /// Allowed, but not yet: the link opens at this instant (UTC seconds).
    NotYet { opens_at: i64 },
    /// Allowed, but over.
    Ended,
}

pub enum Join {
    /// The streaming URL to send the attendee to; the join is recorded.
    Go(String),
    Message {
        /// Boxed: an event row is large beside a URL.
        event: Box<Event>,
        message: Msg,
        refusal: Refusal,
    },
}

/// Joins `id` (a session, or [`personal::EVENT_STREAM`] for the event's own stream). The
/// link opens `opens_minutes` before the start. A workshop not held by this registration is
/// 403, an unknown or cancelled session 404.
pub async fn join(db: &Db, token: &str, id: i64, opens_minutes: i64, lang: Lang) -> Result<Join> {
    let r = registrations::by_token(db, token).await?;
    let event = store::events::by_id(db, r.event_id).await?;
    let agenda = Agenda::load(db, event).await?;
    let target = target(db, &agenda, &r, id).await?;
    let refused = refusal(&agenda, &r, &target, opens_minutes, lang);
    if let Some((refusal, message)) = refused {
        return Ok(Join::Message {
            event: Box::new(agenda.event),
            message,
            refusal,
        });
    }
    store::joins::record(db, agenda.event.id, r.id, target.session_id).await?;
    Ok(Join::Go(target.stream.unwrap_or_default()))
}

/// What a join link leads to: a session's stream, or the event's own.
struct Target {
    format: crate::domain::Format,
    stream: Option<String>,
    starts_at: i64,
    ends_at: i64,
    session_id: Option<i64>,
}

/// The stream `id` names, if this registration may reach it at all.
async fn target(db: &Db, agenda: &Agenda, r: &Registration, id: i64) -> Result<Target> {
    if id == personal::EVENT_STREAM {
        let e = &agenda.event;
        return Ok(Target {
            format: e.format,
            stream: e.stream_url.clone(),
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            session_id: None,
        });
    }
    let s = agenda.session(id).ok_or(Error::NotFound)?;
    if s.requires_signup.0 {
        let signups = registrations::signups(db, r.id).await?;
        let held = signups
            .iter()
            .any(|x| x.session_id == id && x.status == SignupStatus::Confirmed);
        if !held {
            return Err(Error::Forbidden);
        }
    }
    if s.status == SessionStatus::Cancelled {
        return Err(Error::NotFound);
    }
    Ok(Target {
        format: s.format,
        stream: s.stream_url.clone(),
        starts_at: s.starts_at,
        ends_at: s.ends_at,
        session_id: Some(id),
    })
}

/// Why the link does not lead to the stream now, if it does not.
fn refusal(
    agenda: &Agenda,
    r: &Registration,
    target: &Target,
    opens_minutes: i64,
    lang: Lang,
) -> Option<(Refusal, Msg)> {
    let tz = agenda.event.tz();
    if !r.status.holds_place() {
        return Some((Refusal::NotAllowed, Msg::new("register-already-cancelled")));
    }
    if r.status == RegistrationStatus::PendingPayment {
        return Some((Refusal::NotAllowed, Msg::new("join-pay-first")));
    }
    if target.stream.is_none() {
        return Some((Refusal::NoStream, Msg::new("join-no-stream")));
    }
    if !personal::may_join(agenda, r, target.format) {
        return Some((Refusal::NotAllowed, Msg::new("join-not-allowed")));
    }
    match window(time::now(), target.starts_at, target.ends_at, opens_minutes) {
        Window::Opens(opens_at) => {
            let when = format!(
                "{} {}",
                time::long_date(opens_at, tz, lang),
                time::clock(opens_at, tz)
            );
            let msg = Msg::new("join-not-yet")
                .arg("minutes", opens_minutes.to_string())
                .arg("when", when);
            Some((Refusal::NotYet { opens_at }, msg))
        }
        Window::Ended => Some((Refusal::Ended, Msg::new("join-ended"))),
        Window::Open => None,
    }
}

/// A stream this attendee may join, and where its link stands now.
pub struct Door<'a> {
    /// The session, or `None` for the event's own stream ([`personal::EVENT_STREAM`]).
    pub session: Option<&'a crate::store::sessions::Session>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub window: Window,
}

impl Door<'_> {
    pub fn id(&self) -> i64 {
        self.session.map_or(personal::EVENT_STREAM, |s| s.id)
    }
}

/// The streams the attendee's page offers to join, by start: the event's own, and each
/// session with a stream they may enter (the same rules as [`join`]: confirmed, online or
/// allowed online, and holding a seat where the session needs signing up).
pub fn doors<'a>(
    agenda: &'a Agenda,
    r: &crate::store::registrations::Registration,
    signups: &[crate::store::registrations::Signup],
    opens_minutes: i64,
    now: i64,
) -> Vec<Door<'a>> {
    let door = |session, starts_at, ends_at| Door {
        session,
        starts_at,
        ends_at,
        window: window(now, starts_at, ends_at, opens_minutes),
    };
    let e = &agenda.event;
    let mut doors = Vec::new();
    if e.stream_url.is_some() && personal::may_join(agenda, r, e.format) {
        doors.push(door(None, e.starts_at, e.ends_at));
    }
    let held = |id: i64| {
        signups
            .iter()
            .any(|x| x.session_id == id && x.status == SignupStatus::Confirmed)
    };
    for s in &agenda.sessions {
        let open_to_them = !s.requires_signup.0 || held(s.id);
        if s.stream_url.is_some()
            && s.status != SessionStatus::Cancelled
            && open_to_them
            && personal::may_join(agenda, r, s.format)
        {
            doors.push(door(Some(s), s.starts_at, s.ends_at));
        }
    }
    doors.sort_by_key(|d| d.starts_at);
    doors
}
