//! Each event's badge signing keys, made on first use. The private key never leaves the
//! server; the public key is enough to check a badge.

use std::collections::HashMap;
use std::sync::Mutex;

use ed25519_dalek::{SigningKey, VerifyingKey};

use super::registrations::{Registration, COLUMNS};
use super::Db;
use crate::domain::badge;
use crate::error::{Error, Result};

/// The event's signing key, generated and stored the first time it is needed.
pub async fn keys(db: &Db, event_id: i64) -> Result<SigningKey> {
    if let Some(key) = stored_private(db, event_id).await? {
        return Ok(key);
    }
    let (public, private) = badge::new_keys();
    // Two first uses at once: the first write wins and both read it back.
    sqlx::query(
        "UPDATE events SET badge_public_key = $1, badge_private_key = $2 \
         WHERE id = $3 AND badge_private_key IS NULL",
    )
    .bind(public)
    .bind(private)
    .bind(event_id)
    .execute(&db.write)
    .await?;
    stored_private(db, event_id)
        .await?
        .ok_or_else(|| Error::Internal(format!("no badge key for event {event_id}")))
}

async fn stored_private(db: &Db, event_id: i64) -> Result<Option<SigningKey>> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT badge_private_key FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_optional(&db.write)
            .await?;
    match row {
        None => Err(Error::NotFound),
        Some((None,)) => Ok(None),
        Some((Some(text),)) => badge::signing_key(&text)
            .map(Some)
            .ok_or_else(|| Error::Internal(format!("bad badge key for event {event_id}"))),
    }
}

/// Events' public keys already read. A key is made once and never changes (see [`keys`]), so
/// it is kept for the life of the process; events without a key yet are not remembered.
#[derive(Default)]
pub struct KeyCache(Mutex<HashMap<i64, VerifyingKey>>);

/// The event's public key, if the event exists and has issued badges.
pub async fn public_key(db: &Db, event_id: i64) -> Result<Option<VerifyingKey>> {
    if let Some(key) = db
        .badge_keys
        .0
        .lock()
        .ok()
        .and_then(|m| m.get(&event_id).copied())
    {
        return Ok(Some(key));
    }
    let key = stored_public(db, event_id).await?;
    if let (Some(key), Ok(mut map)) = (key, db.badge_keys.0.lock()) {
        map.insert(event_id, key);
    }
    Ok(key)
}

async fn stored_public(db: &Db, event_id: i64) -> Result<Option<VerifyingKey>> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT badge_public_key FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_optional(&db.read)
            .await?;
    Ok(row
        .and_then(|(key,)| key)
        .and_then(|k| badge::verifying_key(&k)))
}

#[derive(sqlx::FromRow)]
struct Holder {
    #[sqlx(flatten)]
    registration: Registration,
    ticket_name: String,
}

/// Who a badge is for: the registration and its ticket type's name ("" without one), in one
/// read (the door's hot path).
pub async fn holder(db: &Db, registration_id: i64) -> Result<Option<(Registration, String)>> {
    let sql = format!(
        "SELECT {COLUMNS}, COALESCE((SELECT name FROM ticket_types \
         WHERE ticket_types.id = registrations.ticket_type_id), '') AS ticket_name \
         FROM registrations WHERE id = $1"
    );
    let row: Option<Holder> = sqlx::query_as(&sql)
        .bind(registration_id)
        .fetch_optional(&db.read)
        .await?;
    Ok(row.map(|h| (h.registration, h.ticket_name)))
}

/// Makes the registration's badges so far invalid (a lost badge): the next one is new.
pub async fn reissue(db: &Db, registration_id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE registrations SET badge_version = badge_version + 1, updated_at = $1 \
         WHERE id = $2",
    )
    .bind(crate::domain::time::now())
    .bind(registration_id)
    .execute(&db.write)
    .await?;
    Ok(())
}

/// What the badge says the person is (attendee, speaker, press, staff…).
pub async fn set_role(db: &Db, registration_id: i64, role: &str) -> Result<()> {
    sqlx::query("UPDATE registrations SET badge_role = $1, updated_at = $2 WHERE id = $3")
        .bind(role)
        .bind(crate::domain::time::now())
        .bind(registration_id)
        .execute(&db.write)
        .await?;
    Ok(())
}
