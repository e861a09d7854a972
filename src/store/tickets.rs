//! Ticket types of an event (free or paid, with an optional quota and attendance mode).

use serde::Serialize;

use super::error::Result;
use super::Db;
use crate::domain::time;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct TicketType {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub price_cents: i64,
    pub currency: String,
    pub quota: Option<i64>,
    pub attendance: Option<String>,
    pub sales_start: Option<i64>,
    pub sales_end: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct TicketDraft {
    pub name: String,
    pub price_cents: i64,
    pub currency: String,
    pub quota: Option<i64>,
    pub attendance: Option<String>,
    pub sales_start: Option<i64>,
    pub sales_end: Option<i64>,
}

const COLUMNS: &str =
    "id, event_id, name, price_cents, currency, quota, attendance, sales_start, sales_end";

pub async fn list(db: &Db, event_id: i64) -> Result<Vec<TicketType>> {
    let sql = format!("SELECT {COLUMNS} FROM ticket_types WHERE event_id = $1 ORDER BY id");
    Ok(sqlx::query_as(&sql)
        .bind(event_id)
        .fetch_all(&db.read)
        .await?)
}

pub async fn create(db: &Db, event_id: i64, d: &TicketDraft) -> Result<TicketType> {
    let sql = format!(
        "INSERT INTO ticket_types (event_id, name, price_cents, currency, quota, attendance, \
         sales_start, sales_end, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) \
         RETURNING {COLUMNS}"
    );
    Ok(sqlx::query_as(&sql)
        .bind(event_id)
        .bind(&d.name)
        .bind(d.price_cents)
        .bind(&d.currency)
        .bind(d.quota)
        .bind(&d.attendance)
        .bind(d.sales_start)
        .bind(d.sales_end)
        .bind(time::now())
        .fetch_one(&db.write)
        .await?)
}
