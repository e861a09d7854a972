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

use std::collections::VecDeque;
use std::sync::Mutex;

use sqlx::Connection;
use tokio::sync::oneshot;

use super::error::{Error, Result};
use super::registrations::{register_in, Admission, GroupPlaces, Registered};
use super::Db;
use crate::domain::registration::RegistrationDraft;

/// At most this many registrations share a transaction (keeps each commit and wait short).
const MAX_BATCH: usize = 32;

struct Job {
    event_id: i64,
    draft: RegistrationDraft,
    admission: Admission,
    reply: oneshot::Sender<Result<Registered>>,
}

#[derive(Default)]
struct State {
    queue: VecDeque<Job>,
    /// Whether a drainer is running (it stops only when it finds the queue empty).
    draining: bool,
}

/// The registrations waiting for the writer (one per database, shared by its clones).
#[derive(Default)]
pub(crate) struct Queue(Mutex<State>);

pub(super) async fn register(
    db: &Db,
    event_id: i64,
    draft: RegistrationDraft,
    admission: Admission,
) -> Result<Registered> {
    let (reply, answer) = oneshot::channel();
    let job = Job {
        event_id,
        draft,
        admission,
        reply,
    };
    let start = {
        let mut state = db.registrations.0.lock().map_err(poisoned)?;
        state.queue.push_back(job);
        !std::mem::replace(&mut state.draining, true)
    };
    if start {
        // A task of its own: a caller going away never cancels a batch half-way.
        tokio::spawn(drain(db.clone()));
    }
    answer
        .await
        .map_err(|_| Error::Internal("the registration writer stopped".into()))?
}

fn poisoned<T>(_: T) -> Error {
    Error::Internal("registration queue poisoned".into())
}

/// Runs batches until the queue is empty.
async fn drain(db: Db) {
    loop {
        let mut conn = match db.write.acquire().await {
            Ok(conn) => conn,
            Err(e) => {
                fail_all(&db, &e.to_string());
                return;
            }
        };
        let batch: Vec<Job> = {
            let Ok(mut state) = db.registrations.0.lock() else {
                return;
            };
            if state.queue.is_empty() {
                state.draining = false;
                return;
            }
            let n = state.queue.len().min(MAX_BATCH);
            let mut batch: Vec<Job> = state.queue.drain(..n).collect();
            // Stable: arrival order is kept within each event.
            batch.sort_by_key(|job| job.event_id);
            batch
        };
        run_batch(&db, &mut conn, batch).await;
    }
}

/// Answers everyone waiting with an error (the writer connection cannot be had).
fn fail_all(db: &Db, why: &str) {
    let jobs: Vec<Job> = match db.registrations.0.lock() {
        Ok(mut state) => {
            state.draining = false;
            state.queue.drain(..).collect()
        }
        Err(_) => return,
    };
    for job in jobs {
        let _ = job.reply.send(Err(Error::Internal(why.to_string())));
    }
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
