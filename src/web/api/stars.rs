//! The attendee's personal programme through the API, with their token (as in `/r/TOKEN`):
//! `PUT` stars a session, `DELETE` takes the star back; both idempotent. The starred
//! sessions, with their clashes, are listed in `GET /registrations/TOKEN` (`starred`).

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{delete, put, routes, Route, State};

use crate::app::{registrations, stars, Db};
use crate::error::Result;
use crate::web::api::views::StarredView;

pub fn routes() -> Vec<Route> {
    routes![star, unstar]
}

/// 201 with the starred entry when newly starred, 200 when it was starred already.
#[put("/registrations/<token>/starred/<id>")]
async fn star(db: &State<Db>, token: &str, id: i64) -> Result<(Status, Json<StarredView>)> {
    let r = registrations::find(db, token).await?;
    let (starred, new) = stars::star(db, &r, id).await?;
    let status = if new { Status::Created } else { Status::Ok };
    Ok((status, Json(starred.into())))
}

/// 204 whether or not the session was starred.
#[delete("/registrations/<token>/starred/<id>")]
async fn unstar(db: &State<Db>, token: &str, id: i64) -> Result<Status> {
    let r = registrations::find(db, token).await?;
    stars::unstar(db, &r, id).await?;
    Ok(Status::NoContent)
}
