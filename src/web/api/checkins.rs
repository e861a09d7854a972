//! `POST /api/v1/checkins`: door staff (or organisers) check a badge code; always 200 with a
//! verdict for any text, 401 without a token, 403 for an event outside a scoped token's.

use rocket::serde::json::Json;
use rocket::{post, routes, Route, State};

use crate::app::checkin::{self, Scan, ScanLimit};
use crate::app::Db;
use crate::auth::DoorStaff;
use crate::error::{Error, Result};
use crate::web::api::json::JsonInput;
use crate::web::api::views::CheckinView;

pub fn routes() -> Vec<Route> {
    routes![check_in]
}

#[post("/checkins", data = "<body>")]
async fn check_in(
    db: &State<Db>,
    limit: &State<ScanLimit>,
    who: DoorStaff,
    body: Result<JsonInput, Error>,
) -> Result<Json<CheckinView>> {
    limit.check(&who.0)?;
    let scan = Scan::parse(&body?.0)?;
    let outcome = checkin::check_in(db, &who.0, &scan).await?;
    Ok(Json(CheckinView::from(&outcome)))
}
