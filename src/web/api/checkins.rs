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
use crate::web::api::openapi::doc;
use crate::web::api::views::{CheckinView, WalkInView};

pub fn routes() -> Vec<Route> {
    routes![check_in, walk_in]
}

#[utoipa::path(
    post,
    path = "/api/v1/checkins",
    operation_id = "checkIn",
    tag = "door",
    summary = "Check a badge at the door",
    description = "With a door or organiser token (or a signed-in door staff cookie). Any text gets a verdict (`invalid` for garbage, never an error). A token limited to one event gets 403 for a badge of another event unless it names the event its scanner is set to (`event`): then `wrong_event`. A repeated `nonce` returns the original verdict. At most 20 scans a second per token or person (429). A scan naming an unknown event (`event`) gets 404.",
    params(doc::LangQuery),
    request_body(content = ref("#/components/schemas/CheckinInput"), content_type = "application/json"),
    responses(
        (status = 200, description = "The verdict.", body = doc::CheckinView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::TooLarge, doc::Invalid, doc::TooManyRequests,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
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
#[utoipa::path(
    post,
    path = "/api/v1/events/{slug}/walk-ins",
    operation_id = "registerWalkIn",
    tag = "door",
    summary = "Register someone at the door and check them in",
    description = "With a door or organiser token (or a signed-in door staff cookie) for this event. Registers the person in person (e-mail optional: without one nothing is ever sent to them), then checks them in at `gate` at once and answers the badge code to print. Places and the waiting list hold as for any registration: a full event answers `status: waitlisted` with the position and no check-in. An address already registered is found and that registration checked in (200, `existing: true`), never a second one. Counts toward the same 20 scans a second per token or person (429).",
    params(doc::EventPath, doc::LangQuery),
    request_body(content = ref("#/components/schemas/WalkInInput"), content_type = "application/json"),
    responses(
        (status = 201, description = "Registered now: let in (with the verdict and the badge code), or on the waiting list.", body = doc::WalkInView),
        (status = 200, description = "The address was registered already: that registration, checked in if it holds a place.", body = doc::WalkInView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Conflict, doc::TooLarge, doc::Invalid, doc::TooManyRequests,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
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
