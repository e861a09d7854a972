//! The offline scanner's two calls: `GET /api/v1/events/SLUG/scan-kit` (what it needs to
//! judge badges alone) and `POST /api/v1/checkins/batch` (what it decided meanwhile).

use rocket::serde::json::Json;
use rocket::{get, post, routes, Route, State};

use crate::app::checkin::ScanLimit;
use crate::app::{doors, offline, Db};
use crate::auth::DoorStaff;
use crate::error::{Error, Result};
use crate::web::api::json::JsonInput;
use crate::web::api::views::{ScanKitView, SettledView, UploadView};

pub fn routes() -> Vec<Route> {
    routes![scan_kit, upload]
}

#[get("/events/<slug>/scan-kit")]
async fn scan_kit(db: &State<Db>, who: DoorStaff, slug: &str) -> Result<Json<ScanKitView>> {
    let event = doors::event_for(db, &who.0, slug).await?;
    Ok(Json(ScanKitView::from(&offline::kit(db, &event).await?)))
}

/// One upload counts as one scan against the rate limit: its scans are already signed badges
/// read at a door, and an upload holds at most [`offline::MAX_UPLOAD`].
#[post("/checkins/batch", data = "<body>")]
async fn upload(
    db: &State<Db>,
    limit: &State<ScanLimit>,
    who: DoorStaff,
    body: Result<JsonInput, Error>,
) -> Result<Json<UploadView>> {
    limit.check(&who.0)?;
    let scans = offline::parse_upload(&body?.0)?;
    let results = offline::upload(db, &who.0, &scans).await?;
    let results = results.iter().map(SettledView::from).collect();
    Ok(Json(UploadView { results }))
}
