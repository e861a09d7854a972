//! Applying a checked programme import in one transaction: the rooms, tracks and speakers it
//! names are created, its sessions added or updated, all or nothing. Updated sessions get a
//! higher SEQUENCE (calendars follow) and, when moved, the session-changed notice for those
//! signed up, as `sessions::update` does for a session changed by hand.

use sqlx::AnyConnection;

use super::error::Result;
use super::events::Event;
use super::sessions::write_speakers;
use super::{outbox, Db};
use crate::domain::programme_import::{Planned, Report};
use crate::domain::schedule::{find_clash, Booked, SessionDraft};
use crate::domain::SessionStatus;
use crate::domain::{time, Flag, OutboxKind};

/// The real ids of the names the report creates, by placeholder (`-(n + 1)` → `ids[n]`).
#[derive(Default)]
struct Created {
    rooms: Vec<i64>,
    tracks: Vec<i64>,
    speakers: Vec<i64>,
}

fn real(id: i64, created: &[i64]) -> i64 {
    if id < 0 {
        created[(-id - 1) as usize]
    } else {
        id
    }
}

impl Created {
    fn resolve(&self, d: &SessionDraft) -> SessionDraft {
        SessionDraft {
            room_id: d.room_id.map(|id| real(id, &self.rooms)),
            track_id: d.track_id.map(|id| real(id, &self.tracks)),
            speakers: d
                .speakers
                .iter()
                .map(|(id, role)| (real(*id, &self.speakers), *role))
                .collect(),
            ..d.clone()
        }
    }
}

/// Writes the report (which must have no rejected row); `track_slugs` are the new tracks'
/// slugs, in the order of `report.tracks_to_create`.
pub async fn apply(db: &Db, event: &Event, report: &Report, track_slugs: &[String]) -> Result<()> {
    let mut tx = db.write.begin().await?;
    super::lock_event(db, &mut tx, event.id).await?;
    // The plan was checked against the event as it was read; under the lock, check it again
    // against what is stored now (a session typed meanwhile), so nothing is double-booked.
    recheck_clashes(&mut tx, event, report).await?;
    let created = create_names(&mut tx, event.id, report, track_slugs).await?;
    let now = time::now();
    for planned in &report.to_add {
        add(
            &mut tx,
            event.id,
            &created.resolve(&planned.draft),
            planned,
            now,
        )
        .await?;
    }
    for planned in &report.to_update {
        update(
            &mut tx,
            event.id,
            &created.resolve(&planned.draft),
            planned,
            now,
        )
        .await?;
    }
    super::events::commit_revised(db, tx, event.id).await?;
    Ok(())
}

async fn create_names(
    conn: &mut AnyConnection,
    event_id: i64,
    report: &Report,
    track_slugs: &[String],
) -> Result<Created> {
    let mut created = Created::default();
    for name in &report.rooms_to_create {
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO rooms (event_id, name) VALUES ($1, $2) RETURNING id")
                .bind(event_id)
                .bind(name)
                .fetch_one(&mut *conn)
                .await?;
        created.rooms.push(id);
    }
    for (name, slug) in report.tracks_to_create.iter().zip(track_slugs) {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO tracks (event_id, slug, name_fr, name_en, color) \
             VALUES ($1, $2, $3, $3, '#1f5f8b') RETURNING id",
        )
        .bind(event_id)
        .bind(slug)
        .bind(name)
        .fetch_one(&mut *conn)
        .await?;
        created.tracks.push(id);
    }
    for name in &report.speakers_to_create {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO speakers (event_id, name, affiliation_fr, affiliation_en, bio_fr, \
             bio_en) VALUES ($1, $2, '', '', '', '') RETURNING id",
        )
        .bind(event_id)
        .bind(name)
        .fetch_one(&mut *conn)
        .await?;
        created.speakers.push(id);
    }
    Ok(created)
}

async fn add(
    conn: &mut AnyConnection,
    event_id: i64,
    d: &SessionDraft,
    planned: &Planned,
    now: i64,
) -> Result<()> {
    const CREATE: &str = "INSERT INTO sessions (title_fr, title_en, description_fr, \
         description_en, kind, room_id, track_id, starts_at, ends_at, format, capacity, \
         requires_signup, stream_url, event_id, status, sequence, created_at, updated_at, \
         import_guid) \
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,0,$16,$16,$17) RETURNING id";
    let (id,): (i64,) = bind_draft(sqlx::query_as(CREATE), d)
        .bind(event_id)
        .bind(planned.status.as_str())
        .bind(now)
        .bind(planned.guid.as_deref())
        .fetch_one(&mut *conn)
        .await?;
    write_speakers(conn, id, &d.speakers).await
}

async fn update(
    conn: &mut AnyConnection,
    event_id: i64,
    d: &SessionDraft,
    planned: &Planned,
    now: i64,
) -> Result<()> {
    let id = planned.id.unwrap_or_default();
    const UPDATE: &str = "UPDATE sessions SET title_fr=$1, title_en=$2, description_fr=$3, \
         description_en=$4, kind=$5, room_id=$6, track_id=$7, starts_at=$8, ends_at=$9, \
         format=$10, capacity=$11, requires_signup=$12, stream_url=$13, status=$14, \
         sequence = sequence + 1, updated_at=$15, import_guid = COALESCE($18, import_guid) \
         WHERE id=$16 AND event_id=$17";
    bind_draft(sqlx::query(UPDATE), d)
        .bind(planned.status.as_str())
        .bind(now)
        .bind(id)
        .bind(event_id)
        .bind(planned.guid.as_deref())
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM session_speakers WHERE session_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    write_speakers(conn, id, &d.speakers).await?;
    // Those signed up hear of a new time or room, as for a session moved by hand.
    let moved = ["room", "starts_at", "ends_at"]
        .iter()
        .any(|f| planned.changes.contains(f));
    if moved {
        outbox::enqueue_session_notice(conn, OutboxKind::SessionChanged, id).await?;
    }
    Ok(())
}

/// Binds a session's fields as `$1`…`$13`, in the order of `sessions`' own statements.
fn bind_draft<'q, Q: Bindable<'q>>(q: Q, d: &'q SessionDraft) -> Q {
    q.with(&d.title_fr)
        .with(&d.title_en)
        .with(&d.description_fr)
        .with(&d.description_en)
        .with(d.kind.as_str())
        .with(d.room_id)
        .with(d.track_id)
        .with(d.starts_at)
        .with(d.ends_at)
        .with(d.format.as_str())
        .with(d.capacity)
        .with(Flag(d.requires_signup).as_i64())
        .with(&d.stream_url)
}

/// `query` and `query_as` alike, so one binding order serves the INSERT and the UPDATE.
trait Bindable<'q>: Sized {
    fn with<T>(self, value: T) -> Self
    where
        T: 'q + sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any>;
}

impl<'q> Bindable<'q> for sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    fn with<T>(self, value: T) -> Self
    where
        T: 'q + sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any>,
    {
        self.bind(value)
    }
}

impl<'q, O> Bindable<'q> for sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    fn with<T>(self, value: T) -> Self
    where
        T: 'q + sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any>,
    {
        self.bind(value)
    }
}

/// The event's scheduled sessions as stored now, except those the plan moves itself.
async fn booked_now(conn: &mut AnyConnection, event_id: i64, moved: &[i64]) -> Result<Vec<Booked>> {
    let rows: Vec<(i64, String, String, i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, title_fr, title_en, starts_at, ends_at, room_id FROM sessions \
         WHERE event_id = $1 AND status = 'scheduled'",
    )
    .bind(event_id)
    .fetch_all(&mut *conn)
    .await?;
    let people: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT ss.session_id, ss.speaker_id FROM session_speakers ss \
         JOIN sessions s ON s.id = ss.session_id WHERE s.event_id = $1",
    )
    .bind(event_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|(id, ..)| !moved.contains(id))
        .map(
            |(id, title_fr, title_en, starts_at, ends_at, room_id)| Booked {
                id,
                title_fr,
                title_en,
                starts_at,
                ends_at,
                room_id,
                speaker_ids: people
                    .iter()
                    .filter(|(s, _)| *s == id)
                    .map(|(_, p)| *p)
                    .collect(),
            },
        )
        .collect())
}

/// Refuses the whole import, naming the session, if one of its sessions would now share a
/// room or a speaker with a stored one. Rooms and speakers it creates are new, so only
/// existing ones (positive ids) can clash.
async fn recheck_clashes(conn: &mut AnyConnection, event: &Event, report: &Report) -> Result<()> {
    let moved: Vec<i64> = report.to_update.iter().filter_map(|p| p.id).collect();
    let booked = booked_now(conn, event.id, &moved).await?;
    for planned in report.to_add.iter().chain(&report.to_update) {
        if planned.status != SessionStatus::Scheduled {
            continue;
        }
        let Some(clash) = find_clash(&planned.draft, planned.id, &booked) else {
            continue;
        };
        return super::session_clashes::refuse_clash(conn, event, &clash, &booked).await;
    }
    Ok(())
}

/// The frab guids the event's sessions were imported with, by session id.
pub async fn import_guids(db: &Db, event_id: i64) -> Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, import_guid FROM sessions WHERE event_id = $1 AND import_guid IS NOT NULL",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?)
}
