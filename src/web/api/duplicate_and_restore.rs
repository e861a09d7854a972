//! Second chances for organisers through the API: an event duplicated as a new draft (next
//! year's edition), a cancelled session put back on the agenda.

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{post, routes, Route, State};

use crate::app::agenda::Agenda;
use crate::app::{duplicate, session_removal, Db};
use crate::auth::Organiser;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::api::json::JsonInput;
use crate::web::api::openapi::doc;
use crate::web::api::views::{OrganiserEventView, OrganiserSessionView};

pub fn routes() -> Vec<Route> {
    routes![duplicate_event, restore_session]
}

/// A copy of the event as a new draft, `shift_days` later (201, as `POST /events` answers).
#[utoipa::path(
    post,
    path = "/api/v1/events/{slug}/duplicate",
    operation_id = "duplicateEvent",
    tag = "organisers",
    summary = "Duplicate an event as a new draft",
    description = "Copies the event's details, rooms, tracks, speakers (with photos), ticket types and scheduled sessions (with their speakers and roles) into a new draft, every time moved by `shift_days` on the event's own clock (a session at 09:00 stays at 09:00 across daylight saving). Copies no registrations, check-ins, payments, tokens, cancelled sessions or stream links. Needs an organiser not limited to one event. A taken slug answers 409 naming `slug`; a bad slug or number of days 422.",
    params(doc::EventPath, doc::LangQuery),
    request_body(content = ref("#/components/schemas/DuplicateInput"), content_type = "application/json"),
    responses(
        (status = 201, description = "The new draft event.", body = doc::OrganiserEventView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[post("/events/<slug>/duplicate", data = "<body>")]
async fn duplicate_event(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<(Status, Json<OrganiserEventView>)> {
    let event = who.event(db, slug).await?;
    let copy = duplicate::duplicate_event(db, &who.0, &event, &body?.0).await?;
    Ok((Status::Created, Json(OrganiserEventView::new(&copy, lang))))
}

/// Puts a cancelled session back on the agenda while the event has not started.
#[utoipa::path(
    post,
    path = "/api/v1/events/{slug}/sessions/{id}/restore",
    operation_id = "restoreSession",
    tag = "organisers",
    summary = "Restore a cancelled session",
    description = "Puts a cancelled session back on the agenda while the event has not started. Cancelling kept its sign-ups, so the people seated are seated again and told by e-mail. 404 if the session is not cancelled; 409 once the event has started, or if its room or a speaker was booked meanwhile (the error names the other session).",
    params(doc::EventItemPath, doc::LangQuery),
    responses(
        (status = 200, description = "The restored session.", body = doc::OrganiserSessionView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[post("/events/<slug>/sessions/<id>/restore")]
async fn restore_session(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Json<OrganiserSessionView>> {
    let event = who.event(db, slug).await?;
    let session = session_removal::restore(db, &who.0, &event, id).await?;
    let agenda = Agenda::load(db, event).await?;
    Ok(Json(OrganiserSessionView::new(&agenda, &session, lang)))
}
