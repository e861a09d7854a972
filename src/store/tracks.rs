//! Changing and removing an event's tracks (adding is in `events`, beside the list).

use super::agenda_refs::{self, Ref};
use super::error::{Error, Result};
use super::events::Track;
use super::{is_unique_violation, lock_event, Db};
use crate::domain::problem::Msg;

pub async fn update(
    db: &Db,
    event_id: i64,
    id: i64,
    name_fr: &str,
    name_en: &str,
    color: &str,
) -> Result<Track> {
    let mut tx = db.write.begin().await?;
    let track: Option<Track> = sqlx::query_as(
        "UPDATE tracks SET name_fr = $1, name_en = $2, color = $3 WHERE event_id = $4 AND id = $5 \
         RETURNING id, event_id, slug, name_fr, name_en, color",
    )
    .bind(name_fr)
    .bind(name_en)
    .bind(color)
    .bind(event_id)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            Error::field("name", Msg::new("field-name-taken"))
        } else {
            Error::Database(e)
        }
    })?;
    let track = track.ok_or(Error::NotFound)?;
    super::events::commit_revised(db, tx, event_id).await?;
    Ok(track)
}

/// Where a removed track's sessions go.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sessions {
    /// Nowhere: refused if the track has live sessions.
    Refuse,
    /// They stay on the agenda without a track.
    Untrack,
    /// They move to this other track of the event.
    MoveTo(i64),
}

pub async fn remove(db: &Db, event_id: i64, id: i64, sessions: Sessions) -> Result<()> {
    let mut tx = db.write.begin().await?;
    lock_event(db, &mut tx, event_id).await?;
    let using = agenda_refs::using(&mut tx, Ref::Track, id).await?;
    let target = match sessions {
        Sessions::Refuse if !using.is_empty() => {
            return Err(agenda_refs::in_use(Msg::new("track-in-use"), &using))
        }
        Sessions::MoveTo(t) if t == id => {
            return Err(Error::field("move_to", Msg::new("field-move-elsewhere")))
        }
        Sessions::MoveTo(t) => {
            let found: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM tracks WHERE event_id = $1 AND id = $2")
                    .bind(event_id)
                    .bind(t)
                    .fetch_optional(&mut *tx)
                    .await?;
            if found.is_none() {
                return Err(Error::field("move_to", Msg::new("field-unknown-ref")));
            }
            Some(t)
        }
        _ => None,
    };
    agenda_refs::bump(&mut tx, Ref::Track, id).await?;
    sqlx::query("UPDATE sessions SET track_id = $1 WHERE track_id = $2")
        .bind(target)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let done = sqlx::query("DELETE FROM tracks WHERE event_id = $1 AND id = $2")
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
