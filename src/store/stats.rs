//! Numbers for the organisers' dashboard: when people registered, when they came in.

use super::error::Result;
use super::Db;

/// When each registration of the event was made (all statuses).
pub async fn registration_times(db: &Db, event_id: i64) -> Result<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT created_at FROM registrations WHERE event_id = $1 ORDER BY created_at",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Entrance check-ins as (time, gate).
pub async fn entrance_checkins(db: &Db, event_id: i64) -> Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT scanned_at, gate FROM checkins WHERE event_id = $1 AND scope = 0 ORDER BY scanned_at",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?)
}
