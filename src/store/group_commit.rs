//! Group commit of registrations, on both databases. Registrations for an event run one after
//! another anyway (under its lock: SQLite's single writer, PostgreSQL's `FOR UPDATE` on the
//! event row); what a rush pays for is a transaction, its commit (a WAL sync) and, on
//! PostgreSQL, the lock held across every round trip, for each one. Here registrations that
//! arrive while the writer is busy wait in a queue, and one drainer per instance runs each
//! batch in a single transaction, in arrival order, exactly as it would run them one by one
//! (each sees the places the ones before it took). Every caller is answered only after the
//! commit, so a 2xx answer is as durable as before. If anything in a batch fails (on
//! PostgreSQL: another instance registered the same address first), the batch is rolled back
//! and its registrations are run again one transaction each, so one bad registration never
//! fails the others. A batch takes its events' locks in ascending id (the batch is sorted
//! by event, keeping arrival order within each), so two instances' batches never wait on
//! each other in a cycle.

use sqlx::Connection;

use super::batches::{self, Batch, Queue, Reply};
use super::error::Result;
use super::registration_places::GroupPlaces;
use super::registrations::{register_in, Admission, Registered};
use super::Db;
use crate::domain::registration::RegistrationDraft;

pub(crate) struct Job {
    event_id: i64,
    draft: RegistrationDraft,
    admission: Admission,
    reply: Reply<Registered>,
}

impl Batch for Job {
    type Answer = Registered;
    const WRITES: &'static str = "registration";
    const MAX: usize = 32;

    fn queue(db: &Db) -> &Queue<Self> {
        &db.registrations
    }

    async fn run(db: &Db, conn: &mut sqlx::AnyConnection, mut batch: Vec<Self>) {
        // Stable: arrival order is kept within each event.
        batch.sort_by_key(|job| job.event_id);
        run_batch(db, conn, batch).await
    }

    fn reply(self) -> Reply<Registered> {
        self.reply
    }
}

pub(super) async fn register(
    db: &Db,
    event_id: i64,
    draft: RegistrationDraft,
    admission: Admission,
) -> Result<Registered> {
    batches::ask(db, |reply| Job {
        event_id,
        draft,
        admission,
        reply,
    })
    .await
}

async fn run_batch(db: &Db, conn: &mut sqlx::AnyConnection, batch: Vec<Job>) {
    if batch.len() > 1 {
        match together(db, conn, &batch).await {
            Ok(results) => {
                for (job, result) in batch.into_iter().zip(results) {
                    let _ = job.reply.send(Ok(result));
                }
                return;
            }
            Err(e) => tracing::warn!("a registration batch failed, running it one by one: {e}"),
        }
    }
    for job in batch {
        let result = alone(db, conn, &job).await;
        let _ = job.reply.send(result);
    }
}

/// The whole batch in one transaction; all or nothing.
async fn together(
    db: &Db,
    conn: &mut sqlx::AnyConnection,
    batch: &[Job],
) -> Result<Vec<Registered>> {
    let mut tx = conn.begin().await?;
    let mut results = Vec::with_capacity(batch.len());
    // Each event's places are read once for the whole batch, then kept up to date.
    let mut places = GroupPlaces::default();
    for job in batch {
        let registered = register_in(
            db,
            &mut tx,
            &mut places,
            job.event_id,
            &job.draft,
            job.admission,
        );
        results.push(registered.await?);
    }
    tx.commit().await?;
    Ok(results)
}

async fn alone(db: &Db, conn: &mut sqlx::AnyConnection, job: &Job) -> Result<Registered> {
    let mut tx = conn.begin().await?;
    let mut places = GroupPlaces::default();
    let registered = register_in(
        db,
        &mut tx,
        &mut places,
        job.event_id,
        &job.draft,
        job.admission,
    )
    .await?;
    tx.commit().await?;
    Ok(registered)
}
