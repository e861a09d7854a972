//! Organisers at the doors: live check-in counts (counted by the database, so exact with
//! several app instances), badges to print in one go, and re-issuing a lost badge.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;
use serde_json::{json, Value};

use crate::auth::{Csrf, Organiser};
use crate::domain::{time, Attendance};
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::roster::Filter;
use crate::store::{self, Db};
use crate::web::admin::events::checked;
use crate::web::page;

pub fn routes() -> Vec<Route> {
    routes![checkins, badges, reissue]
}

#[get("/events/<slug>/checkins")]
async fn checkins(db: &State<Db>, lang: Lang, who: Organiser, slug: &str) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let (counts, registered, fill, sessions, conflicts) = tokio::try_join!(
        store::checkins::counts(db, event.id),
        store::roster::counts(db, event.id),
        store::roster::session_fill(db, event.id),
        store::sessions::list(db, event.id),
        store::conflicts::list(db, event.id),
    )?;
    let tz = event.tz();
    let conflicts: Vec<Value> = conflicts
        .iter()
        .map(|c| {
            let door = sessions
                .iter()
                .find(|s| s.id == c.scope)
                .map(|s| lang.pick(&s.title_fr, &s.title_en).to_string());
            json!({"name": c.name, "door": door,
                   "first_gate": c.first_gate, "first_at": time::clock(c.first_scanned_at, tz),
                   "gate": c.gate, "at": time::clock(c.scanned_at, tz)})
        })
        .collect();
    let modes: Vec<Value> = Attendance::ALL
        .iter()
        .map(|mode| {
            let confirmed: i64 = registered
                .iter()
                .filter(|c| c.status == "confirmed" && c.attendance == mode.as_str())
                .map(|c| c.n)
                .sum();
            let checked_in = counts
                .by_attendance
                .iter()
                .find(|(m, _)| m == mode.as_str())
                .map_or(0, |(_, n)| *n);
            json!({"label": lang.t(&format!("attendance-{}", mode.as_str())),
                   "registered": confirmed, "checked_in": checked_in})
        })
        .collect();
    let total_in: i64 = counts.by_attendance.iter().map(|(_, n)| n).sum();
    let gates: Vec<Value> = counts
        .by_gate
        .iter()
        .map(|(gate, n)| json!({"gate": gate, "checked_in": n}))
        .collect();
    let at_session: HashMap<i64, i64> = counts.by_session.iter().copied().collect();
    let workshops: Vec<Value> = sessions
        .iter()
        .filter(|s| s.requires_signup.0 || at_session.contains_key(&s.id))
        .map(|s| {
            json!({"title": lang.pick(&s.title_fr, &s.title_en),
                   "registered": fill.get(&s.id).map_or(0, |f| f.confirmed),
                   "checked_in": at_session.get(&s.id).copied().unwrap_or(0)})
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
    store::audit::record(db, &who.0.actor(), "print-badges", slug).await?;
    let filter = Filter {
        status: Some("confirmed".into()),
        ticket,
        ..Filter::default()
    };
    let people = store::roster::list(db, event.id, &filter).await?;
    let tickets = store::tickets::list(db, event.id).await?;
    let role = role.map(str::trim).filter(|r| !r.is_empty());
    let mut cards = Vec::new();
    for r in people
        .iter()
        .filter(|r| role.is_none_or(|x| x == r.badge_role))
    {
        cards.push(crate::web::attendee::badges::card(db, lang, &event, &tickets, r).await?);
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
    let r = store::roster::get(db, event.id, id).await?;
    store::badges::reissue(db, r.id).await?;
    store::audit::record(db, &who.0.actor(), "reissue-badge", &r.id.to_string()).await?;
    Ok(Redirect::to(format!(
        "/admin/events/{slug}/registrations?done=badge"
    )))
}
