//! Registering, shared by the public form, the JSON API and the organisers' pages: check the
//! window, validate against what the event offers, then store under the event lock.

use serde_json::json;

use crate::domain::registration::{
    self, check_window, chosen_sessions, Offer, SessionOffer, TicketOffer,
};
use crate::domain::validate::{Checker, Input};
use crate::domain::{time, Attendance, SessionStatus, SignupStatus};
use crate::error::{Error, Msg, Problem, Result};
use crate::i18n::Lang;
use crate::store::events::Event;
use crate::store::registrations::{self, Admission, Registered, Registration};
use crate::store::{self, Db};

/// Who is registering: the public form asks for consent to the privacy notice; an API client
/// records it when given; organisers add people by hand at any time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Form,
    Api,
    Organiser,
    /// Door staff registering a walk-in (see `app::walk_ins`).
    Door,
}

impl Channel {
    /// Staff register people whatever the registration window, without approval.
    fn is_staff(self) -> bool {
        matches!(self, Channel::Organiser | Channel::Door)
    }
}

/// What the event offers now, in the visitor's language.
pub async fn offer(db: &Db, event: &Event, lang: Lang) -> Result<Offer> {
    let rows = store::offer_cache::offered(db, event.id, event.revision).await?;
    Ok(Offer {
        format: event.format,
        tz: event.tz(),
        tickets: rows
            .tickets
            .iter()
            .map(|t| TicketOffer {
                id: t.id,
                price_cents: t.price_cents,
                attendance: t.attendance.as_deref().and_then(Attendance::parse),
                sales_start: t.sales_start,
                sales_end: t.sales_end,
            })
            .collect(),
        sessions: rows
            .sessions
            .iter()
            .map(|s| SessionOffer {
                id: s.id,
                title: lang.pick(&s.title_fr, &s.title_en).to_string(),
                starts_at: s.starts_at,
                ends_at: s.ends_at,
                format: s.format,
                cancelled: s.status == SessionStatus::Cancelled,
            })
            .collect(),
        now: time::now(),
    })
}

pub fn window(event: &Event, lang: Lang) -> Result<()> {
    check_window(
        event.status,
        event.registration_opens_at,
        event.registration_closes_at,
        event.ends_at,
        event.tz(),
        time::now(),
        lang,
    )
    .map_err(Error::from)
}

pub async fn register(
    db: &Db,
    event: &Event,
    input: &Input,
    lang: Lang,
    channel: Channel,
) -> Result<Registered> {
    if !channel.is_staff() {
        window(event, lang)?;
    }
    let offer = offer(db, event, lang).await?;
    let draft = match (registration::validate(input, &offer, lang), channel) {
        (Ok(d), Channel::Form) if !d.consent => {
            return Err(Error::field("consent", Msg::new("register-consent")))
        }
        (Err(Problem::Unprocessable { mut fields }), Channel::Form) => {
            if !input
                .get("consent")
                .is_some_and(|v| v == "on" || v == "true")
            {
                fields.insert("consent".into(), Msg::new("register-consent"));
            }
            return Err(Error::Unprocessable { fields });
        }
        (result, _) => result?,
    };
    let admission = Admission {
        needs_approval: event.requires_approval.0 && !channel.is_staff(),
        walk_in: channel == Channel::Door,
    };
    Ok(registrations::register(db, event.id, &draft, admission).await?)
}

/// Replaces an attendee's chosen sessions, checked like a new registration's.
pub async fn change_sessions(
    db: &Db,
    event: &Event,
    r: &Registration,
    input: &Input,
    lang: Lang,
) -> Result<()> {
    refuse_if_over(r)?;
    let offer = offer(db, event, lang).await?;
    let mut c = Checker::default();
    let ids = chosen_sessions(input, &mut c);
    c.finish()?;
    // Validate the choice as part of the attendee's registration as it stands.
    let mut whole = Input::from_pairs([
        ("name", r.name.as_str()),
        ("email", r.email.as_str()),
        ("attendance", r.attendance.as_str()),
    ]);
    whole.nested.insert("sessions".into(), json!(ids));
    if let Some(t) = r.ticket_type_id {
        whole.values.insert("ticket".into(), t.to_string());
    }
    let mut offer = offer;
    // Sessions already held stay valid even if their ticket went off sale meanwhile.
    offer.tickets.iter_mut().for_each(|t| {
        t.sales_start = None;
        t.sales_end = None;
    });
    let draft = registration::validate(&whole, &offer, lang)?;
    Ok(registrations::set_sessions(db, r, &draft.sessions).await?)
}

pub async fn switch_attendance(
    db: &Db,
    event: &Event,
    r: &Registration,
    input: &Input,
    lang: Lang,
) -> Result<()> {
    refuse_if_over(r)?;
    let mut c = Checker::default();
    let mode = c.choice(input, "attendance", Attendance::parse);
    if mode.is_none() && c.ok("attendance") {
        c.fail("attendance", Msg::new("field-required"));
    }
    c.finish()?;
    let mode = mode.unwrap_or(r.attendance);
    if event.format != crate::domain::Format::Hybrid {
        return Err(Error::field(
            "attendance",
            Msg::new("register-attendance-format"),
        ));
    }
    if mode == r.attendance {
        return Ok(());
    }
    if mode == Attendance::Online {
        let sessions = store::sessions::list(db, event.id).await?;
        let held = registrations::signups(db, r.id).await?;
        let in_person_only = sessions.iter().find(|s| {
            s.format == crate::domain::Format::InPerson && held.iter().any(|h| h.session_id == s.id)
        });
        if let Some(s) = in_person_only {
            let msg = Msg::new("register-session-in-person")
                .arg("title", lang.pick(&s.title_fr, &s.title_en));
            return Err(Error::field("attendance", msg));
        }
    }
    Ok(registrations::switch_attendance(db, r, mode).await?)
}

fn refuse_if_over(r: &Registration) -> Result<()> {
    if r.status.is_over() {
        return Err(Error::Conflict {
            message: Msg::new("register-already-cancelled"),
            fields: Default::default(),
        });
    }
    Ok(())
}

/// A registration as its holder sees it: where it stands, on the event's waiting list and
/// in each chosen session.
#[derive(Debug, Clone)]
pub struct Standing {
    pub registration: Registration,
    /// The place on the event's waiting list, when waiting.
    pub waitlist_position: Option<i64>,
    pub sessions: Vec<SessionStanding>,
    /// The sessions they starred, with their clashes (see `app::stars`).
    pub starred: Vec<crate::app::stars::Starred>,
}

/// One chosen session of a [`Standing`].
#[derive(Debug, Clone)]
pub struct SessionStanding {
    pub session_id: i64,
    /// A choice made while the registration waits is itself waiting.
    pub confirmed: bool,
    pub waitlist_position: Option<i64>,
}

/// The attendee's registration as the API shows it.
pub async fn standing(db: &Db, r: &Registration) -> Result<Standing> {
    let waitlist_position = registrations::waitlist_position(db, r).await?;
    let sessions = seats_held(db, r).await?;
    let starred = crate::app::stars::starred(db, r).await?;
    Ok(Standing {
        registration: r.clone(),
        waitlist_position,
        sessions,
        starred,
    })
}

/// A registration just made, as the API answers it: its waiting-list place was worked out
/// while it was written, it has starred nothing yet, and its seats are read back only when
/// sessions were chosen. Most of a rush's answers need no read at all.
pub async fn new_standing(
    db: &Db,
    r: &Registration,
    chose_sessions: bool,
    waitlist_position: Option<i64>,
) -> Result<Standing> {
    let sessions = match chose_sessions {
        true => seats_held(db, r).await?,
        false => Vec::new(),
    };
    Ok(Standing {
        registration: r.clone(),
        waitlist_position,
        sessions,
        starred: Vec::new(),
    })
}

async fn seats_held(db: &Db, r: &Registration) -> Result<Vec<SessionStanding>> {
    let signups = registrations::signups(db, r.id).await?;
    Ok(signups
        .iter()
        .map(|s| SessionStanding {
            session_id: s.session_id,
            confirmed: s.status == SignupStatus::Confirmed,
            waitlist_position: s.position,
        })
        .collect())
}
