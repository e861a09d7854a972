//! Changing and removing an event's rooms (adding is in `events`, beside the list).

use super::agenda_refs::{self, Ref};
use super::error::{Error, Result};
use super::events::Room;
use super::{is_unique_violation, lock_event, Db};
use crate::domain::problem::{FieldErrors, Msg};

/// Renames a room or changes its capacity; its sessions' calendars follow a new name.
pub async fn update(
    db: &Db,
    event_id: i64,
    id: i64,
    name: &str,
    capacity: Option<i64>,
) -> Result<Room> {
    let mut tx = db.write.begin().await?;
    lock_event(db, &mut tx, event_id).await?;
    let room: Option<Room> = sqlx::query_as(
        "UPDATE rooms SET name = $1, capacity = $2 WHERE event_id = $3 AND id = $4 \
         RETURNING id, event_id, name, capacity",
    )
    .bind(name)
    .bind(capacity)
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
    let room = room.ok_or(Error::NotFound)?;
    agenda_refs::bump(&mut tx, Ref::Room, id).await?;
    super::events::commit_revised(db, tx, event_id).await?;
    Ok(room)
}

/// Removes a room. Its live sessions either move to `move_to` (refused, naming both sessions,
/// if one would then double-book that room) or the removal is refused, naming them.
pub async fn remove(db: &Db, event_id: i64, id: i64, move_to: Option<i64>) -> Result<()> {
    let mut tx = db.write.begin().await?;
    lock_event(db, &mut tx, event_id).await?;
    let using = agenda_refs::using(&mut tx, Ref::Room, id).await?;
    match move_to {
        None if !using.is_empty() => {
            return Err(agenda_refs::in_use(Msg::new("room-in-use"), &using))
        }
        Some(target) if target == id => {
            return Err(Error::field("move_to", Msg::new("field-move-elsewhere")))
        }
        Some(target) => {
            own_room(&mut tx, event_id, target).await?;
            refuse_double_booking(&mut tx, id, target).await?;
            agenda_refs::bump(&mut tx, Ref::Room, id).await?;
            sqlx::query("UPDATE sessions SET room_id = $1 WHERE room_id = $2")
                .bind(target)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        None => {}
    }
    // Cancelled sessions keep their history without a room.
    sqlx::query("UPDATE sessions SET room_id = NULL WHERE room_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let done = sqlx::query("DELETE FROM rooms WHERE event_id = $1 AND id = $2")
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

async fn own_room(conn: &mut sqlx::AnyConnection, event_id: i64, id: i64) -> Result<()> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM rooms WHERE event_id = $1 AND id = $2")
            .bind(event_id)
            .bind(id)
            .fetch_optional(conn)
            .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(Error::field("move_to", Msg::new("field-unknown-ref"))),
    }
}

/// A live session of room `from` that overlaps one of room `to`: both named.
async fn refuse_double_booking(conn: &mut sqlx::AnyConnection, from: i64, to: i64) -> Result<()> {
    let clash: Option<(String, String, String, String, i64)> = sqlx::query_as(
        "SELECT a.title_fr, a.title_en, b.title_fr, b.title_en, b.starts_at \
         FROM sessions a JOIN sessions b ON b.room_id = $2 \
         AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at \
         WHERE a.room_id = $1 AND a.status <> 'cancelled' AND b.status <> 'cancelled' \
         ORDER BY b.starts_at LIMIT 1",
    )
    .bind(from)
    .bind(to)
    .fetch_optional(conn)
    .await?;
    let Some((moved_fr, moved_en, other_fr, other_en, _)) = clash else {
        return Ok(());
    };
    let message = Msg::new("room-move-clash")
        .arg("moved_fr", moved_fr)
        .arg("moved_en", moved_en)
        .arg("title_fr", other_fr)
        .arg("title_en", other_en);
    let mut fields = FieldErrors::new();
    fields.insert("move_to".into(), message.clone());
    Err(Error::Conflict { message, fields })
}
