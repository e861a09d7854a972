//! API tokens kept in memory, so a door scanner's token (sent with every scan) is not looked
//! up with every scan. The kept tokens are trusted while the last check of which tokens are
//! live is under [`TOKEN_TTL`] old. That check reads every live token in one query: started
//! in the background by a request that finds it half that old (the request goes on with the
//! kept tokens), or made by a request that finds it stale while the others wait for its
//! answer. A thousand scanners cost one read a second instead of one each, none of them
//! waits for its own first lookup when the doors open, and a busy door waits for no check.
//! A token revoked or removed in the database, by this instance or another sharing it, stops
//! opening doors within [`TOKEN_TTL`]; a token made since the last check is looked up on its
//! own, so a new token works at once.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::error::Result;
use super::staff::ApiToken;
use super::Db;

/// How long a kept token is trusted after the last check that it is still live.
pub const TOKEN_TTL: Duration = Duration::from_secs(1);
/// Past this age a request starts the next check in the background and goes on with the
/// kept tokens, so on a busy door the check is made before anyone has to wait for it.
const RENEW_AFTER: Duration = Duration::from_millis(500);
/// Tokens kept at most (only live tokens are kept, so this is a bound, not a size a real
/// deployment reaches; tokens beyond it are looked up one by one).
const MAX_TOKENS: usize = 10_000;

#[derive(Default)]
pub struct TokenCache {
    kept: Mutex<Kept>,
    /// Held while the live tokens are read, so one request reads them and the others wait
    /// for its answer instead of asking too.
    checking: tokio::sync::Mutex<()>,
    /// Set while a check runs in the background.
    renewing: AtomicBool,
}

/// A live token as the check reads it.
#[derive(sqlx::FromRow)]
struct Live {
    token_hash: String,
    #[sqlx(flatten)]
    token: ApiToken,
}

#[derive(Default)]
struct Kept {
    by_hash: HashMap<String, ApiToken>,
    /// When the last check of the live tokens began: kept tokens are as of then at the latest.
    checked: Option<Instant>,
}

impl Kept {
    /// Whether the last check is under `age` old.
    fn checked_within(&self, age: Duration) -> bool {
        self.checked.is_some_and(|at| at.elapsed() < age)
    }
}

impl TokenCache {
    /// The kept token with this hash, after making sure the kept ones are still live.
    pub(super) async fn get(&self, db: &Db, hash: &str) -> Result<Option<ApiToken>> {
        // One lock in the usual case: the token is read with how fresh the check is.
        let (found, trusted, due) = {
            let kept = self.lock();
            (
                kept.by_hash.get(hash).cloned(),
                kept.checked_within(TOKEN_TTL),
                !kept.checked_within(RENEW_AFTER),
            )
        };
        if !trusted {
            self.check(db, TOKEN_TTL).await?;
            return Ok(self.lock().by_hash.get(hash).cloned());
        }
        if due {
            self.renew(db);
        }
        Ok(found)
    }

    /// Starts the next check in the background, unless one is already running.
    fn renew(&self, db: &Db) {
        if self.renewing.swap(true, Ordering::AcqRel) {
            return;
        }
        let db = db.clone();
        tokio::spawn(async move {
            if let Err(e) = db.tokens.check(&db, RENEW_AFTER).await {
                tracing::warn!("checking the API tokens failed: {e}");
            }
            db.tokens.renewing.store(false, Ordering::Release);
        });
    }

    /// Keeps a token just read from the database. Unknown tokens are never kept, so a new
    /// token works at once.
    pub(super) fn put(&self, hash: String, token: ApiToken) {
        let mut kept = self.lock();
        if kept.by_hash.len() >= MAX_TOKENS {
            kept.by_hash.clear();
        }
        kept.by_hash.insert(hash, token);
    }

    /// Forgets every kept token (this instance revoked one): the next request checks again.
    pub(super) fn forget(&self) {
        let mut kept = self.lock();
        kept.by_hash.clear();
        kept.checked = None;
    }

    /// Keeps the tokens live in the database, and only those, unless they were checked
    /// within `age` (by the request or the renewal this one waited for).
    async fn check(&self, db: &Db, age: Duration) -> Result<()> {
        let _only_one = self.checking.lock().await;
        if self.lock().checked_within(age) {
            return Ok(());
        }
        let began = Instant::now();
        let live: Vec<Live> = sqlx::query_as(
            "SELECT token_hash, id, role, event_id FROM api_tokens WHERE revoked_at IS NULL",
        )
        .fetch_all(&db.read)
        .await?;
        let by_hash = live
            .into_iter()
            .take(MAX_TOKENS)
            .map(|l| (l.token_hash, l.token))
            .collect();
        let mut kept = self.lock();
        kept.by_hash = by_hash;
        kept.checked = Some(began);
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        // A panic while holding the lock cannot leave the map half-changed in a way that
        // matters: at worst a token is looked up again.
        self.kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
