//! What an offline scanner needs to know about an event's badges: who holds a valid one, who
//! no longer does, which workshop seats they hold and who is already in.

use super::error::Result;
use super::Db;
use crate::domain::{RegistrationStatus, SignupStatus};

const CONFIRMED: &str = RegistrationStatus::Confirmed.as_str();

/// A confirmed registration as the door sees it (no e-mail: the door does not need it).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct KitBadge {
    pub id: i64,
    pub badge_version: i64,
    pub name: String,
    pub organisation: String,
    pub badge_role: String,
    pub attendance: String,
    pub ticket: Option<String>,
}

pub async fn valid_badges(db: &Db, event_id: i64) -> Result<Vec<KitBadge>> {
    Ok(sqlx::query_as(
        "SELECT r.id, r.badge_version, r.name, r.organisation, r.badge_role, r.attendance, \
         t.name AS ticket FROM registrations r LEFT JOIN ticket_types t ON t.id = r.ticket_type_id \
         WHERE r.event_id = $1 AND r.status = $2 ORDER BY r.id",
    )
    .bind(event_id)
    .bind(CONFIRMED)
    .fetch_all(&db.read)
    .await?)
}

/// Registrations whose badges no longer admit anyone (cancelled, refused, not yet confirmed).
pub async fn revoked(db: &Db, event_id: i64) -> Result<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM registrations WHERE event_id = $1 AND status <> $2 ORDER BY id",
    )
    .bind(event_id)
    .bind(CONFIRMED)
    .fetch_all(&db.read)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// The highest registration id (of any event) made before `before`: a badge of a lower id
/// that is in neither list was erased; a higher one may be newer than the kit.
pub async fn registrations_before(db: &Db, before: i64) -> Result<i64> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COALESCE(MAX(id), 0) FROM registrations WHERE created_at < $1")
            .bind(before)
            .fetch_one(&db.read)
            .await?;
    Ok(n)
}

/// Confirmed workshop seats: (registration, session).
pub async fn seats(db: &Db, event_id: i64) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT s.registration_id, s.session_id FROM session_signups s \
         JOIN registrations r ON r.id = s.registration_id \
         WHERE r.event_id = $1 AND r.status = $2 AND s.status = $3 \
         ORDER BY s.registration_id, s.session_id",
    )
    .bind(event_id)
    .bind(CONFIRMED)
    .bind(SignupStatus::Confirmed.as_str())
    .fetch_all(&db.read)
    .await?)
}

/// Who is already in, and where: (registration, door scope, gate, scanned at).
pub async fn checked_in(db: &Db, event_id: i64) -> Result<Vec<(i64, i64, String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT registration_id, scope, gate, scanned_at FROM checkins \
         WHERE event_id = $1 AND registration_id IS NOT NULL ORDER BY id",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?)
}
