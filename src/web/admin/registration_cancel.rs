//! An organiser cancels someone's registration: first a page that says what it will do
//! (the e-mail, the freed place and who gets it, the refund), then the cancellation, whose
//! redirect tells the registrations list what really happened.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;
use serde::Serialize;

use crate::app::admin_registrations::{self, CancelPlan};
use crate::app::Db;
use crate::auth::{Csrf, Organiser};
use crate::error::{Msg, Result};
use crate::i18n::Lang;
use crate::web::admin::events::checked;
use crate::web::admin::views::render;

pub fn routes() -> Vec<Route> {
    routes![cancel_page, cancel]
}

/// `admin/cancel_registration`: what cancelling will do, before the organiser confirms.
#[derive(Serialize)]
struct CancelPage<'a> {
    csrf: &'a str,
    event: crate::web::public::views::EventSummary,
    id: i64,
    name: String,
    /// One line per consequence: the e-mail, the freed place, the money.
    consequences: Vec<String>,
}

#[get("/events/<slug>/registrations/<id>/cancel")]
async fn cancel_page(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let summary = crate::web::public::pages::event_summary(&event, lang);
    let plan = admin_registrations::cancel_plan(db, event, id).await?;
    let view = CancelPage {
        csrf: &csrf.0,
        event: summary,
        id,
        name: plan.person.name.clone(),
        consequences: consequences(&plan, lang),
    };
    Ok(render(
        "admin/cancel_registration",
        lang,
        &format!("/admin/events/{slug}/registrations/{id}/cancel"),
        &view,
    ))
}

fn consequences(plan: &CancelPlan, lang: Lang) -> Vec<String> {
    let name = &plan.person.name;
    let mut lines = vec![Msg::new("forms-cancel-told").arg("name", name)];
    let names: Vec<&str> = plan.next.iter().map(|r| r.name.as_str()).collect();
    lines.push(match (plan.frees_place, names.is_empty()) {
        (false, _) => Msg::new("forms-cancel-no-place").arg("name", name),
        (true, true) => Msg::new("forms-cancel-nobody-waiting"),
        (true, false) => Msg::new("forms-cancel-next").arg("next", names.join(", ")),
    });
    if let Some((cents, currency)) = &plan.refund {
        let amount = crate::i18n::money(*cents, currency, lang);
        lines.push(Msg::new("forms-cancel-refund").arg("amount", amount));
    } else if plan.too_late_to_refund {
        lines.push(Msg::new("forms-cancel-no-refund"));
    }
    lines.into_iter().map(|m| m.render(lang)).collect()
}

#[post("/events/<slug>/registrations/<id>/cancel", data = "<form>")]
async fn cancel(
    db: &State<Db>,
    stripe: &State<crate::payments::Stripe>,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<HashMap<String, String>>,
) -> Result<Redirect> {
    checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let done = admin_registrations::cancel(db, stripe, &who.0.actor(), &event, id).await?;
    let promoted: Vec<String> = done.promoted.iter().map(i64::to_string).collect();
    Ok(Redirect::to(format!(
        "/admin/events/{slug}/registrations?done=cancelled&id={id}&freed={}&promoted={}",
        done.freed_place,
        promoted.join(",")
    )))
}
