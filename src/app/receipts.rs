//! Receipts of paid tickets. Only a registration that paid (even if refunded since) has one;
//! otherwise, and for organisers of other events, the answer is 404, so a receipt's
//! existence is not told to anyone else.

use crate::error::Error;
use crate::error::Result;
use crate::store::registrations;
use crate::store::{self, Db};

pub use crate::store::events::Event;
pub use crate::store::payments::Payment;
pub use crate::store::registrations::Registration;

pub struct Receipt {
    pub registration: Registration,
    pub event: Event,
    pub payment: Payment,
    pub paid_at: i64,
    pub ticket: Option<String>,
    /// Refunded since, at the payment's last change.
    pub refunded: bool,
    /// A refund was due and Stripe refused it.
    pub refund_failed: bool,
}

/// The receipt of the registration behind a personal link.
pub async fn for_attendee(db: &Db, token: &str) -> Result<Receipt> {
    let r = registrations::by_token(db, token).await?;
    receipt(db, r).await
}

/// The receipt of registration `id` of an event the organiser may work on.
pub async fn for_organiser(db: &Db, event: &Event, id: i64) -> Result<Receipt> {
    let r = store::roster::get(db, event.id, id).await?;
    receipt(db, r).await
}

async fn receipt(db: &Db, r: Registration) -> Result<Receipt> {
    let (payment, paid_at) = store::receipts::paid(db, r.id)
        .await?
        .ok_or(Error::NotFound)?;
    let event = store::events::by_id(db, r.event_id).await?;
    let ticket = crate::app::attendee::ticket_name(db, &r).await?;
    Ok(Receipt {
        refunded: payment.status == crate::domain::PaymentStatus::Refunded,
        refund_failed: payment.status == crate::domain::PaymentStatus::RefundFailed,
        registration: r,
        event,
        payment,
        paid_at,
        ticket,
    })
}
