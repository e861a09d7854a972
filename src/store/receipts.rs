//! What organisers and attendees see of payments: each registration's newest payment, the
//! money per ticket type, and the payment a receipt is made for.

use std::collections::HashMap;

use serde::Serialize;

use super::error::Result;
use super::payments::{Payment, COLUMNS};
use super::Db;
use crate::domain::PaymentStatus;

/// The stored text of the payments that brought money in, as an SQL list: `'paid', …`.
/// Written into the query (the enum's own fixed text, never input) rather than bound, so the
/// statements keep their shape.
fn received_list() -> String {
    let quoted: Vec<String> = PaymentStatus::RECEIVED
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    quoted.join(", ")
}

/// The newest payment of each registration of the event, by registration id.
pub async fn latest_of_event(db: &Db, event_id: i64) -> Result<HashMap<i64, Payment>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM payments WHERE event_id = $1 AND registration_id IS NOT NULL \
         ORDER BY id"
    );
    let rows: Vec<Payment> = sqlx::query_as(&sql)
        .bind(event_id)
        .fetch_all(&db.read)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|p| Some((p.registration_id?, p)))
        .collect())
}

/// Payments of one state for one ticket type: how many, how much.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Total {
    pub ticket_type_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub status: PaymentStatus,
    pub n: i64,
    pub cents: i64,
}

/// Paid and refunded payments of the event, per ticket type.
pub async fn totals(db: &Db, event_id: i64) -> Result<Vec<Total>> {
    let sql = format!(
        "SELECT r.ticket_type_id, p.status, COUNT(*) AS n, \
         CAST(COALESCE(SUM(p.amount_cents), 0) AS BIGINT) AS cents \
         FROM payments p JOIN registrations r ON r.id = p.registration_id \
         WHERE p.event_id = $1 AND p.status IN ({}) \
         GROUP BY r.ticket_type_id, p.status ORDER BY r.ticket_type_id, p.status",
        received_list()
    );
    Ok(sqlx::query_as(&sql)
        .bind(event_id)
        .fetch_all(&db.read)
        .await?)
}

/// A registration's payment that a receipt is made for (paid, refunded, or whose refund
/// failed), with the moment Stripe confirmed it; `None` if nothing was paid.
pub async fn paid(db: &Db, registration_id: i64) -> Result<Option<(Payment, i64)>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM payments WHERE registration_id = $1 \
         AND status IN ({}) ORDER BY id DESC LIMIT 1",
        received_list()
    );
    let p: Option<Payment> = sqlx::query_as(&sql)
        .bind(registration_id)
        .fetch_optional(&db.read)
        .await?;
    let Some(p) = p else {
        return Ok(None);
    };
    let confirmed: Option<(Option<i64>,)> = sqlx::query_as(
        "SELECT MIN(received_at) FROM stripe_events WHERE payment_intent_id = $1 \
         AND event_type = 'checkout.session.completed'",
    )
    .bind(&p.payment_intent_id)
    .fetch_optional(&db.read)
    .await?;
    let at = confirmed.and_then(|(t,)| t).unwrap_or(p.updated_at);
    Ok(Some((p, at)))
}
