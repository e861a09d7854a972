//! `/scan`, the door staff's scanner page. It works with no JavaScript: a USB or Bluetooth
//! scanner types the badge code and Enter into a plain form; a lost badge is found by name.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::http::ContentType;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;
use serde_json::{json, Value};

use crate::app::checkin::{self, Outcome, ScanLimit};
use crate::app::doors::{self, At, Event, Scanner};
use crate::app::Db;
use crate::auth::{Csrf, DoorStaff};
use crate::domain::badge::Verdict;
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::page;

pub fn routes() -> Vec<Route> {
    routes![scanner, scan, worker]
}

/// The scanner's service worker (`public/scan-worker.js`), served from the root so that its
/// scope may be `/scan`.
#[get("/scan-worker.js")]
fn worker() -> (ContentType, &'static str) {
    (
        ContentType::JavaScript,
        include_str!("../../../public/scan-worker.js"),
    )
}

fn verdict_view(outcome: &Outcome, lang: Lang) -> Value {
    let (class, icon) = match outcome.verdict {
        Verdict::Admitted => ("ok", "✓"),
        Verdict::AlreadyCheckedIn => ("warn", "!"),
        _ => ("bad", "✗"),
    };
    let (title, help) = checkin::verdict_text(outcome.verdict, lang);
    let attendee = outcome.attendee.as_ref().map(|a| {
        let r = &a.registration;
        json!({
            "name": r.name,
            "organisation": r.organisation,
            "ticket": a.ticket,
            "role": crate::web::attendee::badges::role_label(&r.badge_role, lang),
            "attendance": lang.t(&format!("attendance-{}", r.attendance.as_str())),
        })
    });
    let first = match (&outcome.first, &outcome.event) {
        (Some(f), Some(e)) => {
            json!({"at": crate::domain::time::clock(f.scanned_at, e.tz()), "gate": f.gate})
        }
        _ => Value::Null,
    };
    json!({"code": outcome.verdict.as_str(), "class": class, "icon": icon, "title": title,
           "help": help, "attendee": attendee, "first": first})
}

fn scanner_page(
    lang: Lang,
    csrf: &Csrf,
    s: &Scanner,
    q: Option<&str>,
    verdict: Option<Value>,
) -> Template {
    let post = &s.post;
    let chosen = post.event.as_ref().map(|e| e.id);
    let tz = post.event.as_ref().map(Event::tz).unwrap_or(chrono_tz::UTC);
    page(
        "scan",
        lang,
        "/scan",
        json!({
            "csrf": csrf.0,
            "events": s.events.iter().map(|e| json!({"slug": e.slug,
                "title": lang.pick(&e.title_fr, &e.title_en), "selected": Some(e.id) == chosen}))
                .collect::<Vec<_>>(),
            "event": post.event.as_ref().map(|e| json!({"slug": e.slug,
                "title": lang.pick(&e.title_fr, &e.title_en)})),
            "gate": post.gate,
            "session": post.session,
            "sessions": s.sessions.iter().map(|s| json!({"id": s.id,
                "label": format!("{} ({})", lang.pick(&s.title_fr, &s.title_en),
                                 crate::domain::time::clock(s.starts_at, tz)),
                "selected": Some(s.id) == post.session})).collect::<Vec<_>>(),
            "door": s.sessions.iter().find(|s| Some(s.id) == post.session)
                .map(|s| lang.pick(&s.title_fr, &s.title_en).to_string()),
            "q": q,
            "searched": q.is_some_and(|q| !q.trim().is_empty()),
            "results": s.found.iter().take(30)
                .map(|r| json!({"id": r.id, "name": r.name, "organisation": r.organisation}))
                .collect::<Vec<_>>(),
            "verdict": verdict,
        }),
    )
}

#[get("/scan?<event>&<gate>&<session>&<q>")]
#[allow(clippy::too_many_arguments)]
async fn scanner(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: DoorStaff,
    event: Option<&str>,
    gate: Option<&str>,
    session: Option<i64>,
    q: Option<&str>,
) -> Result<Template> {
    let at = At {
        event,
        gate,
        session,
    };
    let scanner = doors::scanner(db, &who.0, at, q).await?;
    Ok(scanner_page(lang, &csrf, &scanner, q, None))
}

/// A scanned code, or a registration picked by name (a lost badge), checked in.
#[post("/scan", data = "<form>")]
async fn scan(
    db: &State<Db>,
    limit: &State<ScanLimit>,
    lang: Lang,
    csrf: Csrf,
    who: DoorStaff,
    form: Form<HashMap<String, String>>,
) -> Result<Template> {
    let input = crate::web::admin::events::checked(&csrf, form.into_inner())?;
    limit.check(&who.0)?;
    let at = At {
        event: input.get("event"),
        gate: input.get("gate"),
        session: input.get("session").and_then(|s| s.parse().ok()),
    };
    let registration = input
        .get("registration")
        .and_then(|v| v.parse::<i64>().ok());
    let code = input.get("code").unwrap_or_default();
    let (outcome, scanner) = doors::scan(db, &who.0, at, registration, code).await?;
    let verdict = verdict_view(&outcome, lang);
    Ok(scanner_page(lang, &csrf, &scanner, None, Some(verdict)))
}
