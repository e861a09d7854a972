//! An event's tracks: add, change, remove (with their sessions moved to another track or
//! left without one, never silently).

use crate::auth::Staff;
use crate::domain::problem::Msg;
use crate::domain::validate::{is_colour, is_slug, Checker, Input};
use crate::error::{Error, Result};
use crate::store::events::{Event, Track};
pub use crate::store::tracks::Sessions;
use crate::store::{self, audit, Db};

pub async fn list(db: &Db, event: &Event) -> Result<Vec<Track>> {
    Ok(store::events::tracks(db, event.id).await?)
}

pub async fn get(db: &Db, event: &Event, id: i64) -> Result<Track> {
    list(db, event)
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(Error::NotFound)
}

pub fn track_input(t: &Track) -> Input {
    Input::from_pairs([
        ("name_fr", t.name_fr.clone()),
        ("name_en", t.name_en.clone()),
        ("color", t.color.clone()),
    ])
}

/// A track's names and colour: `name` alone names it in both languages.
struct Fields {
    name_fr: String,
    name_en: String,
    color: String,
}

fn validate(input: &Input, c: &mut Checker) -> Fields {
    let name = input.get("name").unwrap_or_default().to_string();
    let name_fr = c
        .optional(input, "name_fr", 120)
        .unwrap_or_else(|| name.clone());
    let name_en = c
        .optional(input, "name_en", 120)
        .unwrap_or_else(|| name.clone());
    if name_fr.is_empty() && name_en.is_empty() {
        c.fail("name", Msg::new("field-required"));
    }
    let color = input.get("color").unwrap_or("#1f5f8b").to_string();
    if !is_colour(&color) {
        c.fail("color", Msg::new("field-colour"));
    }
    Fields {
        name_fr,
        name_en,
        color,
    }
}

pub async fn add(db: &Db, who: &Staff, event: &Event, input: &Input) -> Result<Track> {
    let mut c = Checker::default();
    let f = validate(input, &mut c);
    let slug = input.get("slug").map(str::to_string).unwrap_or_else(|| {
        slugify(if f.name_en.is_empty() {
            &f.name_fr
        } else {
            &f.name_en
        })
    });
    if c.ok("name") && !is_slug(&slug) {
        c.fail("slug", Msg::new("field-slug"));
    }
    c.finish()?;
    let track =
        store::events::add_track(db, event.id, &slug, &f.name_fr, &f.name_en, &f.color).await?;
    audit::record(db, &who.actor(), "add-track", &subject(event, track.id)).await?;
    Ok(track)
}

pub async fn change(db: &Db, who: &Staff, event: &Event, id: i64, patch: Input) -> Result<Track> {
    let track = get(db, event, id).await?;
    let mut c = Checker::default();
    let f = validate(&track_input(&track).overlay(patch), &mut c);
    c.finish()?;
    let track = store::tracks::update(db, event.id, id, &f.name_fr, &f.name_en, &f.color).await?;
    audit::record(db, &who.actor(), "change-track", &subject(event, id)).await?;
    Ok(track)
}

pub async fn remove(
    db: &Db,
    who: &Staff,
    event: &Event,
    id: i64,
    sessions: Sessions,
) -> Result<()> {
    store::tracks::remove(db, event.id, id, sessions).await?;
    audit::record(db, &who.actor(), "remove-track", &subject(event, id)).await?;
    Ok(())
}

fn subject(event: &Event, id: i64) -> String {
    format!("{}/tracks/{id}", event.slug)
}

pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for ch in text.to_lowercase().chars() {
        let ch = crate::domain::validate::unaccented(ch);
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_french_names() {
        assert_eq!(
            slugify("Données ouvertes & IA éthique"),
            "donnees-ouvertes-ia-ethique"
        );
    }
}
