//! `POST /api/v1/checkins`: door staff (or organisers) check a badge code; always 200 with a
//! verdict for any text, 401 without a token, 403 for an event outside a scoped token's.
//! `POST /api/v1/events/SLUG/walk-ins`: they register someone at the door and check them in.

use rocket::http::Status;
use rocket::response::status::Custom;
use rocket::serde::json::Json;
use rocket::{post, routes, Route, State};

use crate::app::checkin::{self, Scan, ScanLimit};
use crate::app::walk_ins;
use crate::app::Db;
use crate::auth::DoorStaff;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::api::json::JsonInput;
use crate::web::api::views::{CheckinView, WalkInView};

pub fn routes() -> Vec<Route> {
    routes![check_in, walk_in]
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

/// 201 for a new registration (let in, or on the waiting list when full), 200 when the address
/// was registered already (that registration, checked in if it holds a place).
#[post("/events/<slug>/walk-ins", data = "<body>")]
async fn walk_in(
    db: &State<Db>,
    limit: &State<ScanLimit>,
    who: DoorStaff,
    lang: Lang,
    slug: &str,
    body: Result<JsonInput, Error>,
) -> Result<Custom<Json<WalkInView>>> {
    limit.check(&who.0)?;
    let walked = walk_ins::walk_in(db, &who.0, slug, &body?.0, lang).await?;
    let status = match walked.new {
        true => Status::Created,
        false => Status::Ok,
    };
    Ok(Custom(status, Json(WalkInView::from(&walked))))
}
