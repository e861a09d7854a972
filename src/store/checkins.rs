//! Check-ins at the doors: one per badge per door (the event's entrance or a session), kept
//! exact under concurrency by a unique index, and counted for the organisers' live view.

use sqlx::any::AnyArguments;
use sqlx::query::QueryAs;
use sqlx::Any;

use super::error::{Error, Result};
use super::Db;

/// A check-in to record. `scope` is 0 for the event's entrance, else the session's id.
#[derive(Debug, Clone)]
pub struct NewCheckin<'a> {
    pub event_id: i64,
    pub registration_id: i64,
    pub session_id: Option<i64>,
    pub attendance: &'a str,
    pub gate: &'a str,
    pub nonce: Option<&'a str>,
    pub scanned_at: i64,
}

impl NewCheckin<'_> {
    pub(super) fn scope(&self) -> i64 {
        self.session_id.unwrap_or(0)
    }
}

/// The first check-in of a badge at a door.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct First {
    pub scanned_at: i64,
    pub gate: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Recorded {
    /// This scan is the first at this door (or the retry of that scan, by its nonce).
    Admitted(First),
    /// Someone was already let in with this badge at this door.
    Already(First),
}

/// Records a check-in, or says who was let in first. The badge's first scan at a door is
/// inserted with the others waiting for the writer ([`checkin_batch`](super::checkin_batch));
/// a repeat (or a retry of the same scan, known by its nonce) adds one read.
pub async fn record(db: &Db, c: &NewCheckin<'_>) -> Result<Recorded> {
    super::checkin_batch::record(db, c).await
}

/// Records a check-in on the writer connection by itself.
pub(super) async fn record_on(
    conn: &mut sqlx::AnyConnection,
    c: &NewCheckin<'_>,
) -> Result<Recorded> {
    for nonce in [c.nonce, None] {
        let inserted = sqlx::query_as::<_, First>(
            "INSERT INTO checkins (event_id, registration_id, session_id, scope, attendance, \
             gate, nonce, scanned_at, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT DO NOTHING RETURNING scanned_at, gate",
        );
        let inserted = bind_row(inserted, c, nonce, crate::domain::time::now())
            .fetch_optional(&mut *conn)
            .await?;
        if let Some(first) = inserted {
            return Ok(Recorded::Admitted(first));
        }
        // The conflicting row is committed; it is read on the writer already held, not on the
        // read pool, so the writer never waits behind the doors' reads. Its nonce tells a
        // retry of this very scan (or the same scan sent twice at once) from a real repeat.
        if let Some((first, stored)) = existing(&mut *conn, c).await? {
            return Ok(if stored.is_some() && stored.as_deref() == c.nonce {
                Recorded::Admitted(first)
            } else {
                Recorded::Already(first)
            });
        }
        // Only the nonce collided (another badge's scan used it): record without it.
    }
    Err(Error::Internal(
        "check-in neither inserted nor found".into(),
    ))
}

/// Binds a check-in row's nine values, in the order of the `INSERT`s' columns.
pub(super) fn bind_row<'q, O>(
    query: QueryAs<'q, Any, O, AnyArguments<'q>>,
    c: &NewCheckin<'q>,
    nonce: Option<&'q str>,
    now: i64,
) -> QueryAs<'q, Any, O, AnyArguments<'q>> {
    query
        .bind(c.event_id)
        .bind(c.registration_id)
        .bind(c.session_id)
        .bind(c.scope())
        .bind(c.attendance)
        .bind(c.gate)
        .bind(nonce)
        .bind(c.scanned_at)
        .bind(now)
}

/// This badge's check-in at this door, with the nonce it was recorded with.
async fn existing(
    conn: &mut sqlx::AnyConnection,
    c: &NewCheckin<'_>,
) -> Result<Option<(First, Option<String>)>> {
    let row: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT scanned_at, gate, nonce FROM checkins WHERE event_id = $1 \
         AND registration_id = $2 AND scope = $3",
    )
    .bind(c.event_id)
    .bind(c.registration_id)
    .bind(c.scope())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(scanned_at, gate, nonce)| (First { scanned_at, gate }, nonce)))
}

pub async fn first(
    db: &Db,
    event_id: i64,
    registration_id: i64,
    scope: i64,
) -> Result<Option<First>> {
    Ok(sqlx::query_as(
        "SELECT scanned_at, gate FROM checkins WHERE event_id = $1 AND registration_id = $2 \
         AND scope = $3",
    )
    .bind(event_id)
    .bind(registration_id)
    .bind(scope)
    .fetch_optional(&db.write)
    .await?)
}

/// Whether the registration holds a confirmed seat in the session.
pub async fn has_seat(db: &Db, registration_id: i64, session_id: i64) -> Result<bool> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM session_signups WHERE registration_id = $1 AND session_id = $2 \
         AND status = $3",
    )
    .bind(registration_id)
    .bind(session_id)
    .bind(crate::domain::SignupStatus::Confirmed.as_str())
    .fetch_one(&db.read)
    .await?;
    Ok(n > 0)
}

/// Check-ins of an event, counted by the database (exact with several app instances).
#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Entrance check-ins per attendance mode.
    pub by_attendance: Vec<(String, i64)>,
    /// Entrance check-ins per gate.
    pub by_gate: Vec<(String, i64)>,
    /// Check-ins per session (session id, count).
    pub by_session: Vec<(i64, i64)>,
}

pub async fn counts(db: &Db, event_id: i64) -> Result<Counts> {
    let by_attendance = sqlx::query_as(
        "SELECT attendance, COUNT(*) FROM checkins WHERE event_id = $1 AND scope = 0 \
         GROUP BY attendance ORDER BY attendance",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?;
    let by_gate = sqlx::query_as(
        "SELECT gate, COUNT(*) FROM checkins WHERE event_id = $1 AND scope = 0 \
         GROUP BY gate ORDER BY gate",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?;
    let by_session = sqlx::query_as(
        "SELECT scope, COUNT(*) FROM checkins WHERE event_id = $1 AND scope <> 0 \
         GROUP BY scope ORDER BY scope",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?;
    Ok(Counts {
        by_attendance,
        by_gate,
        by_session,
    })
}
