//! The outbox: every message to send is a row, written in the same transaction as the change
//! it tells about, so a message is never lost nor sent for a change that did not happen.

use serde::Serialize;
use sqlx::AnyConnection;

use super::error::Result;
use super::Db;
use crate::domain::{time, OutboxKind, RegistrationStatus, SignupStatus};

// The stored text of each kind, taken from `OutboxKind` (its one conversion), for code that
// matches a claimed row's text: the mail composer matches `Claimed::message_kind` with these.
pub const REGISTERED: &str = OutboxKind::Registered.as_str();
pub const LINK: &str = OutboxKind::Link.as_str();
pub const PROMOTED: &str = OutboxKind::Promoted.as_str();
pub const CANCELLED: &str = OutboxKind::Cancelled.as_str();
pub const DECIDED: &str = OutboxKind::Decided.as_str();
pub const SESSION_CHANGED: &str = OutboxKind::SessionChanged.as_str();
pub const SESSION_CANCELLED: &str = OutboxKind::SessionCancelled.as_str();
pub const PAID: &str = OutboxKind::Paid.as_str();
pub const PAYMENT_EXPIRED: &str = OutboxKind::PaymentExpired.as_str();
pub const REFUNDED: &str = OutboxKind::Refunded.as_str();
pub const ANNOUNCEMENT: &str = OutboxKind::Announcement.as_str();
pub const REMINDER: &str = OutboxKind::Reminder.as_str();
pub const CERTIFICATE: &str = OutboxKind::Certificate.as_str();

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Message {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub message_kind: OutboxKind,
    pub recipient: String,
    pub registration_id: Option<i64>,
    pub status: String,
}

/// Queues a message to a registration's e-mail address.
pub(crate) async fn enqueue(
    conn: &mut AnyConnection,
    kind: OutboxKind,
    registration_id: i64,
) -> Result<()> {
    enqueue_payload(conn, kind, registration_id, "{}").await
}

/// Queues the message that a registration is over, naming the sessions it held a seat in
/// (their seats are gone by the time it is composed): its invite withdraws them too.
pub(crate) async fn enqueue_withdrawal(
    conn: &mut AnyConnection,
    kind: OutboxKind,
    registration_id: i64,
    sessions: &[i64],
) -> Result<()> {
    let payload = serde_json::json!({ "sessions": sessions }).to_string();
    enqueue_payload(conn, kind, registration_id, &payload).await
}

async fn enqueue_payload(
    conn: &mut AnyConnection,
    kind: OutboxKind,
    registration_id: i64,
    payload: &str,
) -> Result<()> {
    let now = time::now();
    sqlx::query(
        "INSERT INTO outbox (message_kind, recipient, registration_id, payload, next_attempt_at, \
         created_at) SELECT $1, email, id, $2, $3, $3 FROM registrations WHERE id = $4",
    )
    .bind(kind.as_str())
    .bind(payload)
    .bind(now)
    .bind(registration_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// At most one personal link per registration per this many seconds, however often someone
/// asks: "send my link again" and repeated registrations cannot flood an inbox.
pub const LINK_EVERY_SECONDS: i64 = 10 * 60;

/// Queues the personal link again, unless a link (or the confirmation, which carries one)
/// was queued for this registration in the last [`LINK_EVERY_SECONDS`]; the caller answers
/// the same either way.
pub(crate) async fn enqueue_link(conn: &mut AnyConnection, registration_id: i64) -> Result<()> {
    let recent: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM outbox WHERE registration_id = $1 AND message_kind IN ($2, $3) \
         AND created_at > $4 LIMIT 1",
    )
    .bind(registration_id)
    .bind(OutboxKind::Link.as_str())
    .bind(OutboxKind::Registered.as_str())
    .bind(time::now() - LINK_EVERY_SECONDS)
    .fetch_optional(&mut *conn)
    .await?;
    if recent.is_none() {
        enqueue(conn, OutboxKind::Link, registration_id).await?;
    }
    Ok(())
}

/// Tells everyone seated in a session that it moved or was cancelled (their invite updates).
pub(crate) async fn enqueue_session_notice(
    conn: &mut AnyConnection,
    kind: OutboxKind,
    session_id: i64,
) -> Result<()> {
    let now = time::now();
    let payload = serde_json::json!({ "session_id": session_id }).to_string();
    sqlx::query(
        "INSERT INTO outbox (message_kind, recipient, registration_id, payload, next_attempt_at, \
         created_at) SELECT $1, r.email, r.id, $2, $3, $3 FROM registrations r \
         JOIN session_signups ss ON ss.registration_id = r.id \
         WHERE ss.session_id = $4 AND ss.status = $5 AND r.status IN ($6, $7)",
    )
    .bind(kind.as_str())
    .bind(payload)
    .bind(now)
    .bind(session_id)
    .bind(SignupStatus::Confirmed.as_str())
    .bind(RegistrationStatus::Confirmed.as_str())
    .bind(RegistrationStatus::PendingPayment.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

/// The messages queued for one registration, oldest first.
pub async fn for_registration(db: &Db, registration_id: i64) -> Result<Vec<Message>> {
    Ok(sqlx::query_as(
        "SELECT id, message_kind, recipient, registration_id, status FROM outbox \
         WHERE registration_id = $1 ORDER BY id",
    )
    .bind(registration_id)
    .fetch_all(&db.write)
    .await?)
}

/// A message claimed by one worker for sending. Its kind stays the stored text: a kind this
/// version does not know (queued by a newer instance) must not make the whole claim fail.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Claimed {
    pub id: i64,
    pub message_kind: String,
    pub recipient: String,
    pub registration_id: Option<i64>,
    pub attempts: i64,
    pub payload: String,
}

impl Claimed {
    /// The kind of message, if this version knows it.
    pub fn kind(&self) -> Option<OutboxKind> {
        OutboxKind::parse(&self.message_kind)
    }
}

/// A claim older than this is taken to belong to a worker that died.
const CLAIM_TIMEOUT_SECS: i64 = 300;

/// Claims due messages atomically, so several app instances never take the same row:
/// `FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite's single writer runs one claim at a time.
pub async fn claim(db: &Db, worker: &str, now: i64, limit: i64) -> Result<Vec<Claimed>> {
    let lock = match db.backend {
        super::Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        super::Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE outbox SET status = 'sending', claimed_by = $1, claimed_at = $2 \
         WHERE id IN (SELECT id FROM outbox WHERE (status = 'pending' AND next_attempt_at <= $2) \
         OR (status = 'sending' AND claimed_at < $3) ORDER BY id LIMIT $4{lock}) \
         RETURNING id, message_kind, recipient, registration_id, attempts, payload"
    );
    let mut rows: Vec<Claimed> = sqlx::query_as(&sql)
        .bind(worker)
        .bind(now)
        .bind(now - CLAIM_TIMEOUT_SECS)
        .bind(limit)
        .fetch_all(&db.write)
        .await?;
    rows.sort_by_key(|r| r.id);
    Ok(rows)
}

pub async fn mark_sent(db: &Db, id: i64, now: i64) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1, \
         last_error = NULL WHERE id = $2",
    )
    .bind(now)
    .bind(id)
    .execute(&db.write)
    .await?;
    Ok(())
}

/// Gives up after this many attempts (about a day with the backoff below).
pub const MAX_ATTEMPTS: i64 = 15;

/// Seconds to wait before attempt `n + 1`: 30 s doubling, at most an hour.
pub fn backoff(attempts: i64) -> i64 {
    (30_i64 << attempts.clamp(0, 7)).min(3600)
}

pub async fn mark_failed(db: &Db, m: &Claimed, error: &str, now: i64) -> Result<()> {
    let attempts = m.attempts + 1;
    let status = if attempts >= MAX_ATTEMPTS {
        "failed"
    } else {
        "pending"
    };
    let error: String = error.chars().take(300).collect();
    sqlx::query(
        "UPDATE outbox SET status = $1, attempts = $2, next_attempt_at = $3, last_error = $4, \
         claimed_by = NULL WHERE id = $5",
    )
    .bind(status)
    .bind(attempts)
    .bind(now + backoff(attempts))
    .bind(error)
    .bind(m.id)
    .execute(&db.write)
    .await?;
    Ok(())
}

/// Messages waiting to be sent (for the organisers' view and tests).
pub async fn pending_count(db: &Db) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")
        .fetch_one(&db.write)
        .await?;
    Ok(n)
}

/// An announcement's subject and text for French and for English readers.
pub struct AnnouncementTexts<'a> {
    pub fr: (&'a str, &'a str),
    pub en: (&'a str, &'a str),
}

fn announcement_payload(subject: &str, body: &str) -> String {
    serde_json::json!({ "subject": subject, "body": body }).to_string()
}

/// Queues an organiser's announcement to each of these registrations, in the language each
/// registration reads (English for `en`, French otherwise), all in one transaction.
pub async fn announce(
    db: &Db,
    registration_ids: &[i64],
    texts: &AnnouncementTexts<'_>,
) -> Result<usize> {
    let fr = announcement_payload(texts.fr.0, texts.fr.1);
    let en = announcement_payload(texts.en.0, texts.en.1);
    let now = time::now();
    let mut tx = db.write.begin().await?;
    for id in registration_ids {
        sqlx::query(
            "INSERT INTO outbox (message_kind, recipient, registration_id, payload, \
             next_attempt_at, created_at) SELECT $1, email, id, \
             CASE WHEN language = 'en' THEN $2 ELSE $3 END, $4, $4 FROM registrations \
             WHERE id = $5",
        )
        .bind(OutboxKind::Announcement.as_str())
        .bind(&en)
        .bind(&fr)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(registration_ids.len())
}

/// An organiser's try of an announcement, to their own address.
pub struct AnnouncementTest<'a> {
    pub recipient: &'a str,
    /// The event's slug, for the link in place of a personal one.
    pub event: &'a str,
    pub lang: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// Queues the test copy: an announcement with no registration behind it (the composer
/// writes it from the payload alone).
pub async fn announce_test(db: &Db, t: &AnnouncementTest<'_>) -> Result<()> {
    let payload = serde_json::json!({
        "subject": t.subject, "body": t.body, "event": t.event, "lang": t.lang, "test": true,
    })
    .to_string();
    let now = time::now();
    sqlx::query(
        "INSERT INTO outbox (message_kind, recipient, registration_id, payload, next_attempt_at, \
         created_at) VALUES ($1, $2, NULL, $3, $4, $4)",
    )
    .bind(ANNOUNCEMENT)
    .bind(t.recipient)
    .bind(payload)
    .bind(now)
    .execute(&db.write)
    .await?;
    Ok(())
}

/// Queues reminders once: the day before an event for everyone holding a place, and shortly
/// before an online session for those seated who may join it (and before a starred session
/// for those who asked). Returns how many were queued.
pub async fn queue_reminders(
    db: &Db,
    now: i64,
    event_ahead: i64,
    online_ahead: i64,
) -> Result<u64> {
    let mut tx = db.write.begin().await?;
    let events = sqlx::query(
        "INSERT INTO reminders (registration_id, about, queued_at) \
         SELECT r.id, 'event', $1 FROM registrations r JOIN events e ON e.id = r.event_id \
         WHERE r.status = 'confirmed' AND e.status = 'published' \
         AND e.starts_at > $1 AND e.starts_at <= $2 \
         AND NOT EXISTS (SELECT 1 FROM reminders m WHERE m.registration_id = r.id AND m.about = 'event')",
    )
    .bind(now)
    .bind(now + event_ahead)
    .execute(&mut *tx)
    .await?;
    let sessions = sqlx::query(
        "INSERT INTO reminders (registration_id, about, queued_at) \
         SELECT r.id, 'session-' || CAST(s.id AS TEXT), $1 FROM registrations r \
         JOIN session_signups ss ON ss.registration_id = r.id AND ss.status = 'confirmed' \
         JOIN sessions s ON s.id = ss.session_id JOIN events e ON e.id = r.event_id \
         WHERE r.status = 'confirmed' AND s.status = 'scheduled' AND s.format <> 'in_person' \
         AND s.stream_url IS NOT NULL AND s.starts_at > $1 AND s.starts_at <= $2 \
         AND (r.attendance = 'online' OR e.online_for_in_person = 1 OR e.format = 'virtual') \
         AND NOT EXISTS (SELECT 1 FROM reminders m WHERE m.registration_id = r.id \
         AND m.about = 'session-' || CAST(s.id AS TEXT))",
    )
    .bind(now)
    .bind(now + online_ahead)
    .execute(&mut *tx)
    .await?;
    // Starred sessions, for those who asked, at the same time before the start. The same
    // `about` as above: a starred online session one is seated in is reminded of once.
    let starred = sqlx::query(
        "INSERT INTO reminders (registration_id, about, queued_at) \
         SELECT r.id, 'session-' || CAST(s.id AS TEXT), $1 FROM registrations r \
         JOIN session_stars st ON st.registration_id = r.id AND st.removed_at IS NULL \
         JOIN sessions s ON s.id = st.session_id \
         WHERE r.status = 'confirmed' AND r.remind_starred = 1 AND s.status = 'scheduled' \
         AND s.starts_at > $1 AND s.starts_at <= $2 \
         AND NOT EXISTS (SELECT 1 FROM reminders m WHERE m.registration_id = r.id \
         AND m.about = 'session-' || CAST(s.id AS TEXT))",
    )
    .bind(now)
    .bind(now + online_ahead)
    .execute(&mut *tx)
    .await?;
    // Each new reminder row becomes one message; the row's `about` says what it is about.
    sqlx::query(
        "INSERT INTO outbox (message_kind, recipient, registration_id, payload, next_attempt_at, \
         created_at) SELECT $1, r.email, r.id, m.about, $2, $2 FROM reminders m \
         JOIN registrations r ON r.id = m.registration_id WHERE m.queued_at = $2 \
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = m.registration_id \
         AND o.message_kind = $1 AND o.payload = m.about)",
    )
    .bind(OutboxKind::Reminder.as_str())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(events.rows_affected() + sessions.rows_affected() + starred.rows_affected())
}
