//! Who among staff looked at or exported personal data, and when.

use super::error::Result;
use super::Db;
use crate::domain::time;

pub async fn record(db: &Db, actor: &str, action: &str, subject: &str) -> Result<()> {
    sqlx::query("INSERT INTO audit_log (at, actor, action, subject) VALUES ($1, $2, $3, $4)")
        .bind(time::now())
        .bind(actor)
        .bind(action)
        .bind(subject)
        .execute(&db.write)
        .await?;
    Ok(())
}

/// The latest entries, newest first.
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<(i64, String, String, String)>> {
    Ok(
        sqlx::query_as(
            "SELECT at, actor, action, subject FROM audit_log ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&db.read)
        .await?,
    )
}
