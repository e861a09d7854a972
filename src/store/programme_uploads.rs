//! Programme files kept between their dry run and their apply (`programme_uploads`), found by
//! their unguessable token within their event, with the apply's state and outcome.

use super::error::{Error, Result};
use super::Db;
use crate::domain::time;

/// How long an uploaded file is kept: long enough to read its report and apply it.
const KEPT_SECS: i64 = 7 * 24 * 3600;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Upload {
    pub token: String,
    pub event_id: i64,
    pub filename: String,
    pub body: Vec<u8>,
    /// `ready`, `running`, `applied` or `refused`.
    pub state: String,
    /// What applying did, as JSON (empty before).
    pub outcome: String,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

const COLUMNS: &str = "token, event_id, filename, body, state, outcome, created_at, finished_at";

/// Keeps a file for the event under `token`; files older than a week go at the same time.
pub async fn save(db: &Db, event_id: i64, token: &str, filename: &str, body: &[u8]) -> Result<()> {
    let now = time::now();
    let mut tx = db.write.begin().await?;
    sqlx::query("DELETE FROM programme_uploads WHERE created_at < $1")
        .bind(now - KEPT_SECS)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO programme_uploads (token, event_id, filename, body, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token)
    .bind(event_id)
    .bind(filename)
    .bind(body.to_vec())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn get(db: &Db, event_id: i64, token: &str) -> Result<Upload> {
    let sql = format!("SELECT {COLUMNS} FROM programme_uploads WHERE token = $1 AND event_id = $2");
    sqlx::query_as(&sql)
        .bind(token)
        .bind(event_id)
        .fetch_optional(&db.write)
        .await?
        .ok_or(Error::NotFound)
}

/// Marks the file as being applied, unless it already is or was: true for the one caller
/// that may go on (a second click, or a second organiser, changes nothing).
pub async fn claim(db: &Db, event_id: i64, token: &str) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE programme_uploads SET state = 'running', outcome = '' \
         WHERE token = $1 AND event_id = $2 AND state IN ('ready', 'refused')",
    )
    .bind(token)
    .bind(event_id)
    .execute(&db.write)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The apply's end: `applied` or `refused`, and what it did or why not (JSON).
pub async fn finish(db: &Db, token: &str, state: &str, outcome: &str) -> Result<()> {
    sqlx::query(
        "UPDATE programme_uploads SET state = $1, outcome = $2, finished_at = $3 WHERE token = $4",
    )
    .bind(state)
    .bind(outcome)
    .bind(time::now())
    .bind(token)
    .execute(&db.write)
    .await?;
    Ok(())
}
