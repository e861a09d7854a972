//! Copying an event into a new draft, in one transaction: its rooms, tracks, speakers (with
//! photos), ticket types and scheduled sessions (with their speakers and roles), every time
//! moved by the same number of days on the event's clock. Nothing about people is copied
//! (registrations, sign-ups, check-ins, payments, tokens), nor any streaming link, nor the
//! badge keys (the new event makes its own on first use). Column lists are explicit, so a
//! column added later is copied only once it is named here.

use std::collections::HashMap;

use sqlx::AnyConnection;

use super::error::{Error, Result};
use super::events::{self, Event};
use super::{is_unique_violation, Db};
use crate::domain::duplicate::shift_local;
use crate::domain::problem::{FieldErrors, Msg};
use crate::domain::time;

/// Old id → new id, for the rows sessions point to.
type Ids = HashMap<i64, i64>;

/// Moves an instant by the copy's number of days on the event's clock.
struct Shift {
    days: i64,
    tz: chrono_tz::Tz,
}

impl Shift {
    fn at(&self, ts: i64) -> i64 {
        shift_local(ts, self.days, self.tz)
    }

    fn opt(&self, ts: Option<i64>) -> Option<i64> {
        ts.map(|t| self.at(t))
    }
}

/// The new draft event, copied from `source` under `slug`, `shift_days` later.
pub async fn duplicate(db: &Db, source: &Event, slug: &str, shift_days: i64) -> Result<Event> {
    let shift = Shift {
        days: shift_days,
        tz: source.tz(),
    };
    let mut tx = db.write.begin().await?;
    let id = copy_event(&mut tx, source, slug, &shift).await?;
    let rooms = copy_rooms(&mut tx, source.id, id).await?;
    let tracks = copy_tracks(&mut tx, source.id, id).await?;
    let speakers = copy_speakers(&mut tx, source.id, id).await?;
    copy_tickets(&mut tx, source.id, id, &shift).await?;
    let refs = Refs {
        rooms,
        tracks,
        speakers,
    };
    copy_sessions(&mut tx, source.id, id, &refs, &shift).await?;
    tx.commit().await?;
    events::by_id(db, id).await
}

/// A slug already used: 409 naming the field.
fn slug_taken(err: sqlx::Error) -> Error {
    if !is_unique_violation(&err) {
        return Error::Database(err);
    }
    let mut fields = FieldErrors::new();
    fields.insert("slug".into(), Msg::new("field-slug-taken"));
    Error::Conflict {
        message: Msg::new("preview-duplicate-slug-taken"),
        fields,
    }
}

async fn copy_event(conn: &mut AnyConnection, e: &Event, slug: &str, shift: &Shift) -> Result<i64> {
    const INSERT: &str = "INSERT INTO events (slug, title_fr, title_en, description_fr, \
         description_en, organiser, timezone, starts_at, ends_at, format, venue, \
         in_person_capacity, online_capacity, registration_opens_at, registration_closes_at, \
         status, stream_url, requires_approval, online_for_in_person, license, \
         illustrative_note_fr, illustrative_note_en, privacy_notice_fr, privacy_notice_en, \
         refund_until, legal_details, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8, \
         $9,$10,$11,$12,$13,$14,$15,'draft',NULL,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$25) \
         RETURNING id";
    let (id,): (i64,) = sqlx::query_as(INSERT)
        .bind(slug)
        .bind(&e.title_fr)
        .bind(&e.title_en)
        .bind(&e.description_fr)
        .bind(&e.description_en)
        .bind(&e.organiser)
        .bind(&e.timezone)
        .bind(shift.at(e.starts_at))
        .bind(shift.at(e.ends_at))
        .bind(e.format.as_str())
        .bind(&e.venue)
        .bind(e.in_person_capacity)
        .bind(e.online_capacity)
        .bind(shift.opt(e.registration_opens_at))
        .bind(shift.opt(e.registration_closes_at))
        .bind(e.requires_approval.as_i64())
        .bind(e.online_for_in_person.as_i64())
        .bind(&e.license)
        .bind(&e.illustrative_note_fr)
        .bind(&e.illustrative_note_en)
        .bind(&e.privacy_notice_fr)
        .bind(&e.privacy_notice_en)
        .bind(shift.opt(e.refund_until))
        .bind(&e.legal_details)
        .bind(time::now())
        .fetch_one(&mut *conn)
        .await
        .map_err(slug_taken)?;
    Ok(id)
}

/// The ids of a table's rows for one event, oldest first.
async fn ids_of(conn: &mut AnyConnection, table: &str, event_id: i64) -> Result<Vec<i64>> {
    let sql = format!("SELECT id FROM {table} WHERE event_id = $1 ORDER BY id");
    let rows: Vec<(i64,)> = sqlx::query_as(&sql)
        .bind(event_id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Copies each row with `insert` (`$1` the new event, `$2` the old row), keeping old → new.
async fn copy_rows(
    conn: &mut AnyConnection,
    table: &str,
    insert: &str,
    from: i64,
    to: i64,
) -> Result<Ids> {
    let mut ids = Ids::new();
    for old in ids_of(conn, table, from).await? {
        let (new,): (i64,) = sqlx::query_as(insert)
            .bind(to)
            .bind(old)
            .fetch_one(&mut *conn)
            .await?;
        ids.insert(old, new);
    }
    Ok(ids)
}

async fn copy_rooms(conn: &mut AnyConnection, from: i64, to: i64) -> Result<Ids> {
    const INSERT: &str = "INSERT INTO rooms (event_id, name, capacity) \
         SELECT $1, name, capacity FROM rooms WHERE id = $2 RETURNING id";
    copy_rows(conn, "rooms", INSERT, from, to).await
}

async fn copy_tracks(conn: &mut AnyConnection, from: i64, to: i64) -> Result<Ids> {
    const INSERT: &str = "INSERT INTO tracks (event_id, slug, name_fr, name_en, color) \
         SELECT $1, slug, name_fr, name_en, color FROM tracks WHERE id = $2 RETURNING id";
    copy_rows(conn, "tracks", INSERT, from, to).await
}

/// Speakers with their photos, copied inside the database (the bytes never travel).
async fn copy_speakers(conn: &mut AnyConnection, from: i64, to: i64) -> Result<Ids> {
    const INSERT: &str = "INSERT INTO speakers (event_id, name, affiliation_fr, affiliation_en, \
         bio_fr, bio_en, photo_content_type, photo) SELECT $1, name, affiliation_fr, \
         affiliation_en, bio_fr, bio_en, photo_content_type, photo FROM speakers WHERE id = $2 \
         RETURNING id";
    copy_rows(conn, "speakers", INSERT, from, to).await
}

/// Ticket types with their sales window moved (the lead extends the column list in 0010).
async fn copy_tickets(conn: &mut AnyConnection, from: i64, to: i64, shift: &Shift) -> Result<()> {
    let rows: Vec<(i64, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT id, sales_start, sales_end FROM ticket_types WHERE event_id = $1 ORDER BY id",
    )
    .bind(from)
    .fetch_all(&mut *conn)
    .await?;
    for (old, sales_start, sales_end) in rows {
        sqlx::query(
            "INSERT INTO ticket_types (event_id, name, name_en, price_cents, currency, quota, \
             attendance, sales_start, sales_end, position, created_at) SELECT $1, name, name_en, \
             price_cents, currency, quota, attendance, $2, $3, position, $4 FROM ticket_types \
             WHERE id = $5",
        )
        .bind(to)
        .bind(shift.opt(sales_start))
        .bind(shift.opt(sales_end))
        .bind(time::now())
        .bind(old)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The copied rows sessions point to.
struct Refs {
    rooms: Ids,
    tracks: Ids,
    speakers: Ids,
}

/// A session's own row as the copy needs it: its references and times.
type SessionRow = (i64, Option<i64>, Option<i64>, i64, i64);

/// Scheduled sessions only (a cancelled one is not on the next edition's agenda), without
/// their streaming links, with their speakers in the same order and roles.
async fn copy_sessions(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
    refs: &Refs,
    shift: &Shift,
) -> Result<()> {
    let rows: Vec<SessionRow> = sqlx::query_as(
        "SELECT id, room_id, track_id, starts_at, ends_at FROM sessions \
         WHERE event_id = $1 AND status = 'scheduled' ORDER BY id",
    )
    .bind(from)
    .fetch_all(&mut *conn)
    .await?;
    let now = time::now();
    for (old, room_id, track_id, starts_at, ends_at) in rows {
        let (new,): (i64,) = sqlx::query_as(
            "INSERT INTO sessions (event_id, title_fr, title_en, description_fr, description_en, \
             kind, room_id, track_id, starts_at, ends_at, format, capacity, requires_signup, \
             stream_url, status, sequence, created_at, updated_at) SELECT $1, title_fr, title_en, \
             description_fr, description_en, kind, $2, $3, $4, $5, format, capacity, \
             requires_signup, NULL, 'scheduled', 0, $6, $6 FROM sessions WHERE id = $7 \
             RETURNING id",
        )
        .bind(to)
        .bind(room_id.and_then(|r| refs.rooms.get(&r).copied()))
        .bind(track_id.and_then(|t| refs.tracks.get(&t).copied()))
        .bind(shift.at(starts_at))
        .bind(shift.at(ends_at))
        .bind(now)
        .bind(old)
        .fetch_one(&mut *conn)
        .await?;
        copy_session_speakers(conn, old, new, &refs.speakers).await?;
    }
    Ok(())
}

async fn copy_session_speakers(
    conn: &mut AnyConnection,
    old: i64,
    new: i64,
    speakers: &Ids,
) -> Result<()> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT speaker_id, role, position FROM session_speakers WHERE session_id = $1 \
         ORDER BY position",
    )
    .bind(old)
    .fetch_all(&mut *conn)
    .await?;
    for (speaker_id, role, position) in rows {
        let Some(speaker_id) = speakers.get(&speaker_id) else {
            continue;
        };
        sqlx::query(
            "INSERT INTO session_speakers (session_id, speaker_id, role, position) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(new)
        .bind(speaker_id)
        .bind(role)
        .bind(position)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
