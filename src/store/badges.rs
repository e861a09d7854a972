//! Each event's badge signing keys, made on first use. The private key never leaves the
//! server; the public key is enough to check a badge.

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex};

use ed25519_dalek::{SigningKey, VerifyingKey};

use super::checkins::First;
use super::error::{Error, Result};
use super::registrations::{Registration, COLUMNS};
use super::Db;
use crate::domain::badge::{self, SignedClaim};

/// The event's signing key, generated and stored the first time it is needed, and kept for
/// the life of the process once read (a batch of 2,000 badges reads it once, not 2,000 times).
pub async fn keys(db: &Db, event_id: i64) -> Result<SigningKey> {
    let known = db.badge_keys.signing.lock().ok();
    if let Some(key) = known.and_then(|m| m.get(&event_id).cloned()) {
        return Ok(key);
    }
    let key = made_or_stored(db, event_id).await?;
    if let Ok(mut map) = db.badge_keys.signing.lock() {
        map.insert(event_id, key.clone());
    }
    Ok(key)
}

async fn made_or_stored(db: &Db, event_id: i64) -> Result<SigningKey> {
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

/// Events' keys already read. A key is made once and never changes (see [`keys`]), so it is
/// kept for the life of the process; events without a key yet are not remembered.
#[derive(Default)]
pub struct KeyCache {
    public: Mutex<HashMap<i64, VerifyingKey>>,
    signing: Mutex<HashMap<i64, SigningKey>>,
    /// Badge codes whose signature was checked good. An event's key never changes, so the
    /// same text always checks the same; a repeat scan (most of a morning's) skips the check,
    /// a fifth of a scan's work.
    verified: Mutex<HashSet<Box<str>>>,
}

/// Good codes remembered before the memory starts over (a 10,000-person congress's badges,
/// a few megabytes).
const MAX_VERIFIED: usize = 20_000;

/// Whether the badge code `text`, decoded as `signed`, is signed by its event's key.
pub async fn signed_by_event(db: &Db, text: &str, signed: &SignedClaim) -> Result<bool> {
    if db
        .badge_keys
        .verified
        .lock()
        .is_ok_and(|v| v.contains(text))
    {
        return Ok(true);
    }
    let Some(key) = public_key(db, signed.claim.event_id).await? else {
        return Ok(false);
    };
    if !signed.verify(&key) {
        return Ok(false);
    }
    if let Ok(mut verified) = db.badge_keys.verified.lock() {
        if verified.len() >= MAX_VERIFIED {
            verified.clear();
        }
        verified.insert(text.into());
    }
    Ok(true)
}

/// The event's public key, if the event exists and has issued badges.
pub async fn public_key(db: &Db, event_id: i64) -> Result<Option<VerifyingKey>> {
    if let Some(key) = db
        .badge_keys
        .public
        .lock()
        .ok()
        .and_then(|m| m.get(&event_id).copied())
    {
        return Ok(Some(key));
    }
    let key = stored_public(db, event_id).await?;
    if let (Some(key), Ok(mut map)) = (key, db.badge_keys.public.lock()) {
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
struct Row {
    #[sqlx(flatten)]
    registration: Registration,
    ticket_name: String,
    first_at: Option<i64>,
    first_gate: Option<String>,
    first_nonce: Option<String>,
}

/// Who a badge is for, and whether it is already in at a door.
#[derive(Debug, Clone)]
pub struct Holder {
    pub registration: Registration,
    /// The ticket type's name ("" without one).
    pub ticket: String,
    /// The badge's check-in at the door asked about, with the nonce of the scan that made it.
    pub first: Option<(First, Option<String>)>,
}

/// [`holder`]'s read: joins rather than a subquery per value, so the door's check-in is
/// looked up once (the unique index `checkins_once_per_scope` allows at most one).
static HOLDER_SQL: LazyLock<String> = LazyLock::new(|| {
    let registration: Vec<String> = COLUMNS
        .split(", ")
        .map(|c| format!("r.{c} AS {c}"))
        .collect();
    format!(
        "SELECT {}, COALESCE(t.name, '') AS ticket_name, c.scanned_at AS first_at, \
         c.gate AS first_gate, c.nonce AS first_nonce FROM registrations r \
         LEFT JOIN ticket_types t ON t.id = r.ticket_type_id \
         LEFT JOIN checkins c ON c.event_id = r.event_id AND c.registration_id = r.id \
         AND c.scope = $2 WHERE r.id = $1",
        registration.join(", ")
    )
});

/// Who a badge is for, with their ticket's name and their check-in at door `scope` (0: the
/// entrance), in one read: the door's hot path, where most scans of a busy morning are
/// repeats that need nothing else.
pub async fn holder(db: &Db, registration_id: i64, scope: i64) -> Result<Option<Holder>> {
    let row: Option<Row> = sqlx::query_as(&HOLDER_SQL)
        .bind(registration_id)
        .bind(scope)
        .fetch_optional(&db.read)
        .await?;
    Ok(row.map(|r| Holder {
        registration: r.registration,
        ticket: r.ticket_name,
        first: match (r.first_at, r.first_gate) {
            (Some(scanned_at), Some(gate)) => Some((First { scanned_at, gate }, r.first_nonce)),
            _ => None,
        },
    }))
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
