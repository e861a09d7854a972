//! Writing a new registration: the row, its first personal link and (unless nothing can reach
//! the person) its confirmation e-mail, in one round trip: one statement on PostgreSQL
//! (data-modifying CTEs), four sent together on SQLite, which has no such CTEs (sqlx runs
//! them in a row on its SQLite thread: one hand-off instead of three). An
//! address already registered for the event is not an error here: the answer is `None` and
//! the caller decides (send the link again, or start a cancelled registration afresh).

use super::error::Result;
use super::registrations::{Registration, COLUMNS};
use super::{Backend, Db};
use crate::domain::registration::RegistrationDraft;
use crate::domain::secret::hash_token;
use crate::domain::{OutboxKind, RegistrationStatus};

/// What is decided about a new registration before it is written.
pub(super) struct NewRow<'a> {
    pub event_id: i64,
    pub draft: &'a RegistrationDraft,
    pub status: RegistrationStatus,
    pub hold: Option<i64>,
    pub seq: Option<i64>,
    pub consent_at: Option<i64>,
    pub token: &'a str,
    pub now: i64,
    /// Queue the confirmation e-mail (not for a walk-in's placeholder address).
    pub announce: bool,
}

const INSERT: &str = "INSERT INTO registrations (event_id, token_hash, name, email, \
    email_normalized, organisation, role_title, attendance, language, ticket_type_id, status, \
    waitlist_seq, hold_expires_at, accessibility_needs, consent_at, created_at, updated_at) \
    VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$16) \
    ON CONFLICT (event_id, email_normalized) DO NOTHING";

/// The new row, whole (no read after the commit), or `None` if the address is taken.
pub(super) async fn insert(
    db: &Db,
    conn: &mut sqlx::AnyConnection,
    row: &NewRow<'_>,
) -> Result<Option<Registration>> {
    // The token and the e-mail find the new row by its token's hash, which nothing else has:
    // when the address was taken, nothing is inserted and nothing comes back.
    let sql = match db.backend {
        Backend::Postgres => format!(
            "WITH r AS ({INSERT} RETURNING {COLUMNS}), \
             t AS (INSERT INTO registration_tokens (token_hash, registration_id, created_at) \
                   SELECT $2, id, $16 FROM r), \
             o AS (INSERT INTO outbox (message_kind, recipient, registration_id, payload, \
                   next_attempt_at, created_at) SELECT $17, email, id, '{{}}', $16, $16 FROM r \
                   WHERE $18 = 1) \
             SELECT {COLUMNS} FROM r"
        ),
        // Four statements sent as one: the driver runs them in a row on its thread.
        Backend::Sqlite => format!(
            "{INSERT}; \
             INSERT INTO registration_tokens (token_hash, registration_id, created_at) \
             SELECT $2, id, $16 FROM registrations WHERE token_hash = $2; \
             INSERT INTO outbox (message_kind, recipient, registration_id, payload, \
             next_attempt_at, created_at) SELECT $17, email, id, '{{}}', $16, $16 \
             FROM registrations WHERE token_hash = $2 AND $18 = 1; \
             SELECT {COLUMNS} FROM registrations WHERE token_hash = $2"
        ),
    };
    let d = row.draft;
    let q = sqlx::query_as::<_, Registration>(&sql)
        .bind(row.event_id)
        .bind(hash_token(row.token))
        .bind(&d.name)
        .bind(&d.email)
        .bind(&d.email_normalized)
        .bind(&d.organisation)
        .bind(&d.role_title)
        .bind(d.attendance.as_str())
        .bind(d.language.code())
        .bind(d.ticket_id)
        .bind(row.status.as_str())
        .bind(row.seq)
        .bind(row.hold)
        .bind(&d.accessibility_needs)
        .bind(row.consent_at)
        .bind(row.now)
        .bind(OutboxKind::Registered.as_str())
        .bind(i64::from(row.announce));
    // All rows, not the first answer: on SQLite the first answers are the statements before
    // the row (sqlx's `Any` `fetch_optional` would stop at them and say "none").
    Ok(q.fetch_all(&mut *conn).await?.pop())
}
