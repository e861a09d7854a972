//! Personal links: each registration's tokens (stored hashed), a new one per e-mail with the
//! older ones expiring a while later, the registration a link leads to, and sending it again.

use super::error::{Error, Result};
use super::registrations::{Registration, COLUMNS};
use super::{outbox, Db};
use crate::domain::secret::{hash_token, new_token};
use crate::domain::{time, RegistrationStatus};

pub(super) async fn add_token(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    token: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO registration_tokens (token_hash, registration_id, created_at) \
         VALUES ($1, $2, $3)",
    )
    .bind(hash_token(token))
    .bind(id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// How long an older personal link keeps working once a newer one is issued: long enough for
/// the confirmation e-mail to still open the page after a reminder has gone out.
pub const OLDER_LINK_SECONDS: i64 = 30 * 86_400;

/// A new personal link for a registration (each e-mail may carry its own); the older links
/// keep working for [`OLDER_LINK_SECONDS`], then stop.
pub async fn issue_token(db: &Db, id: i64) -> Result<String> {
    let token = new_token();
    let now = time::now();
    let mut tx = db.write.begin().await?;
    sqlx::query(
        "UPDATE registration_tokens SET expires_at = $1 \
         WHERE registration_id = $2 AND expires_at IS NULL",
    )
    .bind(now + OLDER_LINK_SECONDS)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    add_token(&mut tx, id, &token, now).await?;
    tx.commit().await?;
    Ok(token)
}

/// The registration a personal link leads to.
pub async fn by_token(db: &Db, token: &str) -> Result<Registration> {
    if token.len() > 100 {
        return Err(Error::NotFound);
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM registrations WHERE id = \
         (SELECT registration_id FROM registration_tokens WHERE token_hash = $1 \
          AND (expires_at IS NULL OR expires_at > $2))"
    );
    sqlx::query_as(&sql)
        .bind(hash_token(token))
        .bind(time::now())
        .fetch_optional(&db.write)
        .await?
        .ok_or(Error::NotFound)
}

/// Queues the personal link again for an address registered to the event, if it is.
pub async fn resend_link(db: &Db, event_id: i64, email_normalized: &str) -> Result<()> {
    let mut tx = db.write.begin().await?;
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM registrations WHERE event_id = $1 AND email_normalized = $2 \
         AND status NOT IN ($3, $4)",
    )
    .bind(event_id)
    .bind(email_normalized)
    .bind(RegistrationStatus::Cancelled.as_str())
    .bind(RegistrationStatus::Rejected.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((id,)) = found {
        outbox::enqueue_link(&mut tx, id).await?;
    }
    tx.commit().await?;
    Ok(())
}
