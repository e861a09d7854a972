//! The attendee's badge: its QR code as SVG and PNG (the text is the badge code that the
//! check-in API takes) and a printable A6 page. Only a confirmed registration has a badge.

use rocket::http::{ContentType, Header};
use rocket::{get, routes, Responder, Route, State};
use rocket_dyn_templates::Template;

use crate::app::attendee;
use crate::app::{checkin, Db};
use crate::app::{Event, Registration, TicketType};
use crate::error::Result;
pub use crate::i18n::badge_role_label as role_label;
use crate::i18n::Lang;
use crate::qr;
use crate::web::attendee::views::{page_data, BadgePage, Card};
use crate::web::page;
use crate::web::public::views::EventSummary;
use crate::web::security_headers::PRIVATE_NO_STORE;

pub fn routes() -> Vec<Route> {
    routes![badge_svg, badge_png, badge_page]
}

#[derive(Responder)]
pub struct Image<T> {
    body: T,
    kind: ContentType,
    cache: Header<'static>,
}

fn image<T>(body: T, kind: ContentType) -> Image<T> {
    // A re-issued badge must not linger in a cache.
    let cache = Header::new("Cache-Control", PRIVATE_NO_STORE);
    Image { body, kind, cache }
}

#[get("/<token>/badge.svg")]
async fn badge_svg(db: &State<Db>, token: &str) -> Result<Image<String>> {
    let code = attendee::badge_code(db, token).await?;
    Ok(image(qr::svg(&code, false)?, ContentType::SVG))
}

#[get("/<token>/badge.png")]
async fn badge_png(db: &State<Db>, token: &str) -> Result<Image<Vec<u8>>> {
    let code = attendee::badge_code(db, token).await?;
    Ok(image(qr::png(&code)?, ContentType::PNG))
}

#[get("/<token>/badge")]
async fn badge_page(db: &State<Db>, lang: Lang, token: &str) -> Result<Template> {
    let badge = attendee::badge(db, token).await?;
    let event = &badge.event;
    let card = badge_card(db, lang, event, &badge.tickets, &badge.registration).await?;
    Ok(page(
        "badges",
        lang,
        &format!("/r/{token}/badge"),
        page_data(&BadgePage {
            title: lang.t("badge-title"),
            event: EventSummary::new(event, lang),
            cards: vec![card],
            back: format!("/r/{token}"),
        }),
    ))
}

/// What a printed badge shows, as organisers' batch pages take it (see [`Card`]).
pub async fn card(
    db: &Db,
    lang: Lang,
    event: &Event,
    tickets: &[TicketType],
    r: &Registration,
) -> Result<Card> {
    badge_card(db, lang, event, tickets, r).await
}

/// What a printed badge shows, with its QR code as inline SVG.
pub async fn badge_card(
    db: &Db,
    lang: Lang,
    event: &Event,
    tickets: &[TicketType],
    r: &Registration,
) -> Result<Card> {
    let code = checkin::code_for(db, r).await?;
    let ticket = r
        .ticket_type_id
        .and_then(|id| tickets.iter().find(|t| t.id == id))
        .map(|t| t.name.clone());
    Ok(Card {
        name: r.name.clone(),
        organisation: r.organisation.clone(),
        role: role_label(r.badge_role.as_str(), lang),
        role_key: r.badge_role.to_string(),
        ticket,
        event_title: lang.pick(&event.title_fr, &event.title_en).to_string(),
        qr: qr::svg(&code, true)?,
    })
}
