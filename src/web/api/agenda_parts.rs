//! The organisers' API for what sessions use: rooms, tracks, speakers (and their photos) and
//! ticket types, listed, changed (`PATCH`, the stored values with the given ones laid over)
//! and removed (`DELETE`, refused with 409 naming what would be orphaned).

use rocket::data::{Data, ToByteUnit};
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{delete, get, patch, put, routes, Route, State};

use crate::app::speakers::{Photo, PHOTO_MAX_BYTES};
use crate::app::tickets::TicketType;
use crate::app::{rooms, speakers, tickets, tracks, Db};
use crate::app::{Room, Speaker, Track};
use crate::auth::Organiser;
use crate::config::Settings;
use crate::error::{Error, Msg, Result};
use crate::web::api::json::JsonInput;

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

#[get("/events/<slug>/rooms")]
async fn list_rooms(db: &State<Db>, who: Organiser, slug: &str) -> Result<Json<Vec<Room>>> {
    let event = who.event(db, slug).await?;
    Ok(Json(rooms::list(db, &event).await?))
}

#[patch("/events/<slug>/rooms/<id>", data = "<body>")]
async fn patch_room(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
    body: Result<JsonInput, Error>,
) -> Result<Json<Room>> {
    let event = who.event(db, slug).await?;
    Ok(Json(rooms::change(db, &who.0, &event, id, body?.0).await?))
}

/// `?move_to=ID` moves the room's sessions to another room first.
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

#[get("/events/<slug>/tracks")]
async fn list_tracks(db: &State<Db>, who: Organiser, slug: &str) -> Result<Json<Vec<Track>>> {
    let event = who.event(db, slug).await?;
    Ok(Json(tracks::list(db, &event).await?))
}

#[patch("/events/<slug>/tracks/<id>", data = "<body>")]
async fn patch_track(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
    body: Result<JsonInput, Error>,
) -> Result<Json<Track>> {
    let event = who.event(db, slug).await?;
    Ok(Json(tracks::change(db, &who.0, &event, id, body?.0).await?))
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

#[patch("/events/<slug>/speakers/<id>", data = "<body>")]
async fn patch_speaker(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
    body: Result<JsonInput, Error>,
) -> Result<Json<Speaker>> {
    let event = who.event(db, slug).await?;
    let speaker = speakers::change(db, &who.0, &event, id, body?.0, Photo::Keep).await?;
    Ok(Json(speaker))
}

#[delete("/events/<slug>/speakers/<id>")]
async fn delete_speaker(db: &State<Db>, who: Organiser, slug: &str, id: i64) -> Result<Status> {
    let event = who.event(db, slug).await?;
    speakers::remove(db, &who.0, &event, id).await?;
    Ok(Status::NoContent)
}

/// The photo as the raw body (JPEG, PNG or WebP, recognised by its bytes).
#[put("/events/<slug>/speakers/<id>/photo", data = "<body>")]
async fn put_speaker_photo(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
    body: Data<'_>,
) -> Result<Json<Speaker>> {
    let event = who.event(db, slug).await?;
    let limit = (PHOTO_MAX_BYTES + 1).bytes();
    let bytes = body
        .open(limit)
        .into_bytes()
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    let photo = Photo::Replace(&bytes);
    let patch = Default::default();
    Ok(Json(
        speakers::change(db, &who.0, &event, id, patch, photo).await?,
    ))
}

#[delete("/events/<slug>/speakers/<id>/photo")]
async fn delete_speaker_photo(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Json<Speaker>> {
    let event = who.event(db, slug).await?;
    let patch = Default::default();
    Ok(Json(
        speakers::change(db, &who.0, &event, id, patch, Photo::Remove).await?,
    ))
}

#[get("/events/<slug>/tickets")]
async fn list_tickets(db: &State<Db>, who: Organiser, slug: &str) -> Result<Json<Vec<TicketType>>> {
    let event = who.event(db, slug).await?;
    Ok(Json(tickets::list(db, &event).await?))
}

/// `{"on_sale": false}` stops selling it now; `true` sells it again.
#[patch("/events/<slug>/tickets/<id>", data = "<body>")]
async fn patch_ticket(
    db: &State<Db>,
    settings: &State<Settings>,
    who: Organiser,
    slug: &str,
    id: i64,
    body: Result<JsonInput, Error>,
) -> Result<Json<TicketType>> {
    let event = who.event(db, slug).await?;
    let stripe = settings.stripe_secret_key.is_some();
    let ticket = tickets::change(db, &who.0, &event, id, body?.0, stripe).await?;
    Ok(Json(ticket))
}

#[delete("/events/<slug>/tickets/<id>")]
async fn delete_ticket(db: &State<Db>, who: Organiser, slug: &str, id: i64) -> Result<Status> {
    let event = who.event(db, slug).await?;
    tickets::remove(db, &who.0, &event, id).await?;
    Ok(Status::NoContent)
}
