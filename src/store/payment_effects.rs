//! What each Stripe event does, decided by the current state (the caller holds the event lock
//! and has recorded the event in the same transaction).

use sqlx::AnyConnection;

use super::error::Result;
use super::payments::{state, Payment};
use super::registrations::release;
use super::{outbox, seats};
use crate::domain::{OutboxKind, PaymentStatus, RegistrationStatus as S};

/// What a Stripe event means for Summit.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// `checkout.session.completed`; `paid` when its `payment_status` is `paid`.
    Completed {
        session_id: String,
        payment_intent: Option<String>,
        paid: bool,
    },
    /// `checkout.session.expired`.
    Expired { session_id: String },
    /// `charge.refunded` (refunded in full or in part: Summit cancels either way).
    Refunded { payment_intent: String },
    /// Anything else: acknowledged, nothing done.
    Ignored,
}

#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// This event was handled before.
    Duplicate,
    Done,
    /// Paid, but the place is gone: Summit must refund this payment.
    MustRefund {
        payment_id: i64,
        payment_intent: String,
    },
}

async fn set_status(
    conn: &mut AnyConnection,
    p: &Payment,
    status: PaymentStatus,
    now: i64,
) -> Result<()> {
    sqlx::query("UPDATE payments SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status.as_str())
        .bind(now)
        .bind(p.id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// `checkout.session.completed`, paid. Confirmed if the place is still held, or if the hold
/// ran out but there is room again; otherwise the payment must be refunded (and the attendee
/// is told). A refund that Stripe reported earlier wins.
pub(super) async fn completed(
    conn: &mut AnyConnection,
    p: &Payment,
    intent: Option<&str>,
    now: i64,
    hold_secs: i64,
) -> Result<Outcome> {
    if matches!(p.status, PaymentStatus::Paid | PaymentStatus::Refunded) {
        return Ok(Outcome::Done);
    }
    sqlx::query(
        "UPDATE payments SET status = $1, payment_intent_id = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(PaymentStatus::Paid.as_str())
    .bind(intent)
    .bind(now)
    .bind(p.id)
    .execute(&mut *conn)
    .await?;
    if refunded_before(conn, intent).await? {
        refunded(conn, p, now, hold_secs).await?;
        return Ok(Outcome::Done);
    }
    let Some(id) = p.registration_id else {
        return Ok(must_refund(p, intent));
    };
    let Some((status, hold)) = state(conn, id).await? else {
        return Ok(must_refund(p, intent));
    };
    let held = status == S::PendingPayment && hold.is_some_and(|h| h > now);
    // A hold that ran out (or was released by the expiry job) comes back only if there is room.
    let revivable = status == S::PendingPayment
        || (status == S::Cancelled && p.status == PaymentStatus::Expired);
    let confirm = held || (revivable && room_for(conn, p.event_id, id, now).await?);
    if confirm {
        confirm_paid(conn, id, now).await?;
        return Ok(Outcome::Done);
    }
    if status == S::Confirmed {
        return Ok(Outcome::Done);
    }
    if let Some(seated) = release(conn, id, S::Cancelled, now).await? {
        seats::fill_event(conn, p.event_id, now, hold_secs).await?;
        outbox::enqueue_withdrawal(conn, OutboxKind::PaymentExpired, id, &seated).await?;
    }
    Ok(must_refund(p, intent))
}

/// Whether Stripe reported this payment refunded before its completion arrived.
async fn refunded_before(conn: &mut AnyConnection, intent: Option<&str>) -> Result<bool> {
    let Some(pi) = intent else {
        return Ok(false);
    };
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM stripe_events WHERE payment_intent_id = $1 \
         AND event_type = 'charge.refunded'",
    )
    .bind(pi)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

/// A paid registration is confirmed: its requested workshops seek seats, the attendee is told.
async fn confirm_paid(conn: &mut AnyConnection, id: i64, now: i64) -> Result<()> {
    sqlx::query(
        "UPDATE registrations SET status = $1, hold_expires_at = NULL, \
         waitlist_seq = NULL, cancelled_at = NULL, updated_at = $2 WHERE id = $3",
    )
    .bind(S::Confirmed.as_str())
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    seats::seat_requested(conn, id, now).await?;
    outbox::enqueue(conn, OutboxKind::Paid, id).await
}

fn must_refund(p: &Payment, intent: Option<&str>) -> Outcome {
    match intent {
        Some(pi) => Outcome::MustRefund {
            payment_id: p.id,
            payment_intent: pi.to_string(),
        },
        None => Outcome::Done,
    }
}

/// Whether a registration that holds no place now could get one.
async fn room_for(conn: &mut AnyConnection, event_id: i64, id: i64, now: i64) -> Result<bool> {
    let (mode, ticket): (String, Option<i64>) =
        sqlx::query_as("SELECT attendance, ticket_type_id FROM registrations WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    let limits = seats::limits(conn, event_id).await?;
    let taken = seats::taken(conn, event_id, now).await?;
    let mode =
        crate::domain::Attendance::parse(&mode).unwrap_or(crate::domain::Attendance::InPerson);
    Ok(limits.has_room(&taken, mode, ticket))
}

/// `checkout.session.expired`: the place goes if this was the registration's last open session.
pub(super) async fn expired(
    conn: &mut AnyConnection,
    p: &Payment,
    now: i64,
    hold_secs: i64,
) -> Result<()> {
    if p.status != PaymentStatus::Open {
        return Ok(());
    }
    set_status(conn, p, PaymentStatus::Expired, now).await?;
    let Some(id) = p.registration_id else {
        return Ok(());
    };
    let (others,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM payments WHERE registration_id = $1 AND id <> $2 \
         AND status IN ($3, $4)",
    )
    .bind(id)
    .bind(p.id)
    .bind(PaymentStatus::Open.as_str())
    .bind(PaymentStatus::Paid.as_str())
    .fetch_one(&mut *conn)
    .await?;
    let pending = matches!(state(conn, id).await?, Some((S::PendingPayment, _)));
    if others == 0 && pending {
        if let Some(seated) = release(conn, id, S::Cancelled, now).await? {
            seats::fill_event(conn, p.event_id, now, hold_secs).await?;
            outbox::enqueue_withdrawal(conn, OutboxKind::PaymentExpired, id, &seated).await?;
        }
    }
    Ok(())
}

/// `charge.refunded`: the payment is refunded, the registration cancelled and its badge
/// revoked (whoever refunded: Summit, or an organiser in Stripe's dashboard).
pub(super) async fn refunded(
    conn: &mut AnyConnection,
    p: &Payment,
    now: i64,
    hold_secs: i64,
) -> Result<()> {
    set_status(conn, p, PaymentStatus::Refunded, now).await?;
    let Some(id) = p.registration_id else {
        return Ok(());
    };
    if let Some(seated) = release(conn, id, S::Cancelled, now).await? {
        seats::fill_event(conn, p.event_id, now, hold_secs).await?;
        outbox::enqueue_withdrawal(conn, OutboxKind::Refunded, id, &seated).await?;
    }
    Ok(())
}
