//! The attendee's personal programme through the API, with their token (as in `/r/TOKEN`):
//! `PUT` stars a session, `DELETE` takes the star back; both idempotent. The starred
//! sessions, with their clashes, are listed in `GET /registrations/TOKEN` (`starred`).

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{delete, put, routes, Route, State};

use crate::app::{registrations, stars, Db};
use crate::error::Result;
use crate::web::api::openapi::doc;
use crate::web::api::views::StarredView;

pub fn routes() -> Vec<Route> {
    routes![star, unstar]
}

/// 201 with the starred entry when newly starred, 200 when it was starred already.
#[utoipa::path(
    put,
    path = "/api/v1/registrations/{token}/starred/{id}",
    operation_id = "starSession",
    tag = "registrations",
    summary = "Add a session to the attendee's personal programme",
    description = "Any session of the registration's event that is not cancelled (not only sign-up workshops). Idempotent: starring again answers 200 with the same entry. A session whose times overlap another starred or signed-up one is accepted and listed in `clashes_with`. The personal calendar `/r/TOKEN/calendar.ics` then includes it. Refusals: a cancelled registration 409; an unknown, another event's or a cancelled session 422 with `error.fields.session`, in the caller's language.",
    params(doc::TokenItemPath, doc::LangQuery),
    responses(
        (status = 200, description = "Starred already; nothing changed.", body = doc::StarredView),
        (status = 201, description = "Starred now.", body = doc::StarredView),
        doc::BadRequest, doc::NotFound, doc::Conflict, doc::Invalid,
    ),
    security(()),
)]
#[put("/registrations/<token>/starred/<id>")]
async fn star(db: &State<Db>, token: &str, id: i64) -> Result<(Status, Json<StarredView>)> {
    let r = registrations::find(db, token).await?;
    let (starred, new) = stars::star(db, &r, id).await?;
    let status = if new { Status::Created } else { Status::Ok };
    Ok((status, Json(starred.into())))
}

/// 204 whether or not the session was starred.
#[utoipa::path(
    delete,
    path = "/api/v1/registrations/{token}/starred/{id}",
    operation_id = "unstarSession",
    tag = "registrations",
    summary = "Take a session off the attendee's personal programme",
    description = "Idempotent: answers 204 whether or not the session was starred. In the personal calendar the session then reads STATUS:CANCELLED with a higher SEQUENCE (unless the attendee holds a seat in it). An unknown or another event's session 422 with `error.fields.session`.",
    params(doc::TokenItemPath, doc::LangQuery),
    responses(
        (status = 204, description = "Not (or no longer) starred."),
        doc::BadRequest, doc::NotFound, doc::Invalid,
    ),
    security(()),
)]
#[delete("/registrations/<token>/starred/<id>")]
async fn unstar(db: &State<Db>, token: &str, id: i64) -> Result<Status> {
    let r = registrations::find(db, token).await?;
    stars::unstar(db, &r, id).await?;
    Ok(Status::NoContent)
}
