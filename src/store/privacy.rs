//! What Summit holds on one attendee (for them to download), erasing it on request, and
//! purging the personal data of events long past. Counts of check-ins and online joins stay,
//! as anonymous numbers.

use serde::Serialize;

use super::error::Result;
use super::registrations::{self, Registration};
use super::Db;

/// Everything stored about a registration: the file its attendee downloads.
#[derive(Debug, Clone, Serialize)]
pub struct Export {
    /// Certificates of attendance issued (`withdrawn_at`: withdrawn or replaced).
    pub certificates: Vec<CertificateRecord>,
    pub checkins: Vec<CheckinRecord>,
    pub messages: Vec<MessageRecord>,
    pub online_joins: Vec<JoinRecord>,
    pub payments: Vec<PaymentRecord>,
    pub personal_links_issued: i64,
    pub registration: Registration,
    pub sessions: Vec<SignupRecord>,
    /// Sessions starred for their programme (`removed_at`: taken back), and whether they
    /// asked for a reminder before each.
    pub starred: Vec<StarRecord>,
    pub starred_reminder: bool,
    /// How to read the numbers that are times.
    pub times: &'static str,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct CertificateRecord {
    pub id: i64,
    pub minutes: i64,
    pub issued_at: i64,
    pub withdrawn_at: Option<i64>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct SignupRecord {
    pub chosen_at: i64,
    pub session_id: i64,
    pub status: String,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct StarRecord {
    pub removed_at: Option<i64>,
    pub session_id: i64,
    pub starred_at: i64,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct CheckinRecord {
    pub gate: String,
    pub scanned_at: i64,
    pub session_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct JoinRecord {
    pub joined_at: i64,
    pub session_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct MessageRecord {
    pub kind: String,
    pub queued_at: i64,
    pub sent_at: Option<i64>,
    pub status: String,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct PaymentRecord {
    pub amount_cents: i64,
    pub created_at: i64,
    pub currency: String,
    pub status: String,
}

/// Rows of one table naming the registration, as `T`.
async fn rows_of<T>(db: &Db, sql: &'static str, registration_id: i64) -> Result<Vec<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    Ok(sqlx::query_as(sql)
        .bind(registration_id)
        .fetch_all(&db.read)
        .await?)
}

/// Everything stored about a registration.
pub async fn export(db: &Db, r: &Registration) -> Result<Export> {
    let sessions = rows_of(
        db,
        "SELECT session_id, status, created_at AS chosen_at FROM session_signups \
         WHERE registration_id = $1 ORDER BY session_id",
        r.id,
    )
    .await?;
    let checkins = rows_of(
        db,
        "SELECT session_id, gate, scanned_at FROM checkins WHERE registration_id = $1 ORDER BY id",
        r.id,
    )
    .await?;
    let online_joins = rows_of(
        db,
        "SELECT session_id, joined_at FROM online_joins WHERE registration_id = $1 ORDER BY id",
        r.id,
    )
    .await?;
    let messages = rows_of(
        db,
        "SELECT message_kind AS kind, status, created_at AS queued_at, sent_at FROM outbox \
         WHERE registration_id = $1 ORDER BY id",
        r.id,
    )
    .await?;
    let payments = rows_of(
        db,
        "SELECT amount_cents, currency, status, created_at FROM payments \
         WHERE registration_id = $1 ORDER BY id",
        r.id,
    )
    .await?;
    let starred = rows_of(
        db,
        "SELECT session_id, starred_at, removed_at FROM session_stars \
         WHERE registration_id = $1 ORDER BY session_id",
        r.id,
    )
    .await?;
    let starred_reminder = super::stars::reminder(db, r.id).await?;
    let certificates = rows_of(
        db,
        "SELECT id, minutes, issued_at, withdrawn_at FROM certificates \
         WHERE registration_id = $1 ORDER BY id",
        r.id,
    )
    .await?;
    let (personal_links_issued,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM registration_tokens WHERE registration_id = $1")
            .bind(r.id)
            .fetch_one(&db.read)
            .await?;
    Ok(Export {
        certificates,
        checkins,
        messages,
        online_joins,
        payments,
        personal_links_issued,
        registration: r.clone(),
        sessions,
        starred,
        starred_reminder,
        times: "seconds since 1970-01-01 UTC",
    })
}

/// Erases a registration: its place goes to the next person waiting, then every row that
/// names the person is deleted; check-ins and online joins keep only their counts.
pub async fn erase(db: &Db, r: &Registration) -> Result<()> {
    if !r.status.is_over() {
        registrations::cancel(db, r).await?;
    }
    delete(db, "DELETE FROM registrations WHERE id = $1", r.id).await?;
    db.scrub().await
}

async fn delete(db: &Db, sql: &'static str, id: i64) -> Result<u64> {
    Ok(sqlx::query(sql)
        .bind(id)
        .execute(&db.write)
        .await?
        .rows_affected())
}

/// Deletes the registrations of events that ended before `before` (and their messages),
/// returning the e-mail addresses whose data went (so their mail files can go too).
pub async fn purge(db: &Db, before: i64) -> Result<Vec<String>> {
    let emails: Vec<(String,)> = sqlx::query_as(
        "SELECT email FROM registrations WHERE event_id IN \
         (SELECT id FROM events WHERE ends_at < $1)",
    )
    .bind(before)
    .fetch_all(&db.write)
    .await?;
    let people = sqlx::query(
        "DELETE FROM registrations WHERE event_id IN (SELECT id FROM events WHERE ends_at < $1)",
    )
    .bind(before)
    .execute(&db.write)
    .await?;
    let lists = sqlx::query(
        "DELETE FROM imports WHERE event_id IN (SELECT id FROM events WHERE ends_at < $1)",
    )
    .bind(before)
    .execute(&db.write)
    .await?;
    if people.rows_affected() + lists.rows_affected() > 0 {
        db.scrub().await?;
    }
    Ok(emails.into_iter().map(|(e,)| e).collect())
}
