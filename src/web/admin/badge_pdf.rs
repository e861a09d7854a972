//! Badges as PDF for badge and label printers: `GET /admin/events/SLUG/badges.pdf` (and the
//! same under `/api/v1` with an organiser token) with `size=a6|a7|4x3|62x100` and the batch
//! page's filters; `GET /api/v1/events/SLUG/registrations/ID/badge.pdf` one person's badge,
//! for door staff (token or signed in) after a walk-in or a lost badge.

use rocket::http::ContentType;
use rocket::{get, routes, Route, State};

use crate::app::badge_pdf::{self, Which};
use crate::app::Db;
use crate::auth::{DoorStaff, Organiser};
use crate::domain::badge_size::BadgeSize;
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::api::openapi::doc;

/// Mounted at `/admin` and `/api/v1`.
pub fn routes() -> Vec<Route> {
    routes![batch]
}

/// Mounted at `/api/v1` only.
pub fn door_routes() -> Vec<Route> {
    routes![one]
}

#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}/badges.pdf",
    operation_id = "badgesPdf",
    tag = "organisers",
    summary = "Badges for a badge or label printer",
    description = "With an organiser token. Every confirmed attendee's badge (online attendees only with `online=true`), one per page at `size`, fonts embedded: the name large, organisation, badge role, ticket and the QR code of the badge code. Printing is written to the audit log.",
    params(doc::EventPath, doc::LangQuery, doc::BadgeSizeQuery, ("ticket" = Option<i64>, Query), ("role" = Option<String>, Query), ("online" = Option<bool>, Query)),
    responses(
        (status = 200, description = "The PDF.", body = inline(doc::Binary), content_type = "application/pdf"),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[get("/events/<slug>/badges.pdf?<size>&<ticket>&<role>&<online>")]
#[allow(clippy::too_many_arguments)]
async fn batch(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    size: Option<&str>,
    ticket: Option<i64>,
    role: Option<&str>,
    online: Option<bool>,
) -> Result<(ContentType, Vec<u8>)> {
    let size = BadgeSize::parse(size)?;
    let event = who.event(db, slug).await?;
    let which = Which {
        ticket,
        role: role.map(str::trim).filter(|r| !r.is_empty()),
        online: online.unwrap_or(false),
    };
    let pdf = badge_pdf::batch(db, &who.0.actor(), &event, &which, size, lang).await?;
    Ok((ContentType::PDF, pdf))
}

#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}/registrations/{id}/badge.pdf",
    operation_id = "badgePdf",
    tag = "door",
    summary = "One person's badge for a badge or label printer",
    description = "With a door or organiser token (or a signed-in door staff cookie) for this event: one confirmed registration's badge, for the door after a walk-in or a lost badge. 404 for a registration of another event or one without a place.",
    params(doc::EventItemPath, doc::LangQuery, doc::BadgeSizeQuery),
    responses(
        (status = 200, description = "The PDF, one page.", body = inline(doc::Binary), content_type = "application/pdf"),
        doc::BadRequest, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
#[get("/events/<slug>/registrations/<id>/badge.pdf?<size>")]
async fn one(
    db: &State<Db>,
    lang: Lang,
    who: DoorStaff,
    slug: &str,
    id: i64,
    size: Option<&str>,
) -> Result<(ContentType, Vec<u8>)> {
    let size = BadgeSize::parse(size)?;
    let pdf = badge_pdf::one(db, &who.0, slug, id, size, lang).await?;
    Ok((ContentType::PDF, pdf))
}
