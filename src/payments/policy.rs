//! Cancelling a registration with the event's refund policy: a paid ticket is refunded in
//! full through Stripe when cancelled before the event's `refund_until` (or, when the event
//! sets none, before it starts); after that date nothing is refunded.

use super::Stripe;
use crate::domain::time;
use crate::error::{Error, FieldErrors, Msg, Result};
use crate::store::payments::{self, Refund};
use crate::store::registrations::Registration;
use crate::store::{events::Event, Db};

/// The last moment a cancellation is refunded.
pub fn refund_deadline(event: &Event, refund_until: Option<i64>) -> i64 {
    refund_until.unwrap_or(event.starts_at)
}

/// Whether cancelling now gives the money back.
pub fn refund_applies(event: &Event, refund_until: Option<i64>, now: i64) -> bool {
    now < refund_deadline(event, refund_until)
}

/// Cancels a registration (its attendee or an organiser): refunds a paid ticket first when
/// the policy says so (if Stripe cannot, nothing is cancelled and the person may try again),
/// then frees the place for the next person waiting and tells the attendee.
pub async fn cancel(db: &Db, stripe: &Stripe, event: &Event, r: &Registration) -> Result<()> {
    let now = time::now();
    let terms = payments::terms(db, event.id).await?;
    let paid = payments::latest(db, r.id)
        .await?
        .filter(|p| p.status == crate::domain::PaymentStatus::Paid)
        .filter(|_| refund_applies(event, terms.refund_until, now));
    let refund_id = match paid
        .as_ref()
        .and_then(|p| Some((p, p.payment_intent_id.as_deref()?)))
    {
        Some((p, intent)) => match stripe.refund(p.id, intent).await {
            Some(id) => Some((p.id, id)),
            None => {
                return Err(Error::Conflict {
                    message: Msg::new("pay-refund-failed"),
                    fields: FieldErrors::new(),
                })
            }
        },
        None => None,
    };
    let refund = match &refund_id {
        Some((payment_id, refund_id)) => Refund::Done {
            payment_id: *payment_id,
            refund_id,
        },
        None => Refund::None,
    };
    let sessions = payments::cancel(db, r.id, r.event_id, refund, now).await?;
    stripe.expire_sessions(&sessions).await;
    Ok(())
}
