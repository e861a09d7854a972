//! Where a registration stands with its payment, for the attendee's page: the open
//! Checkout while its place is held, what cancelling would refund, whether it has a receipt.

use crate::domain::PaymentStatus;
use crate::domain::{time, RegistrationStatus};
use crate::error::Result;
use crate::payments::policy;
use crate::store::events::Event;
use crate::store::payments;
use crate::store::registrations::Registration;
use crate::store::{self, Db};

/// A place held until it is paid.
#[derive(Debug, Clone)]
pub struct Pending {
    /// The open Checkout Session's page, if Stripe opened one that has not expired.
    pub checkout_url: Option<String>,
    pub hold_expires_at: Option<i64>,
}

/// The refund policy for a paid ticket still held.
#[derive(Debug, Clone)]
pub struct Refund {
    /// Cancelling before this time refunds the ticket.
    pub deadline: i64,
    /// What cancelling now refunds (cents, currency); `None`: no refund any more.
    pub amount: Option<(i64, String)>,
}

#[derive(Debug, Clone, Default)]
pub struct PaymentState {
    pub pending: Option<Pending>,
    pub refund: Option<Refund>,
    pub has_receipt: bool,
}

pub async fn state(db: &Db, event: &Event, r: &Registration) -> Result<PaymentState> {
    let now = time::now();
    let mut state = PaymentState::default();
    if r.status == RegistrationStatus::PendingPayment {
        let open = payments::open_checkout(db, r.id, now).await?;
        state.pending = Some(Pending {
            checkout_url: open.and_then(|p| p.checkout_url),
            hold_expires_at: r.hold_expires_at,
        });
    }
    let paid = payments::latest(db, r.id)
        .await?
        .filter(|p| p.status == PaymentStatus::Paid && !r.status.is_over());
    if let Some(p) = paid {
        let terms = payments::terms(db, event.id).await?;
        state.refund = Some(Refund {
            deadline: policy::refund_deadline(event, terms.refund_until),
            amount: policy::refund_applies(event, terms.refund_until, now)
                .then_some((p.amount_cents, p.currency)),
        });
    }
    state.has_receipt = store::receipts::paid(db, r.id).await?.is_some();
    Ok(state)
}
