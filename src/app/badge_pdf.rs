//! Badges as a PDF for badge and label printers (`pdf::badges`): the organisers' batch (the
//! same people as the printable sheet, online attendees left out unless asked for) and one
//! person's badge, for the door after a walk-in or a lost badge.

use crate::app::admin_badges;
use crate::app::checkin;
use crate::app::{doors, Db, Event, Registration, TicketType};
use crate::auth::Staff;
use crate::domain::badge_size::BadgeSize;
use crate::domain::{Attendance, RegistrationStatus};
use crate::error::{Error, Result};
use crate::i18n::{badge_role_label, Lang};
use crate::pdf::badges::{self, BadgeFace};
use crate::store;

/// Which badges of the batch: a ticket, a badge role, online attendees too.
#[derive(Debug, Clone, Default)]
pub struct Which<'a> {
    pub ticket: Option<i64>,
    pub role: Option<&'a str>,
    pub online: bool,
}

/// The event's badges (printing is audited, as for the sheet).
pub async fn batch(
    db: &Db,
    actor: &str,
    event: &Event,
    which: &Which<'_>,
    size: BadgeSize,
    lang: Lang,
) -> Result<Vec<u8>> {
    let mut batch = admin_badges::batch(db, actor, event, which.ticket, which.role).await?;
    batch
        .people
        .retain(|r| which.online || r.attendance != Attendance::Online);
    let mut faces = Vec::with_capacity(batch.people.len());
    for r in &batch.people {
        faces.push(face(db, event, &batch.tickets, r, lang).await?);
    }
    render(&faces, size, event, lang)
}

/// One person's badge, for door staff of the event (or organisers): only a registration
/// holding its place has one.
pub async fn one(
    db: &Db,
    who: &Staff,
    slug: &str,
    id: i64,
    size: BadgeSize,
    lang: Lang,
) -> Result<Vec<u8>> {
    let event = doors::event_for(db, who, slug).await?;
    let r = store::roster::get(db, event.id, id).await?;
    if r.status != RegistrationStatus::Confirmed {
        return Err(Error::NotFound);
    }
    let tickets = store::tickets::list(db, event.id).await?;
    let face = face(db, &event, &tickets, &r, lang).await?;
    render(&[face], size, &event, lang)
}

async fn face(
    db: &Db,
    event: &Event,
    tickets: &[TicketType],
    r: &Registration,
    lang: Lang,
) -> Result<BadgeFace> {
    let ticket = r
        .ticket_type_id
        .and_then(|id| tickets.iter().find(|t| t.id == id))
        .map(|t| t.name.clone());
    Ok(BadgeFace {
        event_title: lang.pick(&event.title_fr, &event.title_en).to_string(),
        name: r.name.clone(),
        organisation: r.organisation.clone(),
        role: badge_role_label(r.badge_role.as_str(), lang),
        ticket,
        code: checkin::code_for(db, r).await?,
    })
}

fn render(faces: &[BadgeFace], size: BadgeSize, event: &Event, lang: Lang) -> Result<Vec<u8>> {
    let title = format!(
        "{} — {}",
        lang.t("badge-pdf-title"),
        lang.pick(&event.title_fr, &event.title_en)
    );
    badges::render(faces, size, &title).map_err(Error::Internal)
}
