//! Which registrations door staff made for walk-ins.

use super::error::Result;
use super::Db;

/// Marks a registration as a walk-in, inside the registration's own transaction.
pub(super) async fn record(
    tx: &mut sqlx::AnyConnection,
    registration_id: i64,
    now: i64,
) -> Result<()> {
    sqlx::query("INSERT INTO walk_ins (registration_id, created_at) VALUES ($1, $2)")
        .bind(registration_id)
        .bind(now)
        .execute(tx)
        .await?;
    Ok(())
}

/// Walk-ins of an event still holding their place (confirmed), and all of them.
pub async fn count(db: &Db, event_id: i64) -> Result<(i64, i64)> {
    let (confirmed, all): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN r.status = 'confirmed' THEN 1 ELSE 0 END), 0), COUNT(*) \
         FROM walk_ins w JOIN registrations r ON r.id = w.registration_id WHERE r.event_id = $1",
    )
    .bind(event_id)
    .fetch_one(&db.read)
    .await?;
    Ok((confirmed, all))
}
