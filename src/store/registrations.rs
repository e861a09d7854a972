//! Registrations and their session choices. Every change runs in one write transaction
//! under the event lock, so places are never oversold and nothing is half-saved.

use serde::Serialize;

use super::error::{Error, Result};
use super::registration_insert::{self, NewRow};
pub use super::registration_links::{by_token, issue_token, resend_link, OLDER_LINK_SECONDS};
use super::registration_places::GroupPlaces;
use super::{lock_event, outbox, seats, Db};
use crate::domain::problem::{FieldErrors, Msg};
use crate::domain::registration::RegistrationDraft;
use crate::domain::secret::new_token;
use crate::domain::{
    time, walk_in, Attendance, BadgeRole, OutboxKind, RegistrationStatus, SignupStatus,
};

pub use super::registration_changes::{set_sessions, switch_attendance};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Registration {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub role_title: String,
    #[sqlx(try_from = "String")]
    pub badge_role: BadgeRole,
    #[sqlx(try_from = "String")]
    pub attendance: Attendance,
    pub language: String,
    pub ticket_type_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub status: RegistrationStatus,
    pub waitlist_seq: Option<i64>,
    pub hold_expires_at: Option<i64>,
    pub accessibility_needs: String,
    pub consent_at: Option<i64>,
    pub badge_version: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub cancelled_at: Option<i64>,
}

pub(super) const COLUMNS: &str = "id, event_id, name, email, organisation, role_title, \
    badge_role, attendance, language, ticket_type_id, status, waitlist_seq, hold_expires_at, \
    accessibility_needs, consent_at, badge_version, created_at, updated_at, cancelled_at";

/// A session chosen by a registration, with its place in that session's waitlist.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Signup {
    pub session_id: i64,
    #[sqlx(try_from = "String")]
    pub status: SignupStatus,
    pub position: Option<i64>,
}

/// How a registration comes in.
#[derive(Debug, Clone, Copy)]
pub struct Admission {
    /// The event's organisers approve each registration first.
    pub needs_approval: bool,
    /// Door staff register someone who turned up (see `domain::walk_in`).
    pub walk_in: bool,
}

#[derive(Debug)]
pub enum Registered {
    /// A new registration and the token of its personal link.
    New {
        registration: Box<Registration>,
        token: String,
        /// Sessions were chosen (so their seats are worth reading back).
        chose_sessions: bool,
        /// The place on the event's waiting list, when waiting: worked out while the
        /// registration was written, under the event lock, so it is not counted again.
        waitlist_position: Option<i64>,
    },
    /// This e-mail address was already registered: its link was sent again.
    Existing { id: i64 },
}

impl Registered {
    /// The registration's id, new or not.
    pub fn id(&self) -> i64 {
        match self {
            Registered::New { registration, .. } => registration.id,
            Registered::Existing { id } => *id,
        }
    }
}

/// Registers someone (or, for a known address, sends the link again), under the event lock.
/// Registrations arriving together share one write transaction
/// ([`group_commit`](super::group_commit)); each is answered only once it is committed.
pub async fn register(
    db: &Db,
    event_id: i64,
    draft: &RegistrationDraft,
    admission: Admission,
) -> Result<Registered> {
    super::group_commit::register(db, event_id, draft.clone(), admission).await
}

/// One registration inside the caller's transaction (which it must then commit); `places`
/// carries what earlier registrations of the same transaction learnt.
pub(super) async fn register_in(
    db: &Db,
    tx: &mut sqlx::AnyConnection,
    places: &mut GroupPlaces,
    event_id: i64,
    draft: &RegistrationDraft,
    admission: Admission,
) -> Result<Registered> {
    let now = time::now();
    let places = places.of(db, &mut *tx, event_id, now).await?;
    let (status, hold, seq) = if admission.needs_approval {
        (RegistrationStatus::PendingApproval, None, None)
    } else if places
        .limits
        .has_room(&places.taken, draft.attendance, draft.ticket_id)
    {
        let (status, hold) =
            seats::placed(&places.limits, draft.ticket_id, now, db.payment_hold_secs);
        (status, hold, None)
    } else {
        let seq = match places.next_seq {
            Some(seq) => seq,
            None => seats::next_event_seq(&mut *tx, event_id).await?,
        };
        // A number left unused (the address was registered already) leaves a gap: only the
        // order matters.
        places.next_seq = Some(seq + 1);
        (RegistrationStatus::Waitlisted, None, Some(seq))
    };
    let token = new_token();
    let row = NewRow {
        event_id,
        draft,
        status,
        hold,
        seq,
        consent_at: draft.consent.then_some(now),
        token: &token,
        now,
        announce: !walk_in::is_placeholder(&draft.email),
    };
    // Most registrations are new: written at once, and only a taken address is looked at.
    let registration = match registration_insert::insert(db, &mut *tx, &row).await? {
        Some(registration) => registration,
        None => {
            let (old, old_status): (i64, String) = sqlx::query_as(
                "SELECT id, status FROM registrations WHERE event_id = $1 \
                 AND email_normalized = $2",
            )
            .bind(event_id)
            .bind(&draft.email_normalized)
            .fetch_one(&mut *tx)
            .await?;
            if !RegistrationStatus::parse(&old_status).is_some_and(|s| s.is_over()) {
                outbox::enqueue_link(&mut *tx, old).await?;
                return Ok(Registered::Existing { id: old });
            }
            // A cancelled registration of the same address starts again from scratch.
            sqlx::query("DELETE FROM registrations WHERE id = $1")
                .bind(old)
                .execute(&mut *tx)
                .await?;
            registration_insert::insert(db, &mut *tx, &row)
                .await?
                .ok_or_else(|| Error::Internal("the address is still taken".into()))?
        }
    };
    if status.holds_place() {
        places.taken.take(draft.attendance, draft.ticket_id);
    }
    let waitlist_position = match status {
        RegistrationStatus::Waitlisted => Some(
            places
                .joined_waitlist(&mut *tx, event_id, draft.attendance)
                .await?,
        ),
        _ => None,
    };
    let id = registration.id;
    for session_id in &draft.sessions {
        if status.holds_place() {
            seats::seat(&mut *tx, id, *session_id, now).await?;
        } else {
            seats::request(&mut *tx, id, *session_id, now).await?;
        }
    }
    if admission.walk_in {
        super::walk_ins::record(&mut *tx, id, now).await?;
    }
    Ok(Registered::New {
        registration: Box::new(registration),
        token,
        chose_sessions: !draft.sessions.is_empty(),
        waitlist_position,
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Registration> {
    let sql = format!("SELECT {COLUMNS} FROM registrations WHERE id = $1");
    sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&db.write)
        .await?
        .ok_or(Error::NotFound)
}

/// Place in the waitlist of the same attendance mode (1 = next), if waiting.
/// Reads committed state, so on the read pool: SQLite's single writer stays free for writes.
pub async fn waitlist_position(db: &Db, r: &Registration) -> Result<Option<i64>> {
    let Some(seq) = r
        .waitlist_seq
        .filter(|_| r.status == RegistrationStatus::Waitlisted)
    else {
        return Ok(None);
    };
    let place = seats::waiting(&db.read, r.event_id, r.attendance, seq).await?;
    Ok(Some(place))
}

pub async fn signups(db: &Db, registration_id: i64) -> Result<Vec<Signup>> {
    Ok(sqlx::query_as(
        "SELECT ss.session_id, ss.status, CASE WHEN ss.status = $2 THEN \
         (SELECT COUNT(*) FROM session_signups o WHERE o.session_id = ss.session_id \
          AND o.status = $2 AND o.waitlist_seq <= ss.waitlist_seq) END AS position \
         FROM session_signups ss JOIN sessions s ON s.id = ss.session_id \
         WHERE ss.registration_id = $1 ORDER BY s.starts_at, s.id",
    )
    .bind(registration_id)
    .bind(SignupStatus::Waitlisted.as_str())
    .fetch_all(&db.read)
    .await?)
}

/// Cancels a registration: its place and seats go to the first people waiting.
pub async fn cancel(db: &Db, r: &Registration) -> Result<()> {
    finish(db, r, RegistrationStatus::Cancelled, OutboxKind::Cancelled).await
}

/// Ends a registration (`Cancelled` or `Rejected`) and tells its attendee with `message`.
pub(super) async fn finish(
    db: &Db,
    r: &Registration,
    status: RegistrationStatus,
    message: OutboxKind,
) -> Result<()> {
    let now = time::now();
    let mut tx = db.write.begin().await?;
    lock_event(db, &mut tx, r.event_id).await?;
    let Some(seated) = release(&mut tx, r.id, status, now).await? else {
        return Err(conflict(Msg::new("register-already-cancelled")));
    };
    seats::fill_event(&mut tx, r.event_id, now, db.payment_hold_secs).await?;
    outbox::enqueue_withdrawal(&mut tx, message, r.id, &seated).await?;
    tx.commit().await?;
    Ok(())
}

/// Takes a registration's place away, ending it as `status` (cancelled or rejected): no
/// waitlist turn, no payment hold, and a new badge version, so its badge answers `revoked`.
/// The one writer of a registration's end, for attendees, organisers and payments alike; the
/// caller holds the event lock and fills the event afterwards. The sessions it held a seat
/// in, or None if it was over already.
pub(super) async fn release(
    conn: &mut sqlx::AnyConnection,
    registration_id: i64,
    status: RegistrationStatus,
    now: i64,
) -> Result<Option<Vec<i64>>> {
    debug_assert!(status.is_over());
    let done = sqlx::query(
        "UPDATE registrations SET status = $1, cancelled_at = $2, updated_at = $2, \
         waitlist_seq = NULL, hold_expires_at = NULL, badge_version = badge_version + 1 \
         WHERE id = $3 AND status NOT IN ($4, $5)",
    )
    .bind(status.as_str())
    .bind(now)
    .bind(registration_id)
    .bind(RegistrationStatus::Cancelled.as_str())
    .bind(RegistrationStatus::Rejected.as_str())
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(None);
    }
    seats::drop_sessions(conn, registration_id, &[])
        .await
        .map(Some)
}

/// An organiser's decision on a registration waiting for approval.
pub async fn decide(db: &Db, r: &Registration, approve: bool) -> Result<()> {
    if r.status != RegistrationStatus::PendingApproval {
        return Err(conflict(Msg::new("register-not-pending")));
    }
    if !approve {
        return finish(db, r, RegistrationStatus::Rejected, OutboxKind::Decided).await;
    }
    let now = time::now();
    let mut tx = db.write.begin().await?;
    lock_event(db, &mut tx, r.event_id).await?;
    let seq = seats::next_event_seq(&mut tx, r.event_id).await?;
    sqlx::query(
        "UPDATE registrations SET status = $1, waitlist_seq = $2, updated_at = $3 \
         WHERE id = $4 AND status = $5",
    )
    .bind(RegistrationStatus::Waitlisted.as_str())
    .bind(seq)
    .bind(now)
    .bind(r.id)
    .bind(RegistrationStatus::PendingApproval.as_str())
    .execute(&mut *tx)
    .await?;
    // Approved people join the queue's end and get a place at once if there is room.
    seats::fill_event(&mut tx, r.event_id, now, db.payment_hold_secs).await?;
    outbox::enqueue(&mut tx, OutboxKind::Decided, r.id).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) fn conflict(message: Msg) -> Error {
    Error::Conflict {
        message,
        fields: FieldErrors::new(),
    }
}
