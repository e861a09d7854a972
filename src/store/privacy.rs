//! What Summit holds on one attendee (for them to download), erasing it on request, and
//! purging the personal data of events long past. Counts of check-ins and online joins stay,
//! as anonymous numbers.

use serde_json::{json, Value};

use super::error::Result;
use super::registrations::{self, Registration};
use super::Db;

/// Everything stored about a registration, as JSON.
pub async fn export(db: &Db, r: &Registration) -> Result<Value> {
    let signups: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT session_id, status, created_at FROM session_signups WHERE registration_id = $1 \
         ORDER BY session_id",
    )
    .bind(r.id)
    .fetch_all(&db.read)
    .await?;
    let checkins: Vec<(Option<i64>, String, i64)> = sqlx::query_as(
        "SELECT session_id, gate, scanned_at FROM checkins WHERE registration_id = $1 ORDER BY id",
    )
    .bind(r.id)
    .fetch_all(&db.read)
    .await?;
    let joins: Vec<(Option<i64>, i64)> = sqlx::query_as(
        "SELECT session_id, joined_at FROM online_joins WHERE registration_id = $1 ORDER BY id",
    )
    .bind(r.id)
    .fetch_all(&db.read)
    .await?;
    let messages: Vec<(String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT message_kind, status, created_at, sent_at FROM outbox WHERE registration_id = $1 \
         ORDER BY id",
    )
    .bind(r.id)
    .fetch_all(&db.read)
    .await?;
    let payments: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT amount_cents, currency, status, created_at FROM payments \
         WHERE registration_id = $1 ORDER BY id",
    )
    .bind(r.id)
    .fetch_all(&db.read)
    .await?;
    let (links,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM registration_tokens WHERE registration_id = $1")
            .bind(r.id)
            .fetch_one(&db.read)
            .await?;
    Ok(json!({
        "registration": r,
        "sessions": signups.iter().map(|(s, st, at)| json!({"session_id": s, "status": st, "chosen_at": at})).collect::<Vec<_>>(),
        "checkins": checkins.iter().map(|(s, g, at)| json!({"session_id": s, "gate": g, "scanned_at": at})).collect::<Vec<_>>(),
        "online_joins": joins.iter().map(|(s, at)| json!({"session_id": s, "joined_at": at})).collect::<Vec<_>>(),
        "messages": messages.iter().map(|(k, st, at, sent)| json!({"kind": k, "status": st, "queued_at": at, "sent_at": sent})).collect::<Vec<_>>(),
        "payments": payments.iter().map(|(a, c, st, at)| json!({"amount_cents": a, "currency": c, "status": st, "created_at": at})).collect::<Vec<_>>(),
        "personal_links_issued": links,
        "times": "seconds since 1970-01-01 UTC",
    }))
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
