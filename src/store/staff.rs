//! Staff accounts (organisers, door staff), their password set-up links and API tokens.

use super::error::{Error, Result};
use super::{is_unique_violation, Db};
use crate::domain::problem::Msg;
use crate::domain::secret::{hash_token, new_token, normalize_email};
use crate::domain::{time, StaffRole};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffUser {
    pub id: i64,
    pub email: String,
    pub password_hash: Option<String>,
    #[sqlx(try_from = "String")]
    pub role: StaffRole,
    pub event_id: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiToken {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub role: StaffRole,
    pub event_id: Option<i64>,
}

/// How long a password set-up link works.
pub const SETUP_LINK_SECONDS: i64 = 7 * 24 * 3600;

/// Creates an API token and returns it; only its hash is kept.
pub async fn create_token(
    db: &Db,
    role: StaffRole,
    event_id: Option<i64>,
    label: &str,
) -> Result<String> {
    let token = new_token();
    sqlx::query(
        "INSERT INTO api_tokens (token_hash, role, event_id, label, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash_token(&token))
    .bind(role.as_str())
    .bind(event_id)
    .bind(label)
    .bind(time::now())
    .execute(&db.write)
    .await?;
    Ok(token)
}

pub async fn find_token(db: &Db, token: &str) -> Result<Option<ApiToken>> {
    let hash = hash_token(token);
    if let Some(found) = db.tokens.get(db, &hash).await? {
        return Ok(Some(found));
    }
    let found: Option<ApiToken> = sqlx::query_as(
        "SELECT id, role, event_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(&hash)
    .fetch_optional(&db.read)
    .await?;
    if let Some(t) = &found {
        db.tokens.put(hash, t.clone());
    }
    Ok(found)
}

/// Creates a staff account without a password and returns it with a one-time set-up token.
pub async fn add_user(
    db: &Db,
    email: &str,
    role: StaffRole,
    event_id: Option<i64>,
) -> Result<(StaffUser, String)> {
    let mut tx = db.write.begin().await?;
    let user: StaffUser = sqlx::query_as(
        "INSERT INTO staff_users (email, role, event_id, created_at) VALUES ($1, $2, $3, $4) \
         RETURNING id, email, password_hash, role, event_id",
    )
    .bind(normalize_email(email))
    .bind(role.as_str())
    .bind(event_id)
    .bind(time::now())
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            Error::field("email", Msg::new("field-email-taken"))
        } else {
            Error::Database(e)
        }
    })?;
    let token = new_token();
    sqlx::query(
        "INSERT INTO password_setups (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
    )
    .bind(hash_token(&token))
    .bind(user.id)
    .bind(time::now() + SETUP_LINK_SECONDS)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((user, token))
}

/// The account a set-up link is for, while the link is unused and fresh.
pub async fn user_for_setup(db: &Db, token: &str) -> Result<Option<StaffUser>> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.email, u.password_hash, u.role, u.event_id FROM password_setups p \
         JOIN staff_users u ON u.id = p.user_id \
         WHERE p.token_hash = $1 AND p.used_at IS NULL AND p.expires_at > $2",
    )
    .bind(hash_token(token))
    .bind(time::now())
    .fetch_optional(&db.read)
    .await?)
}

/// Sets the password through a set-up link, which then stops working.
pub async fn complete_setup(db: &Db, token: &str, password_hash: &str) -> Result<StaffUser> {
    let mut tx = db.write.begin().await?;
    let used = sqlx::query(
        "UPDATE password_setups SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL \
         AND expires_at > $1",
    )
    .bind(time::now())
    .bind(hash_token(token))
    .execute(&mut *tx)
    .await?;
    if used.rows_affected() != 1 {
        return Err(Error::NotFound);
    }
    let user: StaffUser = sqlx::query_as(
        "UPDATE staff_users SET password_hash = $1 WHERE id = \
         (SELECT user_id FROM password_setups WHERE token_hash = $2) \
         RETURNING id, email, password_hash, role, event_id",
    )
    .bind(password_hash)
    .bind(hash_token(token))
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(user)
}

pub async fn user_by_email(db: &Db, email: &str) -> Result<Option<StaffUser>> {
    Ok(sqlx::query_as(
        "SELECT id, email, password_hash, role, event_id FROM staff_users WHERE email = $1",
    )
    .bind(normalize_email(email))
    .fetch_optional(&db.read)
    .await?)
}

pub async fn user_by_id(db: &Db, id: i64) -> Result<Option<StaffUser>> {
    Ok(sqlx::query_as(
        "SELECT id, email, password_hash, role, event_id FROM staff_users WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.read)
    .await?)
}

/// An API token as `summit token list` shows it (never the token itself: only its hash is kept).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenInfo {
    pub id: i64,
    pub role: String,
    pub event_slug: Option<String>,
    pub label: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

pub async fn list_tokens(db: &Db) -> Result<Vec<TokenInfo>> {
    Ok(sqlx::query_as(
        "SELECT t.id, t.role, e.slug AS event_slug, t.label, t.created_at, t.revoked_at \
         FROM api_tokens t LEFT JOIN events e ON e.id = t.event_id ORDER BY t.id",
    )
    .fetch_all(&db.read)
    .await?)
}

/// Revokes a token for good; false when no live token has that id. Other instances stop
/// trusting it within [`TOKEN_TTL`](super::token_cache::TOKEN_TTL).
pub async fn revoke_token(db: &Db, id: i64) -> Result<bool> {
    let done =
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(time::now())
            .bind(id)
            .execute(&db.write)
            .await?;
    db.tokens.forget();
    Ok(done.rows_affected() == 1)
}

/// A staff login as `summit user list` shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserInfo {
    pub email: String,
    pub role: String,
    pub event_slug: Option<String>,
    /// 1 once the password is set.
    pub has_password: i64,
    pub sessions: i64,
}

pub async fn list_users(db: &Db) -> Result<Vec<UserInfo>> {
    Ok(sqlx::query_as(
        "SELECT u.email, u.role, e.slug AS event_slug, \
         CAST(CASE WHEN u.password_hash IS NULL THEN 0 ELSE 1 END AS BIGINT) AS has_password, \
         (SELECT COUNT(*) FROM staff_sessions s WHERE s.user_id = u.id) AS sessions \
         FROM staff_users u LEFT JOIN events e ON e.id = u.event_id ORDER BY u.email",
    )
    .fetch_all(&db.read)
    .await?)
}

/// Removes a staff login, its set-up links and its sessions; false when there is none.
pub async fn remove_user(db: &Db, email: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM staff_users WHERE email = $1")
        .bind(normalize_email(email))
        .execute(&db.write)
        .await?;
    Ok(done.rows_affected() == 1)
}
