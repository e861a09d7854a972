//! The same schedule in the frab/c3voc JSON shape (<https://c3voc.de/schedule/schema.json>).
//! The licence sits on `schedule`, whose members that schema leaves open; `conference` and
//! events allow no members beyond theirs. Persons may have more: each carries its `role`.

use serde_json::{json, Value};

use super::{guid, Schedule, Talk};
use crate::i18n::Lang;

pub const SCHEMA: &str = "https://c3voc.de/schedule/schema.json";

fn talk_json(t: &Talk, lang: Lang) -> Value {
    let persons: Vec<Value> = t
        .persons
        .iter()
        .map(|(id, name, role)| json!({"id": id, "public_name": name, "role": role}))
        .collect();
    json!({
        "guid": t.guid.to_string(),
        "id": t.id,
        "date": t.date,
        "start": t.start,
        "duration": t.duration,
        "room": t.room,
        "slug": t.slug,
        "url": t.url,
        "title": t.title,
        "subtitle": "",
        "track": t.track,
        "type": t.kind,
        "language": t.language,
        "abstract": t.abstract_text,
        "description": t.description,
        "persons": persons,
        "links": [{"url": t.url, "title": lang.t("schedule-link-session")}],
        "attachments": [],
    })
}

pub fn render(s: &Schedule, lang: Lang) -> Value {
    let rooms: Vec<Value> = s
        .rooms
        .iter()
        .map(|name| json!({"name": name, "guid": guid(&format!("{}/rooms/{name}", s.acronym)).to_string()}))
        .collect();
    let days: Vec<Value> = s
        .days
        .iter()
        .map(|d| {
            let rooms: serde_json::Map<String, Value> = d
                .rooms
                .iter()
                .map(|(room, talks)| {
                    let talks = talks.iter().map(|t| talk_json(t, lang)).collect();
                    (room.clone(), Value::Array(talks))
                })
                .collect();
            json!({
                "index": d.index,
                "date": d.date.to_string(),
                "day_start": d.start,
                "day_end": d.end,
                "rooms": rooms,
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "generator": {"name": "summit", "version": env!("CARGO_PKG_VERSION")},
        "schedule": {
            "version": s.version,
            "base_url": s.base_url,
            "license": s.license,
            "attribution": s.attribution,
            "conference": {
                "acronym": s.acronym,
                "title": s.title,
                "start": s.start.to_string(),
                "end": s.end.to_string(),
                "daysCount": s.days.len(),
                "timeslot_duration": s.timeslot_duration,
                "time_zone_name": s.time_zone_name,
                "url": s.url,
                "rooms": rooms,
                "days": days,
            },
        },
    })
}
