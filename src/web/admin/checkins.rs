//! Organisers at the doors: live check-in counts (exact with several app instances), badges
//! to print in one go, and re-issuing a lost badge.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;
use serde_json::{json, Value};

use crate::app::door_report::{self, Session};
use crate::app::{admin_badges, Db};
use crate::auth::{Csrf, Organiser};
use crate::domain::time;
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::admin::events::checked;
use crate::web::page;

pub fn routes() -> Vec<Route> {
    routes![checkins, badges, reissue]
}

#[get("/events/<slug>/checkins")]
async fn checkins(db: &State<Db>, lang: Lang, who: Organiser, slug: &str) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let report = door_report::report(db, &event).await?;
    let tz = event.tz();
    let title = |s: &Session| lang.pick(&s.title_fr, &s.title_en).to_string();
    let conflicts: Vec<Value> = report
        .conflicts
        .iter()
        .map(|c| {
            json!({"name": c.name, "door": c.door.as_ref().map(title),
                   "first_gate": c.first_gate, "first_at": time::clock(c.first_scanned_at, tz),
                   "gate": c.gate, "at": time::clock(c.scanned_at, tz)})
        })
        .collect();
    let modes: Vec<Value> = report
        .modes
        .iter()
        .map(|m| {
            json!({"label": lang.t(&format!("attendance-{}", m.mode.as_str())),
                   "registered": m.registered, "checked_in": m.checked_in})
        })
        .collect();
    let total_in = report.total_in;
    let gates: Vec<Value> = report
        .gates
        .iter()
        .map(|(gate, n)| json!({"gate": gate, "checked_in": n}))
        .collect();
    let workshops: Vec<Value> = report
        .workshops
        .iter()
        .map(|w| {
            json!({"title": title(&w.session), "registered": w.registered,
                   "checked_in": w.checked_in})
        })
        .collect();
    Ok(page(
        "admin/checkins",
        lang,
        &format!("/admin/events/{slug}/checkins"),
        json!({
            "event": crate::web::public::pages::event_summary(&event, lang),
            "modes": modes,
            "total_in": total_in,
            "gates": gates,
            "workshops": workshops,
            "conflicts": conflicts,
        }),
    ))
}

/// Every confirmed attendee's badge (optionally of one ticket or role), one per printed page.
#[get("/events/<slug>/badges?<ticket>&<role>")]
async fn badges(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    ticket: Option<i64>,
    role: Option<&str>,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let batch = admin_badges::batch(db, &who.0.actor(), &event, ticket, role).await?;
    let mut cards = Vec::new();
    for r in &batch.people {
        cards.push(crate::web::attendee::badges::card(db, lang, &event, &batch.tickets, r).await?);
    }
    Ok(page(
        "badges",
        lang,
        &format!("/admin/events/{slug}/badges"),
        json!({
            "title": lang.t("badge-batch-title"),
            "event": crate::web::public::pages::event_summary(&event, lang),
            "cards": cards,
            "back": format!("/admin/events/{slug}/registrations"),
        }),
    ))
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
