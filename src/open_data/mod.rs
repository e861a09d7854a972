//! An event's agenda as open data: the frab schedule that conference apps read (XML and the
//! c3voc JSON shape) and a CSV for spreadsheets. One model built from the [`Agenda`], written
//! three ways; like every public output it never reads a streaming URL.

pub mod csv;
pub mod frab_json;
pub mod frab_xml;

use chrono::NaiveDate;
use uuid::Uuid;

use crate::app::agenda::Agenda;
use crate::app::tracks::slugify;
use crate::domain::{time, Format, SessionStatus};
use crate::i18n::Lang;
use crate::store::sessions::Session;

/// The namespace of Summit's name-based (v5) GUIDs: the same event slug and session id give
/// the same GUID on every server, so conference apps keep their favourites across updates.
const GUID_NAMESPACE: Uuid = Uuid::from_u128(0x22f0_e184_9b98_4ea3_939b_dafa_abef_e03f);

pub fn guid(name: &str) -> Uuid {
    Uuid::new_v5(&GUID_NAMESPACE, name.as_bytes())
}

pub struct Schedule {
    /// Rises with every change of the event or its sessions (the event's revision).
    pub version: String,
    pub acronym: String,
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub timeslot_duration: String,
    pub time_zone_name: String,
    /// The site's address with a trailing slash.
    pub base_url: String,
    pub url: String,
    pub license: String,
    pub attribution: String,
    /// Every room of the event, then the stand-in rooms of sessions without one.
    pub rooms: Vec<String>,
    pub days: Vec<Day>,
}

pub struct Day {
    pub index: usize,
    pub date: NaiveDate,
    pub start: String,
    pub end: String,
    /// Rooms with sessions that day, in the order of [`Schedule::rooms`].
    pub rooms: Vec<(String, Vec<Talk>)>,
}

/// A session in frab's terms (frab calls it an event).
pub struct Talk {
    pub id: i64,
    pub guid: Uuid,
    starts_at: i64,
    ends_at: i64,
    pub date: String,
    pub start: String,
    pub duration: String,
    pub room: String,
    pub slug: String,
    pub url: String,
    pub title: String,
    pub track: String,
    pub kind: &'static str,
    pub language: &'static str,
    pub abstract_text: String,
    pub description: String,
    /// Each person's id, name and role (`speaker`, `moderator`…).
    pub persons: Vec<(i64, String, &'static str)>,
}

/// "HH:MM" for a number of seconds.
fn hours_minutes(seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The name of the room a session is listed under: its room, or for sessions without one
/// "online" (virtual sessions) or the venue, and only failing both a "to be announced" room.
/// Venues are written "name, street, town": the name alone makes the room.
fn room_name(agenda: &Agenda, s: &Session, lang: Lang) -> String {
    if let Some(room) = agenda.room(s.room_id) {
        return room.name.clone();
    }
    let venue = agenda
        .event
        .venue
        .as_deref()
        .and_then(|v| v.split(',').next())
        .map(str::trim)
        .filter(|name| !name.is_empty());
    match (s.format, venue) {
        (Format::Virtual, _) => lang.t("format-virtual"),
        (_, Some(name)) => name.to_string(),
        _ => lang.t("schedule-room-unassigned"),
    }
}

/// The first paragraph of a description, and the rest: frab readers show both one after the
/// other, so the same text must not be in each.
fn split_description(text: &str) -> (String, String) {
    let text = text.trim();
    match text.split_once("\n\n") {
        Some((first, rest)) => (first.trim().to_string(), rest.trim().to_string()),
        None => (text.to_string(), String::new()),
    }
}

fn talk(agenda: &Agenda, s: &Session, lang: Lang, base: &str) -> Talk {
    let event = &agenda.event;
    let tz = event.tz();
    let title = lang.pick(&s.title_fr, &s.title_en).to_string();
    let words = slugify(&title);
    let id = s.id.to_string();
    let slug = [
        event.slug.as_str(),
        id.as_str(),
        words.trim_end_matches('-'),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join("-");
    let (abstract_text, description) =
        split_description(lang.pick(&s.description_fr, &s.description_en));
    Talk {
        id: s.id,
        guid: guid(&format!("{}/sessions/{}", event.slug, s.id)),
        starts_at: s.starts_at,
        ends_at: s.ends_at,
        date: time::to_rfc3339(s.starts_at, tz),
        start: time::clock(s.starts_at, tz),
        duration: hours_minutes(s.ends_at - s.starts_at),
        room: room_name(agenda, s, lang),
        slug,
        url: format!("{base}/events/{}/sessions/{}", event.slug, s.id),
        title,
        track: agenda
            .track(s.track_id)
            .map(|t| lang.pick(&t.name_fr, &t.name_en).to_string())
            .unwrap_or_default(),
        kind: s.kind.as_str(),
        language: lang.code(),
        abstract_text,
        description,
        persons: agenda
            .people(s.id)
            .into_iter()
            .map(|(sp, r)| (sp.id, sp.name.clone(), r.role.as_str()))
            .collect(),
    }
}

impl Schedule {
    /// The scheduled sessions (cancelled ones leave the schedule, as in frab) in `lang`;
    /// session links are absolute under `public_url`.
    pub fn build(agenda: &Agenda, lang: Lang, public_url: &str) -> Schedule {
        let event = &agenda.event;
        let tz = event.tz();
        let base = public_url.trim_end_matches('/');
        let talks: Vec<Talk> = agenda
            .sessions
            .iter()
            .filter(|s| s.status == SessionStatus::Scheduled)
            .map(|s| talk(agenda, s, lang, base))
            .collect();

        let mut rooms: Vec<String> = agenda.rooms.iter().map(|r| r.name.clone()).collect();
        for t in &talks {
            if !rooms.contains(&t.room) {
                rooms.push(t.room.clone());
            }
        }
        // Whole minutes that divide every start and length: the grid conference apps draw.
        let slot = talks.iter().fold(60, |acc, t| {
            let start = i64::from(time::minute_of_hour(t.starts_at, tz));
            gcd(gcd(acc, start), (t.ends_at - t.starts_at) / 60)
        });

        let first = talks
            .iter()
            .map(|t| time::day(t.starts_at, tz))
            .chain([time::day(event.starts_at, tz)])
            .min()
            .unwrap_or_default();
        // An event that ends at midnight does not take a day more.
        let last = talks
            .iter()
            .map(|t| time::day(t.starts_at, tz))
            .chain([time::day(event.ends_at - 1, tz)])
            .max()
            .unwrap_or(first);
        let mut days = Vec::new();
        let mut talks = talks.into_iter().peekable();
        for (i, date) in first.iter_days().take_while(|d| *d <= last).enumerate() {
            let mut today = Vec::new();
            while let Some(t) = talks.next_if(|t| time::day(t.starts_at, tz) == date) {
                today.push(t);
            }
            days.push(day(
                i + 1,
                date,
                today,
                &rooms,
                event.starts_at,
                event.ends_at,
                tz,
            ));
        }

        Schedule {
            version: event.revision.to_string(),
            acronym: event.slug.clone(),
            title: lang.pick(&event.title_fr, &event.title_en).to_string(),
            start: first,
            end: last,
            timeslot_duration: hours_minutes(slot.max(1) * 60),
            time_zone_name: event.timezone.clone(),
            base_url: format!("{base}/"),
            url: format!("{base}/events/{}", event.slug),
            license: event.license.clone(),
            attribution: event.organiser.clone(),
            rooms,
            days,
        }
    }

    pub fn talk_count(&self) -> usize {
        self.days
            .iter()
            .flat_map(|d| &d.rooms)
            .map(|(_, talks)| talks.len())
            .sum()
    }
}

/// A day of the schedule: from its first session to its last, or for a day without
/// sessions the part of the event that falls on it.
fn day(
    index: usize,
    date: NaiveDate,
    talks: Vec<Talk>,
    rooms: &[String],
    event_start: i64,
    event_end: i64,
    tz: chrono_tz::Tz,
) -> Day {
    let (start, end) = match (
        talks.iter().map(|t| t.starts_at).min(),
        talks.iter().map(|t| t.ends_at).max(),
    ) {
        (Some(start), Some(end)) => (start, end),
        _ => {
            let midnight = time::start_of_day(date, tz);
            let next = date.succ_opt().map(|d| time::start_of_day(d, tz));
            (
                event_start.max(midnight),
                event_end.min(next.unwrap_or(event_end)),
            )
        }
    };
    let mut by_room: Vec<(String, Vec<Talk>)> = Vec::new();
    for talk in talks {
        match by_room.iter_mut().find(|(name, _)| *name == talk.room) {
            Some((_, list)) => list.push(talk),
            None => by_room.push((talk.room.clone(), vec![talk])),
        }
    }
    by_room.sort_by_key(|(name, _)| rooms.iter().position(|r| r == name));
    Day {
        index,
        date,
        start: time::to_rfc3339(start, tz),
        end: time::to_rfc3339(end, tz),
        rooms: by_room,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_hours_and_minutes() {
        assert_eq!(hours_minutes(90 * 60), "01:30");
        assert_eq!(hours_minutes(10 * 3600 + 5 * 60), "10:05");
    }

    #[test]
    fn a_one_paragraph_description_is_only_the_abstract() {
        assert_eq!(
            split_description("Short.\n\nLonger text.\n\nMore."),
            ("Short.".to_string(), "Longer text.\n\nMore.".to_string())
        );
        assert_eq!(
            split_description(" Only one. "),
            ("Only one.".to_string(), String::new())
        );
    }

    #[test]
    fn guids_are_stable_and_distinct() {
        assert_eq!(guid("a/sessions/1"), guid("a/sessions/1"));
        assert_ne!(guid("a/sessions/1"), guid("a/sessions/2"));
        assert_eq!(guid("a/sessions/1").get_version_num(), 5);
    }
}
