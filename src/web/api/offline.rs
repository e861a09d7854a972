//! The offline scanner's two calls: `GET /api/v1/events/SLUG/scan-kit` (what it needs to
//! judge badges alone) and `POST /api/v1/checkins/batch` (what it decided meanwhile).

use rocket::serde::json::Json;
use rocket::{get, post, routes, Route, State};
use serde_json::{json, Value};

use crate::app::checkin::ScanLimit;
use crate::app::offline;
use crate::auth::DoorStaff;
use crate::error::{Error, Result};
use crate::store::{self, Db};
use crate::web::api::json::JsonInput;

pub fn routes() -> Vec<Route> {
    routes![scan_kit, upload]
}

#[get("/events/<slug>/scan-kit")]
async fn scan_kit(db: &State<Db>, who: DoorStaff, slug: &str) -> Result<Json<Value>> {
    let event = store::events::get(db, slug).await?;
    if !who.0.may_access_event(event.id) {
        return Err(Error::Forbidden);
    }
    Ok(Json(offline::kit(db, &event).await?))
}

/// One upload counts as one scan against the rate limit: its scans are already signed badges
/// read at a door, and an upload holds at most [`offline::MAX_UPLOAD`].
#[post("/checkins/batch", data = "<body>")]
async fn upload(
    db: &State<Db>,
    limit: &State<ScanLimit>,
    who: DoorStaff,
    body: Result<JsonInput, Error>,
) -> Result<Json<Value>> {
    limit.check(&who.0)?;
    let scans = offline::parse_upload(&body?.0)?;
    let results = offline::upload(db, &who.0, &scans).await?;
    Ok(Json(json!({ "results": results })))
}
