//! Writes committed in groups: the queue and its drainer, shared by registrations
//! ([`group_commit`](super::group_commit)) and first scans at the doors
//! ([`checkin_batch`](super::checkin_batch)). Jobs that arrive while the writer is busy wait
//! in a queue; a drainer takes up to [`Batch::MAX`] of them at a time and hands them to
//! [`Batch::run`] on a writer connection, which answers each job only once its transaction is
//! committed (a 2xx is as durable as when every write had its own). Each instance runs at most
//! [`Batch::drainers`] drainers of a kind: one on SQLite's single writer; on PostgreSQL a kind
//! whose groups the database itself keeps apart may have several groups in flight.

use std::collections::VecDeque;
use std::future::Future;
use std::sync::Mutex;

use tokio::sync::oneshot;

use super::error::{Error, Result};
use super::Db;

/// Where a job's answer goes: its caller waits on the other end.
pub(super) type Reply<T> = oneshot::Sender<Result<T>>;

/// A kind of job written in groups.
pub(super) trait Batch: Sized + Send + 'static {
    /// What a job's caller is answered.
    type Answer: Send + 'static;
    /// What the writer writes, for the error when it stops ("registration", "check-in").
    const WRITES: &'static str;
    /// At most this many jobs share a transaction (keeps each commit and wait short).
    const MAX: usize;
    /// This kind's queue in the database handle.
    fn queue(db: &Db) -> &Queue<Self>;
    /// How many groups of this kind one instance may have in flight at once.
    fn drainers(_db: &Db) -> usize {
        1
    }
    /// Writes the batch and answers every job in it.
    fn run(
        db: &Db,
        conn: &mut sqlx::AnyConnection,
        batch: Vec<Self>,
    ) -> impl Future<Output = ()> + Send;
    /// The job's reply, to answer it with an error (the writer connection cannot be had).
    fn reply(self) -> Reply<Self::Answer>;
}

struct State<J> {
    queue: VecDeque<J>,
    /// How many drainers are running (each stops only when it finds the queue empty).
    drainers: usize,
}

/// The jobs of one kind waiting for the writer (one per database, shared by its clones).
pub(crate) struct Queue<J>(Mutex<State<J>>);

impl<J> Default for Queue<J> {
    fn default() -> Self {
        Queue(Mutex::new(State {
            queue: VecDeque::new(),
            drainers: 0,
        }))
    }
}

/// Queues the job `make` builds around its reply and waits for its answer, given once its
/// group is committed.
pub(super) async fn ask<J: Batch>(
    db: &Db,
    make: impl FnOnce(Reply<J::Answer>) -> J,
) -> Result<J::Answer> {
    let (reply, answer) = oneshot::channel();
    submit(db, make(reply))?;
    answer
        .await
        .map_err(|_| Error::Internal(format!("the {} writer stopped", J::WRITES)))?
}

/// Queues the job, starting a drainer if fewer than the kind's limit run (a running one is
/// writing a group or waiting for a connection to write one: a drainer that finds the queue
/// empty stops).
fn submit<J: Batch>(db: &Db, job: J) -> Result<()> {
    let start = {
        let mut state = J::queue(db).0.lock().map_err(poisoned)?;
        state.queue.push_back(job);
        let start = state.drainers < J::drainers(db);
        state.drainers += usize::from(start);
        start
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
                state.drainers -= 1;
                return;
            }
            let n = state.queue.len().min(J::MAX);
            state.queue.drain(..n).collect()
        };
        J::run(&db, &mut conn, batch).await;
    }
}

/// Stops this drainer, answering everyone waiting with an error.
fn fail_all<J: Batch>(db: &Db, why: &str) {
    let jobs: Vec<J> = match J::queue(db).0.lock() {
        Ok(mut state) => {
            state.drainers -= 1;
            state.queue.drain(..).collect()
        }
        Err(_) => return,
    };
    for job in jobs {
        let _ = job.reply().send(Err(Error::Internal(why.to_string())));
    }
}
