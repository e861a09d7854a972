//! A Stripe event, its signature already checked, applied once (see "Stripe decides nothing
//! by itself" in docs/ARCHITECTURE.md).

use crate::app::Db;
use crate::domain::time;
use crate::error::Result;
use crate::payments::Stripe;
use crate::store::payments::{self, Effect, Outcome};

/// Applies Stripe event `id` of type `kind`; a replay changes nothing. A payment completed
/// for a place that is gone is refunded here, outside the transaction that decided it.
pub async fn apply(
    db: &Db,
    stripe: &Stripe,
    id: &str,
    kind: &str,
    effect: &Effect,
    now: i64,
) -> Result<()> {
    match payments::apply(db, id, kind, effect, now).await? {
        Outcome::MustRefund {
            payment_id,
            payment_intent,
        } => {
            // Paid for a place that is gone: the money goes back, the attendee was told.
            let refund = stripe.refund(payment_id, &payment_intent).await;
            payments::refund_recorded(db, payment_id, refund.as_deref(), time::now()).await?;
        }
        Outcome::Duplicate | Outcome::Done => {}
    }
    Ok(())
}
