//! Changing a registration after the fact: its workshops and its attendance mode, each in
//! one transaction under the event lock, passing freed seats and places on.

use super::error::{Error, Result};
use super::registrations::{conflict, Registration};
use super::{lock_event, seats, Db};
use crate::domain::problem::Msg;
use crate::domain::{time, Attendance, RegistrationStatus};

/// Replaces the chosen sessions (already validated): kept ones keep their seat or place in
/// line, dropped ones free their seat for the next person, new ones seek a seat.
pub async fn set_sessions(db: &Db, r: &Registration, sessions: &[i64]) -> Result<()> {
    let now = time::now();
    let mut tx = db.write.begin().await?;
    lock_event(db, &mut tx, r.event_id).await?;
    seats::drop_sessions(&mut tx, r.id, sessions).await?;
    let held: Vec<(i64,)> =
        sqlx::query_as("SELECT session_id FROM session_signups WHERE registration_id = $1")
            .bind(r.id)
            .fetch_all(&mut *tx)
            .await?;
    let active = current_status(&mut tx, r.id).await?.holds_place();
    for session_id in sessions.iter().filter(|s| !held.contains(&(**s,))) {
        if active {
            seats::seat(&mut tx, r.id, *session_id, now).await?;
        } else {
            seats::request(&mut tx, r.id, *session_id, now).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Moves a registration to the other attendance mode, only if that mode has a place now.
pub async fn switch_attendance(db: &Db, r: &Registration, mode: Attendance) -> Result<()> {
    let now = time::now();
    let mut tx = db.write.begin().await?;
    lock_event(db, &mut tx, r.event_id).await?;
    let status = current_status(&mut tx, r.id).await?;
    if status.is_over() {
        return Err(conflict(Msg::new("register-already-cancelled")));
    }
    let limits = seats::limits(&mut tx, r.event_id).await?;
    let taken = seats::taken(&mut tx, r.event_id, now).await?;
    if !limits.has_room(&taken, mode, r.ticket_type_id) {
        return Err(conflict(Msg::new("register-switch-full")));
    }
    let (new_status, hold) = if status.holds_place() {
        (status, r.hold_expires_at)
    } else if status == RegistrationStatus::Waitlisted {
        seats::placed(&limits, r.ticket_type_id, now, db.payment_hold_secs)
    } else {
        (status, None)
    };
    // The badge says how its holder attends: the old one stops working.
    sqlx::query(
        "UPDATE registrations SET attendance = $1, status = $2, hold_expires_at = $3, \
         waitlist_seq = CASE WHEN $6 = 1 THEN waitlist_seq END, updated_at = $4, \
         badge_version = badge_version + 1 WHERE id = $5",
    )
    .bind(mode.as_str())
    .bind(new_status.as_str())
    .bind(hold)
    .bind(now)
    .bind(r.id)
    // Still waiting: keeps its turn.
    .bind(i64::from(new_status == RegistrationStatus::Waitlisted))
    .execute(&mut *tx)
    .await?;
    if new_status.holds_place() {
        seats::seat_requested(&mut tx, r.id, now).await?;
    }
    // The place left behind in the other mode goes to whoever waits for it.
    seats::fill_event(&mut tx, r.event_id, now, db.payment_hold_secs).await?;
    tx.commit().await?;
    Ok(())
}

async fn current_status(conn: &mut sqlx::AnyConnection, id: i64) -> Result<RegistrationStatus> {
    let (status,): (String,) = sqlx::query_as("SELECT status FROM registrations WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    RegistrationStatus::parse(&status).ok_or_else(|| Error::Internal(status))
}
