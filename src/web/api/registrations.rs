//! Registering through the API (`/api/v1`): anyone may register for a public event (and the
//! event's organisers, with a token, anyone, with a badge role); the attendee's token (as in
//! `/r/TOKEN`) reads, changes and cancels their own registration.

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{delete, get, patch, post, routes, Route, State};

use crate::app::registering::{self, Channel};
use crate::app::registrations;
use crate::app::Db;
use crate::app::Registered;
use crate::auth::Organiser;
use crate::config::Settings;
use crate::domain::BadgeRole;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::payments::Stripe;
use crate::web::api::json::JsonInput;
use crate::web::api::openapi::doc;
use crate::web::api::views::{CheckEmailView, RegisteredView, RegistrationView};
use crate::web::public::pages::public_event;

pub fn routes() -> Vec<Route> {
    routes![register, status, change, cancel]
}

pub fn manage_url(settings: &Settings, token: &str) -> String {
    format!("{}/r/{token}", settings.public_url.trim_end_matches('/'))
}

/// The answer to registering: a new registration (201) or a known address (202).
#[derive(serde::Serialize)]
#[serde(untagged)]
pub enum Answer {
    Registered(RegisteredView),
    CheckEmail(CheckEmailView),
}

#[utoipa::path(
    post,
    path = "/api/v1/events/{slug}/registrations",
    operation_id = "register",
    tag = "registrations",
    summary = "Register for an event",
    description = "409 when registration is closed or the event is cancelled. With an organiser token of this event, the person is registered as organisers add people by hand (at any time, without approval) and `badge_role` may be given.",
    params(doc::EventPath, doc::LangQuery),
    request_body(content = ref("#/components/schemas/RegistrationInput"), content_type = "application/json"),
    responses(
        (status = 201, description = "Registered.", body = doc::RegisteredView),
        (status = 202, description = "Already registered with this e-mail: the attendee's link went out again by e-mail.", body = doc::CheckEmailView),
        doc::BadRequest, doc::NotFound, doc::Conflict, doc::TooLarge, doc::Invalid,
    ),
    security((), ("bearerAuth" = [])),
)]
#[post("/events/<slug>/registrations", data = "<body>")]
async fn register(
    db: &State<Db>,
    settings: &State<Settings>,
    stripe: &State<Stripe>,
    lang: Lang,
    slug: &str,
    who: Option<Organiser>,
    body: Result<JsonInput, Error>,
) -> Result<(Status, Json<Answer>)> {
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
            chose_sessions,
            waitlist_position,
        } => {
            let standing =
                registering::new_standing(db, &registration, chose_sessions, waitlist_position)
                    .await?;
            let badge_role = (channel == Channel::Organiser)
                .then(|| role.unwrap_or(BadgeRole::Attendee).as_str().to_string());
            // A paid ticket: the Checkout page, when Stripe could open one (else the
            // attendee's page offers to try again).
            let checkout_url = stripe.checkout(db, &registration).await?;
            let body = RegisteredView {
                registration: standing.into(),
                manage_url: manage_url(settings, &token),
                badge_role,
                checkout_url,
            };
            Ok((Status::Created, Json(Answer::Registered(body))))
        }
        // Already registered: the link went out again by e-mail; nothing more is said.
        Registered::Existing { .. } => Ok((
            Status::Accepted,
            Json(Answer::CheckEmail(CheckEmailView {
                status: "check_email",
                message: lang.t("register-check-email"),
            })),
        )),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/registrations/{token}",
    operation_id = "getRegistration",
    tag = "registrations",
    summary = "A registration, by the attendee's token",
    params(doc::TokenPath, doc::LangQuery),
    responses(
        (status = 200, description = "The registration.", body = doc::RegistrationView),
        doc::NotFound,
    ),
    security(()),
)]
#[get("/registrations/<token>")]
async fn status(db: &State<Db>, token: &str) -> Result<Json<RegistrationView>> {
    let r = registrations::find(db, token).await?;
    Ok(Json(registering::standing(db, &r).await?.into()))
}

/// Changes the chosen sessions (`sessions`) and/or the attendance mode (`attendance`).
#[utoipa::path(
    patch,
    path = "/api/v1/registrations/{token}",
    operation_id = "changeRegistration",
    tag = "registrations",
    summary = "Change the chosen sessions or the attendance mode",
    params(doc::TokenPath, doc::LangQuery),
    request_body(content = ref("#/components/schemas/RegistrationChange"), content_type = "application/json"),
    responses(
        (status = 200, description = "The changed registration.", body = doc::RegistrationView),
        doc::BadRequest, doc::NotFound, doc::Conflict, doc::TooLarge, doc::Invalid,
    ),
    security(()),
)]
#[patch("/registrations/<token>", data = "<body>")]
async fn change(
    db: &State<Db>,
    lang: Lang,
    token: &str,
    body: Result<JsonInput, Error>,
) -> Result<Json<RegistrationView>> {
    // An unknown token is 404 whatever the body.
    let own = registrations::by_token(db, token).await?;
    let r = registrations::change(db, &own, &body?.0, lang).await?;
    Ok(Json(registering::standing(db, &r).await?.into()))
}

#[utoipa::path(
    delete,
    path = "/api/v1/registrations/{token}",
    operation_id = "cancelRegistration",
    tag = "registrations",
    summary = "Cancel a registration",
    params(doc::TokenPath, doc::LangQuery),
    responses(
        (status = 200, description = "Cancelled; the seat goes to the next person on the waitlist.", body = doc::RegistrationView),
        doc::NotFound, doc::Conflict,
    ),
    security(()),
)]
#[delete("/registrations/<token>")]
async fn cancel(
    db: &State<Db>,
    stripe: &State<Stripe>,
    token: &str,
) -> Result<Json<RegistrationView>> {
    let r = registrations::cancel(db, stripe, token).await?;
    Ok(Json(registering::standing(db, &r).await?.into()))
}
