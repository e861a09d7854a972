//! What the scanner page shows, and the sign-in pages' data: `Serialize` views handed to the
//! templates through [`page_of`].

use rocket_dyn_templates::Template;
use serde::Serialize;

use crate::app::checkin::{self, Outcome};
use crate::app::doors::Scanner;
use std::collections::BTreeMap;

use crate::app::{Event, Registration, Session};
use crate::domain::badge::Verdict;
use crate::domain::time;
use crate::domain::validate::Input;
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::{page, staff_page};

/// A page rendered from a view (the template reads its fields by name).
pub fn page_of<T: Serialize>(name: &'static str, lang: Lang, path: &str, view: &T) -> Template {
    let data = serde_json::to_value(view).unwrap_or_default();
    page(name, lang, path, data)
}

/// A page only signed-in staff see (the scanner): with the frame's sign-out button.
pub fn staff_page_of<T: Serialize>(
    name: &'static str,
    lang: Lang,
    path: &str,
    view: &T,
) -> Template {
    let data = serde_json::to_value(view).unwrap_or_default();
    staff_page(name, lang, path, data)
}

#[derive(Serialize)]
pub struct VerdictAttendee {
    pub name: String,
    pub organisation: String,
    pub ticket: String,
    pub role: String,
    pub attendance: String,
}

#[derive(Serialize)]
pub struct FirstCheckin {
    pub at: String,
    pub gate: String,
}

/// A scan's verdict as the door staff see it.
#[derive(Serialize)]
pub struct VerdictView {
    pub code: &'static str,
    pub class: &'static str,
    pub icon: &'static str,
    pub title: String,
    pub help: String,
    pub attendee: Option<VerdictAttendee>,
    pub first: Option<FirstCheckin>,
}

impl VerdictView {
    pub fn new(outcome: &Outcome, lang: Lang) -> Self {
        let (class, icon) = match outcome.verdict {
            Verdict::Admitted => ("ok", "✓"),
            Verdict::AlreadyCheckedIn => ("warn", "!"),
            _ => ("bad", "✗"),
        };
        let (title, help) = checkin::verdict_text(outcome.verdict, lang);
        let attendee = outcome.attendee.as_ref().map(|a| {
            let r = &a.registration;
            VerdictAttendee {
                name: r.name.clone(),
                organisation: r.organisation.clone(),
                ticket: a.ticket.clone(),
                role: crate::web::attendee::badges::role_label(r.badge_role.as_str(), lang),
                attendance: lang.t(&format!("attendance-{}", r.attendance.as_str())),
            }
        });
        let first = match (&outcome.first, &outcome.event) {
            (Some(f), Some(e)) => Some(FirstCheckin {
                at: time::clock(f.scanned_at, e.tz()),
                gate: f.gate.clone(),
            }),
            _ => None,
        };
        VerdictView {
            code: outcome.verdict.as_str(),
            class,
            icon,
            title,
            help,
            attendee,
            first,
        }
    }
}

#[derive(Serialize)]
pub struct EventChoice {
    pub slug: String,
    pub title: String,
    pub selected: bool,
}

#[derive(Serialize)]
pub struct ChosenEvent {
    pub slug: String,
    pub title: String,
    /// The event's time zone (IANA name): the page's script writes its times in it.
    pub tz: String,
}

#[derive(Serialize)]
pub struct SessionChoice {
    pub id: i64,
    pub label: String,
    pub selected: bool,
}

#[derive(Serialize)]
pub struct Found {
    pub id: i64,
    pub name: String,
    pub organisation: String,
}

/// The scanner page: where it scans, who was found by name, the last verdict.
#[derive(Serialize)]
pub struct ScannerView {
    pub csrf: String,
    pub events: Vec<EventChoice>,
    pub event: Option<ChosenEvent>,
    pub gate: String,
    pub session: Option<i64>,
    pub sessions: Vec<SessionChoice>,
    pub door: Option<String>,
    pub q: Option<String>,
    pub searched: bool,
    pub results: Vec<Found>,
    pub verdict: Option<VerdictView>,
    /// The walk-in form: its values and messages again, or what came of it.
    pub walk_in: WalkInForm,
}

/// The scanner page's "register someone at the door" block.
#[derive(Debug, Default, Serialize)]
pub struct WalkInForm {
    pub values: BTreeMap<String, String>,
    pub errors: BTreeMap<String, String>,
    /// What went wrong, or what happened (the waiting list), in a sentence.
    pub message: Option<String>,
    pub badge: Option<BadgeToPrint>,
}

impl WalkInForm {
    pub fn again(input: &Input, errors: BTreeMap<String, String>, message: String) -> WalkInForm {
        let keep = ["name", "email", "organisation"];
        WalkInForm {
            values: keep
                .iter()
                .filter_map(|k| input.get(k).map(|v| (k.to_string(), v.to_string())))
                .collect(),
            errors,
            message: Some(message),
            badge: None,
        }
    }

    pub fn done(badge: BadgeToPrint) -> WalkInForm {
        WalkInForm {
            badge: Some(badge),
            ..WalkInForm::default()
        }
    }

    pub fn said(message: String) -> WalkInForm {
        WalkInForm {
            message: Some(message),
            ..WalkInForm::default()
        }
    }
}

/// A walk-in's badge, to print at the door: the name large, the organisation, the QR code.
#[derive(Debug, Serialize)]
pub struct BadgeToPrint {
    pub name: String,
    pub organisation: String,
    /// The QR code as inline SVG (our own markup, rendered unescaped).
    pub qr_svg: String,
    /// The same badge as a PDF for a badge printer.
    pub pdf_url: String,
}

impl BadgeToPrint {
    pub fn new(slug: &str, r: &Registration, code: &str) -> Result<BadgeToPrint> {
        Ok(BadgeToPrint {
            pdf_url: format!("/api/v1/events/{slug}/registrations/{}/badge.pdf", r.id),
            name: r.name.clone(),
            organisation: r.organisation.clone(),
            qr_svg: crate::qr::svg(code, true)?,
        })
    }
}

impl ScannerView {
    pub fn new(
        lang: Lang,
        csrf: &str,
        s: &Scanner,
        q: Option<&str>,
        verdict: Option<VerdictView>,
    ) -> Self {
        let post = &s.post;
        let chosen = post.event.as_ref().map(|e| e.id);
        let tz = post.event.as_ref().map(Event::tz).unwrap_or(chrono_tz::UTC);
        ScannerView {
            csrf: csrf.to_string(),
            events: s
                .events
                .iter()
                .map(|e| EventChoice {
                    slug: e.slug.clone(),
                    title: lang.pick(&e.title_fr, &e.title_en).to_string(),
                    selected: Some(e.id) == chosen,
                })
                .collect(),
            event: post.event.as_ref().map(|e| ChosenEvent {
                slug: e.slug.clone(),
                title: lang.pick(&e.title_fr, &e.title_en).to_string(),
                tz: e.tz().name().to_string(),
            }),
            gate: post.gate.clone(),
            session: post.session,
            sessions: s
                .sessions
                .iter()
                .map(|d| SessionChoice {
                    id: d.id,
                    label: door_label(d, s, tz, lang),
                    selected: Some(d.id) == post.session,
                })
                .collect(),
            door: s
                .sessions
                .iter()
                .find(|d| Some(d.id) == post.session)
                .map(|d| door_label(d, s, tz, lang)),
            q: q.map(str::to_string),
            searched: q.is_some_and(|q| !q.trim().is_empty()),
            results: s
                .found
                .iter()
                .take(30)
                .map(|r| Found {
                    id: r.id,
                    name: r.name.clone(),
                    organisation: r.organisation.clone(),
                })
                .collect(),
            verdict,
            walk_in: WalkInForm::default(),
        }
    }
}

/// A session's door as the scanner lists it: title, day, start and room ("Coffee break — Tue
/// 15 Jun 10:15 · Room A"), so that the six coffee breaks of a three-day event differ.
fn door_label(session: &Session, s: &Scanner, tz: chrono_tz::Tz, lang: Lang) -> String {
    let locale = match lang {
        Lang::Fr => chrono::Locale::fr_FR,
        Lang::En => chrono::Locale::en_GB,
    };
    let day = time::day(session.starts_at, tz).format_localized("%a %-d %b", locale);
    let room = session
        .room_id
        .and_then(|id| s.rooms.iter().find(|r| r.id == id))
        .map_or_else(|| lang.t("fixes-door-no-room"), |r| r.name.clone());
    format!(
        "{} — {day} {} · {room}",
        lang.pick(&session.title_fr, &session.title_en),
        time::clock(session.starts_at, tz)
    )
}
