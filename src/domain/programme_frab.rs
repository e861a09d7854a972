//! Reading a frab schedule (the XML conference apps read, as Summit's `schedule.xml` and
//! pretalx write it, or the c3voc JSON shape of `schedule.json`) into the same rows a
//! programme sheet gives, so one planner checks both. frab names a session's time by its
//! start and duration, its people by name only (Summit adds their roles: an XML comment
//! `roles: ID=ROLE …` in `persons`, which the frab schema leaves alone, and a `role` member in
//! JSON), its texts in one language (`language`), and a stable `guid` that re-imports match.

use std::collections::{BTreeMap, HashMap};

use chrono::DateTime;
use chrono_tz::Tz;
use serde_json::Value;

use super::problem::{Msg, Problem, Result};
use super::programme_import::{name_key, Cells, MAX_ROWS};

/// What a frab file is read against: the event's zone, the sessions it already has by guid,
/// and the room names that stand for "no room" (the venue, "online", "to be announced").
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub guids: HashMap<String, i64>,
    pub no_room: Vec<String>,
    pub online: Vec<String>,
}

/// One frab event, as read from either shape.
#[derive(Default)]
struct Talk {
    line: u64,
    guid: String,
    date: String,
    start: String,
    duration: String,
    room: String,
    title: String,
    track: String,
    kind: String,
    language: String,
    texts: Vec<String>,
    persons: Vec<(String, String)>,
}

/// The rows of a frab schedule XML file.
pub fn xml_rows(text: &str, tz: Tz, known: &Known) -> Result<Vec<(u64, Cells)>> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        Problem::BadRequest(
            Msg::new("progimport_page-not-xml").arg("line", e.pos().row.to_string()),
        )
    })?;
    if doc.root_element().tag_name().name() != "schedule" {
        return Err(not_frab());
    }
    let mut talks = Vec::new();
    for node in doc.descendants().filter(|n| n.has_tag_name("event")) {
        let Some(room) = node.parent_element().filter(|p| p.has_tag_name("room")) else {
            continue;
        };
        let day = room.parent_element();
        let child = |name: &str| {
            node.children()
                .find(|c| c.has_tag_name(name))
                .and_then(|c| c.text())
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        let persons = xml_persons(node);
        let in_room = child("room");
        talks.push(Talk {
            line: doc.text_pos_at(node.range().start).row.into(),
            guid: node
                .attribute("guid")
                .unwrap_or_default()
                .trim()
                .to_string(),
            date: Some(child("date"))
                .filter(|d| !d.is_empty())
                .or_else(|| day.and_then(|d| d.attribute("date")).map(str::to_string))
                .unwrap_or_default(),
            start: child("start"),
            duration: child("duration"),
            room: if in_room.is_empty() {
                room.attribute("name")
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            } else {
                in_room
            },
            title: child("title"),
            track: child("track"),
            kind: child("type"),
            language: child("language"),
            texts: vec![child("abstract"), child("description")],
            persons,
        });
    }
    rows(talks, tz, known)
}

/// An event's persons with their roles (the roles ride in a comment beside them, as
/// Summit's own export writes them).
fn xml_persons(node: roxmltree::Node<'_, '_>) -> Vec<(String, String)> {
    let roles = node
        .children()
        .filter(|c| c.has_tag_name("persons"))
        .flat_map(|p| p.children())
        .filter(|c| c.is_comment())
        .filter_map(|c| c.text())
        .flat_map(roles_comment)
        .collect::<HashMap<String, String>>();
    node.children()
        .filter(|c| c.has_tag_name("persons"))
        .flat_map(|p| p.children().filter(|c| c.has_tag_name("person")))
        .map(|p| {
            let id = p.attribute("id").unwrap_or_default();
            let name = p.text().unwrap_or_default().trim().to_string();
            (name, roles.get(id).cloned().unwrap_or_default())
        })
        .collect()
}

/// `roles: 12=moderator 14=panelist` → (person id, role).
fn roles_comment(text: &str) -> Vec<(String, String)> {
    let Some(list) = text.trim().strip_prefix("roles:") else {
        return vec![];
    };
    list.split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .map(|(id, role)| (id.to_string(), role.to_string()))
        .collect()
}

/// The rows of a frab/c3voc schedule JSON file.
pub fn json_rows(text: &str, tz: Tz, known: &Known) -> Result<Vec<(u64, Cells)>> {
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        Problem::BadRequest(Msg::new("progimport_page-not-json").arg("line", e.line().to_string()))
    })?;
    let days = doc
        .pointer("/schedule/conference/days")
        .and_then(Value::as_array)
        .ok_or_else(not_frab)?;
    let str_of = |v: &Value, key: &str| match &v[key] {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    let mut talks = Vec::new();
    for day in days {
        let Some(rooms) = day["rooms"].as_object() else {
            continue;
        };
        for (room, events) in rooms {
            for e in events.as_array().into_iter().flatten() {
                let guid = str_of(e, "guid");
                let persons = e["persons"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| {
                        let name = Some(str_of(p, "public_name"))
                            .filter(|n| !n.is_empty())
                            .unwrap_or_else(|| str_of(p, "name"));
                        (name, str_of(p, "role"))
                    })
                    .collect();
                let in_room = str_of(e, "room");
                talks.push(Talk {
                    line: line_of(text, &guid).unwrap_or(talks.len() as u64 + 1),
                    guid,
                    date: Some(str_of(e, "date"))
                        .filter(|d| !d.is_empty())
                        .unwrap_or_else(|| str_of(day, "date")),
                    start: str_of(e, "start"),
                    duration: str_of(e, "duration"),
                    room: if in_room.is_empty() {
                        room.trim().to_string()
                    } else {
                        in_room
                    },
                    title: str_of(e, "title"),
                    track: str_of(e, "track"),
                    kind: str_of(e, "type"),
                    language: str_of(e, "language"),
                    texts: vec![str_of(e, "abstract"), str_of(e, "description")],
                    persons,
                });
            }
        }
    }
    rows(talks, tz, known)
}

/// The line of the file where a session's guid is written (JSON has no positions of its own
/// once read), so the report can point at it like a sheet's line.
fn line_of(text: &str, guid: &str) -> Option<u64> {
    if guid.is_empty() {
        return None;
    }
    let at = text.find(&format!("\"{guid}\""))?;
    Some(text[..at].matches('\n').count() as u64 + 1)
}

fn not_frab() -> Problem {
    Problem::BadRequest(Msg::new("progimport_page-not-frab"))
}

fn rows(talks: Vec<Talk>, tz: Tz, known: &Known) -> Result<Vec<(u64, Cells)>> {
    if talks.len() > MAX_ROWS {
        return Err(Problem::BadRequest(
            Msg::new("progimport-too-many-rows").arg("max", MAX_ROWS.to_string()),
        ));
    }
    Ok(talks
        .into_iter()
        .map(|t| (t.line, cells(t, tz, known)))
        .collect())
}

/// A frab event as a sheet row's cells (the columns' keys).
fn cells(t: Talk, tz: Tz, known: &Known) -> Cells {
    let mut c: Cells = BTreeMap::new();
    if let Some(id) = known.guids.get(&t.guid) {
        c.insert("id", id.to_string());
    }
    if !t.guid.is_empty() {
        c.insert("guid", t.guid.clone());
    }
    // `date` is the start with its offset: the day and clock in the event's zone. A bare
    // date (or none) is left to the sheet's own date and time checks.
    match DateTime::parse_from_rfc3339(&t.date) {
        Ok(at) => {
            let local = at.with_timezone(&tz);
            c.insert("date", local.format("%Y-%m-%d").to_string());
            c.insert("start", local.format("%H:%M").to_string());
        }
        Err(_) => {
            c.insert("date", t.date.get(..10).unwrap_or(&t.date).to_string());
            c.insert("start", t.start.clone());
        }
    }
    c.insert("duration", t.duration);
    let english = t.language.to_lowercase().starts_with("en");
    let (title, description) = if english {
        ("title_en", "description_en")
    } else {
        ("title_fr", "description_fr")
    };
    c.insert(title, t.title);
    let texts: Vec<String> = t.texts.into_iter().filter(|x| !x.is_empty()).collect();
    c.insert(description, texts.join("\n\n"));
    // frab words the kind freely (`Round table`): the sheet's word for it.
    c.insert("kind", name_key(&t.kind).replace(' ', "_"));
    c.insert("track", t.track);
    let room = name_key(&t.room);
    if known.online.iter().any(|n| name_key(n) == room) {
        c.insert("room", String::new());
        c.insert("format", "virtual".into());
    } else if known.no_room.iter().any(|n| name_key(n) == room) {
        c.insert("room", String::new());
    } else {
        c.insert("room", t.room);
    }
    let speakers: Vec<String> = t
        .persons
        .into_iter()
        .filter(|(name, _)| !name.is_empty())
        // `;` separates people in the sheet's cell: a name cannot carry one.
        .map(|(name, role)| (name.replace(';', ","), role))
        .map(|(name, role)| match role.as_str() {
            "" => name,
            role => format!("{name} ({role})"),
        })
        .collect();
    c.insert("speakers", speakers.join("; "));
    c
}

#[cfg(test)]
#[path = "programme_frab_tests.rs"]
mod tests;
