//! The publish checklist: what an organiser should look at before making an event public,
//! each check passed or a warning, with a message (keys, translated at the edge) and where
//! to fix it. Warnings never block publishing: an organiser may know better.

use crate::app::agenda::Agenda;
use crate::domain::{Format, SessionKind, SessionStatus};
use crate::error::Msg;
use crate::store::events::Event;
use crate::store::sessions::Session;
use crate::store::tickets::TicketType;

/// Where a check is fixed: a field of the event's form, the new-session form, or a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    EventField(&'static str),
    NewSession,
    Session(i64),
}

/// One line of the checklist.
#[derive(Debug, Clone)]
pub struct Check {
    pub ok: bool,
    pub message: Msg,
    pub fix: Fix,
}

impl Check {
    fn passed(message: Msg, fix: Fix) -> Check {
        Check {
            ok: true,
            message,
            fix,
        }
    }

    fn warning(message: Msg, fix: Fix) -> Check {
        Check {
            ok: false,
            message,
            fix,
        }
    }
}

/// Every check for this event, in the order an organiser would go through them.
pub fn checklist(agenda: &Agenda, tickets: &[TicketType], now: i64) -> Vec<Check> {
    let scheduled: Vec<&Session> = agenda
        .sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Scheduled)
        .collect();
    vec![
        dates(&agenda.event, now),
        registration(&agenda.event, tickets),
        privacy(&agenda.event),
        programme(&scheduled),
        rooms(&scheduled),
        speakers(agenda, &scheduled),
        stream(&agenda.event, &scheduled),
    ]
}

/// The dates are in the future and fit together: registration opens before it closes,
/// closes and refunds end before the event does.
fn dates(e: &Event, now: i64) -> Check {
    let bad = |message: Msg, field| Check::warning(message, Fix::EventField(field));
    if e.ends_at <= e.starts_at {
        return bad(Msg::new("preview-check-dates-order"), "ends_at");
    }
    if e.ends_at < now {
        return bad(Msg::new("preview-check-dates-past"), "starts_at");
    }
    if let (Some(opens), Some(closes)) = (e.registration_opens_at, e.registration_closes_at) {
        if closes <= opens {
            return bad(
                Msg::new("preview-check-dates-window"),
                "registration_closes_at",
            );
        }
    }
    if e.registration_opens_at.is_some_and(|o| o >= e.ends_at)
        || e.registration_closes_at.is_some_and(|c| c > e.ends_at)
    {
        return bad(
            Msg::new("preview-check-dates-window"),
            "registration_closes_at",
        );
    }
    if e.refund_until.is_some_and(|r| r > e.ends_at) {
        return bad(Msg::new("preview-check-dates-refund"), "refund_until");
    }
    Check::passed(
        Msg::new("preview-check-dates-ok"),
        Fix::EventField("starts_at"),
    )
}

/// Someone can register: a capacity for a way of attending, or a ticket type.
fn registration(e: &Event, tickets: &[TicketType]) -> Check {
    let fix = Fix::EventField("in_person_capacity");
    if e.in_person_capacity.is_some() || e.online_capacity.is_some() || !tickets.is_empty() {
        Check::passed(Msg::new("preview-check-register-ok"), fix)
    } else {
        Check::warning(Msg::new("preview-check-register-missing"), fix)
    }
}

/// The organiser's own privacy notice, in both languages (else Summit's standard one shows).
fn privacy(e: &Event) -> Check {
    let missing = |text: &str| text.trim().is_empty();
    match (missing(&e.privacy_notice_fr), missing(&e.privacy_notice_en)) {
        (false, false) => Check::passed(
            Msg::new("preview-check-privacy-ok"),
            Fix::EventField("privacy_notice_fr"),
        ),
        (true, _) => Check::warning(
            Msg::new("preview-check-privacy-missing-fr"),
            Fix::EventField("privacy_notice_fr"),
        ),
        (false, true) => Check::warning(
            Msg::new("preview-check-privacy-missing-en"),
            Fix::EventField("privacy_notice_en"),
        ),
    }
}

fn programme(scheduled: &[&Session]) -> Check {
    if scheduled.is_empty() {
        Check::warning(Msg::new("preview-check-programme-empty"), Fix::NewSession)
    } else {
        Check::passed(Msg::new("preview-check-programme-ok"), Fix::NewSession)
    }
}

/// A warning naming how many sessions fall short, linking to the first of them.
fn count_check(
    faulty: Vec<&&Session>,
    ok: Msg,
    warning: Msg,
    title: fn(&Session) -> String,
) -> Check {
    match faulty.first() {
        None => Check::passed(ok, Fix::NewSession),
        Some(first) => Check::warning(
            warning
                .arg("count", faulty.len().to_string())
                .arg("first", title(first)),
            Fix::Session(first.id),
        ),
    }
}

fn both_titles(s: &Session) -> String {
    if s.title_fr == s.title_en || s.title_en.is_empty() {
        s.title_fr.clone()
    } else if s.title_fr.is_empty() {
        s.title_en.clone()
    } else {
        format!("{} / {}", s.title_fr, s.title_en)
    }
}

/// Sessions people come to in person need a room (breaks happen anywhere).
fn rooms(scheduled: &[&Session]) -> Check {
    let faulty = scheduled
        .iter()
        .filter(|s| s.format != Format::Virtual && s.kind != SessionKind::Break)
        .filter(|s| s.room_id.is_none())
        .collect();
    count_check(
        faulty,
        Msg::new("preview-check-rooms-ok"),
        Msg::new("preview-check-rooms-missing"),
        both_titles,
    )
}

/// Talks, panels and workshops need someone speaking (not breaks, nor "other").
fn speakers(agenda: &Agenda, scheduled: &[&Session]) -> Check {
    let faulty = scheduled
        .iter()
        .filter(|s| !matches!(s.kind, SessionKind::Break | SessionKind::Other))
        .filter(|s| agenda.roles.get(&s.id).is_none_or(Vec::is_empty))
        .collect();
    count_check(
        faulty,
        Msg::new("preview-check-speakers-ok"),
        Msg::new("preview-check-speakers-missing"),
        both_titles,
    )
}

/// An online or hybrid event needs a stream for its online attendees: its own, unless every
/// online session has one of its own.
fn stream(e: &Event, scheduled: &[&Session]) -> Check {
    let fix = Fix::EventField("stream_url");
    if e.format == Format::InPerson {
        return Check::passed(Msg::new("preview-check-stream-in-person"), fix);
    }
    let online: Vec<_> = scheduled.iter().filter(|s| s.format.has_stream()).collect();
    let each_has_one = !online.is_empty() && online.iter().all(|s| s.stream_url.is_some());
    if e.stream_url.is_some() || each_has_one {
        Check::passed(Msg::new("preview-check-stream-ok"), fix)
    } else {
        Check::warning(Msg::new("preview-check-stream-missing"), fix)
    }
}
