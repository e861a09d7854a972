//! An event's speakers: add, change (photo replaced or removed), remove once they are on no
//! session. Photos are checked by content, before anything is stored.

use crate::auth::Staff;
use crate::domain::problem::Msg;
use crate::domain::validate::{Checker, Input};
use crate::error::{Error, Result};
use crate::store::events::Event;
pub use crate::store::speakers::Speaker;
use crate::store::speakers::{PhotoChange, SpeakerDraft};
use crate::store::{self, audit, Db};

/// Largest speaker photo accepted.
pub const PHOTO_MAX_BYTES: usize = 2 * 1024 * 1024;

/// What an edit does to the photo.
pub enum Photo<'a> {
    Keep,
    Replace(&'a [u8]),
    Remove,
}

pub async fn list(db: &Db, event: &Event) -> Result<Vec<Speaker>> {
    Ok(store::speakers::list(db, event.id).await?)
}

pub async fn get(db: &Db, event: &Event, id: i64) -> Result<Speaker> {
    Ok(store::speakers::get(db, event.id, id).await?)
}

pub fn speaker_input(s: &Speaker) -> Input {
    Input::from_pairs([
        ("name", s.name.clone()),
        ("affiliation_fr", s.affiliation_fr.clone()),
        ("affiliation_en", s.affiliation_en.clone()),
        ("bio_fr", s.bio_fr.clone()),
        ("bio_en", s.bio_en.clone()),
    ])
}

/// The speaker's fields; `affiliation` and `bio` alone stand for both languages.
fn validate(input: &Input) -> Result<SpeakerDraft> {
    let mut c = Checker::default();
    let both = |name: &str| input.get(name).unwrap_or_default().to_string();
    let (affiliation, bio) = (both("affiliation"), both("bio"));
    let draft = SpeakerDraft {
        name: c.required(input, "name", 200),
        affiliation_fr: c
            .optional(input, "affiliation_fr", 300)
            .unwrap_or_else(|| affiliation.clone()),
        affiliation_en: c
            .optional(input, "affiliation_en", 300)
            .unwrap_or_else(|| affiliation.clone()),
        bio_fr: c
            .optional(input, "bio_fr", 5000)
            .unwrap_or_else(|| bio.clone()),
        bio_en: c
            .optional(input, "bio_en", 5000)
            .unwrap_or_else(|| bio.clone()),
    };
    c.finish()?;
    Ok(draft)
}

/// Checks a photo by its first bytes (not its claimed type): JPEG, PNG or WebP, ≤ 2 MiB.
pub fn photo_type(bytes: &[u8]) -> Result<&'static str> {
    if bytes.len() > PHOTO_MAX_BYTES {
        return Err(Error::field("photo", Msg::new("field-photo-size")));
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else if bytes.len() > 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Ok("image/webp")
    } else {
        Err(Error::field("photo", Msg::new("field-photo-type")))
    }
}

/// Adds a speaker, with a photo if one was sent, in one transaction. The photo is checked
/// first, so a refused one (too large, not an image) stores no speaker.
pub async fn add(
    db: &Db,
    who: &Staff,
    event: &Event,
    input: &Input,
    photo: Option<&[u8]>,
) -> Result<Speaker> {
    let draft = validate(input)?;
    let photo = match photo {
        Some(bytes) => PhotoChange::Set {
            content_type: photo_type(bytes)?,
            bytes,
        },
        None => PhotoChange::Keep,
    };
    let speaker = store::speakers::create(db, event.id, &draft, photo).await?;
    audit::record(db, &who.actor(), "add-speaker", &subject(event, speaker.id)).await?;
    Ok(speaker)
}

/// Changes a speaker; a refused photo changes nothing at all.
pub async fn change(
    db: &Db,
    who: &Staff,
    event: &Event,
    id: i64,
    patch: Input,
    photo: Photo<'_>,
) -> Result<Speaker> {
    let speaker = get(db, event, id).await?;
    let draft = validate(&speaker_input(&speaker).overlay(patch))?;
    let photo = match photo {
        Photo::Keep => PhotoChange::Keep,
        Photo::Replace(bytes) => PhotoChange::Set {
            content_type: photo_type(bytes)?,
            bytes,
        },
        Photo::Remove => PhotoChange::Remove,
    };
    let speaker = store::speakers::update(db, event.id, id, &draft, photo).await?;
    audit::record(db, &who.actor(), "change-speaker", &subject(event, id)).await?;
    Ok(speaker)
}

pub async fn remove(db: &Db, who: &Staff, event: &Event, id: i64) -> Result<()> {
    store::speakers::remove(db, event.id, id).await?;
    audit::record(db, &who.actor(), "remove-speaker", &subject(event, id)).await?;
    Ok(())
}

fn subject(event: &Event, id: i64) -> String {
    format!("{}/speakers/{id}", event.slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_are_recognised_by_content() {
        assert_eq!(photo_type(b"\x89PNG\r\n\x1a\n....").unwrap(), "image/png");
        assert!(photo_type(b"<svg onload=alert(1)>").is_err());
        assert!(photo_type(&vec![0xFF; PHOTO_MAX_BYTES + 1]).is_err());
    }
}
