//! Writes committed in groups: the queue and its drainer, shared by registrations
//! ([`group_commit`](super::group_commit)) and first scans at the doors
//! ([`checkin_batch`](super::checkin_batch)). Jobs that arrive while the writer is busy wait
//! in a queue; one drainer per instance and kind takes up to [`Batch::MAX`] of them at a time
//! and hands them to [`Batch::run`] on the writer connection, which answers each job only once
//! its transaction is committed (a 2xx is as durable as when every write had its own).

use std::collections::VecDeque;
use std::future::Future;
use std::sync::Mutex;

use super::error::{Error, Result};
use super::Db;

/// A kind of job written in groups.
pub(super) trait Batch: Sized + Send + 'static {
    /// At most this many jobs share a transaction (keeps each commit and wait short).
    const MAX: usize;
    /// This kind's queue in the database handle.
    fn queue(db: &Db) -> &Queue<Self>;
    /// Writes the batch and answers every job in it.
    fn run(
        db: &Db,
        conn: &mut sqlx::AnyConnection,
        batch: Vec<Self>,
    ) -> impl Future<Output = ()> + Send;
    /// Answers the job with an error (the writer connection cannot be had).
    fn fail(self, why: &str);
}

struct State<J> {
    queue: VecDeque<J>,
    /// Whether a drainer is running (it stops only when it finds the queue empty).
    draining: bool,
}

/// The jobs of one kind waiting for the writer (one per database, shared by its clones).
pub(crate) struct Queue<J>(Mutex<State<J>>);

impl<J> Default for Queue<J> {
    fn default() -> Self {
        Queue(Mutex::new(State {
            queue: VecDeque::new(),
            draining: false,
        }))
    }
}

/// Queues the job, starting a drainer if none runs; the job answers through its own channel.
pub(super) fn submit<J: Batch>(db: &Db, job: J) -> Result<()> {
    let start = {
        let mut state = J::queue(db).0.lock().map_err(poisoned)?;
        state.queue.push_back(job);
        !std::mem::replace(&mut state.draining, true)
    };
    if start {
        // A task of its own: a caller going away never cancels a batch half-way.
        tokio::spawn(drain::<J>(db.clone()));
    }
    Ok(())
}

fn poisoned<T>(_: T) -> Error {
    Error::Internal("write queue poisoned".into())
}

/// Runs batches until the queue is empty.
async fn drain<J: Batch>(db: Db) {
    loop {
        let mut conn = match db.write.acquire().await {
            Ok(conn) => conn,
            Err(e) => {
                fail_all::<J>(&db, &e.to_string());
                return;
            }
        };
        let batch: Vec<J> = {
            let Ok(mut state) = J::queue(&db).0.lock() else {
                return;
            };
            if state.queue.is_empty() {
                state.draining = false;
                return;
            }
            let n = state.queue.len().min(J::MAX);
            state.queue.drain(..n).collect()
        };
        J::run(&db, &mut conn, batch).await;
    }
}

/// Answers everyone waiting with an error.
fn fail_all<J: Batch>(db: &Db, why: &str) {
    let jobs: Vec<J> = match J::queue(db).0.lock() {
        Ok(mut state) => {
            state.draining = false;
            state.queue.drain(..).collect()
        }
        Err(_) => return,
    };
    for job in jobs {
        job.fail(why);
    }
}
