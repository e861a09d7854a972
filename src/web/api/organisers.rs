//! The organisers' API (`/api/v1`, organiser token or signed-in organiser): events, rooms,
//! tracks, speakers, sessions, ticket types. Answers for organisers may carry streaming URLs.

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{delete, get, patch, post, routes, Route, State};

use crate::app::agenda::Agenda;
use crate::app::events;
use crate::app::session_removal;
use crate::app::{organise, rooms, speakers, tickets, tracks, Db};
use crate::auth::Organiser;
use crate::config::Settings;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::api::json::JsonInput;
use crate::web::api::openapi::doc;
use crate::web::api::views::{OrganiserEventView, OrganiserSessionView, RosterView};
use crate::web::api::views::{RoomView, SpeakerRecordView, TicketTypeView, TrackView};

/// These and the routes for rooms, tracks, speakers and tickets (`agenda_parts`).
pub fn routes() -> Vec<Route> {
    let mut all = routes![
        create_event,
        patch_event,
        add_room,
        add_track,
        add_speaker,
        create_session,
        get_session,
        patch_session,
        delete_session,
        add_ticket,
        registrations
    ];
    all.extend(crate::web::api::agenda_parts::routes());
    all.extend(crate::web::api::programme_import::routes());
    all
}

type Created<T> = (Status, Json<T>);

#[utoipa::path(
    post,
    path = "/api/v1/events",
    operation_id = "createEvent",
    tag = "organisers",
    summary = "Create an event",
    description = "Needs an organiser not limited to one event.",
    params(doc::LangQuery),
    request_body(content = ref("#/components/schemas/EventInput"), content_type = "application/json"),
    responses(
        (status = 201, description = "The event.", body = doc::OrganiserEventView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[post("/events", data = "<body>")]
async fn create_event(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    body: Result<JsonInput, Error>,
) -> Result<Created<OrganiserEventView>> {
    who.may_create_events()?;
    let (event, certificates) =
        organise::create_with_certificates(db, &who.0.actor(), &body?.0).await?;
    let view = OrganiserEventView::with_certificates(&event, certificates.as_ref(), lang);
    Ok((Status::Created, Json(view)))
}

#[utoipa::path(
    patch,
    path = "/api/v1/events/{slug}",
    operation_id = "patchEvent",
    tag = "organisers",
    summary = "Change an event",
    params(doc::EventPath, doc::LangQuery),
    request_body(content = ref("#/components/schemas/EventFields"), content_type = "application/json", description = "The fields to change; the others keep their value."),
    responses(
        (status = 200, description = "The changed event.", body = doc::OrganiserEventView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[patch("/events/<slug>", data = "<body>")]
async fn patch_event(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Json<OrganiserEventView>> {
    let event = who.event(db, slug).await?;
    let (event, certificates) = organise::patch_event(db, &who.0.actor(), &event, body?.0).await?;
    Ok(Json(OrganiserEventView::with_certificates(
        &event,
        certificates.as_ref(),
        lang,
    )))
}

#[utoipa::path(
    post,
    path = "/api/v1/events/{slug}/rooms",
    operation_id = "createRoom",
    tag = "organisers",
    summary = "Add a room",
    params(doc::EventPath),
    request_body(content = ref("#/components/schemas/RoomInput"), content_type = "application/json"),
    responses(
        (status = 201, description = "The room.", body = doc::RoomView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[post("/events/<slug>/rooms", data = "<body>")]
async fn add_room(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Created<RoomView>> {
    let event = who.event(db, slug).await?;
    let room = rooms::add(db, &who.0, &event, &body?.0).await?;
    Ok((Status::Created, Json(RoomView::from(&room))))
}

#[utoipa::path(
    post,
    path = "/api/v1/events/{slug}/tracks",
    operation_id = "createTrack",
    tag = "organisers",
    summary = "Add a track",
    params(doc::EventPath),
    request_body(content = ref("#/components/schemas/TrackInput"), content_type = "application/json"),
    responses(
        (status = 201, description = "The track.", body = doc::TrackView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[post("/events/<slug>/tracks", data = "<body>")]
async fn add_track(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Created<TrackView>> {
    let event = who.event(db, slug).await?;
    let track = tracks::add(db, &who.0, &event, &body?.0).await?;
    Ok((Status::Created, Json(TrackView::from(&track))))
}

#[utoipa::path(
    post,
    path = "/api/v1/events/{slug}/speakers",
    operation_id = "createSpeaker",
    tag = "organisers",
    summary = "Add a speaker",
    params(doc::EventPath),
    request_body(content = ref("#/components/schemas/SpeakerInput"), content_type = "application/json"),
    responses(
        (status = 201, description = "The speaker.", body = doc::SpeakerRecordView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[post("/events/<slug>/speakers", data = "<body>")]
async fn add_speaker(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Created<SpeakerRecordView>> {
    let event = who.event(db, slug).await?;
    let speaker = speakers::add(db, &who.0, &event, &body?.0, None).await?;
    Ok((Status::Created, Json(SpeakerRecordView::from(&speaker))))
}

#[utoipa::path(
    post,
    path = "/api/v1/events/{slug}/sessions",
    operation_id = "createSession",
    tag = "organisers",
    summary = "Add a session",
    description = "A room or a speaker already booked at that time answers 409 with a message that names the other session.",
    params(doc::EventPath, doc::LangQuery),
    request_body(content = ref("#/components/schemas/SessionInput"), content_type = "application/json"),
    responses(
        (status = 201, description = "The session.", body = doc::OrganiserSessionView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[post("/events/<slug>/sessions", data = "<body>")]
async fn create_session(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Created<OrganiserSessionView>> {
    let event = who.event(db, slug).await?;
    let input = body?.0;
    let agenda = Agenda::load(db, event).await?;
    let session = organise::create_session(db, &agenda, &input).await?;
    let agenda = Agenda::load(db, agenda.event).await?;
    Ok((
        Status::Created,
        Json(OrganiserSessionView::new(&agenda, &session, lang)),
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}/sessions/{id}",
    operation_id = "getSession",
    tag = "organisers",
    summary = "A session with its private fields",
    params(doc::EventItemPath, doc::LangQuery),
    responses(
        (status = 200, description = "The session.", body = doc::OrganiserSessionView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[get("/events/<slug>/sessions/<id>")]
async fn get_session(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Json<OrganiserSessionView>> {
    let agenda = Agenda::load(db, who.event(db, slug).await?).await?;
    let session = agenda.session(id).ok_or(Error::NotFound)?;
    Ok(Json(OrganiserSessionView::new(&agenda, session, lang)))
}

#[utoipa::path(
    patch,
    path = "/api/v1/events/{slug}/sessions/{id}",
    operation_id = "patchSession",
    tag = "organisers",
    summary = "Change a session",
    params(doc::EventItemPath, doc::LangQuery),
    request_body(content = ref("#/components/schemas/SessionFields"), content_type = "application/json", description = "The fields to change; the others keep their value."),
    responses(
        (status = 200, description = "The changed session.", body = doc::OrganiserSessionView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[patch("/events/<slug>/sessions/<id>", data = "<body>")]
async fn patch_session(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    id: i64,
    body: Result<JsonInput, Error>,
) -> Result<Json<OrganiserSessionView>> {
    let event = who.event(db, slug).await?;
    let patch = body?.0;
    let agenda = Agenda::load(db, event).await?;
    let session = organise::update_session(db, &agenda, id, patch).await?;
    let agenda = Agenda::load(db, agenda.event).await?;
    Ok(Json(OrganiserSessionView::new(&agenda, &session, lang)))
}

#[utoipa::path(
    delete,
    path = "/api/v1/events/{slug}/sessions/{id}",
    operation_id = "deleteSession",
    tag = "organisers",
    summary = "Remove a session",
    params(doc::EventItemPath),
    responses(
        (status = 204, description = "Removed (kept as cancelled when people signed up for it)."),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[delete("/events/<slug>/sessions/<id>")]
async fn delete_session(db: &State<Db>, who: Organiser, slug: &str, id: i64) -> Result<Status> {
    let event = who.event(db, slug).await?;
    session_removal::remove(db, &who.0, &event, id).await?;
    Ok(Status::NoContent)
}

#[utoipa::path(
    post,
    path = "/api/v1/events/{slug}/tickets",
    operation_id = "createTicketType",
    tag = "organisers",
    summary = "Add a ticket type",
    description = "A price above zero needs the Stripe settings.",
    params(doc::EventPath),
    request_body(content = ref("#/components/schemas/TicketInput"), content_type = "application/json"),
    responses(
        (status = 201, description = "The ticket type.", body = doc::TicketTypeView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[post("/events/<slug>/tickets", data = "<body>")]
async fn add_ticket(
    db: &State<Db>,
    settings: &State<Settings>,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Created<TicketTypeView>> {
    let event = who.event(db, slug).await?;
    let stripe = settings.stripe_secret_key.is_some();
    let ticket = tickets::add(db, &who.0, &event, &body?.0, stripe).await?;
    Ok((Status::Created, Json(TicketTypeView::from(&ticket))))
}

/// Who is registered, with the counts (organisers only; the view is audited).
#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}/registrations",
    operation_id = "listRegistrations",
    tag = "organisers",
    summary = "Who is registered, with counts per status, mode, ticket and workshop (organisers; audited)",
    params(doc::EventPath, doc::LangQuery),
    responses(
        (status = 200, description = "The registrations and the counts.", body = doc::RosterView),
        doc::Unauthorized, doc::Forbidden, doc::NotFound,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[get("/events/<slug>/registrations")]
async fn registrations(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
) -> Result<Json<RosterView>> {
    let event = who.event(db, slug).await?;
    let roster = events::registrations(db, &who.0, event).await?;
    let registrations = roster
        .rows
        .iter()
        .map(|r| roster.row_json(r, lang))
        .collect();
    Ok(Json(RosterView {
        registrations,
        counts: roster.counts_json(lang),
    }))
}
