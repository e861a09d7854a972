//! The outbox: every message to send is a row, written in the same transaction as the change
//! it tells about, so a message is never lost nor sent for a change that did not happen.

use serde::Serialize;
use sqlx::AnyConnection;

use super::Db;
use crate::domain::time;
use crate::error::Result;

/// Kinds of messages to attendees.
pub const REGISTERED: &str = "registered";
pub const LINK: &str = "link";
pub const PROMOTED: &str = "promoted";
pub const CANCELLED: &str = "cancelled";
pub const DECIDED: &str = "decided";

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Message {
    pub id: i64,
    pub message_kind: String,
    pub recipient: String,
    pub registration_id: Option<i64>,
    pub status: String,
}

/// Queues a message to a registration's e-mail address.
pub(crate) async fn enqueue(
    conn: &mut AnyConnection,
    kind: &str,
    registration_id: i64,
) -> Result<()> {
    let now = time::now();
    sqlx::query(
        "INSERT INTO outbox (message_kind, recipient, registration_id, payload, next_attempt_at, \
         created_at) SELECT $1, email, id, '{}', $2, $2 FROM registrations WHERE id = $3",
    )
    .bind(kind)
    .bind(now)
    .bind(registration_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// The messages queued for one registration, oldest first.
pub async fn for_registration(db: &Db, registration_id: i64) -> Result<Vec<Message>> {
    Ok(sqlx::query_as(
        "SELECT id, message_kind, recipient, registration_id, status FROM outbox \
         WHERE registration_id = $1 ORDER BY id",
    )
    .bind(registration_id)
    .fetch_all(&db.write)
    .await?)
}
