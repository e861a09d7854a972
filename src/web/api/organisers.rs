//! The organisers' API (`/api/v1`, organiser token or signed-in organiser): events, rooms,
//! tracks, speakers, sessions, ticket types. Answers for organisers may carry streaming URLs.

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{delete, get, patch, post, routes, Route, State};

use crate::app::agenda::Agenda;
use crate::app::events;
use crate::app::tickets::TicketType;
use crate::app::{duplicate, session_removal};
use crate::app::{organise, rooms, speakers, tickets, tracks, Db};
use crate::app::{Room, Speaker, Track};
use crate::auth::Organiser;
use crate::config::Settings;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::api::json::JsonInput;
use crate::web::api::views::{OrganiserEventView, OrganiserSessionView, RosterView};

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

#[post("/events/<slug>/rooms", data = "<body>")]
async fn add_room(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Created<Room>> {
    let event = who.event(db, slug).await?;
    let room = rooms::add(db, &who.0, &event, &body?.0).await?;
    Ok((Status::Created, Json(room)))
}

#[post("/events/<slug>/tracks", data = "<body>")]
async fn add_track(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Created<Track>> {
    let event = who.event(db, slug).await?;
    let track = tracks::add(db, &who.0, &event, &body?.0).await?;
    Ok((Status::Created, Json(track)))
}

#[post("/events/<slug>/speakers", data = "<body>")]
async fn add_speaker(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Created<Speaker>> {
    let event = who.event(db, slug).await?;
    let speaker = speakers::add(db, &who.0, &event, &body?.0, None).await?;
    Ok((Status::Created, Json(speaker)))
}

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

#[delete("/events/<slug>/sessions/<id>")]
async fn delete_session(db: &State<Db>, who: Organiser, slug: &str, id: i64) -> Result<Status> {
    let event = who.event(db, slug).await?;
    session_removal::remove(db, &who.0, &event, id).await?;
    Ok(Status::NoContent)
}

#[post("/events/<slug>/tickets", data = "<body>")]
async fn add_ticket(
    db: &State<Db>,
    settings: &State<Settings>,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Created<TicketType>> {
    let event = who.event(db, slug).await?;
    let stripe = settings.stripe_secret_key.is_some();
    let ticket = tickets::add(db, &who.0, &event, &body?.0, stripe).await?;
    Ok((Status::Created, Json(ticket)))
}

/// Who is registered, with the counts (organisers only; the view is audited).
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

/// Duplicating an event and restoring a cancelled session (mounted beside [`routes`]).
pub fn preview_routes() -> Vec<Route> {
    routes![duplicate_event, restore_session]
}

/// A copy of the event as a new draft, `shift_days` later (201, as `POST /events` answers).
#[post("/events/<slug>/duplicate", data = "<body>")]
async fn duplicate_event(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Created<OrganiserEventView>> {
    let event = who.event(db, slug).await?;
    let copy = duplicate::duplicate_event(db, &who.0, &event, &body?.0).await?;
    Ok((Status::Created, Json(OrganiserEventView::new(&copy, lang))))
}

/// Puts a cancelled session back on the agenda while the event has not started.
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
