//! Who is registered, as organisers see it: lists with search and filters, and counts.

use std::collections::HashMap;

use serde::Serialize;

use super::error::{Error, Result};
use super::registrations::{Registration, COLUMNS};
use super::Db;
use crate::domain::{Attendance, RegistrationStatus};

/// Filters of the organisers' list; empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Part of a name, e-mail address or organisation.
    pub search: Option<String>,
    pub status: Option<String>,
    pub attendance: Option<String>,
    pub ticket: Option<i64>,
    pub session: Option<i64>,
}

pub async fn list(db: &Db, event_id: i64, f: &Filter) -> Result<Vec<Registration>> {
    let columns = COLUMNS
        .split(", ")
        .map(|c| format!("r.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let mut sql = format!("SELECT {columns} FROM registrations r WHERE r.event_id = $1");
    let mut n = 1;
    let mut next = || {
        n += 1;
        n
    };
    let search = f.search.as_ref().map(|s| format!("%{}%", s.to_lowercase()));
    if search.is_some() {
        let i = next();
        sql += &format!(
            " AND (LOWER(r.name) LIKE ${i} OR r.email_normalized LIKE ${i} \
             OR LOWER(r.organisation) LIKE ${i})"
        );
    }
    if f.status.is_some() {
        sql += &format!(" AND r.status = ${}", next());
    }
    if f.attendance.is_some() {
        sql += &format!(" AND r.attendance = ${}", next());
    }
    if f.ticket.is_some() {
        sql += &format!(" AND r.ticket_type_id = ${}", next());
    }
    if f.session.is_some() {
        sql += &format!(
            " AND EXISTS (SELECT 1 FROM session_signups ss WHERE ss.registration_id = r.id \
             AND ss.session_id = ${})",
            next()
        );
    }
    sql += " ORDER BY r.created_at, r.id";
    let mut q = sqlx::query_as(&sql).bind(event_id);
    if let Some(s) = &search {
        q = q.bind(s.clone());
    }
    if let Some(s) = &f.status {
        q = q.bind(s.clone());
    }
    if let Some(a) = &f.attendance {
        q = q.bind(a.clone());
    }
    if let Some(t) = f.ticket {
        q = q.bind(t);
    }
    if let Some(s) = f.session {
        q = q.bind(s);
    }
    Ok(q.fetch_all(&db.read).await?)
}

/// Numbers of registrations by (status, attendance, ticket).
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Count {
    #[sqlx(try_from = "String")]
    pub status: RegistrationStatus,
    #[sqlx(try_from = "String")]
    pub attendance: Attendance,
    pub ticket_type_id: Option<i64>,
    pub n: i64,
}

impl Count {
    /// The places these counts hold (see `domain::capacity::Taken::from_counts`).
    pub fn taken(counts: &[Count]) -> crate::domain::capacity::Taken {
        crate::domain::capacity::Taken::from_counts(
            counts
                .iter()
                .map(|c| (c.status, c.attendance, c.ticket_type_id, c.n)),
        )
    }
}

pub async fn counts(db: &Db, event_id: i64) -> Result<Vec<Count>> {
    Ok(sqlx::query_as(
        "SELECT status, attendance, ticket_type_id, COUNT(*) AS n FROM registrations \
         WHERE event_id = $1 GROUP BY status, attendance, ticket_type_id \
         ORDER BY status, attendance, ticket_type_id",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?)
}

/// Seats taken and people waiting, per session of the event.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct SessionFill {
    pub confirmed: i64,
    pub waitlisted: i64,
}

pub async fn session_fill(db: &Db, event_id: i64) -> Result<HashMap<i64, SessionFill>> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT ss.session_id, ss.status, COUNT(*) FROM session_signups ss \
         JOIN sessions s ON s.id = ss.session_id WHERE s.event_id = $1 \
         GROUP BY ss.session_id, ss.status",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?;
    let mut fill: HashMap<i64, SessionFill> = HashMap::new();
    for (session_id, status, n) in rows {
        let f = fill.entry(session_id).or_default();
        match status.as_str() {
            "confirmed" => f.confirmed = n,
            "waitlisted" => f.waitlisted = n,
            _ => {}
        }
    }
    Ok(fill)
}

/// Every session choice of the event's registrations, as (registration, session, status).
pub async fn signups_of_event(db: &Db, event_id: i64) -> Result<Vec<(i64, i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT ss.registration_id, ss.session_id, ss.status FROM session_signups ss \
         JOIN registrations r ON r.id = ss.registration_id WHERE r.event_id = $1 \
         ORDER BY ss.registration_id, ss.session_id",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?)
}

/// A registration of this event (organisers act on one by its id).
pub async fn get(db: &Db, event_id: i64, id: i64) -> Result<Registration> {
    let r = super::registrations::get(db, id).await?;
    if r.event_id != event_id {
        return Err(Error::NotFound);
    }
    Ok(r)
}

/// Waitlist positions (1 = next) of everyone waiting, per attendance mode.
pub async fn positions(db: &Db, event_id: i64) -> Result<HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, ROW_NUMBER() OVER (PARTITION BY attendance ORDER BY waitlist_seq) \
         FROM registrations WHERE event_id = $1 AND status = $2",
    )
    .bind(event_id)
    .bind(crate::domain::RegistrationStatus::Waitlisted.as_str())
    .fetch_all(&db.read)
    .await?;
    Ok(rows.into_iter().collect())
}
