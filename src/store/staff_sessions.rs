//! Staff sign-ins kept on the server. The cookie holds a random id; only its SHA-256 is stored.
//! A session ends when its holder signs out, when the account's password is set again, when
//! someone signs that account out everywhere, after [`IDLE_SECONDS`] without a request, and
//! [`ABSOLUTE_SECONDS`] after signing in, whatever happens.

use super::error::Result;
use super::staff::StaffUser;
use super::Db;
use crate::domain::secret::{hash_token, new_token};
use crate::domain::time;

/// A session ends this long after its last request.
pub const IDLE_SECONDS: i64 = 2 * 3600;
/// And this long after signing in, however busy.
pub const ABSOLUTE_SECONDS: i64 = 12 * 3600;
/// `last_seen_at` is written at most this often, so a busy door does not write on every scan.
const SEEN_EVERY_SECONDS: i64 = 60;

/// Starts a session for a user; returns the id for the cookie.
pub async fn start(db: &Db, user_id: i64) -> Result<String> {
    let id = new_token();
    let now = time::now();
    sqlx::query(
        "INSERT INTO staff_sessions (id_hash, user_id, created_at, last_seen_at) \
         VALUES ($1, $2, $3, $3)",
    )
    .bind(hash_token(&id))
    .bind(user_id)
    .bind(now)
    .execute(&db.write)
    .await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct Live {
    #[sqlx(flatten)]
    user: StaffUser,
    last_seen_at: i64,
}

/// The user of a live session, noting that it was used.
pub async fn user_of(db: &Db, id: &str) -> Result<Option<StaffUser>> {
    if id.len() > 100 {
        return Ok(None);
    }
    let now = time::now();
    let found: Option<Live> = sqlx::query_as(
        "SELECT u.id, u.email, u.password_hash, u.role, u.event_id, s.last_seen_at \
         FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id \
         WHERE s.id_hash = $1 AND s.last_seen_at > $2 AND s.created_at > $3",
    )
    .bind(hash_token(id))
    .bind(now - IDLE_SECONDS)
    .bind(now - ABSOLUTE_SECONDS)
    .fetch_optional(&db.read)
    .await?;
    let Some(Live { user, last_seen_at }) = found else {
        return Ok(None);
    };
    if now - last_seen_at >= SEEN_EVERY_SECONDS {
        sqlx::query("UPDATE staff_sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(now)
            .bind(hash_token(id))
            .execute(&db.write)
            .await?;
    }
    Ok(Some(user))
}

/// Ends one session (signing out).
pub async fn end(db: &Db, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM staff_sessions WHERE id_hash = $1")
        .bind(hash_token(id))
        .execute(&db.write)
        .await?;
    Ok(())
}

/// Ends every session of a user (a new password, "sign out everywhere"); returns how many.
pub async fn end_all(db: &Db, user_id: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM staff_sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&db.write)
        .await?;
    Ok(done.rows_affected())
}

/// Forgets sessions that can no longer be used (the hourly clean-up).
pub async fn purge_expired(db: &Db) -> Result<u64> {
    let now = time::now();
    let done =
        sqlx::query("DELETE FROM staff_sessions WHERE last_seen_at <= $1 OR created_at <= $2")
            .bind(now - IDLE_SECONDS)
            .bind(now - ABSOLUTE_SECONDS)
            .execute(&db.write)
            .await?;
    Ok(done.rows_affected())
}
