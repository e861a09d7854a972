//! An event's rooms: add, change, remove. A capacity is never lowered below the seats a
//! workshop in the room already gave out; a room is removed only once nothing is scheduled
//! in it, or with its sessions moved to another room.

use crate::auth::Staff;
use crate::domain::problem::{FieldErrors, Msg};
use crate::domain::validate::{Checker, Input};
use crate::error::{Error, Result};
use crate::store::events::{Event, Room};
use crate::store::{self, audit, Db};

pub async fn list(db: &Db, event: &Event) -> Result<Vec<Room>> {
    Ok(store::events::rooms(db, event.id).await?)
}

pub async fn get(db: &Db, event: &Event, id: i64) -> Result<Room> {
    list(db, event)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(Error::NotFound)
}

/// The stored room as form input, for the edit form and for a PATCH laid over it.
pub fn room_input(r: &Room) -> Input {
    Input::from_pairs([
        ("name", r.name.clone()),
        (
            "capacity",
            r.capacity.map(|c| c.to_string()).unwrap_or_default(),
        ),
    ])
}

fn validate(input: &Input) -> Result<(String, Option<i64>)> {
    let mut c = Checker::default();
    let name = c.required(input, "name", 120);
    let capacity = c.count(input, "capacity");
    c.finish()?;
    Ok((name, capacity))
}

pub async fn add(db: &Db, who: &Staff, event: &Event, input: &Input) -> Result<Room> {
    let (name, capacity) = validate(input)?;
    let room = store::events::add_room(db, event.id, &name, capacity).await?;
    audit::record(db, &who.actor(), "add-room", &subject(event, room.id)).await?;
    Ok(room)
}

pub async fn change(db: &Db, who: &Staff, event: &Event, id: i64, patch: Input) -> Result<Room> {
    let room = get(db, event, id).await?;
    let (name, capacity) = validate(&room_input(&room).overlay(patch))?;
    if let Some(cap) = capacity {
        refuse_below_seated(db, event, id, cap).await?;
    }
    let room = store::rooms::update(db, event.id, id, &name, capacity).await?;
    audit::record(db, &who.actor(), "change-room", &subject(event, id)).await?;
    Ok(room)
}

/// A sign-up session that takes its capacity from the room and has already seated more than
/// `cap` people: named, with the count.
async fn refuse_below_seated(db: &Db, event: &Event, room: i64, cap: i64) -> Result<()> {
    let sessions = store::sessions::list(db, event.id).await?;
    let fill = store::roster::session_fill(db, event.id).await?;
    let over = sessions.iter().find_map(|s| {
        let seated = fill.get(&s.id).map_or(0, |f| f.confirmed);
        let uses_room = s.room_id == Some(room) && s.capacity.is_none() && s.requires_signup.0;
        (uses_room && seated > cap).then_some((s, seated))
    });
    let Some((s, seated)) = over else {
        return Ok(());
    };
    let message = Msg::new("room-capacity-below-seated")
        .arg("count", seated.to_string())
        .arg("title_fr", s.title_fr.clone())
        .arg("title_en", s.title_en.clone());
    let mut fields = FieldErrors::new();
    fields.insert("capacity".into(), message.clone());
    Err(Error::Conflict { message, fields })
}

/// Removes a room; `move_to` takes its sessions to another room of the event first.
pub async fn remove(
    db: &Db,
    who: &Staff,
    event: &Event,
    id: i64,
    move_to: Option<i64>,
) -> Result<()> {
    store::rooms::remove(db, event.id, id, move_to).await?;
    audit::record(db, &who.actor(), "remove-room", &subject(event, id)).await?;
    Ok(())
}

fn subject(event: &Event, id: i64) -> String {
    format!("{}/rooms/{id}", event.slug)
}
