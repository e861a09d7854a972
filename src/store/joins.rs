//! Online attendance: each time an attendee goes through their join link inside the window.

use super::error::Result;
use super::Db;
use crate::domain::time;

pub async fn record(
    db: &Db,
    event_id: i64,
    registration_id: i64,
    session_id: Option<i64>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO online_joins (event_id, registration_id, session_id, joined_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(event_id)
    .bind(registration_id)
    .bind(session_id)
    .bind(time::now())
    .execute(&db.write)
    .await?;
    Ok(())
}

/// Distinct people who joined online, per session (`None`: the event's own stream).
pub async fn counts(db: &Db, event_id: i64) -> Result<Vec<(Option<i64>, i64)>> {
    Ok(sqlx::query_as(
        "SELECT session_id, COUNT(DISTINCT registration_id) FROM online_joins \
         WHERE event_id = $1 GROUP BY session_id ORDER BY session_id",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?)
}
