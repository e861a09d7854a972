//! Payments of paid tickets (one row per Stripe Checkout Session) and what Stripe's events do
//! to registrations. Each change runs in one transaction under the event lock, like every
//! other registration change; a Stripe event is recorded in the same transaction as its
//! effect, so a replay changes nothing.

use serde::Serialize;
use sqlx::AnyConnection;

use super::error::{Error, Result};
pub use super::payment_effects::{Effect, Outcome};
use super::registrations::release;
use super::{lock_event, outbox, seats, Db};
use crate::domain::problem::{FieldErrors, Msg};
use crate::domain::{OutboxKind, PaymentStatus, RegistrationStatus};
use RegistrationStatus::Cancelled;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Payment {
    pub id: i64,
    pub registration_id: Option<i64>,
    pub event_id: i64,
    pub checkout_session_id: Option<String>,
    pub payment_intent_id: Option<String>,
    pub amount_cents: i64,
    pub currency: String,
    #[sqlx(try_from = "String")]
    pub status: PaymentStatus,
    pub checkout_url: Option<String>,
    pub expires_at: Option<i64>,
    pub refund_id: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub(super) const COLUMNS: &str =
    "id, registration_id, event_id, checkout_session_id, payment_intent_id, \
    amount_cents, currency, status, checkout_url, expires_at, refund_id, created_at, updated_at";

/// A Checkout Session Stripe opened for a registration.
pub struct NewCheckout<'a> {
    pub registration_id: i64,
    pub event_id: i64,
    pub session_id: &'a str,
    pub url: &'a str,
    pub amount_cents: i64,
    pub currency: &'a str,
    pub expires_at: i64,
}

/// The newest payment of a registration.
pub async fn latest(db: &Db, registration_id: i64) -> Result<Option<Payment>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM payments WHERE registration_id = $1 ORDER BY id DESC LIMIT 1"
    );
    Ok(sqlx::query_as(&sql)
        .bind(registration_id)
        .fetch_optional(&db.write)
        .await?)
}

/// The Checkout Session still open for a registration, if any (a double click reuses it).
pub async fn open_checkout(db: &Db, registration_id: i64, now: i64) -> Result<Option<Payment>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM payments WHERE registration_id = $1 AND status = $2 \
         AND expires_at > $3 AND checkout_url IS NOT NULL ORDER BY id DESC LIMIT 1"
    );
    Ok(sqlx::query_as(&sql)
        .bind(registration_id)
        .bind(PaymentStatus::Open.as_str())
        .bind(now)
        .fetch_optional(&db.write)
        .await?)
}

/// How many Checkout Sessions a registration had (the next one's attempt number).
pub async fn attempts(db: &Db, registration_id: i64) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM payments WHERE registration_id = $1")
        .bind(registration_id)
        .fetch_one(&db.write)
        .await?;
    Ok(n)
}

/// Records an opened Checkout Session (twice the same session is recorded once).
pub async fn record_checkout(db: &Db, c: &NewCheckout<'_>, now: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO payments (registration_id, event_id, checkout_session_id, amount_cents, \
         currency, status, checkout_url, expires_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) \
         ON CONFLICT (checkout_session_id) DO NOTHING",
    )
    .bind(c.registration_id)
    .bind(c.event_id)
    .bind(c.session_id)
    .bind(c.amount_cents)
    .bind(c.currency)
    .bind(PaymentStatus::Open.as_str())
    .bind(c.url)
    .bind(c.expires_at)
    .bind(now)
    .execute(&db.write)
    .await?;
    Ok(())
}

/// The outcome of a refund Summit asked Stripe for.
pub async fn refund_recorded(
    db: &Db,
    payment_id: i64,
    refund: Option<&str>,
    now: i64,
) -> Result<()> {
    let status = if refund.is_some() {
        PaymentStatus::Refunded
    } else {
        PaymentStatus::RefundFailed
    };
    sqlx::query("UPDATE payments SET status = $1, refund_id = $2, updated_at = $3 WHERE id = $4")
        .bind(status.as_str())
        .bind(refund)
        .bind(now)
        .bind(payment_id)
        .execute(&db.write)
        .await?;
    Ok(())
}

/// Ends the open Checkout Sessions of a registration; their ids, to expire them at Stripe.
async fn close_open(
    conn: &mut AnyConnection,
    registration_id: i64,
    to: PaymentStatus,
    now: i64,
) -> Result<Vec<String>> {
    let open = PaymentStatus::Open.as_str();
    let rows: Vec<(Option<String>,)> = sqlx::query_as(
        "SELECT checkout_session_id FROM payments WHERE registration_id = $1 AND status = $2",
    )
    .bind(registration_id)
    .bind(open)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE payments SET status = $1, updated_at = $2 WHERE registration_id = $3 \
         AND status = $4",
    )
    .bind(to.as_str())
    .bind(now)
    .bind(registration_id)
    .bind(open)
    .execute(&mut *conn)
    .await?;
    Ok(rows.into_iter().filter_map(|(s,)| s).collect())
}

/// How a cancellation treats the money.
pub enum Refund<'a> {
    /// Nothing was paid (or nothing is paid back).
    None,
    /// Stripe refunded this payment.
    Done { payment_id: i64, refund_id: &'a str },
}

/// Cancels a registration (by its attendee or an organiser): the place goes to the next
/// person waiting; open Checkout Sessions end (their ids are returned, to expire at Stripe).
pub async fn cancel(
    db: &Db,
    registration_id: i64,
    event_id: i64,
    refund: Refund<'_>,
    now: i64,
) -> Result<Vec<String>> {
    let mut tx = db.write.begin().await?;
    lock_event(db, &mut tx, event_id).await?;
    let Some(seated) = release(&mut tx, registration_id, Cancelled, now).await? else {
        return Err(Error::Conflict {
            message: Msg::new("register-already-cancelled"),
            fields: FieldErrors::new(),
        });
    };
    let open = close_open(&mut tx, registration_id, PaymentStatus::Cancelled, now).await?;
    let kind = match refund {
        Refund::Done {
            payment_id,
            refund_id,
        } => {
            sqlx::query(
                "UPDATE payments SET status = $1, refund_id = $2, updated_at = $3 WHERE id = $4",
            )
            .bind(PaymentStatus::Refunded.as_str())
            .bind(refund_id)
            .bind(now)
            .bind(payment_id)
            .execute(&mut *tx)
            .await?;
            OutboxKind::Refunded
        }
        Refund::None => OutboxKind::Cancelled,
    };
    seats::fill_event(&mut tx, event_id, now, db.payment_hold_secs).await?;
    outbox::enqueue_withdrawal(&mut tx, kind, registration_id, &seated).await?;
    tx.commit().await?;
    Ok(open)
}

/// Payment holds that ran out: their places go to those waiting, the attendees are told.
/// Returns the Checkout Sessions to expire at Stripe.
pub async fn expire_holds(db: &Db, now: i64) -> Result<Vec<String>> {
    let events: Vec<(i64,)> = sqlx::query_as(
        "SELECT DISTINCT event_id FROM registrations WHERE status = $1 \
         AND hold_expires_at <= $2",
    )
    .bind(RegistrationStatus::PendingPayment.as_str())
    .bind(now)
    .fetch_all(&db.write)
    .await?;
    let mut sessions = Vec::new();
    for (event_id,) in events {
        let mut tx = db.write.begin().await?;
        lock_event(db, &mut tx, event_id).await?;
        let due: Vec<(i64,)> = sqlx::query_as(
            "SELECT id FROM registrations WHERE event_id = $1 AND status = $2 \
             AND hold_expires_at <= $3 ORDER BY id",
        )
        .bind(event_id)
        .bind(RegistrationStatus::PendingPayment.as_str())
        .bind(now)
        .fetch_all(&mut *tx)
        .await?;
        for (id,) in due {
            if let Some(seated) = release(&mut tx, id, Cancelled, now).await? {
                sessions.extend(close_open(&mut tx, id, PaymentStatus::Expired, now).await?);
                outbox::enqueue_withdrawal(&mut tx, OutboxKind::PaymentExpired, id, &seated)
                    .await?;
            }
        }
        seats::fill_event(&mut tx, event_id, now, db.payment_hold_secs).await?;
        tx.commit().await?;
    }
    Ok(sessions)
}

/// Applies a Stripe event once: the event id is recorded first, in the effect's transaction.
/// Every effect is decided by the current state, so events arriving out of order or late
/// never undo a later decision.
pub async fn apply(
    db: &Db,
    event_id: &str,
    kind: &str,
    effect: &Effect,
    now: i64,
) -> Result<Outcome> {
    let mut tx = db.write.begin().await?;
    if !record_event(&mut tx, event_id, kind, effect, now).await? {
        return Ok(Outcome::Duplicate);
    }
    let found = match effect {
        Effect::Completed { session_id, .. } | Effect::Expired { session_id } => {
            by(&mut tx, "checkout_session_id", session_id).await?
        }
        Effect::Refunded { payment_intent } => {
            by(&mut tx, "payment_intent_id", payment_intent).await?
        }
        Effect::Ignored => None,
    };
    let Some(found) = found else {
        tx.commit().await?;
        return Ok(Outcome::Done);
    };
    // Lock, then read the payment again: another instance may have changed it meanwhile.
    lock_event(db, &mut tx, found.event_id).await?;
    let sql = format!("SELECT {COLUMNS} FROM payments WHERE id = $1");
    let p: Payment = sqlx::query_as(&sql)
        .bind(found.id)
        .fetch_one(&mut *tx)
        .await?;
    let outcome = effect_on(&mut tx, effect, &p, now, db.payment_hold_secs).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Records a Stripe event's id; false if it was recorded before (a replay).
async fn record_event(
    conn: &mut AnyConnection,
    event_id: &str,
    kind: &str,
    effect: &Effect,
    now: i64,
) -> Result<bool> {
    let intent = match effect {
        Effect::Completed { payment_intent, .. } => payment_intent.clone(),
        Effect::Refunded { payment_intent } => Some(payment_intent.clone()),
        _ => None,
    };
    let new = sqlx::query(
        "INSERT INTO stripe_events (id, event_type, received_at, payment_intent_id) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
    )
    .bind(event_id)
    .bind(kind)
    .bind(now)
    .bind(&intent)
    .execute(&mut *conn)
    .await?;
    Ok(new.rows_affected() > 0)
}

/// What the event does to the payment it is about (the event lock is held).
async fn effect_on(
    conn: &mut AnyConnection,
    effect: &Effect,
    p: &Payment,
    now: i64,
    hold_secs: i64,
) -> Result<Outcome> {
    use super::payment_effects as effects;
    match effect {
        Effect::Completed {
            paid: true,
            payment_intent,
            ..
        } => effects::completed(conn, p, payment_intent.as_deref(), now, hold_secs).await,
        Effect::Expired { .. } => {
            effects::expired(conn, p, now, hold_secs).await?;
            Ok(Outcome::Done)
        }
        Effect::Refunded { .. } => {
            effects::refunded(conn, p, now, hold_secs).await?;
            Ok(Outcome::Done)
        }
        _ => Ok(Outcome::Done),
    }
}

async fn by(conn: &mut AnyConnection, column: &str, value: &str) -> Result<Option<Payment>> {
    let sql =
        format!("SELECT {COLUMNS} FROM payments WHERE {column} = $1 ORDER BY id DESC LIMIT 1");
    Ok(sqlx::query_as(&sql)
        .bind(value)
        .fetch_optional(&mut *conn)
        .await?)
}

/// A registration's status and hold, inside a transaction.
pub(super) async fn state(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<(RegistrationStatus, Option<i64>)>> {
    let row: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT status, hold_expires_at FROM registrations WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.and_then(|(s, h)| RegistrationStatus::parse(&s).map(|s| (s, h))))
}

/// An event's payment terms: its refund deadline and the organiser's legal details.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Terms {
    pub refund_until: Option<i64>,
    pub legal_details: String,
}

pub async fn terms(db: &Db, event_id: i64) -> Result<Terms> {
    let (refund_until, legal_details): (Option<i64>, String) =
        sqlx::query_as("SELECT refund_until, legal_details FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_optional(&db.write)
            .await?
            .ok_or(Error::NotFound)?;
    Ok(Terms {
        refund_until,
        legal_details,
    })
}

pub async fn set_terms(db: &Db, event_id: i64, terms: &Terms) -> Result<()> {
    sqlx::query("UPDATE events SET refund_until = $1, legal_details = $2 WHERE id = $3")
        .bind(terms.refund_until)
        .bind(&terms.legal_details)
        .bind(event_id)
        .execute(&db.write)
        .await?;
    db.events_changed();
    Ok(())
}
