//! Events with their rooms and tracks.

use serde::Serialize;

use super::error::{Error, Result};
use super::{is_unique_violation, Db};
use crate::domain::event::EventDraft;
use crate::domain::problem::Msg;
use crate::domain::{time, EventStatus, Flag, Format};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Event {
    pub id: i64,
    pub slug: String,
    pub title_fr: String,
    pub title_en: String,
    pub description_fr: String,
    pub description_en: String,
    pub organiser: String,
    pub timezone: String,
    pub starts_at: i64,
    pub ends_at: i64,
    #[sqlx(try_from = "String")]
    pub format: Format,
    pub venue: Option<String>,
    pub in_person_capacity: Option<i64>,
    pub online_capacity: Option<i64>,
    pub registration_opens_at: Option<i64>,
    pub registration_closes_at: Option<i64>,
    #[sqlx(try_from = "String")]
    pub status: EventStatus,
    /// Private: never on a public page, file or answer.
    #[serde(skip)]
    pub stream_url: Option<String>,
    #[sqlx(try_from = "i64")]
    pub requires_approval: Flag,
    #[sqlx(try_from = "i64")]
    pub online_for_in_person: Flag,
    pub illustrative_note_fr: String,
    pub illustrative_note_en: String,
    pub license: String,
    pub revision: i64,
    pub privacy_notice_fr: String,
    pub privacy_notice_en: String,
    pub refund_until: Option<i64>,
    pub legal_details: String,
}

impl Event {
    pub fn tz(&self) -> chrono_tz::Tz {
        time::parse_tz(&self.timezone).unwrap_or(chrono_tz::Tz::UTC)
    }

    pub fn is_public(&self) -> bool {
        self.status != EventStatus::Draft
    }
}

const EVENT_COLUMNS: &str = "id, slug, title_fr, title_en, description_fr, description_en, \
    organiser, timezone, starts_at, ends_at, format, venue, in_person_capacity, online_capacity, \
    registration_opens_at, registration_closes_at, status, stream_url, requires_approval, \
    online_for_in_person, illustrative_note_fr, illustrative_note_en, license, revision, privacy_notice_fr, \
    privacy_notice_en, refund_until, legal_details";

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Room {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub capacity: Option<i64>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Track {
    pub id: i64,
    pub event_id: i64,
    pub slug: String,
    pub name_fr: String,
    pub name_en: String,
    pub color: String,
}

/// Published and cancelled events that have not ended, soonest first.
pub async fn list_public(db: &Db, now: i64) -> Result<Vec<Event>> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE status <> 'draft' AND ends_at >= $1 \
         ORDER BY starts_at, id"
    );
    Ok(sqlx::query_as(&sql).bind(now).fetch_all(&db.read).await?)
}

pub async fn list_all(db: &Db) -> Result<Vec<Event>> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events ORDER BY starts_at DESC, id");
    Ok(sqlx::query_as(&sql).fetch_all(&db.read).await?)
}

pub async fn count(db: &Db) -> Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM events")
        .fetch_one(&db.read)
        .await?;
    Ok(n)
}

pub async fn find(db: &Db, slug: &str) -> Result<Option<Event>> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE slug = $1");
    Ok(sqlx::query_as(&sql)
        .bind(slug)
        .fetch_optional(&db.read)
        .await?)
}

/// The event, or 404.
pub async fn get(db: &Db, slug: &str) -> Result<Event> {
    find(db, slug).await?.ok_or(Error::NotFound)
}

fn slug_taken(err: sqlx::Error) -> Error {
    if is_unique_violation(&err) {
        Error::field("slug", Msg::new("field-slug-taken"))
    } else {
        Error::Database(err)
    }
}

pub async fn create(db: &Db, d: &EventDraft) -> Result<Event> {
    let now = time::now();
    const CREATE: &str =
        "INSERT INTO events (slug, title_fr, title_en, description_fr, description_en, organiser, \
         timezone, starts_at, ends_at, format, venue, in_person_capacity, online_capacity, \
         registration_opens_at, registration_closes_at, status, stream_url, requires_approval, \
         online_for_in_person, license, illustrative_note_fr, illustrative_note_en, \
         privacy_notice_fr, privacy_notice_en, refund_until, legal_details, created_at, \
         updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19, \
         $20,$21,$22,$23,$24,$25,$26,$27,$27) RETURNING id";
    let (id,): (i64,) = bind_draft(sqlx::query_as(CREATE), d)
        .bind(now)
        .fetch_one(&db.write)
        .await
        .map_err(slug_taken)?;
    by_id(db, id).await
}

/// Binds an event's fields as `$1`…`$26`, in the order both INSERT and UPDATE use.
fn bind_draft<'q, O>(
    q: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    d: &'q EventDraft,
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    q.bind(&d.slug)
        .bind(&d.title_fr)
        .bind(&d.title_en)
        .bind(&d.description_fr)
        .bind(&d.description_en)
        .bind(&d.organiser)
        .bind(&d.timezone)
        .bind(d.starts_at)
        .bind(d.ends_at)
        .bind(d.format.as_str())
        .bind(&d.venue)
        .bind(d.in_person_capacity)
        .bind(d.online_capacity)
        .bind(d.registration_opens_at)
        .bind(d.registration_closes_at)
        .bind(d.status.as_str())
        .bind(&d.stream_url)
        .bind(Flag(d.requires_approval).as_i64())
        .bind(Flag(d.online_for_in_person).as_i64())
        .bind(&d.license)
        .bind(&d.illustrative_note_fr)
        .bind(&d.illustrative_note_en)
        .bind(&d.privacy_notice_fr)
        .bind(&d.privacy_notice_en)
        .bind(d.refund_until)
        .bind(&d.legal_details)
}

pub async fn by_id(db: &Db, id: i64) -> Result<Event> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_one(&db.write).await?)
}

/// Replaces the event's fields; its sessions stay where they are.
pub async fn update(db: &Db, id: i64, d: &EventDraft) -> Result<Event> {
    const UPDATE: &str = "UPDATE events SET slug=$1, title_fr=$2, title_en=$3, description_fr=$4, \
         description_en=$5, organiser=$6, timezone=$7, starts_at=$8, ends_at=$9, format=$10, \
         venue=$11, in_person_capacity=$12, online_capacity=$13, registration_opens_at=$14, \
         registration_closes_at=$15, status=$16, stream_url=$17, requires_approval=$18, \
         online_for_in_person=$19, license=$20, illustrative_note_fr=$21, \
         illustrative_note_en=$22, privacy_notice_fr=$23, privacy_notice_en=$24, refund_until=$25, \
         legal_details=$26, updated_at=$27, revision = revision + 1 WHERE id=$28 \
         RETURNING id";
    let updated: Option<(i64,)> = bind_draft(sqlx::query_as(UPDATE), d)
        .bind(time::now())
        .bind(id)
        .fetch_optional(&db.write)
        .await
        .map_err(slug_taken)?;
    db.events_changed();
    match updated {
        Some(_) => by_id(db, id).await,
        None => Err(Error::NotFound),
    }
}

pub async fn rooms(db: &Db, event_id: i64) -> Result<Vec<Room>> {
    Ok(sqlx::query_as(
        "SELECT id, event_id, name, capacity FROM rooms WHERE event_id = $1 ORDER BY id",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?)
}

/// Commits a change to an event's programme or offer together with its new revision, raised
/// inside the same transaction: nobody reads the new programme under the old revision (what is
/// cached per revision would keep it), and a crash between the change and a separate bump
/// cannot leave other instances on the old programme. Then tells this instance's caches.
pub(super) async fn commit_revised(
    db: &Db,
    mut tx: sqlx::Transaction<'static, sqlx::Any>,
    event_id: i64,
) -> Result<()> {
    sqlx::query("UPDATE events SET revision = revision + 1 WHERE id = $1")
        .bind(event_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    db.events_changed();
    Ok(())
}

pub async fn add_room(db: &Db, event_id: i64, name: &str, capacity: Option<i64>) -> Result<Room> {
    let mut tx = db.write.begin().await?;
    let room = sqlx::query_as(
        "INSERT INTO rooms (event_id, name, capacity) VALUES ($1, $2, $3) \
         RETURNING id, event_id, name, capacity",
    )
    .bind(event_id)
    .bind(name)
    .bind(capacity)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            Error::field("name", Msg::new("field-name-taken"))
        } else {
            Error::Database(e)
        }
    })?;
    commit_revised(db, tx, event_id).await?;
    Ok(room)
}

pub async fn tracks(db: &Db, event_id: i64) -> Result<Vec<Track>> {
    Ok(sqlx::query_as(
        "SELECT id, event_id, slug, name_fr, name_en, color FROM tracks WHERE event_id = $1 \
         ORDER BY id",
    )
    .bind(event_id)
    .fetch_all(&db.read)
    .await?)
}

pub async fn add_track(
    db: &Db,
    event_id: i64,
    slug: &str,
    name_fr: &str,
    name_en: &str,
    color: &str,
) -> Result<Track> {
    let mut tx = db.write.begin().await?;
    let track = sqlx::query_as(
        "INSERT INTO tracks (event_id, slug, name_fr, name_en, color) VALUES ($1,$2,$3,$4,$5) \
         RETURNING id, event_id, slug, name_fr, name_en, color",
    )
    .bind(event_id)
    .bind(slug)
    .bind(name_fr)
    .bind(name_en)
    .bind(color)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            Error::field("slug", Msg::new("field-slug-taken"))
        } else {
            Error::Database(e)
        }
    })?;
    commit_revised(db, tx, event_id).await?;
    Ok(track)
}
