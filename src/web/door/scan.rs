//! `/scan`, the door staff's scanner page. It works with no JavaScript: a USB or Bluetooth
//! scanner types the badge code and Enter into a plain form; a lost badge is found by name.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::http::ContentType;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;
use serde_json::{json, Value};

use crate::app::checkin::{self, Outcome, Scan, ScanLimit};
use crate::auth::{Csrf, DoorStaff};
use crate::domain::badge::Verdict;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::store::events::Event;
use crate::store::roster::Filter;
use crate::store::{self, Db};
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

/// Where the scanner stands: which event, gate and door.
struct Post {
    event: Option<Event>,
    gate: String,
    session: Option<i64>,
}

async fn events_for(db: &Db, who: &DoorStaff) -> Result<Vec<Event>> {
    Ok(match who.0.event_id {
        Some(id) => vec![store::events::by_id(db, id).await?],
        None => store::events::list_all(db).await?,
    })
}

async fn post_of(
    db: &Db,
    who: &DoorStaff,
    event: Option<&str>,
    gate: Option<&str>,
    session: Option<i64>,
) -> Result<Post> {
    let event = match event.filter(|s| !s.is_empty()) {
        Some(slug) => {
            let e = store::events::get(db, slug).await?;
            if !who.0.may_access_event(e.id) {
                return Err(Error::Forbidden);
            }
            Some(e)
        }
        None => events_for(db, who).await?.into_iter().next(),
    };
    let gate: String = gate.unwrap_or_default().trim().chars().take(60).collect();
    Ok(Post {
        event,
        gate,
        session: session.filter(|s| *s > 0),
    })
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

async fn scanner_page(
    db: &Db,
    lang: Lang,
    csrf: &Csrf,
    who: &DoorStaff,
    post: &Post,
    q: Option<&str>,
    verdict: Option<Value>,
) -> Result<Template> {
    let events = events_for(db, who).await?;
    let chosen = post.event.as_ref().map(|e| e.id);
    let (sessions, results) = match &post.event {
        Some(e) => {
            let sessions = store::sessions::list(db, e.id).await?;
            let results = match q.map(str::trim).filter(|q| !q.is_empty()) {
                Some(q) => {
                    let filter = Filter {
                        search: Some(q.chars().take(100).collect()),
                        status: Some("confirmed".into()),
                        ..Filter::default()
                    };
                    store::roster::list(db, e.id, &filter).await?
                }
                None => vec![],
            };
            (sessions, Some(results))
        }
        None => (vec![], None),
    };
    let tz = post.event.as_ref().map(Event::tz).unwrap_or(chrono_tz::UTC);
    Ok(page(
        "scan",
        lang,
        "/scan",
        json!({
            "csrf": csrf.0,
            "events": events.iter().map(|e| json!({"slug": e.slug,
                "title": lang.pick(&e.title_fr, &e.title_en), "selected": Some(e.id) == chosen}))
                .collect::<Vec<_>>(),
            "event": post.event.as_ref().map(|e| json!({"slug": e.slug,
                "title": lang.pick(&e.title_fr, &e.title_en)})),
            "gate": post.gate,
            "session": post.session,
            "sessions": sessions.iter().map(|s| json!({"id": s.id,
                "label": format!("{} ({})", lang.pick(&s.title_fr, &s.title_en),
                                 crate::domain::time::clock(s.starts_at, tz)),
                "selected": Some(s.id) == post.session})).collect::<Vec<_>>(),
            "door": sessions.iter().find(|s| Some(s.id) == post.session)
                .map(|s| lang.pick(&s.title_fr, &s.title_en).to_string()),
            "q": q,
            "searched": q.is_some_and(|q| !q.trim().is_empty()),
            "results": results.unwrap_or_default().iter().take(30)
                .map(|r| json!({"id": r.id, "name": r.name, "organisation": r.organisation}))
                .collect::<Vec<_>>(),
            "verdict": verdict,
        }),
    ))
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
    let post = post_of(db, &who, event, gate, session).await?;
    scanner_page(db, lang, &csrf, &who, &post, q, None).await
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
    let session = input.get("session").and_then(|s| s.parse().ok());
    let post = post_of(db, &who, input.get("event"), input.get("gate"), session).await?;
    let Some(event) = &post.event else {
        return Err(Error::NotFound);
    };
    let code = match input
        .get("registration")
        .and_then(|v| v.parse::<i64>().ok())
    {
        Some(id) => {
            let r = store::roster::get(db, event.id, id).await?;
            checkin::code_for(db, &r).await?
        }
        None => input.get("code").unwrap_or_default().to_string(),
    };
    let scan = Scan {
        code,
        gate: post.gate.clone(),
        session_id: post.session,
        event: Some(event.slug.clone()),
        ..Scan::default()
    };
    let outcome = checkin::check_in(db, &who.0, &scan).await?;
    let verdict = verdict_view(&outcome, lang);
    scanner_page(db, lang, &csrf, &who, &post, None, Some(verdict)).await
}
