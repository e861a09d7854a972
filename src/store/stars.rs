//! Sessions attendees starred for their own programme (`session_stars`), and whether they
//! want a reminder before each. Unstarring keeps the row (`removed_at`) so the personal
//! calendar can say the session is off their programme; `revision` counts the changes.

use super::error::Result;
use super::Db;
use crate::domain::time;

/// One star of a registration, current or taken back.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Star {
    pub session_id: i64,
    pub starred_at: i64,
    pub removed_at: Option<i64>,
    /// Added to the session's SEQUENCE in the personal calendar: rises on every change.
    pub revision: i64,
}

impl Star {
    pub fn live(&self) -> bool {
        self.removed_at.is_none()
    }
}

/// Stars a session (already checked to be the registration's event's and not cancelled).
/// Starring again changes nothing; starring a session taken back puts it back. Answers
/// whether anything changed.
pub async fn star(db: &Db, registration_id: i64, session_id: i64) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO session_stars (registration_id, session_id, starred_at, revision) \
         VALUES ($1, $2, $3, 0) ON CONFLICT (registration_id, session_id) DO UPDATE \
         SET starred_at = $3, removed_at = NULL, revision = session_stars.revision + 1 \
         WHERE session_stars.removed_at IS NOT NULL",
    )
    .bind(registration_id)
    .bind(session_id)
    .bind(time::now())
    .execute(&db.write)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Takes a star back (nothing happens if there is none). Answers whether anything changed.
pub async fn unstar(db: &Db, registration_id: i64, session_id: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE session_stars SET removed_at = $3, revision = revision + 1 \
         WHERE registration_id = $1 AND session_id = $2 AND removed_at IS NULL",
    )
    .bind(registration_id)
    .bind(session_id)
    .bind(time::now())
    .execute(&db.write)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Every star of a registration, taken back ones too, by session start.
pub async fn of_registration(db: &Db, registration_id: i64) -> Result<Vec<Star>> {
    Ok(sqlx::query_as(
        "SELECT st.session_id, st.starred_at, st.removed_at, st.revision \
         FROM session_stars st JOIN sessions s ON s.id = st.session_id \
         WHERE st.registration_id = $1 ORDER BY s.starts_at, s.id",
    )
    .bind(registration_id)
    .fetch_all(&db.read)
    .await?)
}

/// Current stars per session of an event, by registrations still holding or seeking a
/// place (a cancelled registration's interest no longer counts), most starred first.
pub async fn counts(db: &Db, event_id: i64) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT st.session_id, COUNT(*) AS n FROM session_stars st \
         JOIN sessions s ON s.id = st.session_id \
         JOIN registrations r ON r.id = st.registration_id \
         WHERE s.event_id = $1 AND st.removed_at IS NULL \
         AND r.status NOT IN ('cancelled', 'rejected') \
         GROUP BY st.session_id ORDER BY n DESC, st.session_id",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?)
}

/// Whether the attendee asked for a reminder before each starred session.
pub async fn reminder(db: &Db, registration_id: i64) -> Result<bool> {
    let (on,): (i64,) = sqlx::query_as("SELECT remind_starred FROM registrations WHERE id = $1")
        .bind(registration_id)
        .fetch_optional(&db.read)
        .await?
        .ok_or(super::error::Error::NotFound)?;
    Ok(on == 1)
}

pub async fn set_reminder(db: &Db, registration_id: i64, on: bool) -> Result<()> {
    sqlx::query("UPDATE registrations SET remind_starred = $1 WHERE id = $2")
        .bind(i64::from(on))
        .bind(registration_id)
        .execute(&db.write)
        .await?;
    Ok(())
}
