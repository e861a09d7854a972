//! Privacy: each event's notice, and the attendee's own data: download it all
//! (`/r/TOKEN/data.json`) or erase it (`POST /r/TOKEN/erase`; the link leads nowhere after).

use std::collections::HashMap;

use rocket::form::Form;
use rocket::http::{ContentType, Header, Status};
use rocket::serde::json::Json;
use rocket::{get, post, routes, Responder, Route, State};
use rocket_dyn_templates::Template;

use crate::app::{privacy, Db};
use crate::auth::Csrf;
use crate::config::Settings;
use crate::error::{Msg, Result};
use crate::i18n::Lang;
use crate::payments::Stripe;
use crate::web::api::openapi::doc;
use crate::web::page;
use crate::web::public::pages::public_event;
use crate::web::public::views::{page_data, Erased, EventPage, EventSummary, PrivacyPage};

pub fn routes() -> Vec<Route> {
    routes![notice]
}

pub fn attendee_routes() -> Vec<Route> {
    routes![data, erase_form, erase_json]
}

#[get("/events/<slug>/privacy")]
async fn notice(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    slug: &str,
) -> Result<Template> {
    let event = public_event(db, slug).await?;
    let own = lang.pick(&event.privacy_notice_fr, &event.privacy_notice_en);
    let paragraphs: Vec<String> = if own.trim().is_empty() {
        let organiser = if event.organiser.is_empty() {
            lang.t("privacy-the-organisers")
        } else {
            event.organiser.clone()
        };
        vec![
            lang.t("privacy-what"),
            lang.t("privacy-why"),
            Msg::new("privacy-how-long")
                .arg("days", settings.retention_days.to_string())
                .render(lang),
            Msg::new("privacy-who")
                .arg("organiser", organiser)
                .render(lang),
            lang.t("privacy-rights"),
        ]
    } else {
        own.split("\n\n").map(str::to_string).collect()
    };
    Ok(page(
        "privacy",
        lang,
        &format!("/events/{slug}/privacy"),
        page_data(&PrivacyPage {
            event: EventSummary::new(&event, lang),
            paragraphs,
        }),
    ))
}

#[derive(Responder)]
#[response(content_type = "json")]
struct Download(String, Header<'static>);

#[utoipa::path(
    get,
    path = "/r/{token}/data.json",
    operation_id = "getAttendeeData",
    tag = "attendees",
    summary = "Everything Summit holds on an attendee",
    params(doc::TokenPath),
    responses(
        (status = 200, description = "The attendee's data.", body = inline(doc::JsonObject)),
        doc::NotFound,
    ),
    security(()),
)]
#[get("/<token>/data.json")]
async fn data(db: &State<Db>, token: &str) -> Result<Download> {
    let body = privacy::export(db, token).await?;
    let disposition = Header::new(
        "Content-Disposition",
        "attachment; filename=\"my-registration.json\"",
    );
    Ok(Download(body, disposition))
}

/// The attendee's form: the CSRF token and a ticked box confirm it.
#[post("/<token>/erase", data = "<form>", format = "form", rank = 1)]
#[allow(clippy::too_many_arguments)]
async fn erase_form(
    db: &State<Db>,
    stripe: &State<Stripe>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    token: &str,
    form: Form<HashMap<String, String>>,
) -> Result<(Status, Template)> {
    csrf.verify(form.get("csrf").map(String::as_str))?;
    let confirmed = form.get("confirm").is_some_and(|v| v == "on");
    let event = privacy::erase(db, stripe, &settings.outbox_dir, token, confirmed).await?;
    let view = EventPage {
        event: EventSummary::new(&event, lang),
    };
    Ok((Status::Ok, page("erased", lang, "/", page_data(&view))))
}

/// Programs erase with the token alone (it is the secret).
#[utoipa::path(
    post,
    path = "/r/{token}/erase",
    operation_id = "eraseAttendee",
    tag = "attendees",
    summary = "Erase the attendee's registration",
    description = "Programs post with the token alone (no body, or any body but a form): every answer is JSON. Cancels first under the event's refund policy (409 when a due refund fails), then erases. The attendee page's form (`application/x-www-form-urlencoded`, with its CSRF token and a ticked `confirm`) answers HTML pages instead.",
    params(doc::TokenPath),
    responses(
        (status = 200, description = "Erased; afterwards the token leads nowhere.", body = doc::Erased),
        doc::NotFound, doc::Conflict,
    ),
    security(()),
)]
#[post("/<token>/erase", rank = 2)]
async fn erase_json(
    db: &State<Db>,
    stripe: &State<Stripe>,
    settings: &State<Settings>,
    token: &str,
) -> Result<(ContentType, Json<Erased>)> {
    privacy::erase(db, stripe, &settings.outbox_dir, token, true).await?;
    Ok((ContentType::JSON, Json(Erased { status: "erased" })))
}
