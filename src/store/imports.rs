//! Guest-list imports and their progress.

use serde::Serialize;

use super::error::{Error, Result};
use super::Db;
use crate::domain::time;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Import {
    pub id: i64,
    pub event_id: i64,
    pub total: i64,
    pub processed: i64,
    pub imported: i64,
    pub already: i64,
    /// JSON list of `{"line", "reasons"}`.
    pub rejected: String,
    pub finished_at: Option<i64>,
}

const COLUMNS: &str = "id, event_id, total, processed, imported, already, rejected, finished_at";

pub async fn start(db: &Db, event_id: i64, total: i64) -> Result<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO imports (event_id, total, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(event_id)
    .bind(total)
    .bind(time::now())
    .fetch_one(&db.write)
    .await?;
    Ok(id)
}

pub async fn progress(db: &Db, p: &Import) -> Result<()> {
    sqlx::query(
        "UPDATE imports SET processed = $1, imported = $2, already = $3, rejected = $4, \
         finished_at = $5 WHERE id = $6",
    )
    .bind(p.processed)
    .bind(p.imported)
    .bind(p.already)
    .bind(&p.rejected)
    .bind(p.finished_at)
    .bind(p.id)
    .execute(&db.write)
    .await?;
    Ok(())
}

pub async fn get(db: &Db, event_id: i64, id: i64) -> Result<Import> {
    let sql = format!("SELECT {COLUMNS} FROM imports WHERE id = $1 AND event_id = $2");
    sqlx::query_as(&sql)
        .bind(id)
        .bind(event_id)
        .fetch_optional(&db.write)
        .await?
        .ok_or(Error::NotFound)
}
