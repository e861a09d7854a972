//! Badges let in twice at one door by scanners that were offline: kept for the organisers.

use super::error::Result;
use super::Db;

#[derive(Debug, Clone)]
pub struct NewConflict<'a> {
    pub event_id: i64,
    pub registration_id: i64,
    pub scope: i64,
    pub gate: &'a str,
    pub scanned_at: i64,
    pub first_gate: &'a str,
    pub first_scanned_at: i64,
    pub nonce: &'a str,
}

/// Records the conflict once per uploaded scan (a re-upload of the same nonce adds nothing).
pub async fn record(db: &Db, c: &NewConflict<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO checkin_conflicts (event_id, registration_id, scope, gate, scanned_at, \
         first_gate, first_scanned_at, nonce, received_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (nonce) DO NOTHING",
    )
    .bind(c.event_id)
    .bind(c.registration_id)
    .bind(c.scope)
    .bind(c.gate)
    .bind(c.scanned_at)
    .bind(c.first_gate)
    .bind(c.first_scanned_at)
    .bind(c.nonce)
    .bind(crate::domain::time::now())
    .execute(&db.write)
    .await?;
    Ok(())
}

/// A conflict as organisers read it, with the person's name while the registration exists.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Conflict {
    pub name: Option<String>,
    pub scope: i64,
    pub gate: String,
    pub scanned_at: i64,
    pub first_gate: String,
    pub first_scanned_at: i64,
}

pub async fn list(db: &Db, event_id: i64) -> Result<Vec<Conflict>> {
    Ok(sqlx::query_as(
        "SELECT r.name, c.scope, c.gate, c.scanned_at, c.first_gate, c.first_scanned_at \
         FROM checkin_conflicts c LEFT JOIN registrations r ON r.id = c.registration_id \
         WHERE c.event_id = $1 ORDER BY c.scanned_at, c.id",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?)
}
