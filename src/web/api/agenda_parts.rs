//! The organisers' API for what sessions use: rooms, tracks, speakers (and their photos) and
//! ticket types, listed, changed (`PATCH`, the stored values with the given ones laid over)
//! and removed (`DELETE`, refused with 409 naming what would be orphaned).

use rocket::data::{Data, ToByteUnit};
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{delete, get, patch, put, routes, Route, State};

use crate::app::speakers::{Photo, PHOTO_MAX_BYTES};
use crate::app::{rooms, speakers, tickets, tracks, Db};
use crate::auth::Organiser;
use crate::config::Settings;
use crate::error::{Error, Msg, Result};
use crate::web::api::json::JsonInput;
use crate::web::api::openapi::doc;
use crate::web::api::views::{RoomView, SpeakerRecordView, TicketTypeView, TrackView};

pub fn routes() -> Vec<Route> {
    routes![
        list_rooms,
        patch_room,
        delete_room,
        list_tracks,
        patch_track,
        delete_track,
        patch_speaker,
        delete_speaker,
        put_speaker_photo,
        delete_speaker_photo,
        list_tickets,
        patch_ticket,
        delete_ticket
    ]
}

#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}/rooms",
    operation_id = "listRooms",
    tag = "organisers",
    summary = "The event's rooms",
    params(doc::EventPath),
    responses(
        (status = 200, description = "The event's rooms.", body = [doc::RoomView]),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[get("/events/<slug>/rooms")]
async fn list_rooms(db: &State<Db>, who: Organiser, slug: &str) -> Result<Json<Vec<RoomView>>> {
    let event = who.event(db, slug).await?;
    let rooms = rooms::list(db, &event).await?;
    Ok(Json(rooms.iter().map(RoomView::from).collect()))
}

#[utoipa::path(
    patch,
    path = "/api/v1/events/{slug}/rooms/{id}",
    operation_id = "patchRoom",
    tag = "organisers",
    summary = "Change a room",
    params(doc::EventItemPath),
    request_body(content = ref("#/components/schemas/RoomInput"), content_type = "application/json", description = "The fields to change; the others keep their value."),
    responses(
        (status = 200, description = "Changed.", body = doc::RoomView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[patch("/events/<slug>/rooms/<id>", data = "<body>")]
async fn patch_room(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
    body: Result<JsonInput, Error>,
) -> Result<Json<RoomView>> {
    let event = who.event(db, slug).await?;
    let room = rooms::change(db, &who.0, &event, id, body?.0).await?;
    Ok(Json(RoomView::from(&room)))
}

/// `?move_to=ID` moves the room's sessions to another room first.
#[utoipa::path(
    delete,
    path = "/api/v1/events/{slug}/rooms/{id}",
    operation_id = "deleteRoom",
    tag = "organisers",
    summary = "Remove a room",
    description = "Refused with 409 naming its sessions unless `move_to` says where they go.",
    params(doc::EventItemPath, ("move_to" = Option<i64>, Query, description = "Another room of the event: its sessions move there first (refused with 409, naming both sessions, if one would double-book it).")),
    responses(
        (status = 204, description = "Removed."),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[delete("/events/<slug>/rooms/<id>?<move_to>")]
async fn delete_room(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
    move_to: Option<i64>,
) -> Result<Status> {
    let event = who.event(db, slug).await?;
    rooms::remove(db, &who.0, &event, id, move_to).await?;
    Ok(Status::NoContent)
}

#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}/tracks",
    operation_id = "listTracks",
    tag = "organisers",
    summary = "The event's tracks",
    params(doc::EventPath),
    responses(
        (status = 200, description = "The event's tracks.", body = [doc::TrackView]),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[get("/events/<slug>/tracks")]
async fn list_tracks(db: &State<Db>, who: Organiser, slug: &str) -> Result<Json<Vec<TrackView>>> {
    let event = who.event(db, slug).await?;
    let tracks = tracks::list(db, &event).await?;
    Ok(Json(tracks.iter().map(TrackView::from).collect()))
}

#[utoipa::path(
    patch,
    path = "/api/v1/events/{slug}/tracks/{id}",
    operation_id = "patchTrack",
    tag = "organisers",
    summary = "Change a track",
    params(doc::EventItemPath),
    request_body(content = ref("#/components/schemas/TrackInput"), content_type = "application/json", description = "The fields to change; the others keep their value."),
    responses(
        (status = 200, description = "Changed.", body = doc::TrackView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[patch("/events/<slug>/tracks/<id>", data = "<body>")]
async fn patch_track(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
    body: Result<JsonInput, Error>,
) -> Result<Json<TrackView>> {
    let event = who.event(db, slug).await?;
    let track = tracks::change(db, &who.0, &event, id, body?.0).await?;
    Ok(Json(TrackView::from(&track)))
}

/// What `?move_to=` says about a removed track's sessions: another track's id, or `none`.
pub fn track_sessions(move_to: Option<&str>) -> Result<tracks::Sessions> {
    match move_to.map(str::trim) {
        None | Some("") => Ok(tracks::Sessions::Refuse),
        Some("none") => Ok(tracks::Sessions::Untrack),
        Some(id) => id
            .parse()
            .map(tracks::Sessions::MoveTo)
            .map_err(|_| Error::field("move_to", Msg::new("field-unknown-ref"))),
    }
}

/// `?move_to=ID` moves the track's sessions to another track; `?move_to=none` leaves them
/// without a track.
#[utoipa::path(
    delete,
    path = "/api/v1/events/{slug}/tracks/{id}",
    operation_id = "deleteTrack",
    tag = "organisers",
    summary = "Remove a track",
    description = "Refused with 409 naming its sessions unless `move_to` says where they go.",
    params(doc::EventItemPath, ("move_to" = Option<String>, Query, description = "Another track's id: its sessions move there; `none`: they stay without a track.")),
    responses(
        (status = 204, description = "Removed."),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[delete("/events/<slug>/tracks/<id>?<move_to>")]
async fn delete_track(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
    move_to: Option<&str>,
) -> Result<Status> {
    let event = who.event(db, slug).await?;
    tracks::remove(db, &who.0, &event, id, track_sessions(move_to)?).await?;
    Ok(Status::NoContent)
}

#[utoipa::path(
    patch,
    path = "/api/v1/events/{slug}/speakers/{id}",
    operation_id = "patchSpeaker",
    tag = "organisers",
    summary = "Change a speaker",
    params(doc::EventItemPath),
    request_body(content = ref("#/components/schemas/SpeakerInput"), content_type = "application/json", description = "The fields to change; the others keep their value."),
    responses(
        (status = 200, description = "Changed.", body = doc::SpeakerRecordView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[patch("/events/<slug>/speakers/<id>", data = "<body>")]
async fn patch_speaker(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
    body: Result<JsonInput, Error>,
) -> Result<Json<SpeakerRecordView>> {
    let event = who.event(db, slug).await?;
    let speaker = speakers::change(db, &who.0, &event, id, body?.0, Photo::Keep).await?;
    Ok(Json(SpeakerRecordView::from(&speaker)))
}

#[utoipa::path(
    delete,
    path = "/api/v1/events/{slug}/speakers/{id}",
    operation_id = "deleteSpeaker",
    tag = "organisers",
    summary = "Remove a speaker",
    description = "Refused with 409 naming the sessions they are on (take them off first).",
    params(doc::EventItemPath),
    responses(
        (status = 204, description = "Removed."),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[delete("/events/<slug>/speakers/<id>")]
async fn delete_speaker(db: &State<Db>, who: Organiser, slug: &str, id: i64) -> Result<Status> {
    let event = who.event(db, slug).await?;
    speakers::remove(db, &who.0, &event, id).await?;
    Ok(Status::NoContent)
}

/// The photo as the raw body (JPEG, PNG or WebP, recognised by its bytes).
#[utoipa::path(
    put,
    path = "/api/v1/events/{slug}/speakers/{id}/photo",
    operation_id = "putSpeakerPhoto",
    tag = "organisers",
    summary = "Replace a speaker's photo",
    params(doc::EventItemPath),
    request_body(
        description = "The image itself: JPEG, PNG or WebP (recognised by its bytes), 2 MiB at most.",
        content(
            (inline(doc::Binary) = "image/jpeg"),
            (inline(doc::Binary) = "image/png"),
            (inline(doc::Binary) = "image/webp"),
        ),
    ),
    responses(
        (status = 200, description = "The speaker.", body = doc::SpeakerRecordView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[put("/events/<slug>/speakers/<id>/photo", data = "<body>")]
async fn put_speaker_photo(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
    body: Data<'_>,
) -> Result<Json<SpeakerRecordView>> {
    let event = who.event(db, slug).await?;
    let limit = (PHOTO_MAX_BYTES + 1).bytes();
    let bytes = body
        .open(limit)
        .into_bytes()
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    let photo = Photo::Replace(&bytes);
    let patch = Default::default();
    let speaker = speakers::change(db, &who.0, &event, id, patch, photo).await?;
    Ok(Json(SpeakerRecordView::from(&speaker)))
}

#[utoipa::path(
    delete,
    path = "/api/v1/events/{slug}/speakers/{id}/photo",
    operation_id = "deleteSpeakerPhoto",
    tag = "organisers",
    summary = "Remove a speaker's photo",
    params(doc::EventItemPath),
    responses(
        (status = 200, description = "The speaker.", body = doc::SpeakerRecordView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[delete("/events/<slug>/speakers/<id>/photo")]
async fn delete_speaker_photo(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Json<SpeakerRecordView>> {
    let event = who.event(db, slug).await?;
    let patch = Default::default();
    let speaker = speakers::change(db, &who.0, &event, id, patch, Photo::Remove).await?;
    Ok(Json(SpeakerRecordView::from(&speaker)))
}

#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}/tickets",
    operation_id = "listTickets",
    tag = "organisers",
    summary = "The event's ticket types, in their order on the form",
    params(doc::EventPath),
    responses(
        (status = 200, description = "The event's ticket types, in their order on the form.", body = [doc::TicketTypeView]),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[get("/events/<slug>/tickets")]
async fn list_tickets(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
) -> Result<Json<Vec<TicketTypeView>>> {
    let event = who.event(db, slug).await?;
    let tickets = tickets::list(db, &event).await?;
    Ok(Json(tickets.iter().map(TicketTypeView::from).collect()))
}

/// `{"on_sale": false}` stops selling it now; `true` sells it again.
#[utoipa::path(
    patch,
    path = "/api/v1/events/{slug}/tickets/{id}",
    operation_id = "patchTicket",
    tag = "organisers",
    summary = "Change a ticket type, or stop or resume its sales",
    params(doc::EventItemPath),
    request_body(content = ref("#/components/schemas/TicketPatch"), content_type = "application/json", description = "The fields to change; the others keep their value. A quota below the places held, or an attendance mode its holders do not have, answers 409 with the count."),
    responses(
        (status = 200, description = "Changed.", body = doc::TicketTypeView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::TooLarge, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[patch("/events/<slug>/tickets/<id>", data = "<body>")]
async fn patch_ticket(
    db: &State<Db>,
    settings: &State<Settings>,
    who: Organiser,
    slug: &str,
    id: i64,
    body: Result<JsonInput, Error>,
) -> Result<Json<TicketTypeView>> {
    let event = who.event(db, slug).await?;
    let stripe = settings.stripe_secret_key.is_some();
    let ticket = tickets::change(db, &who.0, &event, id, body?.0, stripe).await?;
    Ok(Json(TicketTypeView::from(&ticket)))
}

#[utoipa::path(
    delete,
    path = "/api/v1/events/{slug}/tickets/{id}",
    operation_id = "deleteTicket",
    tag = "organisers",
    summary = "Remove a ticket type",
    description = "Refused with 409 and the count once anyone registered with it: stop selling it instead (`PATCH` with `on_sale: false`).",
    params(doc::EventItemPath),
    responses(
        (status = 204, description = "Removed."),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[delete("/events/<slug>/tickets/<id>")]
async fn delete_ticket(db: &State<Db>, who: Organiser, slug: &str, id: i64) -> Result<Status> {
    let event = who.event(db, slug).await?;
    tickets::remove(db, &who.0, &event, id).await?;
    Ok(Status::NoContent)
}
