//! Ticket types of an event (free or paid, with an optional quota and attendance mode), named
//! in French and English, in the order organisers give them.

use serde::Serialize;

use super::error::{Error, Result};
use super::{lock_event, seats, Db};
use crate::domain::lang::Lang;
use crate::domain::problem::Msg;
use crate::domain::time;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct TicketType {
    pub id: i64,
    pub event_id: i64,
    /// The French name, or the only one.
    pub name: String,
    /// The English name; empty: the same as `name`.
    pub name_en: String,
    pub price_cents: i64,
    pub currency: String,
    pub quota: Option<i64>,
    pub attendance: Option<String>,
    pub sales_start: Option<i64>,
    pub sales_end: Option<i64>,
    /// Its place on the registration form (smallest first).
    pub position: i64,
}

impl TicketType {
    /// Its name in `lang`, falling back to the other language.
    pub fn name_in(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_en)
    }

    /// Whether it is still sold at `now` (its sales window).
    pub fn on_sale(&self, now: i64) -> bool {
        self.sales_start.is_none_or(|s| s <= now) && self.sales_end.is_none_or(|e| now < e)
    }
}

#[derive(Debug, Clone)]
pub struct TicketDraft {
    pub name: String,
    pub name_en: String,
    pub price_cents: i64,
    pub currency: String,
    pub quota: Option<i64>,
    pub attendance: Option<String>,
    pub sales_start: Option<i64>,
    pub sales_end: Option<i64>,
    /// `None`: after the others.
    pub position: Option<i64>,
}

const COLUMNS: &str = "id, event_id, name, name_en, price_cents, currency, quota, attendance, \
                       sales_start, sales_end, position";

pub async fn list(db: &Db, event_id: i64) -> Result<Vec<TicketType>> {
    let sql =
        format!("SELECT {COLUMNS} FROM ticket_types WHERE event_id = $1 ORDER BY position, id");
    Ok(sqlx::query_as(&sql)
        .bind(event_id)
        .fetch_all(&db.read)
        .await?)
}

pub async fn get(db: &Db, event_id: i64, id: i64) -> Result<TicketType> {
    let sql = format!("SELECT {COLUMNS} FROM ticket_types WHERE event_id = $1 AND id = $2");
    sqlx::query_as(&sql)
        .bind(event_id)
        .bind(id)
        .fetch_optional(&db.read)
        .await?
        .ok_or(Error::NotFound)
}

pub async fn create(db: &Db, event_id: i64, d: &TicketDraft) -> Result<TicketType> {
    let mut tx = db.write.begin().await?;
    let position = match d.position {
        Some(p) => p,
        None => {
            let (next,): (i64,) = sqlx::query_as(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM ticket_types WHERE event_id = $1",
            )
            .bind(event_id)
            .fetch_one(&mut *tx)
            .await?;
            next
        }
    };
    let sql = format!(
        "INSERT INTO ticket_types (event_id, name, name_en, price_cents, currency, quota, \
         attendance, sales_start, sales_end, position, created_at) \
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING {COLUMNS}"
    );
    let ticket = sqlx::query_as(&sql)
        .bind(event_id)
        .bind(&d.name)
        .bind(&d.name_en)
        .bind(d.price_cents)
        .bind(&d.currency)
        .bind(d.quota)
        .bind(&d.attendance)
        .bind(d.sales_start)
        .bind(d.sales_end)
        .bind(position)
        .bind(time::now())
        .fetch_one(&mut *tx)
        .await?;
    super::events::commit_revised(db, tx, event_id).await?;
    Ok(ticket)
}

/// Changes a ticket type, under the event lock so no registration slips in between the check
/// and the change: a quota below the places already held, or a new attendance mode that
/// people holding it do not have, is refused with the count.
pub async fn update(db: &Db, event_id: i64, id: i64, d: &TicketDraft) -> Result<TicketType> {
    let mut tx = db.write.begin().await?;
    lock_event(db, &mut tx, event_id).await?;
    let taken = seats::taken(&mut tx, event_id, time::now()).await?;
    let held = taken.by_ticket.get(&id).copied().unwrap_or(0);
    if let Some(quota) = d.quota.filter(|q| *q < held) {
        return Err(refusal(
            "quota",
            Msg::new("ticket-quota-below-held")
                .arg("quota", quota.to_string())
                .arg("count", held.to_string()),
        ));
    }
    if let Some(mode) = d.attendance.as_deref() {
        let other = holders_in_other_mode(&mut tx, id, mode).await?;
        if other > 0 {
            return Err(refusal(
                "attendance",
                Msg::new("ticket-mode-held").arg("count", other.to_string()),
            ));
        }
    }
    let sql = format!(
        "UPDATE ticket_types SET name = $1, name_en = $2, price_cents = $3, currency = $4, \
         quota = $5, attendance = $6, sales_start = $7, sales_end = $8, \
         position = COALESCE($9, position) WHERE event_id = $10 AND id = $11 RETURNING {COLUMNS}"
    );
    let ticket: Option<TicketType> = sqlx::query_as(&sql)
        .bind(&d.name)
        .bind(&d.name_en)
        .bind(d.price_cents)
        .bind(&d.currency)
        .bind(d.quota)
        .bind(&d.attendance)
        .bind(d.sales_start)
        .bind(d.sales_end)
        .bind(d.position)
        .bind(event_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let ticket = ticket.ok_or(Error::NotFound)?;
    super::events::commit_revised(db, tx, event_id).await?;
    Ok(ticket)
}

/// People holding this ticket (not cancelled) who attend another way than `mode`.
async fn holders_in_other_mode(conn: &mut sqlx::AnyConnection, id: i64, mode: &str) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM registrations WHERE ticket_type_id = $1 AND attendance <> $2 \
         AND status <> 'cancelled'",
    )
    .bind(id)
    .bind(mode)
    .fetch_one(conn)
    .await?;
    Ok(n)
}

/// Registrations that name this ticket type, cancelled ones included (their receipts and
/// history keep the ticket).
pub async fn holders(db: &Db, id: i64) -> Result<i64> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM registrations WHERE ticket_type_id = $1")
            .bind(id)
            .fetch_one(&db.read)
            .await?;
    Ok(n)
}

/// Deletes a ticket type nobody ever registered with; otherwise refused with the count (the
/// organiser stops selling it instead).
pub async fn remove(db: &Db, event_id: i64, id: i64) -> Result<()> {
    let mut tx = db.write.begin().await?;
    lock_event(db, &mut tx, event_id).await?;
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM registrations WHERE ticket_type_id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    if n > 0 {
        return Err(Error::Conflict {
            message: Msg::new("ticket-held").arg("count", n.to_string()),
            fields: Default::default(),
        });
    }
    let done = sqlx::query("DELETE FROM ticket_types WHERE event_id = $1 AND id = $2")
        .bind(event_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound);
    }
    super::events::commit_revised(db, tx, event_id).await?;
    Ok(())
}

fn refusal(field: &str, message: Msg) -> Error {
    let mut fields = crate::domain::problem::FieldErrors::new();
    fields.insert(field.to_string(), message.clone());
    Error::Conflict { message, fields }
}
