//! What organisers do, shared by the admin pages and the JSON API: validate the input against
//! the event, then store it.

use std::collections::HashSet;

use crate::app::agenda::Agenda;
use crate::domain::event::validate_event;
use crate::domain::schedule::{validate_session, EventFrame};
use crate::domain::validate::{is_colour, is_slug, Checker, Input};
use crate::domain::{time, Attendance, Format};
use crate::error::{Error, Msg, Result};
use crate::store::events::{Event, Room, Track};
use crate::store::sessions::Session;
use crate::store::speakers::{Speaker, SpeakerDraft};
use crate::store::tickets::TicketDraft;
pub use crate::store::tickets::TicketType;
use crate::store::{self, Db};

pub async fn create_event(db: &Db, input: &Input) -> Result<Event> {
    Ok(store::events::create(db, &validate_event(input)?).await?)
}

/// The stored event as input, so a PATCH can be laid over it and validated whole.
pub fn event_input(e: &Event) -> Input {
    let tz = e.tz();
    let local = |ts: Option<i64>| ts.map(|t| time::local_input(t, tz)).unwrap_or_default();
    let count = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    Input::from_pairs([
        ("slug", e.slug.clone()),
        ("title_fr", e.title_fr.clone()),
        ("title_en", e.title_en.clone()),
        ("description_fr", e.description_fr.clone()),
        ("description_en", e.description_en.clone()),
        ("organiser", e.organiser.clone()),
        ("timezone", e.timezone.clone()),
        ("starts_at", time::local_input(e.starts_at, tz)),
        ("ends_at", time::local_input(e.ends_at, tz)),
        ("format", e.format.as_str().to_string()),
        ("venue", e.venue.clone().unwrap_or_default()),
        ("in_person_capacity", count(e.in_person_capacity)),
        ("online_capacity", count(e.online_capacity)),
        ("registration_opens_at", local(e.registration_opens_at)),
        ("registration_closes_at", local(e.registration_closes_at)),
        ("status", e.status.as_str().to_string()),
        ("stream_url", e.stream_url.clone().unwrap_or_default()),
        ("requires_approval", e.requires_approval.0.to_string()),
        ("online_for_in_person", e.online_for_in_person.0.to_string()),
        ("license", e.license.clone()),
        ("illustrative_note_fr", e.illustrative_note_fr.clone()),
        ("illustrative_note_en", e.illustrative_note_en.clone()),
        ("privacy_notice_fr", e.privacy_notice_fr.clone()),
        ("privacy_notice_en", e.privacy_notice_en.clone()),
        ("refund_until", local(e.refund_until)),
        ("legal_details", e.legal_details.clone()),
    ])
}

/// Changes an event. Times in the patch are read in the (possibly new) zone; the stored
/// times are first written in the old zone so they keep their instant.
pub async fn update_event(db: &Db, event: &Event, patch: Input) -> Result<Event> {
    let mut base = event_input(event);
    if patch.get("timezone").is_some() {
        let tz = event.tz();
        base.values
            .insert("starts_at".into(), time::to_rfc3339(event.starts_at, tz));
        base.values
            .insert("ends_at".into(), time::to_rfc3339(event.ends_at, tz));
    }
    Ok(store::events::update(db, event.id, &validate_event(&base.overlay(patch))?).await?)
}

pub async fn add_room(db: &Db, event: &Event, input: &Input) -> Result<Room> {
    let mut c = Checker::default();
    let name = c.required(input, "name", 120);
    let capacity = c.count(input, "capacity");
    c.finish()?;
    Ok(store::events::add_room(db, event.id, &name, capacity).await?)
}

pub async fn add_track(db: &Db, event: &Event, input: &Input) -> Result<Track> {
    let mut c = Checker::default();
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
    let slug = input.get("slug").map(str::to_string).unwrap_or_else(|| {
        slugify(if name_en.is_empty() {
            &name_fr
        } else {
            &name_en
        })
    });
    if c.ok("name") && !is_slug(&slug) {
        c.fail("slug", Msg::new("field-slug"));
    }
    let color = input.get("color").unwrap_or("#1f5f8b").to_string();
    if !is_colour(&color) {
        c.fail("color", Msg::new("field-colour"));
    }
    c.finish()?;
    Ok(store::events::add_track(db, event.id, &slug, &name_fr, &name_en, &color).await?)
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

pub async fn add_speaker(db: &Db, event: &Event, input: &Input) -> Result<Speaker> {
    let mut c = Checker::default();
    let affiliation = input.get("affiliation").unwrap_or_default().to_string();
    let bio = input.get("bio").unwrap_or_default().to_string();
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
    Ok(store::speakers::create(db, event.id, &draft).await?)
}

/// Largest speaker photo accepted.
pub const PHOTO_MAX_BYTES: usize = 2 * 1024 * 1024;

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

pub fn frame(agenda: &Agenda) -> EventFrame {
    let ids = |it: &mut dyn Iterator<Item = i64>| it.collect::<HashSet<i64>>();
    EventFrame {
        tz: agenda.event.tz(),
        starts_at: agenda.event.starts_at,
        ends_at: agenda.event.ends_at,
        format: agenda.event.format,
        room_ids: ids(&mut agenda.rooms.iter().map(|r| r.id)),
        track_ids: ids(&mut agenda.tracks.iter().map(|t| t.id)),
        speaker_ids: ids(&mut agenda.speakers.iter().map(|s| s.id)),
    }
}

pub async fn create_session(db: &Db, agenda: &Agenda, input: &Input) -> Result<Session> {
    let draft = validate_session(input, &frame(agenda))?;
    Ok(store::sessions::create(db, &agenda.event, &draft).await?)
}

/// The stored session as input, for a PATCH or the edit form.
pub fn session_input(agenda: &Agenda, s: &Session) -> Input {
    let tz = agenda.event.tz();
    let opt = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    let mut input = Input::from_pairs([
        ("title_fr", s.title_fr.clone()),
        ("title_en", s.title_en.clone()),
        ("description_fr", s.description_fr.clone()),
        ("description_en", s.description_en.clone()),
        ("kind", s.kind.as_str().to_string()),
        ("room_id", opt(s.room_id)),
        ("track_id", opt(s.track_id)),
        ("starts_at", time::to_rfc3339(s.starts_at, tz)),
        ("ends_at", time::to_rfc3339(s.ends_at, tz)),
        ("format", s.format.as_str().to_string()),
        ("capacity", opt(s.capacity)),
        ("requires_signup", s.requires_signup.0.to_string()),
        ("stream_url", s.stream_url.clone().unwrap_or_default()),
    ]);
    let speakers: Vec<_> = agenda
        .people(s.id)
        .into_iter()
        .map(|(sp, r)| serde_json::json!({"speaker_id": sp.id, "role": r.role}))
        .collect();
    input
        .nested
        .insert("speakers".into(), serde_json::Value::Array(speakers));
    input
}

pub async fn update_session(db: &Db, agenda: &Agenda, id: i64, patch: Input) -> Result<Session> {
    let session = agenda.session(id).ok_or(Error::NotFound)?;
    let mut base = session_input(agenda, session);
    if patch.values.keys().any(|k| k.starts_with("speaker_id_")) {
        base.nested.remove("speakers");
    }
    let draft = validate_session(&base.overlay(patch), &frame(agenda))?;
    Ok(store::sessions::update(db, &agenda.event, id, &draft).await?)
}

pub async fn add_ticket(
    db: &Db,
    event: &Event,
    input: &Input,
    stripe_configured: bool,
) -> Result<TicketType> {
    let mut c = Checker::default();
    let name = c.required(input, "name", 120);
    let price_cents = c.count(input, "price_cents").unwrap_or(0);
    let currency = input.get("currency").unwrap_or("EUR").to_uppercase();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        c.fail("currency", Msg::new("field-currency"));
    }
    let quota = c.count(input, "quota");
    let attendance = c.choice(input, "attendance", Attendance::parse);
    if let Some(mode) = attendance {
        let offered = match mode {
            Attendance::InPerson => event.format != Format::Virtual,
            Attendance::Online => event.format != Format::InPerson,
        };
        if !offered {
            c.fail("attendance", Msg::new("field-attendance-event"));
        }
    }
    let tz = event.tz();
    let sales_start = c.instant(input, "sales_start", tz);
    let sales_end = c.instant(input, "sales_end", tz);
    if price_cents > 0 && !stripe_configured {
        c.fail("price_cents", Msg::new("field-paid-needs-stripe"));
    }
    c.finish()?;
    let draft = TicketDraft {
        name,
        price_cents,
        currency,
        quota,
        attendance: attendance.map(|a| a.as_str().to_string()),
        sales_start,
        sales_end,
    };
    Ok(store::tickets::create(db, event.id, &draft).await?)
}

/// Removes one of the event's sessions: deleted, or cancelled if people signed up for it.
pub async fn delete_session(db: &Db, event: &Event, id: i64) -> Result<()> {
    Ok(store::sessions::delete(db, event.id, id).await?)
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

    #[test]
    fn photos_are_recognised_by_content() {
        assert_eq!(photo_type(b"\x89PNG\r\n\x1a\n....").unwrap(), "image/png");
        assert!(photo_type(b"<svg onload=alert(1)>").is_err());
        assert!(photo_type(&vec![0xFF; PHOTO_MAX_BYTES + 1]).is_err());
    }
}
