//! Giving out places inside a registration transaction (the caller holds the event lock):
//! event places per mode and ticket, workshop seats, and promotion from the waitlists.

use sqlx::AnyConnection;

use super::error::Result;
use super::outbox;
use crate::domain::capacity::{self, Limits, Taken, TicketLimit};
use crate::domain::{Attendance, OutboxKind, RegistrationStatus, SignupStatus};

/// Counts toward capacity: confirmed, or a payment hold that has not expired (the SQL twin of
/// `RegistrationStatus::holds_place`; kept literal because it is spliced into queries whose
/// `$2` is the current time).
const HOLDS_PLACE: &str =
    "(status = 'confirmed' OR (status = 'pending_payment' AND hold_expires_at > $2))";

pub(super) async fn limits(conn: &mut AnyConnection, event_id: i64) -> Result<Limits> {
    let (in_person, online): (Option<i64>, Option<i64>) =
        sqlx::query_as("SELECT in_person_capacity, online_capacity FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_one(&mut *conn)
            .await?;
    let rows: Vec<(i64, Option<i64>, i64)> =
        sqlx::query_as("SELECT id, quota, price_cents FROM ticket_types WHERE event_id = $1")
            .bind(event_id)
            .fetch_all(&mut *conn)
            .await?;
    let tickets = rows
        .into_iter()
        .map(|(id, quota, price_cents)| (id, TicketLimit { quota, price_cents }))
        .collect();
    Ok(Limits {
        in_person,
        online,
        tickets,
    })
}

pub(super) async fn taken(conn: &mut AnyConnection, event_id: i64, now: i64) -> Result<Taken> {
    let sql = format!(
        "SELECT attendance, ticket_type_id, COUNT(*) FROM registrations \
         WHERE event_id = $1 AND {HOLDS_PLACE} GROUP BY attendance, ticket_type_id"
    );
    let rows: Vec<(String, Option<i64>, i64)> = sqlx::query_as(&sql)
        .bind(event_id)
        .bind(now)
        .fetch_all(&mut *conn)
        .await?;
    let mut taken = Taken::default();
    for (mode, ticket, n) in rows {
        let mode = Attendance::parse(&mode).unwrap_or(Attendance::InPerson);
        *taken.by_mode.entry(mode).or_default() += n;
        if let Some(t) = ticket {
            *taken.by_ticket.entry(t).or_default() += n;
        }
    }
    Ok(taken)
}

/// The status of someone who gets a place: confirmed, or holding it for `hold_secs`
/// (the `payment_hold_minutes` setting, carried by [`Db`](super::Db)) while they pay.
pub(super) fn placed(
    limits: &Limits,
    ticket: Option<i64>,
    now: i64,
    hold_secs: i64,
) -> (RegistrationStatus, Option<i64>) {
    if limits.is_paid(ticket) {
        (RegistrationStatus::PendingPayment, Some(now + hold_secs))
    } else {
        (RegistrationStatus::Confirmed, None)
    }
}

/// Every turn on a waiting list is at most this ([`waiting`]: the whole list).
pub(super) const WHOLE_LIST: i64 = i64::MAX;

/// How many registrations wait for a place in `mode` with a turn up to `up_to`: the place on
/// the list of the one whose turn that is, or with [`WHOLE_LIST`] the list's length. One count
/// for the attendee's page (on the read pool) and a newcomer joining (under the event lock).
pub(super) async fn waiting<'c, E>(
    conn: E,
    event_id: i64,
    mode: Attendance,
    up_to: i64,
) -> Result<i64>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = $2 \
         AND attendance = $3 AND waitlist_seq <= $4",
    )
    .bind(event_id)
    .bind(RegistrationStatus::Waitlisted.as_str())
    .bind(mode.as_str())
    .bind(up_to)
    .fetch_one(conn)
    .await?;
    Ok(n)
}

pub(super) async fn next_event_seq(conn: &mut AnyConnection, event_id: i64) -> Result<i64> {
    let (seq,): (i64,) = sqlx::query_as(
        "SELECT COALESCE(MAX(waitlist_seq), 0) + 1 FROM registrations WHERE event_id = $1",
    )
    .bind(event_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(seq)
}

/// Gives places to those waiting, in order, while there is room; tells each of them.
pub(super) async fn fill_event(
    conn: &mut AnyConnection,
    event_id: i64,
    now: i64,
    hold_secs: i64,
) -> Result<Vec<i64>> {
    let limits = limits(conn, event_id).await?;
    let mut taken = taken(conn, event_id, now).await?;
    let rows: Vec<(i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT id, attendance, ticket_type_id FROM registrations \
         WHERE event_id = $1 AND status = $2 ORDER BY waitlist_seq",
    )
    .bind(event_id)
    .bind(RegistrationStatus::Waitlisted.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let waiting: Vec<_> = rows
        .into_iter()
        .filter_map(|(id, mode, t)| Attendance::parse(&mode).map(|m| (id, m, t)))
        .collect();
    let promoted = capacity::promote(&limits, &mut taken, &waiting);
    for id in &promoted {
        let ticket = waiting.iter().find(|w| w.0 == *id).and_then(|w| w.2);
        let (status, hold) = placed(&limits, ticket, now, hold_secs);
        sqlx::query(
            "UPDATE registrations SET status = $1, hold_expires_at = $2, waitlist_seq = NULL, \
             updated_at = $3 WHERE id = $4",
        )
        .bind(status.as_str())
        .bind(hold)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
        seat_requested(conn, *id, now).await?;
        outbox::enqueue(conn, OutboxKind::Promoted, *id).await?;
    }
    Ok(promoted)
}

/// A workshop's capacity: its own, else its room's when it needs signing up; NULL: open to
/// all. One expression for both places that need it (`s` the session, `r` its room).
const CAPACITY: &str = "COALESCE(s.capacity, CASE WHEN s.requires_signup <> 0 THEN r.capacity END)";

/// The workshop's capacity ([`CAPACITY`]); `None`: open to all.
async fn session_capacity(conn: &mut AnyConnection, session_id: i64) -> Result<Option<i64>> {
    let sql = format!(
        "SELECT {CAPACITY} FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id WHERE s.id = $1"
    );
    let row: Option<(Option<i64>,)> = sqlx::query_as(&sql)
        .bind(session_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.and_then(|(cap,)| cap))
}

async fn seats_taken(conn: &mut AnyConnection, session_id: i64) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM session_signups WHERE session_id = $1 AND status = $2",
    )
    .bind(session_id)
    .bind(SignupStatus::Confirmed.as_str())
    .fetch_one(&mut *conn)
    .await?;
    Ok(n)
}

/// Seats a registration that holds a place in a session, or puts it at the end of that
/// session's waitlist. One statement: the seat is decided and written in one round trip
/// (under the event lock the caller holds, as before).
pub(super) async fn seat(
    conn: &mut AnyConnection,
    registration_id: i64,
    session_id: i64,
    now: i64,
) -> Result<()> {
    let sql = format!(
        "INSERT INTO session_signups (registration_id, session_id, status, waitlist_seq, \
         created_at) \
         SELECT $1, $2, CASE WHEN x.room THEN $4 ELSE $5 END, \
                CASE WHEN x.room THEN NULL ELSE (SELECT COALESCE(MAX(waitlist_seq), 0) + 1 \
                    FROM session_signups WHERE session_id = $2) END, $3 \
         FROM (SELECT (c.cap IS NULL OR (SELECT COUNT(*) FROM session_signups \
                   WHERE session_id = $2 AND status = $4) < c.cap) AS room \
               FROM (SELECT {CAPACITY} AS cap FROM sessions s \
                     LEFT JOIN rooms r ON r.id = s.room_id WHERE s.id = $2) c) x \
         WHERE true \
         ON CONFLICT (registration_id, session_id) \
         DO UPDATE SET status = excluded.status, waitlist_seq = excluded.waitlist_seq"
    );
    sqlx::query(&sql)
        .bind(registration_id)
        .bind(session_id)
        .bind(now)
        .bind(SignupStatus::Confirmed.as_str())
        .bind(SignupStatus::Waitlisted.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records a choice made while the registration itself waits: no seat is taken yet.
pub(super) async fn request(
    conn: &mut AnyConnection,
    registration_id: i64,
    session_id: i64,
    now: i64,
) -> Result<()> {
    set_signup(
        conn,
        registration_id,
        session_id,
        SignupStatus::Requested,
        None,
        now,
    )
    .await
}

async fn set_signup(
    conn: &mut AnyConnection,
    registration_id: i64,
    session_id: i64,
    status: SignupStatus,
    seq: Option<i64>,
    now: i64,
) -> Result<()> {
    // One round trip whether the choice is new or changes one already there.
    sqlx::query(
        "INSERT INTO session_signups (registration_id, session_id, status, waitlist_seq, \
         created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (registration_id, session_id) \
         DO UPDATE SET status = excluded.status, waitlist_seq = excluded.waitlist_seq",
    )
    .bind(registration_id)
    .bind(session_id)
    .bind(status.as_str())
    .bind(seq)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Once a registration gets its place, its requested sessions seek seats.
pub(super) async fn seat_requested(
    conn: &mut AnyConnection,
    registration_id: i64,
    now: i64,
) -> Result<()> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT session_id FROM session_signups WHERE registration_id = $1 AND status = $2 \
         ORDER BY session_id",
    )
    .bind(registration_id)
    .bind(SignupStatus::Requested.as_str())
    .fetch_all(&mut *conn)
    .await?;
    for (session_id,) in rows {
        seat(conn, registration_id, session_id, now).await?;
    }
    Ok(())
}

/// Gives freed seats of a session to those waiting for it, in order.
pub(super) async fn fill_session(conn: &mut AnyConnection, session_id: i64) -> Result<()> {
    let Some(cap) = session_capacity(conn, session_id).await? else {
        return Ok(());
    };
    let free = cap - seats_taken(conn, session_id).await?;
    if free <= 0 {
        return Ok(());
    }
    let waiting: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM session_signups WHERE session_id = $1 AND status = $2 \
         ORDER BY waitlist_seq LIMIT $3",
    )
    .bind(session_id)
    .bind(SignupStatus::Waitlisted.as_str())
    .bind(free)
    .fetch_all(&mut *conn)
    .await?;
    for (id,) in waiting {
        sqlx::query("UPDATE session_signups SET status = $1, waitlist_seq = NULL WHERE id = $2")
            .bind(SignupStatus::Confirmed.as_str())
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Drops a registration's sessions (all, or those not in `keep`), passing freed seats on;
/// returns the sessions it held a seat in.
pub(super) async fn drop_sessions(
    conn: &mut AnyConnection,
    registration_id: i64,
    keep: &[i64],
) -> Result<Vec<i64>> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT session_id, status FROM session_signups WHERE registration_id = $1")
            .bind(registration_id)
            .fetch_all(&mut *conn)
            .await?;
    let mut seated = Vec::new();
    for (session_id, status) in rows.into_iter().filter(|(s, _)| !keep.contains(s)) {
        sqlx::query("DELETE FROM session_signups WHERE registration_id = $1 AND session_id = $2")
            .bind(registration_id)
            .bind(session_id)
            .execute(&mut *conn)
            .await?;
        if status == SignupStatus::Confirmed.as_str() {
            fill_session(conn, session_id).await?;
            seated.push(session_id);
        }
    }
    Ok(seated)
}
