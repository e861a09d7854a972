//! Printable receipts of paid tickets: the organiser's
//! `/admin/events/SLUG/registrations/ID/receipt` and the attendee's `/r/TOKEN/receipt`. Only
//! a registration that paid (even if refunded since) has one; otherwise, and for organisers
//! of other events, the answer is 404, so a receipt's existence is not told to anyone else.

use rocket::{get, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::receipts::{self, Receipt};
use crate::app::Db;
use crate::auth::Organiser;
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::{money, Lang};
use crate::web::attendee::views::{page_data, ReceiptPage};
use crate::web::page;
use crate::web::public::views::EventSummary;

/// Mounted under `/admin`.
pub fn admin_routes() -> Vec<Route> {
    routes![organiser_receipt]
}

/// Mounted under `/r`.
pub fn attendee_routes() -> Vec<Route> {
    routes![attendee_receipt]
}

fn receipt(lang: Lang, receipt: &Receipt, path: &str) -> Template {
    let Receipt {
        registration: r,
        event,
        payment: p,
        paid_at,
        ticket,
        refunded,
        refund_failed,
    } = receipt;
    let tz = event.tz();
    let when = |ts: i64| format!("{} {}", time::long_date(ts, tz, lang), time::clock(ts, tz));
    page(
        "receipt",
        lang,
        path,
        page_data(&ReceiptPage {
            event: EventSummary::new(event, lang),
            number: format!("{}-{:06}", event.id, p.id),
            paid_at: when(*paid_at),
            ticket,
            amount: money(p.amount_cents, &p.currency, lang),
            currency: &p.currency,
            reference: &p.payment_intent_id,
            name: &r.name,
            organisation: &r.organisation,
            legal_details: event.legal_details.lines().collect(),
            refunded: refunded.then(|| when(p.updated_at)),
            refund_failed: *refund_failed,
        }),
    )
}

#[get("/events/<slug>/registrations/<id>/receipt")]
async fn organiser_receipt(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await.map_err(|e| match e {
        Error::Forbidden => Error::NotFound,
        other => other,
    })?;
    let found = receipts::for_organiser(db, &event, id).await?;
    let path = format!("/admin/events/{slug}/registrations/{id}/receipt");
    Ok(receipt(lang, &found, &path))
}

#[get("/<token>/receipt")]
async fn attendee_receipt(db: &State<Db>, lang: Lang, token: &str) -> Result<Template> {
    let found = receipts::for_attendee(db, token).await?;
    Ok(receipt(lang, &found, &format!("/r/{token}/receipt")))
}
