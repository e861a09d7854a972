//! Paid tickets through Stripe Checkout (async-stripe against `STRIPE_API_BASE`): opening a
//! Checkout Session for a registration that holds a place while it pays, refunds, expiring
//! sessions; `webhook` checks and reads Stripe's events. Stripe failing never fails a
//! request: the registration stays pending and the attendee may try again.

pub mod policy;
pub mod webhook;

use std::collections::HashMap;
use std::time::Duration;

use stripe::{Client, ClientBuilder, IdempotencyKey, RequestStrategy, StripeRequest};
use stripe_checkout::checkout_session::{
    CreateCheckoutSession, CreateCheckoutSessionLineItems, CreateCheckoutSessionLineItemsPriceData,
    ExpireCheckoutSession, ProductData,
};
use stripe_checkout::CheckoutSessionMode;
use stripe_core::refund::CreateRefund;

use crate::config::Settings;
use crate::domain::{time, RegistrationStatus};
use crate::error::Result;
use crate::store::payments::{self, NewCheckout};
use crate::store::registrations::{self, Registration};
use crate::store::{self, Db};

/// Stripe's shortest Checkout Session life is 30 minutes; a minute more for the trip.
const MIN_SESSION_SECS: i64 = 31 * 60;

/// The Stripe client (absent without `STRIPE_SECRET_KEY`), managed as Rocket state.
pub struct Stripe {
    client: Option<Client>,
    public_url: String,
    pub webhook_secret: Option<String>,
}

impl Stripe {
    pub fn from_settings(settings: &Settings) -> Stripe {
        let client = settings.stripe_secret_key.as_ref().and_then(|key| {
            let mut base = settings.stripe_api_base.clone();
            if !base.ends_with('/') {
                base.push('/');
            }
            ClientBuilder::new(key.clone())
                .url(base)
                .timeout(Duration::from_secs(20))
                .build()
                .map_err(|e| tracing::error!("Stripe client: {e}"))
                .ok()
        });
        Stripe {
            client,
            public_url: settings.public_url.trim_end_matches('/').to_string(),
            webhook_secret: settings.stripe_webhook_secret.clone(),
        }
    }

    /// The Checkout page for a registration waiting to pay: its open session if it has one
    /// (a double click gets the same page), else a new one. `None` when Stripe could not be
    /// reached or refused: the registration stays pending and the attendee may try again.
    pub async fn checkout(&self, db: &Db, r: &Registration) -> Result<Option<String>> {
        let now = time::now();
        let hold = r.hold_expires_at.unwrap_or(0);
        if r.status != RegistrationStatus::PendingPayment || hold <= now {
            return Ok(None);
        }
        if let Some(open) = payments::open_checkout(db, r.id, now).await? {
            return Ok(open.checkout_url);
        }
        let Some(client) = &self.client else {
            tracing::warn!("a paid registration, but STRIPE_SECRET_KEY is not set");
            return Ok(None);
        };
        let tickets = store::tickets::list(db, r.event_id).await?;
        let Some(ticket) = tickets.iter().find(|t| Some(t.id) == r.ticket_type_id) else {
            return Ok(None);
        };
        let attempt = payments::attempts(db, r.id).await? + 1;
        let token = registrations::issue_token(db, r.id).await?;
        let back = format!("{}/r/{token}", self.public_url);
        let currency = ticket.currency.to_lowercase();
        // The session lives as long as the hold (at least Stripe's minimum); a payment
        // completing after the hold is confirmed only if there is still room.
        let expires_at = hold.max(now + MIN_SESSION_SECS);
        let mut price = CreateCheckoutSessionLineItemsPriceData::new(
            currency
                .parse::<stripe_types::Currency>()
                .unwrap_or_else(|e| match e {}),
        );
        price.unit_amount = Some(ticket.price_cents);
        price.product_data = Some(ProductData::new(ticket.name.clone()));
        let mut item = CreateCheckoutSessionLineItems::new();
        item.price_data = Some(price);
        item.quantity = Some(1);
        let metadata = HashMap::from([
            ("registration_id".to_string(), r.id.to_string()),
            ("event_id".to_string(), r.event_id.to_string()),
            ("ticket_type_id".to_string(), ticket.id.to_string()),
        ]);
        let request = CreateCheckoutSession::new()
            .mode(CheckoutSessionMode::Payment)
            .line_items(vec![item])
            .client_reference_id(r.id.to_string())
            .customer_email(r.email.clone())
            .metadata(metadata)
            .success_url(format!("{back}?done=paid"))
            .cancel_url(back)
            .expires_at(expires_at);
        let sent = request
            .customize()
            .request_strategy(idempotent(&format!("summit-checkout-{}-{attempt}", r.id)))
            .send(client)
            .await;
        let session = match sent {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!("Stripe Checkout for registration {}: {e}", r.id);
                return Ok(None);
            }
        };
        let Some(url) = session.url.clone() else {
            tracing::warn!("Stripe Checkout session {} has no url", session.id);
            return Ok(None);
        };
        let new = NewCheckout {
            registration_id: r.id,
            event_id: r.event_id,
            session_id: session.id.as_str(),
            url: &url,
            amount_cents: ticket.price_cents,
            currency: &ticket.currency,
            expires_at,
        };
        payments::record_checkout(db, &new, now).await?;
        Ok(Some(url))
    }

    /// Refunds a payment in full; the refund's id, or `None` if Stripe could not do it.
    pub async fn refund(&self, payment_id: i64, payment_intent: &str) -> Option<String> {
        let client = self.client.as_ref()?;
        let sent = CreateRefund::new()
            .payment_intent(payment_intent.to_string())
            .customize()
            .request_strategy(idempotent(&format!("summit-refund-{payment_id}")))
            .send(client)
            .await;
        match sent {
            Ok(refund) => Some(refund.id.to_string()),
            Err(e) => {
                tracing::warn!("Stripe refund of payment {payment_id}: {e}");
                None
            }
        }
    }

    /// Ends Checkout Sessions whose hold is over, so nobody pays for a released place
    /// (best effort: a payment that still completes is refunded or confirmed by room).
    pub async fn expire_sessions(&self, sessions: &[String]) {
        let Some(client) = &self.client else {
            return;
        };
        for id in sessions {
            let sent = ExpireCheckoutSession::new(id.as_str()).send(client).await;
            if let Err(e) = sent {
                tracing::info!("expiring Stripe session {id}: {e}");
            }
        }
    }
}

fn idempotent(key: &str) -> RequestStrategy {
    match IdempotencyKey::new(key) {
        Ok(k) => RequestStrategy::Idempotent(k),
        Err(_) => RequestStrategy::Once,
    }
}

/// Runs payment holds out at `now` (called each round of the outbox worker): their places go
/// to those waiting, and their Checkout Sessions are expired at Stripe.
pub async fn expire_holds(db: &Db, stripe: &Stripe, now: i64) -> Result<()> {
    let sessions = payments::expire_holds(db, now).await?;
    stripe.expire_sessions(&sessions).await;
    Ok(())
}
