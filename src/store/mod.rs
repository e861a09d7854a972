//! All SQL lives here, one module per aggregate. One codebase serves SQLite and PostgreSQL
//! through sqlx's `Any` driver with portable SQL (`$1` placeholders, integer times and flags);
//! the few statements that differ branch on [`Backend`].

pub mod agenda_refs;
pub mod audit;
pub mod badges;
mod batches;
pub mod certificates;
mod checkin_batch;
pub mod checkins;
pub mod conflicts;
pub mod duplicate;
pub mod error;
pub mod event_cache;
pub mod events;
mod group_commit;
pub mod imports;
pub mod joins;
pub mod offer_cache;
pub mod outbox;
mod payment_effects;
pub mod payments;
pub mod privacy;
pub mod programme_import;
pub mod programme_uploads;
pub mod receipts;
mod registration_changes;
mod registration_insert;
pub mod registration_links;
mod registration_places;
pub mod registrations;
pub mod rooms;
pub mod roster;
pub mod scan_kit;
mod seats;
pub mod session_clashes;
pub mod sessions;
pub mod speakers;
pub mod staff;
pub mod staff_sessions;
pub mod stars;
pub mod stats;
pub mod tickets;
pub mod token_cache;
pub mod tracks;
pub mod walk_ins;

use std::str::FromStr;
use std::sync::Arc;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, Executor};

/// A connection idle for longer than this is checked before it is used again.
const TRUSTED_IDLE: std::time::Duration = std::time::Duration::from_secs(1);

/// The pools' options. sqlx checks every connection it hands out with a ping by default, a
/// round trip of its own before each query (to PostgreSQL's server; to a SQLite
/// connection's worker thread); with sqlx's own ping when a connection comes back, one
/// query cost three. A connection in steady use is known good from its last answer and its
/// return: only one idle for more than [`TRUSTED_IDLE`] (which a restarted server or a
/// dropped link may have broken meanwhile) is pinged before use, and replaced if it fails.
fn pool_options() -> AnyPoolOptions {
    AnyPoolOptions::new()
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for > TRUSTED_IDLE {
                    sqlx::Connection::ping(conn).await?;
                }
                Ok(true)
            })
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database. On SQLite all writes go through one connection (SQLite allows one writer;
/// queueing in the pool beats `SQLITE_BUSY` retries); reads use a pool. On PostgreSQL both
/// are the same pool.
#[derive(Clone)]
pub struct Db {
    pub(crate) read: AnyPool,
    pub(crate) write: AnyPool,
    pub backend: Backend,
    /// How long a place waiting for its payment is held, in seconds (the
    /// `payment_hold_minutes` setting; 30 minutes unless [`Db::with_payment_hold`] says).
    pub payment_hold_secs: i64,
    /// Event rows for hot public reads, shared by every clone (see [`event_cache`]).
    pub(crate) events: Arc<event_cache::EventCache>,
    /// Events' badge public keys, which never change once made.
    pub(crate) badge_keys: Arc<badges::KeyCache>,
    /// Registrations waiting for SQLite's writer, committed in groups (see `group_commit`).
    pub(crate) registrations: Arc<batches::Queue<group_commit::Job>>,
    /// First scans at the doors, inserted in groups (see `checkin_batch`).
    pub(crate) checkins: Arc<batches::Queue<checkin_batch::Job>>,
    /// API tokens already found, checked for revocation once a second (see [`token_cache`]).
    pub(crate) tokens: Arc<token_cache::TokenCache>,
    /// Events' ticket types and sessions per revision, for registering (see [`offer_cache`]).
    pub(crate) offers: Arc<offer_cache::OfferCache>,
}

/// Stripe's shortest Checkout Session: a payment hold is never shorter.
pub const MIN_PAYMENT_HOLD_MINUTES: i64 = 30;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Db {
    /// Closes the pools: every later query fails, as when the database server is gone
    /// (for shutting down, and for tests of how the app answers then).
    pub async fn close(&self) {
        self.write.close().await;
        self.read.close().await;
    }

    /// This database with payment holds of `minutes` (never under Stripe's 30).
    pub fn with_payment_hold(mut self, minutes: i64) -> Db {
        self.payment_hold_secs = minutes.max(MIN_PAYMENT_HOLD_MINUTES) * 60;
        self
    }

    /// Opens (creating a SQLite file and its folder if needed) and migrates.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let db = if url.starts_with("sqlite:") {
            Db::connect_sqlite(url).await?
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = AnyConnectOptions::from_str(url)?;
            let pool = pool_options()
                .max_connections(16)
                .connect_with(options)
                .await?;
            Db {
                read: pool.clone(),
                write: pool,
                backend: Backend::Postgres,
                payment_hold_secs: MIN_PAYMENT_HOLD_MINUTES * 60,
                events: Arc::default(),
                badge_keys: Arc::default(),
                registrations: Arc::default(),
                checkins: Arc::default(),
                tokens: Arc::default(),
                offers: Arc::default(),
            }
        } else {
            return Err(sqlx::Error::Configuration(
                "DATABASE_URL must start with sqlite:// or postgres://".into(),
            ));
        };
        let migrator = match db.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&db.write).await?;
        Ok(db)
    }

    async fn connect_sqlite(url: &str) -> Result<Db, sqlx::Error> {
        let path = url
            .trim_start_matches("sqlite://")
            .trim_start_matches("sqlite:")
            .split('?')
            .next()
            .unwrap_or_default();
        if let Some(parent) = std::path::Path::new(path).parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent).map_err(sqlx::Error::Io)?;
            }
        }
        let url = if url.contains('?') {
            url.to_string()
        } else {
            format!("{url}?mode=rwc")
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = |max: u32| {
            pool_options()
                .max_connections(max)
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
                             PRAGMA secure_delete = ON;",
                        )
                        .await?;
                        Ok(())
                    })
                })
                .connect_with(options.clone())
        };
        let write = pool(1).await?;
        let read = pool(4).await?;
        Ok(Db {
            read,
            write,
            backend: Backend::Sqlite,
            payment_hold_secs: MIN_PAYMENT_HOLD_MINUTES * 60,
            events: Arc::default(),
            badge_keys: Arc::default(),
            registrations: Arc::default(),
            checkins: Arc::default(),
            tokens: Arc::default(),
            offers: Arc::default(),
        })
    }

    /// After erasing people: on SQLite, deleted rows are already zeroed in the database file
    /// (`secure_delete`), and a checkpoint that truncates the WAL takes the older copies of
    /// their pages with it. (PostgreSQL reuses dead rows' space as it vacuums.)
    pub async fn scrub(&self) -> error::Result<()> {
        if self.backend == Backend::Sqlite {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&self.write)
                .await?;
        }
        Ok(())
    }

    /// Call after committing a change to an event row: cached reads of events start over.
    pub(crate) fn events_changed(&self) {
        self.events.invalidate();
    }

    /// `FOR UPDATE` where the database has it: PostgreSQL serialises concurrent writers on
    /// the locked row; SQLite's single writer already does.
    pub(crate) fn for_update(&self) -> &'static str {
        match self.backend {
            Backend::Postgres => " FOR UPDATE",
            Backend::Sqlite => "",
        }
    }
}

/// Whether an error is a unique-constraint violation (e.g. a slug already taken).
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Database(db) => {
            db.code()
                .is_some_and(|c| c == "23505" || c == "2067" || c == "1555")
                || db.message().contains("UNIQUE constraint failed")
        }
        _ => false,
    }
}

/// Serialises writers of one event's agenda and places inside a transaction: PostgreSQL
/// locks the event row; SQLite's single writer connection already serialises everything.
pub(crate) async fn lock_event(
    db: &Db,
    conn: &mut AnyConnection,
    event_id: i64,
) -> error::Result<()> {
    if db.backend == Backend::Sqlite {
        // Nothing to lock: the single writer connection already serialises every write.
        return Ok(());
    }
    let sql = format!("SELECT id FROM events WHERE id = $1{}", db.for_update());
    sqlx::query(&sql).bind(event_id).execute(conn).await?;
    Ok(())
}
