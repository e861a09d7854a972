//! Registering through the API (`/api/v1`): anyone may register for a public event (and the
//! event's organisers, with a token, anyone, with a badge role); the attendee's token (as in
//! `/r/TOKEN`) reads, changes and cancels their own registration.

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{delete, get, patch, post, routes, Route, State};
use serde_json::{json, Value};

use crate::app::registering::{self, Channel};
use crate::app::registrations::{self, Registered};
use crate::app::Db;
use crate::auth::Organiser;
use crate::config::Settings;
use crate::domain::BadgeRole;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::payments::Stripe;
use crate::web::api::json::JsonInput;
use crate::web::public::pages::public_event;

pub fn routes() -> Vec<Route> {
    routes![register, status, change, cancel]
}

pub fn manage_url(settings: &Settings, token: &str) -> String {
    format!("{}/r/{token}", settings.public_url.trim_end_matches('/'))
}

#[post("/events/<slug>/registrations", data = "<body>")]
async fn register(
    db: &State<Db>,
    settings: &State<Settings>,
    stripe: &State<Stripe>,
    lang: Lang,
    slug: &str,
    who: Option<Organiser>,
    body: Result<JsonInput, Error>,
) -> Result<(Status, Json<Value>)> {
    // The event's organisers, with an API token, register people as from their pages (at
    // any time, without approval) and may choose the badge role; anyone else registers
    // themselves, as does an organiser of another event.
    let organised = match who.filter(|who| !who.0.via_cookie) {
        Some(who) => who.event(db, slug).await.ok(),
        None => None,
    };
    let (event, channel) = match organised {
        Some(event) => (event, Channel::Organiser),
        None => (public_event(db, slug).await?, Channel::Api),
    };
    let input = body?.0;
    let (registered, role) = registrations::register(db, &event, &input, lang, channel).await?;
    match registered {
        Registered::New {
            registration,
            token,
        } => {
            let mut body = registering::status_json(db, &registration).await?;
            body["manage_url"] = json!(manage_url(settings, &token));
            if channel == Channel::Organiser {
                body["badge_role"] = json!(role.unwrap_or(BadgeRole::Attendee));
            }
            // A paid ticket: the Checkout page, when Stripe could open one (else the
            // attendee's page offers to try again).
            if let Some(url) = stripe.checkout(db, &registration).await? {
                body["checkout_url"] = json!(url);
            }
            Ok((Status::Created, Json(body)))
        }
        // Already registered: the link went out again by e-mail; nothing more is said.
        Registered::Existing { .. } => Ok((
            Status::Accepted,
            Json(json!({"status": "check_email", "message": lang.t("register-check-email")})),
        )),
    }
}

#[get("/registrations/<token>")]
async fn status(db: &State<Db>, token: &str) -> Result<Json<Value>> {
    let r = registrations::find(db, token).await?;
    Ok(Json(registering::status_json(db, &r).await?))
}

/// Changes the chosen sessions (`sessions`) and/or the attendance mode (`attendance`).
#[patch("/registrations/<token>", data = "<body>")]
async fn change(
    db: &State<Db>,
    lang: Lang,
    token: &str,
    body: Result<JsonInput, Error>,
) -> Result<Json<Value>> {
    // An unknown token is 404 whatever the body.
    let own = registrations::by_token(db, token).await?;
    let r = registrations::change(db, &own, &body?.0, lang).await?;
    Ok(Json(registering::status_json(db, &r).await?))
}

#[delete("/registrations/<token>")]
async fn cancel(db: &State<Db>, stripe: &State<Stripe>, token: &str) -> Result<Json<Value>> {
    let r = registrations::cancel(db, stripe, token).await?;
    Ok(Json(registering::status_json(db, &r).await?))
}
