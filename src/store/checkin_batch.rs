//! First scans at the doors, inserted in groups. A busy morning's first scans all want the
//! one writer; one at a time, each pays its own statement, hand-off and commit, and the queue
//! behind them is the doors' tail. Here the scans that wait for the writer go in together,
//! as one multi-row `INSERT … ON CONFLICT DO NOTHING RETURNING` (one statement, one commit),
//! and each is answered after it. A scan whose row did not come back (the badge was let in
//! meanwhile, or its nonce was another scan's) is then settled alone, exactly as it would
//! have been without the group; so is every scan of a group whose statement failed.

use super::batches::{self, Batch, Queue, Reply};
use super::checkins::{bind_row, record_on, First, NewCheckin, Recorded};
use super::error::Result;
use super::{Backend, Db};

/// Groups one instance has in flight on PostgreSQL. Each is its own transaction on its own
/// connection; the unique index keeps one check-in per badge per door across them (a scan
/// whose row another group took is settled alone, as above). SQLite has one writer: one.
const POSTGRES_DRAINERS: usize = 2;

/// One row's values (nine): a group of 32 binds 288, far below either database's limit.
const COLUMNS: usize = 9;

pub(crate) struct Job {
    event_id: i64,
    registration_id: i64,
    session_id: Option<i64>,
    attendance: String,
    gate: String,
    nonce: Option<String>,
    scanned_at: i64,
    reply: Reply<Recorded>,
}

impl Job {
    fn checkin(&self) -> NewCheckin<'_> {
        NewCheckin {
            event_id: self.event_id,
            registration_id: self.registration_id,
            session_id: self.session_id,
            attendance: &self.attendance,
            gate: &self.gate,
            nonce: self.nonce.as_deref(),
            scanned_at: self.scanned_at,
        }
    }
}

/// A row the group's statement inserted.
#[derive(sqlx::FromRow)]
struct Inserted {
    event_id: i64,
    registration_id: i64,
    scope: i64,
    nonce: Option<String>,
    scanned_at: i64,
    gate: String,
}

impl Inserted {
    fn is_of(&self, job: &Job) -> bool {
        self.event_id == job.event_id
            && self.registration_id == job.registration_id
            && self.scope == job.checkin().scope()
            && self.nonce == job.nonce
    }
}

impl Batch for Job {
    type Answer = Recorded;
    const WRITES: &'static str = "check-in";
    const MAX: usize = 32;

    fn queue(db: &Db) -> &Queue<Self> {
        &db.checkins
    }

    fn drainers(db: &Db) -> usize {
        match db.backend {
            Backend::Postgres => POSTGRES_DRAINERS,
            Backend::Sqlite => 1,
        }
    }

    async fn run(_db: &Db, conn: &mut sqlx::AnyConnection, mut batch: Vec<Self>) {
        // Groups in flight together take the unique index's keys in one order, so one waits
        // for the other instead of both waiting for each other (a deadlock PostgreSQL would
        // break only after a second). Stable: of two scans of one badge at one door in the
        // group, the first to arrive is still the one let in.
        batch.sort_by_key(|job| (job.event_id, job.registration_id, job.checkin().scope()));
        let mut inserted = match insert_all(conn, &batch).await {
            Ok(rows) => rows,
            Err(e) => {
                tracing::warn!("a group of check-ins failed, recording them one by one: {e}");
                Vec::new()
            }
        };
        let mut unsettled = Vec::new();
        for job in batch {
            match inserted.iter().position(|row| row.is_of(&job)) {
                Some(i) => {
                    let row = inserted.swap_remove(i);
                    let first = First {
                        scanned_at: row.scanned_at,
                        gate: row.gate,
                    };
                    let _ = job.reply.send(Ok(Recorded::Admitted(first)));
                }
                None => unsettled.push(job),
            }
        }
        for job in unsettled {
            let recorded = record_on(conn, &job.checkin()).await;
            let _ = job.reply.send(recorded);
        }
    }

    fn reply(self) -> Reply<Recorded> {
        self.reply
    }
}

/// Records the check-in in the next group; answers once it is committed.
pub(super) async fn record(db: &Db, c: &NewCheckin<'_>) -> Result<Recorded> {
    batches::ask(db, |reply| Job {
        event_id: c.event_id,
        registration_id: c.registration_id,
        session_id: c.session_id,
        attendance: c.attendance.to_string(),
        gate: c.gate.to_string(),
        nonce: c.nonce.map(str::to_string),
        scanned_at: c.scanned_at,
        reply,
    })
    .await
}

/// The whole group in one statement; only the rows actually inserted come back.
async fn insert_all(conn: &mut sqlx::AnyConnection, batch: &[Job]) -> Result<Vec<Inserted>> {
    let rows: Vec<String> = (0..batch.len())
        .map(|i| {
            let n = i * COLUMNS;
            let params: Vec<String> = (1..=COLUMNS).map(|k| format!("${}", n + k)).collect();
            format!("({})", params.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO checkins (event_id, registration_id, session_id, scope, attendance, gate, \
         nonce, scanned_at, received_at) VALUES {} ON CONFLICT DO NOTHING \
         RETURNING event_id, registration_id, scope, nonce, scanned_at, gate",
        rows.join(", ")
    );
    let now = crate::domain::time::now();
    let mut query = sqlx::query_as::<_, Inserted>(&sql);
    for job in batch {
        let c = job.checkin();
        query = bind_row(query, &c, c.nonce, now);
    }
    Ok(query.fetch_all(&mut *conn).await?)
}
