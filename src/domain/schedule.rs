//! Sessions: validation against their event, and the double-booking rule (a room or a
//! speaker in two overlapping sessions).

use std::collections::HashSet;

use chrono_tz::Tz;
use serde::Serialize;
use serde_json::Value;

use super::kinds::{Format, SessionKind, SpeakerRole};
use super::problem::{FieldErrors, Msg, Problem, Result};
use super::validate::{Checker, Input};

/// What a session is checked against: its event and the things the event has.
#[derive(Debug, Clone)]
pub struct EventFrame {
    pub tz: Tz,
    pub starts_at: i64,
    pub ends_at: i64,
    pub format: Format,
    pub room_ids: HashSet<i64>,
    pub track_ids: HashSet<i64>,
    pub speaker_ids: HashSet<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionDraft {
    pub title_fr: String,
    pub title_en: String,
    pub description_fr: String,
    pub description_en: String,
    pub kind: SessionKind,
    pub room_id: Option<i64>,
    pub track_id: Option<i64>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub format: Format,
    pub capacity: Option<i64>,
    pub requires_signup: bool,
    pub stream_url: Option<String>,
    pub speakers: Vec<(i64, SpeakerRole)>,
}

/// The most speaker rows the admin form sends (`speaker_id_N`, `speaker_role_N`, N from 0):
/// the form grows a row at a time, as many as needed; this only bounds a forged form.
pub const MAX_FORM_SPEAKER_ROWS: usize = 200;

/// The row numbers N of the form's `speaker_id_N` fields, in order.
pub fn form_speaker_rows(input: &Input) -> Vec<usize> {
    let mut rows: Vec<usize> = input
        .values
        .keys()
        .filter_map(|k| k.strip_prefix("speaker_id_")?.parse().ok())
        .filter(|n| *n < MAX_FORM_SPEAKER_ROWS)
        .collect();
    rows.sort_unstable();
    rows
}

pub fn validate_session(input: &Input, frame: &EventFrame) -> Result<SessionDraft> {
    let mut c = Checker::default();
    let (title_fr, title_en) = in_both_languages(&mut c, input, "title", 300);
    if title_fr.is_empty() && title_en.is_empty() {
        c.fail("title", Msg::new("field-required"));
    }
    let (description_fr, description_en) = in_both_languages(&mut c, input, "description", 20_000);
    if input.get("kind").is_none() {
        c.fail("kind", Msg::new("field-required"));
    }
    let kind = c
        .choice(input, "kind", SessionKind::parse)
        .unwrap_or(SessionKind::Other);
    let room_id = reference(&mut c, input, "room_id", &frame.room_ids);
    let track_id = reference(&mut c, input, "track_id", &frame.track_ids);
    let (starts_at, ends_at) = times_within(&mut c, input, frame);
    let default_format = match frame.format {
        Format::Hybrid => Format::InPerson,
        other => other,
    };
    let format = c
        .choice(input, "format", Format::parse)
        .unwrap_or(default_format);
    if c.ok("format") && !format.fits_in(frame.format) {
        c.fail("format", Msg::new("field-format-event"));
    }
    let capacity = c.count(input, "capacity");
    let requires_signup = c.flag(input, "requires_signup");
    let stream_url = c.url(input, "stream_url");
    if stream_url.is_some() && !format.has_stream() {
        c.fail("stream_url", Msg::new("field-stream-in-person"));
    }
    let speakers = speakers(&mut c, input, &frame.speaker_ids);
    c.finish()?;
    Ok(SessionDraft {
        title_fr,
        title_en,
        description_fr,
        description_en,
        kind,
        room_id,
        track_id,
        starts_at,
        ends_at,
        format,
        capacity,
        requires_signup,
        stream_url,
        speakers,
    })
}

/// A text given in French and English (`NAME_fr`, `NAME_en`), or once for both (`NAME`).
fn in_both_languages(c: &mut Checker, input: &Input, name: &str, max: usize) -> (String, String) {
    let both = input.get(name).unwrap_or_default().to_string();
    let fr = c.optional(input, &format!("{name}_fr"), max);
    let en = c.optional(input, &format!("{name}_en"), max);
    (
        fr.unwrap_or_else(|| both.clone()),
        en.unwrap_or_else(|| both.clone()),
    )
}

/// The session's start and end: both given, in that order, within the event.
fn times_within(c: &mut Checker, input: &Input, frame: &EventFrame) -> (i64, i64) {
    let starts_at = c.required_instant(input, "starts_at", frame.tz);
    let ends_at = c.required_instant(input, "ends_at", frame.tz);
    if c.ok("starts_at") && c.ok("ends_at") {
        if ends_at <= starts_at {
            c.fail("ends_at", Msg::new("field-ends-before-start"));
        } else if starts_at < frame.starts_at || starts_at >= frame.ends_at {
            c.fail("starts_at", Msg::new("field-outside-event"));
        } else if ends_at > frame.ends_at {
            c.fail("ends_at", Msg::new("field-outside-event"));
        }
    }
    (starts_at, ends_at)
}

fn reference(c: &mut Checker, input: &Input, field: &str, known: &HashSet<i64>) -> Option<i64> {
    let text = input.get(field)?;
    match text.parse::<i64>() {
        Ok(id) if known.contains(&id) => Some(id),
        _ => {
            c.fail(field, Msg::new("field-unknown-ref"));
            None
        }
    }
}

/// From JSON `speakers: [{speaker_id, role}]` or the form's numbered rows.
fn speakers(c: &mut Checker, input: &Input, known: &HashSet<i64>) -> Vec<(i64, SpeakerRole)> {
    let mut rows: Vec<(String, String)> = Vec::new();
    if let Some(value) = input.nested.get("speakers") {
        let Value::Array(items) = value else {
            c.fail("speakers", Msg::new("field-speakers"));
            return vec![];
        };
        for item in items {
            let id = item.get("speaker_id").map(text_of).unwrap_or_default();
            let role = item
                .get("role")
                .map(text_of)
                .unwrap_or_else(|| "speaker".into());
            rows.push((id, role));
        }
    } else {
        for n in form_speaker_rows(input) {
            if let Some(id) = input.get(&format!("speaker_id_{n}")) {
                let role = input.get(&format!("speaker_role_{n}")).unwrap_or("speaker");
                rows.push((id.to_string(), role.to_string()));
            }
        }
    }
    let mut out: Vec<(i64, SpeakerRole)> = Vec::new();
    for (id, role) in rows {
        let id = id.parse::<i64>().ok().filter(|id| known.contains(id));
        let role = SpeakerRole::parse(&role);
        match (id, role) {
            (Some(id), Some(role)) if !out.iter().any(|(seen, _)| *seen == id) => {
                out.push((id, role))
            }
            (Some(_), Some(_)) => c.fail("speakers", Msg::new("field-speaker-twice")),
            _ => c.fail("speakers", Msg::new("field-speakers")),
        }
    }
    out
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A session already on the agenda, as the double-booking check sees it.
#[derive(Debug, Clone)]
pub struct Booked {
    pub id: i64,
    pub title_fr: String,
    pub title_en: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub room_id: Option<i64>,
    pub speaker_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Clash {
    Room { other: i64 },
    Speaker { speaker_id: i64, other: i64 },
}

/// The first session that the draft would double-book, ignoring `own_id` (when moving).
pub fn find_clash(draft: &SessionDraft, own_id: Option<i64>, booked: &[Booked]) -> Option<Clash> {
    let overlapping = booked.iter().filter(|b| {
        Some(b.id) != own_id && b.starts_at < draft.ends_at && draft.starts_at < b.ends_at
    });
    for other in overlapping {
        if draft.room_id.is_some() && draft.room_id == other.room_id {
            return Some(Clash::Room { other: other.id });
        }
        if let Some((speaker_id, _)) = draft
            .speakers
            .iter()
            .find(|(s, _)| other.speaker_ids.contains(s))
        {
            return Some(Clash::Speaker {
                speaker_id: *speaker_id,
                other: other.id,
            });
        }
    }
    None
}

/// The 409 that names the other session (titles in both languages, its local times).
pub fn clash_error(clash: &Clash, other: &Booked, speaker_name: &str, tz: Tz) -> Problem {
    let times = format!(
        "{}–{}",
        super::time::clock(other.starts_at, tz),
        super::time::clock(other.ends_at, tz)
    );
    let (field, message) = match clash {
        Clash::Room { .. } => ("room_id", Msg::new("conflict-room")),
        Clash::Speaker { .. } => ("speakers", Msg::new("conflict-speaker")),
    };
    let message = message
        .arg("title_fr", other.title_fr.clone())
        .arg("title_en", other.title_en.clone())
        .arg("times", times)
        .arg("speaker", speaker_name.to_string())
        .arg("id", other.id.to_string());
    let mut fields = FieldErrors::new();
    fields.insert(field.to_string(), message.clone());
    Problem::Conflict { message, fields }
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
