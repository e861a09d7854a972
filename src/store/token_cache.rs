//! API tokens already found, so a door scanner's token (sent with every scan) is not looked
//! up with every scan. A kept token is trusted while the last check of which tokens are
//! still live is under [`TOKEN_TTL`] old: that check is one query for all kept tokens, made
//! by whichever request first finds it stale, so a thousand scanners cost one read a second
//! instead of one each. A token revoked or removed in the database, by this instance or
//! another sharing it, stops opening doors within [`TOKEN_TTL`].

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::error::Result;
use super::staff::ApiToken;
use super::Db;

/// How long a kept token is trusted after the last check that it is still live.
pub const TOKEN_TTL: Duration = Duration::from_secs(1);
/// Tokens kept before the cache starts over (only live tokens are kept, so this is a bound,
/// not a size a real deployment reaches).
const MAX_TOKENS: usize = 10_000;

#[derive(Default)]
pub struct TokenCache {
    kept: Mutex<Kept>,
    /// Held while the live tokens are read, so one request reads them and the others wait
    /// for its answer instead of asking too.
    checking: tokio::sync::Mutex<()>,
}

#[derive(Default)]
struct Kept {
    by_hash: HashMap<String, ApiToken>,
    /// When the last check of the live tokens began: kept tokens are as of then at the latest.
    checked: Option<Instant>,
}

impl Kept {
    fn fresh(&self) -> bool {
        self.checked.is_some_and(|at| at.elapsed() < TOKEN_TTL)
    }
}

impl TokenCache {
    /// The kept token with this hash, after making sure the kept ones are still live.
    pub(super) async fn get(&self, db: &Db, hash: &str) -> Result<Option<ApiToken>> {
        if !self.lock().fresh() {
            self.check(db).await?;
        }
        Ok(self.lock().by_hash.get(hash).cloned())
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

    /// Forgets every kept token (this instance revoked one).
    pub(super) fn forget(&self) {
        self.lock().by_hash.clear();
    }

    /// Drops the kept tokens no longer live in the database.
    async fn check(&self, db: &Db) -> Result<()> {
        let _only_one = self.checking.lock().await;
        if self.lock().fresh() {
            // Checked by the request this one waited for.
            return Ok(());
        }
        let began = Instant::now();
        let live: Vec<(i64,)> =
            sqlx::query_as("SELECT id FROM api_tokens WHERE revoked_at IS NULL")
                .fetch_all(&db.read)
                .await?;
        let live: HashSet<i64> = live.into_iter().map(|(id,)| id).collect();
        let mut kept = self.lock();
        kept.by_hash.retain(|_, token| live.contains(&token.id));
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
