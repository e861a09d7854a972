//! Sessions of an event and who speaks in them. Creating or moving a session checks for
//! double bookings inside the same write transaction, so two organisers cannot race past it.

use std::collections::HashMap;

use serde::Serialize;
use sqlx::AnyConnection;

use super::error::{Error, Result};
use super::events::Event;
use super::session_clashes::check_clash;
use super::{outbox, Db};
use crate::domain::schedule::SessionDraft;
use crate::domain::{time, Flag, Format, SessionKind, SessionStatus, SpeakerRole};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Session {
    pub id: i64,
    pub event_id: i64,
    pub title_fr: String,
    pub title_en: String,
    pub description_fr: String,
    pub description_en: String,
    #[sqlx(try_from = "String")]
    pub kind: SessionKind,
    pub room_id: Option<i64>,
    pub track_id: Option<i64>,
    pub starts_at: i64,
    pub ends_at: i64,
    #[sqlx(try_from = "String")]
    pub format: Format,
    pub capacity: Option<i64>,
    #[sqlx(try_from = "i64")]
    pub requires_signup: Flag,
    /// Private: never on a public page, file or answer.
    #[serde(skip)]
    pub stream_url: Option<String>,
    #[sqlx(try_from = "String")]
    pub status: SessionStatus,
    pub sequence: i64,
}

const COLUMNS: &str = "id, event_id, title_fr, title_en, description_fr, description_en, kind, \
    room_id, track_id, starts_at, ends_at, format, capacity, requires_signup, stream_url, status, \
    sequence";

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct SessionSpeaker {
    pub session_id: i64,
    pub speaker_id: i64,
    #[sqlx(try_from = "String")]
    pub role: SpeakerRole,
}

pub async fn list(db: &Db, event_id: i64) -> Result<Vec<Session>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM sessions WHERE event_id = $1 ORDER BY starts_at, room_id, id"
    );
    Ok(sqlx::query_as(&sql)
        .bind(event_id)
        .fetch_all(&db.read)
        .await?)
}

pub async fn get(db: &Db, event_id: i64, id: i64) -> Result<Session> {
    let sql = format!("SELECT {COLUMNS} FROM sessions WHERE event_id = $1 AND id = $2");
    sqlx::query_as(&sql)
        .bind(event_id)
        .bind(id)
        .fetch_optional(&db.read)
        .await?
        .ok_or(Error::NotFound)
}

/// Every speaker assignment of an event, in one query, grouped by session.
pub async fn speakers_by_session(
    db: &Db,
    event_id: i64,
) -> Result<HashMap<i64, Vec<SessionSpeaker>>> {
    let rows: Vec<SessionSpeaker> = sqlx::query_as(
        "SELECT ss.session_id, ss.speaker_id, ss.role FROM session_speakers ss \
         JOIN sessions s ON s.id = ss.session_id WHERE s.event_id = $1 \
         ORDER BY ss.session_id, ss.position",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?;
    let mut map: HashMap<i64, Vec<SessionSpeaker>> = HashMap::new();
    for row in rows {
        map.entry(row.session_id).or_default().push(row);
    }
    Ok(map)
}

/// Adds a session, refusing a double booking (409 naming the other session).
pub async fn create(db: &Db, event: &Event, draft: &SessionDraft) -> Result<Session> {
    let mut tx = db.write.begin().await?;
    super::lock_event(db, &mut tx, event.id).await?;
    check_clash(&mut tx, event, draft, None).await?;
    let now = time::now();
    const CREATE: &str = "INSERT INTO sessions (title_fr, title_en, description_fr, \
         description_en, kind, room_id, track_id, starts_at, ends_at, format, capacity, \
         requires_signup, stream_url, event_id, status, sequence, created_at, updated_at) \
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,'scheduled',0,$15,$15) RETURNING id";
    let (id,): (i64,) = bind_draft(sqlx::query_as(CREATE), draft)
        .bind(event.id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    write_speakers(&mut tx, id, &draft.speakers).await?;
    super::events::commit_revised(db, tx, event.id).await?;
    get_written(db, event.id, id).await
}

/// Changes a session (a move re-checks the agenda); its calendar SEQUENCE rises.
pub async fn update(db: &Db, event: &Event, id: i64, draft: &SessionDraft) -> Result<Session> {
    let mut tx = db.write.begin().await?;
    super::lock_event(db, &mut tx, event.id).await?;
    check_clash(&mut tx, event, draft, Some(id)).await?;
    let before: Option<(i64, i64, Option<i64>)> =
        sqlx::query_as("SELECT starts_at, ends_at, room_id FROM sessions WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    const UPDATE: &str = "UPDATE sessions SET title_fr=$1, title_en=$2, description_fr=$3, \
         description_en=$4, kind=$5, room_id=$6, track_id=$7, starts_at=$8, ends_at=$9, \
         format=$10, capacity=$11, requires_signup=$12, stream_url=$13, \
         sequence = sequence + 1, updated_at=$14 WHERE id=$15 AND event_id=$16 RETURNING id";
    let done: Option<(i64,)> = bind_draft(sqlx::query_as(UPDATE), draft)
        .bind(time::now())
        .bind(id)
        .bind(event.id)
        .fetch_optional(&mut *tx)
        .await?;
    if done.is_none() {
        return Err(Error::NotFound);
    }
    sqlx::query("DELETE FROM session_speakers WHERE session_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    write_speakers(&mut tx, id, &draft.speakers).await?;
    let moved = before.is_some_and(|b| b != (draft.starts_at, draft.ends_at, draft.room_id));
    if moved {
        outbox::enqueue_session_notice(&mut tx, crate::domain::OutboxKind::SessionChanged, id)
            .await?;
    }
    super::events::commit_revised(db, tx, event.id).await?;
    get_written(db, event.id, id).await
}

/// Removes a session from the agenda. Sessions that people signed up for or starred are
/// kept as cancelled (so their calendars get STATUS:CANCELLED); others are deleted.
pub async fn delete(db: &Db, event_id: i64, id: i64) -> Result<()> {
    let mut tx = db.write.begin().await?;
    // A session in someone's programme (starred) is kept as cancelled too, so their
    // calendar says CANCELLED rather than losing it without a word.
    let (signups,): (i64,) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM session_signups WHERE session_id = $1) \
         + (SELECT COUNT(*) FROM session_stars WHERE session_id = $1 AND removed_at IS NULL)",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let done = if signups > 0 {
        let done = sqlx::query(
            "UPDATE sessions SET status = 'cancelled', sequence = sequence + 1, updated_at = $1 \
             WHERE id = $2 AND event_id = $3",
        )
        .bind(time::now())
        .bind(id)
        .bind(event_id)
        .execute(&mut *tx)
        .await?;
        outbox::enqueue_session_notice(&mut tx, crate::domain::OutboxKind::SessionCancelled, id)
            .await?;
        done
    } else {
        sqlx::query("DELETE FROM sessions WHERE id = $1 AND event_id = $2")
            .bind(id)
            .bind(event_id)
            .execute(&mut *tx)
            .await?
    };
    if done.rows_affected() == 0 {
        return Err(Error::NotFound);
    }
    super::events::commit_revised(db, tx, event_id).await?;
    Ok(())
}

/// Who removing or restoring a session concerns: every sign-up (any one keeps the session as
/// cancelled rather than deleted), and those holding a seat, whom the notice e-mails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SignupCounts {
    pub signups: i64,
    pub seated: i64,
    /// People who have it in their programme (starred): these keep it as cancelled too.
    pub starred: i64,
}

pub async fn signup_counts(db: &Db, session_id: i64) -> Result<SignupCounts> {
    let (signups, seated): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN ss.status = 'confirmed' \
         AND r.status IN ('confirmed', 'pending_payment') THEN 1 ELSE 0 END), 0) \
         FROM session_signups ss JOIN registrations r ON r.id = ss.registration_id \
         WHERE ss.session_id = $1",
    )
    .bind(session_id)
    .fetch_one(&db.read)
    .await?;
    let (starred,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM session_stars WHERE session_id = $1 AND removed_at IS NULL",
    )
    .bind(session_id)
    .fetch_one(&db.read)
    .await?;
    Ok(SignupCounts {
        signups,
        seated,
        starred,
    })
}

/// Puts a cancelled session back on the agenda. Cancelling kept its sign-ups, so the people
/// seated are seated again and told (a change notice: their calendar gets it back). Refused
/// with 409 naming the other session if its room or a speaker was booked meanwhile.
pub async fn restore(db: &Db, event: &Event, id: i64) -> Result<Session> {
    let mut tx = db.write.begin().await?;
    super::lock_event(db, &mut tx, event.id).await?;
    let sql = format!(
        "SELECT {COLUMNS} FROM sessions WHERE event_id = $1 AND id = $2 AND status = 'cancelled'"
    );
    let session: Session = sqlx::query_as(&sql)
        .bind(event.id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(Error::NotFound)?;
    let speakers: Vec<(i64, String)> = sqlx::query_as(
        "SELECT speaker_id, role FROM session_speakers WHERE session_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let draft = as_draft(&session, speakers);
    check_clash(&mut tx, event, &draft, Some(id)).await?;
    sqlx::query(
        "UPDATE sessions SET status = 'scheduled', sequence = sequence + 1, updated_at = $1 \
         WHERE id = $2 AND event_id = $3",
    )
    .bind(time::now())
    .bind(id)
    .bind(event.id)
    .execute(&mut *tx)
    .await?;
    outbox::enqueue_session_notice(&mut tx, crate::domain::OutboxKind::SessionChanged, id).await?;
    super::events::commit_revised(db, tx, event.id).await?;
    get_written(db, event.id, id).await
}

/// A stored session as the double-booking check reads a draft.
fn as_draft(s: &Session, speakers: Vec<(i64, String)>) -> SessionDraft {
    SessionDraft {
        title_fr: s.title_fr.clone(),
        title_en: s.title_en.clone(),
        description_fr: s.description_fr.clone(),
        description_en: s.description_en.clone(),
        kind: s.kind,
        room_id: s.room_id,
        track_id: s.track_id,
        starts_at: s.starts_at,
        ends_at: s.ends_at,
        format: s.format,
        capacity: s.capacity,
        requires_signup: s.requires_signup.0,
        stream_url: s.stream_url.clone(),
        speakers: speakers
            .into_iter()
            .filter_map(|(id, role)| SpeakerRole::parse(&role).map(|r| (id, r)))
            .collect(),
    }
}

/// Binds a session's fields as `$1`…`$13`, in the order both INSERT and UPDATE use.
fn bind_draft<'q, O>(
    q: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    draft: &'q SessionDraft,
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    q.bind(&draft.title_fr)
        .bind(&draft.title_en)
        .bind(&draft.description_fr)
        .bind(&draft.description_en)
        .bind(draft.kind.as_str())
        .bind(draft.room_id)
        .bind(draft.track_id)
        .bind(draft.starts_at)
        .bind(draft.ends_at)
        .bind(draft.format.as_str())
        .bind(draft.capacity)
        .bind(Flag(draft.requires_signup).as_i64())
        .bind(&draft.stream_url)
}

async fn get_written(db: &Db, event_id: i64, id: i64) -> Result<Session> {
    let sql = format!("SELECT {COLUMNS} FROM sessions WHERE event_id = $1 AND id = $2");
    Ok(sqlx::query_as(&sql)
        .bind(event_id)
        .bind(id)
        .fetch_one(&db.write)
        .await?)
}

/// A session's speakers in the organiser's order (the caller has removed the old ones);
/// shared with the programme import.
pub(super) async fn write_speakers(
    conn: &mut AnyConnection,
    session_id: i64,
    speakers: &[(i64, SpeakerRole)],
) -> Result<()> {
    for (position, (speaker_id, role)) in speakers.iter().enumerate() {
        sqlx::query(
            "INSERT INTO session_speakers (session_id, speaker_id, role, position) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(session_id)
        .bind(speaker_id)
        .bind(role.as_str())
        .bind(position as i64)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
