//! Speakers of an event, and their photos.

use serde::Serialize;

use super::agenda_refs::{self, Ref};
use super::error::{Error, Result};
use super::{lock_event, Db};
use crate::domain::problem::Msg;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Speaker {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub affiliation_fr: String,
    pub affiliation_en: String,
    pub bio_fr: String,
    pub bio_en: String,
    pub photo_content_type: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct SpeakerDraft {
    pub name: String,
    pub affiliation_fr: String,
    pub affiliation_en: String,
    pub bio_fr: String,
    pub bio_en: String,
}

/// What a change does to a speaker's photo, in the same transaction as the rest of it.
#[derive(Debug, Clone, Copy, Default)]
pub enum PhotoChange<'a> {
    #[default]
    Keep,
    /// A photo already checked (its type read from its first bytes).
    Set {
        content_type: &'a str,
        bytes: &'a [u8],
    },
    Remove,
}

const COLUMNS: &str =
    "id, event_id, name, affiliation_fr, affiliation_en, bio_fr, bio_en, photo_content_type";

pub async fn list(db: &Db, event_id: i64) -> Result<Vec<Speaker>> {
    let sql = format!("SELECT {COLUMNS} FROM speakers WHERE event_id = $1 ORDER BY name, id");
    Ok(sqlx::query_as(&sql)
        .bind(event_id)
        .fetch_all(&db.read)
        .await?)
}

pub async fn get(db: &Db, event_id: i64, id: i64) -> Result<Speaker> {
    let sql = format!("SELECT {COLUMNS} FROM speakers WHERE event_id = $1 AND id = $2");
    sqlx::query_as(&sql)
        .bind(event_id)
        .bind(id)
        .fetch_optional(&db.read)
        .await?
        .ok_or(Error::NotFound)
}

/// Adds a speaker with their photo, if any: both or neither are stored, under one revision.
pub async fn create(
    db: &Db,
    event_id: i64,
    d: &SpeakerDraft,
    photo: PhotoChange<'_>,
) -> Result<Speaker> {
    let mut tx = db.write.begin().await?;
    let sql = format!(
        "INSERT INTO speakers (event_id, name, affiliation_fr, affiliation_en, bio_fr, bio_en) \
         VALUES ($1,$2,$3,$4,$5,$6) RETURNING {COLUMNS}"
    );
    let speaker: Speaker = sqlx::query_as(&sql)
        .bind(event_id)
        .bind(&d.name)
        .bind(&d.affiliation_fr)
        .bind(&d.affiliation_en)
        .bind(&d.bio_fr)
        .bind(&d.bio_en)
        .fetch_one(&mut *tx)
        .await?;
    let speaker = write_photo(&mut tx, speaker, photo).await?;
    super::events::commit_revised(db, tx, event_id).await?;
    Ok(speaker)
}

pub async fn set_photo(
    db: &Db,
    event_id: i64,
    id: i64,
    content_type: &str,
    bytes: &[u8],
) -> Result<()> {
    let photo = PhotoChange::Set {
        content_type,
        bytes,
    };
    change_photo(db, event_id, id, photo).await
}

/// Changes the photo alone. The agenda shows the photo: pages cached under the old revision
/// must go, so it raises the revision like any other change.
async fn change_photo(db: &Db, event_id: i64, id: i64, photo: PhotoChange<'_>) -> Result<()> {
    let mut tx = db.write.begin().await?;
    let sql = format!("SELECT {COLUMNS} FROM speakers WHERE event_id = $1 AND id = $2");
    let speaker: Option<Speaker> = sqlx::query_as(&sql)
        .bind(event_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    write_photo(&mut tx, speaker.ok_or(Error::NotFound)?, photo).await?;
    super::events::commit_revised(db, tx, event_id).await?;
    Ok(())
}

/// Writes the photo change of a speaker in the transaction; the speaker as it now is.
async fn write_photo(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    mut speaker: Speaker,
    photo: PhotoChange<'_>,
) -> Result<Speaker> {
    let (bytes, content_type) = match photo {
        PhotoChange::Keep => return Ok(speaker),
        PhotoChange::Set {
            content_type,
            bytes,
        } => (Some(bytes.to_vec()), Some(content_type)),
        PhotoChange::Remove => (None, None),
    };
    sqlx::query("UPDATE speakers SET photo = $1, photo_content_type = $2 WHERE id = $3")
        .bind(bytes)
        .bind(content_type)
        .bind(speaker.id)
        .execute(&mut **tx)
        .await?;
    speaker.photo_content_type = content_type.map(str::to_string);
    Ok(speaker)
}

pub async fn photo(db: &Db, id: i64) -> Result<(String, Vec<u8>)> {
    let row: Option<(Option<String>, Option<Vec<u8>>)> =
        sqlx::query_as("SELECT photo_content_type, photo FROM speakers WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.read)
            .await?;
    match row {
        Some((Some(kind), Some(bytes))) => Ok((kind, bytes)),
        _ => Err(Error::NotFound),
    }
}

/// Changes what is said about a speaker, and their photo, in one transaction; the calendars
/// of their sessions follow.
pub async fn update(
    db: &Db,
    event_id: i64,
    id: i64,
    d: &SpeakerDraft,
    photo: PhotoChange<'_>,
) -> Result<Speaker> {
    let sql = format!(
        "UPDATE speakers SET name = $1, affiliation_fr = $2, affiliation_en = $3, bio_fr = $4, \
         bio_en = $5 WHERE event_id = $6 AND id = $7 RETURNING {COLUMNS}"
    );
    let mut tx = db.write.begin().await?;
    let speaker: Option<Speaker> = sqlx::query_as(&sql)
        .bind(&d.name)
        .bind(&d.affiliation_fr)
        .bind(&d.affiliation_en)
        .bind(&d.bio_fr)
        .bind(&d.bio_en)
        .bind(event_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let speaker = write_photo(&mut tx, speaker.ok_or(Error::NotFound)?, photo).await?;
    agenda_refs::bump(&mut tx, Ref::Speaker, id).await?;
    super::events::commit_revised(db, tx, event_id).await?;
    Ok(speaker)
}

/// Takes a speaker's photo away (the public pages show their initials again).
pub async fn remove_photo(db: &Db, event_id: i64, id: i64) -> Result<()> {
    change_photo(db, event_id, id, PhotoChange::Remove).await
}

/// Removes a speaker who is on no live session (refused naming them otherwise: take the
/// speaker off those sessions first). Cancelled sessions lose the name with the speaker.
pub async fn remove(db: &Db, event_id: i64, id: i64) -> Result<()> {
    let mut tx = db.write.begin().await?;
    lock_event(db, &mut tx, event_id).await?;
    let using = agenda_refs::using(&mut tx, Ref::Speaker, id).await?;
    if !using.is_empty() {
        return Err(agenda_refs::in_use(Msg::new("speaker-in-use"), &using));
    }
    agenda_refs::bump(&mut tx, Ref::Speaker, id).await?;
    sqlx::query("DELETE FROM session_speakers WHERE speaker_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let done = sqlx::query("DELETE FROM speakers WHERE event_id = $1 AND id = $2")
        .bind(event_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound);
    }
    super::events::commit_revised(db, tx, event_id).await?;
    Ok(())
}
