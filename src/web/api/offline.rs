//! The offline scanner's two calls: `GET /api/v1/events/SLUG/scan-kit` (what it needs to
//! judge badges alone) and `POST /api/v1/checkins/batch` (what it decided meanwhile).

use rocket::serde::json::Json;
use rocket::{get, post, routes, Route, State};

use crate::app::checkin::ScanLimit;
use crate::app::{doors, offline, Db};
use crate::auth::DoorStaff;
use crate::error::{Error, Result};
use crate::web::api::json::JsonInput;
use crate::web::api::openapi::doc;
use crate::web::api::views::{ScanKitView, SettledView, UploadView};

pub fn routes() -> Vec<Route> {
    routes![scan_kit, upload]
}

#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}/scan-kit",
    operation_id = "scanKit",
    tag = "door",
    summary = "What a scanner needs to check badges offline",
    description = "The event's public badge key (Ed25519, base64url of the 32 bytes), every confirmed registration's badge (id, version, name, organisation, ticket, attendance, badge role, workshop seats), the registrations whose badges no longer admit anyone, the sessions, and who is already in at which door. A badge whose registration id is at most `known_up_to` and is in neither list was erased; a higher id is newer than the kit. Scanners fetch it every minute while online. No e-mail addresses.",
    params(doc::EventPath, doc::LangQuery),
    responses(
        (status = 200, description = "The kit.", body = doc::ScanKitView),
        doc::Unauthorized, doc::Forbidden, doc::NotFound,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[get("/events/<slug>/scan-kit")]
async fn scan_kit(db: &State<Db>, who: DoorStaff, slug: &str) -> Result<Json<ScanKitView>> {
    let event = doors::event_for(db, &who.0, slug).await?;
    Ok(Json(ScanKitView::from(&offline::kit(db, &event).await?)))
}

/// One upload counts as one scan against the rate limit: its scans are already signed badges
/// read at a door, and an upload holds at most [`offline::MAX_UPLOAD`].
#[utoipa::path(
    post,
    path = "/api/v1/checkins/batch",
    operation_id = "uploadCheckins",
    tag = "door",
    summary = "Upload the scans a scanner decided offline",
    description = "Each scan is checked in as if it had just arrived, in the order sent, at its own `scanned_at` (a time more than 5 minutes ahead of the server is not believed). Idempotent: a scan whose `nonce` was already recorded answers its original verdict and adds nothing. A scan the scanner let in (`admitted`: true) that the server finds already checked in at that door is a conflict: it is recorded once for the organisers (check-ins page) and answered with `conflict`: true. At most 500 scans per upload; one upload counts as one scan against the rate limit. Any malformed scan refuses the whole upload with 422 naming it (`scans[3].nonce`). A scan naming an unknown event (`event`) gets 404.",
    params(doc::LangQuery),
    request_body(content = ref("#/components/schemas/CheckinUpload"), content_type = "application/json"),
    responses(
        (status = 200, description = "The server's verdict for each scan, in order.", body = doc::UploadView),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::TooLarge, doc::Invalid, doc::TooManyRequests,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
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
