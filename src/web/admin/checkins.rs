//! Organisers at the doors: live check-in counts (exact with several app instances), badges
//! to print in one go, and re-issuing a lost badge.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;
use serde::Serialize;

use crate::app::door_report::{self, Session};
use crate::app::{admin_badges, Db, Event};
use crate::auth::{Csrf, Organiser};
use crate::domain::{time, Attendance};
use crate::error::{Msg, Result};
use crate::i18n::Lang;
use crate::web::admin::events::checked;
use crate::web::admin::views::render;

pub fn routes() -> Vec<Route> {
    routes![checkins, badges, reissue]
}

/// `admin/checkins`: who is in, by mode, door and workshop, and badges let in twice offline.
#[derive(Serialize)]
struct CheckinsPage {
    /// For the frame's sign-out form.
    csrf: String,
    event: crate::web::public::views::EventSummary,
    modes: Vec<ModeView>,
    total_in: i64,
    /// Walk-ins let in, and all walk-ins.
    walk_ins_in: i64,
    walk_ins: i64,
    gates: Vec<GateView>,
    workshops: Vec<WorkshopView>,
    conflicts: Vec<ConflictView>,
}

#[derive(Serialize)]
struct ModeView {
    label: String,
    registered: i64,
    checked_in: i64,
}

#[derive(Serialize)]
struct GateView {
    gate: String,
    checked_in: i64,
}

#[derive(Serialize)]
struct WorkshopView {
    title: String,
    registered: i64,
    checked_in: i64,
}

/// A badge two offline doors both let in: the first admission and the later one.
#[derive(Serialize)]
struct ConflictView {
    name: Option<String>,
    door: Option<String>,
    first_gate: String,
    first_at: String,
    gate: String,
    at: String,
}

/// `badges`: the batch of badges to print (the template the attendee's badge uses too), and
/// the form that chooses whether online attendees' badges are in it.
#[derive(Serialize)]
struct BadgesPage {
    csrf: String,
    title: String,
    event: crate::web::public::views::EventSummary,
    cards: Vec<crate::web::attendee::views::Card>,
    back: String,
    /// "12 badges to print", worded for the number.
    count: String,
    /// Online attendees' badges are printed too (off unless asked: they never come to a door).
    online: bool,
    /// The ticket and role filters the sheet was asked for, kept by the online checkbox's form.
    ticket: Option<i64>,
    role: Option<String>,
}

#[get("/events/<slug>/checkins")]
async fn checkins(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let report = door_report::report(db, &event).await?;
    let view = CheckinsPage::new(&report, &event, csrf.0, lang);
    Ok(render(
        "admin/checkins",
        lang,
        &format!("/admin/events/{slug}/checkins"),
        &view,
    ))
}

impl CheckinsPage {
    fn new(report: &door_report::DoorReport, event: &Event, csrf: String, lang: Lang) -> Self {
        let tz = event.tz();
        let title = |s: &Session| lang.pick(&s.title_fr, &s.title_en).to_string();
        let conflicts = conflict_views(report, &title, tz);
        let modes = report
            .modes
            .iter()
            .map(|m| ModeView {
                label: lang.t(&format!("attendance-{}", m.mode.as_str())),
                registered: m.registered,
                checked_in: m.checked_in,
            })
            .collect();
        let gates = report
            .gates
            .iter()
            .map(|(gate, n)| GateView {
                gate: gate.clone(),
                checked_in: *n,
            })
            .collect();
        let workshops = report
            .workshops
            .iter()
            .map(|w| WorkshopView {
                title: title(&w.session),
                registered: w.registered,
                checked_in: w.checked_in,
            })
            .collect();
        CheckinsPage {
            csrf,
            event: crate::web::public::pages::event_summary(event, lang),
            modes,
            total_in: report.total_in,
            walk_ins_in: report.walk_ins.0,
            walk_ins: report.walk_ins.1,
            gates,
            workshops,
            conflicts,
        }
    }
}

/// Badges let in twice while doors were offline, with both gates and times.
fn conflict_views(
    report: &door_report::DoorReport,
    title: &dyn Fn(&Session) -> String,
    tz: chrono_tz::Tz,
) -> Vec<ConflictView> {
    report
        .conflicts
        .iter()
        .map(|c| ConflictView {
            name: c.name.clone(),
            door: c.door.as_ref().map(title),
            first_gate: c.first_gate.clone(),
            first_at: time::clock(c.first_scanned_at, tz),
            gate: c.gate.clone(),
            at: time::clock(c.scanned_at, tz),
        })
        .collect()
}

/// Every confirmed attendee's badge (optionally of one ticket or role), one per printed page;
/// online attendees' badges only when `online` is asked for.
#[get("/events/<slug>/badges?<ticket>&<role>&<online>")]
#[allow(clippy::too_many_arguments)]
async fn badges(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    ticket: Option<i64>,
    role: Option<&str>,
    online: Option<bool>,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let mut batch = admin_badges::batch(db, &who.0.actor(), &event, ticket, role).await?;
    let online = online.unwrap_or(false);
    // Online attendees never show a badge at a door: printing theirs wastes cards.
    batch
        .people
        .retain(|r| online || r.attendance != Attendance::Online);
    let mut cards = Vec::new();
    for r in &batch.people {
        cards.push(crate::web::attendee::badges::card(db, lang, &event, &batch.tickets, r).await?);
    }
    let role = role.map(str::trim).filter(|r| !r.is_empty());
    let view = BadgesPage {
        csrf: csrf.0,
        title: lang.t("badge-batch-title"),
        event: crate::web::public::pages::event_summary(&event, lang),
        count: Msg::new("fixes-badge-count")
            .arg("n", cards.len().to_string())
            .render(lang),
        cards,
        back: format!("/admin/events/{slug}/registrations"),
        online,
        ticket,
        role: role.map(str::to_string),
    };
    Ok(render("badges", lang, &badges_path(slug, &view), &view))
}

/// The sheet's address with the filters it was asked for (for the language switch).
fn badges_path(slug: &str, view: &BadgesPage) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(view.ticket.map(|t| ("ticket", t.to_string())))
        .extend_pairs(view.role.as_ref().map(|r| ("role", r.clone())))
        .extend_pairs(view.online.then(|| ("online", "true".to_string())))
        .finish();
    match query.is_empty() {
        true => format!("/admin/events/{slug}/badges"),
        false => format!("/admin/events/{slug}/badges?{query}"),
    }
}

/// A lost badge: the old code is revoked, the attendee's link shows the new one.
#[post("/events/<slug>/registrations/<id>/badge", data = "<form>")]
async fn reissue(
    db: &State<Db>,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<HashMap<String, String>>,
) -> Result<Redirect> {
    checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    admin_badges::reissue(db, &who.0.actor(), &event, id).await?;
    Ok(Redirect::to(format!(
        "/admin/events/{slug}/registrations?done=badge"
    )))
}
