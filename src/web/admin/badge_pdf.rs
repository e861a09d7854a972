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

/// Mounted at `/admin` and `/api/v1`.
pub fn routes() -> Vec<Route> {
    routes![batch]
}

/// Mounted at `/api/v1` only.
pub fn door_routes() -> Vec<Route> {
    routes![one]
}

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
