//! Certificates of attendance: each event's settings, the sessions that count, what was
//! recorded of each person (check-ins, online joins), and the certificates as issued.

use std::collections::HashMap;

use super::error::{Error, Result};
use super::{is_unique_violation, Db};
use crate::domain::attendance::Record;
use crate::domain::certificate::{Settings, Statement};
use crate::domain::{time, OutboxKind};

/// The event's settings (Summit's defaults, certificates off, when never saved).
pub async fn settings(db: &Db, event_id: i64) -> Result<Settings> {
    let row: Option<(i64, i64, String, String, String, String)> = sqlx::query_as(
        "SELECT enabled, min_percent, wording_fr, wording_en, signatory_name, signatory_title \
         FROM certificate_settings WHERE event_id = $1",
    )
    .bind(event_id)
    .fetch_optional(&db.read)
    .await?;
    Ok(match row {
        None => Settings::default(),
        Some((enabled, min_percent, wording_fr, wording_en, name, title)) => Settings {
            enabled: enabled == 1,
            min_percent,
            wording_fr,
            wording_en,
            signatory_name: name,
            signatory_title: title,
        },
    })
}

/// Saves the settings, and which sessions count when `counting` says (ids of the event's
/// sessions; the others stop counting), in one transaction.
pub async fn save(db: &Db, event_id: i64, s: &Settings, counting: Option<&[i64]>) -> Result<()> {
    let mut tx = db.write.begin().await?;
    sqlx::query(
        "INSERT INTO certificate_settings (event_id, enabled, min_percent, wording_fr, \
         wording_en, signatory_name, signatory_title, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO UPDATE SET \
         enabled = excluded.enabled, min_percent = excluded.min_percent, \
         wording_fr = excluded.wording_fr, wording_en = excluded.wording_en, \
         signatory_name = excluded.signatory_name, signatory_title = excluded.signatory_title, \
         updated_at = excluded.updated_at",
    )
    .bind(event_id)
    .bind(i64::from(s.enabled))
    .bind(s.min_percent)
    .bind(&s.wording_fr)
    .bind(&s.wording_en)
    .bind(&s.signatory_name)
    .bind(&s.signatory_title)
    .bind(time::now())
    .execute(&mut *tx)
    .await?;
    if let Some(ids) = counting {
        sqlx::query("UPDATE sessions SET certificate_counts = 0 WHERE event_id = $1")
            .bind(event_id)
            .execute(&mut *tx)
            .await?;
        for id in ids {
            sqlx::query(
                "UPDATE sessions SET certificate_counts = 1 WHERE event_id = $1 AND id = $2",
            )
            .bind(event_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// The ids of the event's sessions that count (the organiser's choice; breaks are left out
/// by the use case).
pub async fn counting(db: &Db, event_id: i64) -> Result<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM sessions WHERE event_id = $1 AND certificate_counts = 1 ORDER BY id",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// What was recorded of each registration of the event (or of one), by registration.
pub async fn records(
    db: &Db,
    event_id: i64,
    registration_id: Option<i64>,
) -> Result<HashMap<i64, Vec<Record>>> {
    let checkins: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT registration_id, scope, scanned_at FROM checkins WHERE event_id = $1 \
         AND registration_id IS NOT NULL AND ($2 = 0 OR registration_id = $2)",
    )
    .bind(event_id)
    .bind(registration_id.unwrap_or(0))
    .fetch_all(&db.read)
    .await?;
    let joins: Vec<(i64, Option<i64>, i64)> = sqlx::query_as(
        "SELECT registration_id, session_id, joined_at FROM online_joins WHERE event_id = $1 \
         AND registration_id IS NOT NULL AND ($2 = 0 OR registration_id = $2)",
    )
    .bind(event_id)
    .bind(registration_id.unwrap_or(0))
    .fetch_all(&db.read)
    .await?;
    let mut by: HashMap<i64, Vec<Record>> = HashMap::new();
    for (id, scope, at) in checkins {
        let record = match scope {
            0 => Record::Entrance { at },
            session_id => Record::Door { session_id, at },
        };
        by.entry(id).or_default().push(record);
    }
    for (id, session_id, at) in joins {
        by.entry(id)
            .or_default()
            .push(Record::Join { session_id, at });
    }
    Ok(by)
}

/// What was recorded of one registration.
pub async fn records_of(db: &Db, event_id: i64, registration_id: i64) -> Result<Vec<Record>> {
    Ok(records(db, event_id, Some(registration_id))
        .await?
        .remove(&registration_id)
        .unwrap_or_default())
}

/// A certificate as stored.
#[derive(Debug, Clone)]
pub struct Certificate {
    pub id: i64,
    pub event_id: i64,
    pub registration_id: i64,
    pub statement: Statement,
    pub issued_at: i64,
    pub withdrawn_at: Option<i64>,
    pub withdrawn_reason: Option<String>,
}

type Row = (i64, i64, i64, String, i64, Option<i64>, Option<String>);
const COLUMNS: &str =
    "id, event_id, registration_id, statement, issued_at, withdrawn_at, withdrawn_reason";

fn read(row: Row) -> Result<Certificate> {
    let statement = serde_json::from_str(&row.3)
        .map_err(|e| Error::Internal(format!("certificate {}: {e}", row.0)))?;
    Ok(Certificate {
        id: row.0,
        event_id: row.1,
        registration_id: row.2,
        statement,
        issued_at: row.4,
        withdrawn_at: row.5,
        withdrawn_reason: row.6,
    })
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<Certificate>> {
    let sql = format!("SELECT {COLUMNS} FROM certificates WHERE id = $1");
    let row: Option<Row> = sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&db.write)
        .await?;
    row.map(read).transpose()
}

/// The registration's latest certificate (in force or withdrawn).
pub async fn latest(db: &Db, registration_id: i64) -> Result<Option<Certificate>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM certificates WHERE registration_id = $1 ORDER BY id DESC LIMIT 1"
    );
    let row: Option<Row> = sqlx::query_as(&sql)
        .bind(registration_id)
        .fetch_optional(&db.read)
        .await?;
    row.map(read).transpose()
}

/// Every registration's latest certificate for the event, by registration.
pub async fn latest_of_event(db: &Db, event_id: i64) -> Result<HashMap<i64, Certificate>> {
    let sql = format!("SELECT {COLUMNS} FROM certificates WHERE event_id = $1 ORDER BY id");
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(event_id)
        .fetch_all(&db.read)
        .await?;
    let mut by = HashMap::new();
    for row in rows {
        let c = read(row)?;
        by.insert(c.registration_id, c);
    }
    Ok(by)
}

/// Issues a certificate: its id is known only once the row exists, and the statement names
/// it, so the row is written and completed in one transaction. With `replacing`, the one in
/// force is first withdrawn as replaced. Without, a certificate already in force (a second
/// request at the same moment) is kept and returned.
pub async fn issue(
    db: &Db,
    event_id: i64,
    registration_id: i64,
    replacing: bool,
    statement: impl FnOnce(i64) -> Statement,
) -> Result<Certificate> {
    let now = time::now();
    let mut tx = db.write.begin().await?;
    if replacing {
        sqlx::query(
            "UPDATE certificates SET withdrawn_at = $1, withdrawn_reason = 'replaced' \
             WHERE registration_id = $2 AND withdrawn_at IS NULL",
        )
        .bind(now)
        .bind(registration_id)
        .execute(&mut *tx)
        .await?;
    }
    let inserted: std::result::Result<(i64,), sqlx::Error> = sqlx::query_as(
        "INSERT INTO certificates (event_id, registration_id, statement, minutes, issued_at) \
         VALUES ($1, $2, '', 0, $3) RETURNING id",
    )
    .bind(event_id)
    .bind(registration_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await;
    let id = match inserted {
        Ok((id,)) => id,
        Err(e) if is_unique_violation(&e) => {
            drop(tx);
            return latest(db, registration_id).await?.ok_or(Error::NotFound);
        }
        Err(e) => return Err(e.into()),
    };
    let statement = statement(id);
    let text = serde_json::to_string(&statement).map_err(|e| Error::Internal(e.to_string()))?;
    sqlx::query("UPDATE certificates SET statement = $1, minutes = $2 WHERE id = $3")
        .bind(text)
        .bind(statement.minutes)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    by_id(db, id).await?.ok_or(Error::NotFound)
}

/// Withdraws the certificate in force of a registration of the event; false if none was.
pub async fn withdraw(db: &Db, event_id: i64, registration_id: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE certificates SET withdrawn_at = $1, withdrawn_reason = 'withdrawn' \
         WHERE event_id = $2 AND registration_id = $3 AND withdrawn_at IS NULL",
    )
    .bind(time::now())
    .bind(event_id)
    .bind(registration_id)
    .execute(&db.write)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Queues the e-mail of each certificate once (the payload is its id), in one transaction;
/// returns how many were queued.
pub async fn queue_mail(db: &Db, certificates: &[(i64, i64)]) -> Result<u64> {
    let kind = OutboxKind::Certificate.as_str();
    let now = time::now();
    let mut tx = db.write.begin().await?;
    let mut queued = 0;
    for (registration_id, certificate_id) in certificates {
        let payload = certificate_id.to_string();
        let done = sqlx::query(
            "INSERT INTO outbox (message_kind, recipient, registration_id, payload, \
             next_attempt_at, created_at) SELECT $1, email, id, $2, $3, $3 FROM registrations \
             WHERE id = $4 AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = $4 \
             AND o.message_kind = $1 AND o.payload = $2)",
        )
        .bind(kind)
        .bind(&payload)
        .bind(now)
        .bind(registration_id)
        .execute(&mut *tx)
        .await?;
        queued += done.rows_affected();
    }
    tx.commit().await?;
    Ok(queued)
}
