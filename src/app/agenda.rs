//! An event's whole agenda, loaded in a fixed number of queries (no N+1), and shaped for the
//! pages, the JSON API and the calendar feeds in the visitor's language and the event's zone.

use std::collections::HashMap;

use serde::Serialize;

use crate::app::{Event, Room, Session, Speaker, Track};
use crate::calendar::{self, Entry};
use crate::domain::agenda_filter::{folded, AgendaFilter, Facts, Offered};
use crate::domain::{time, Format, SessionKind, SessionStatus, SpeakerRole};
use crate::i18n::Lang;
use crate::store::sessions::SessionSpeaker;
use crate::store::{self, Db};

// The shapes below are what pages receive. Their fields are in alphabetical order, the order
// in which the JSON objects they replace were written, so any JSON made of them is unchanged.

/// A session as the pages show it, in the visitor's language and the event's zone.
#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    pub cancelled: bool,
    pub capacity: Option<i64>,
    /// The long date of its start, in the event's zone.
    pub day: String,
    pub description: String,
    pub ends: String,
    /// The end as an `<input type="datetime-local">` value.
    pub ends_input: String,
    pub format: Format,
    pub format_label: String,
    pub id: i64,
    pub is_break: bool,
    pub kind: SessionKind,
    pub kind_label: String,
    pub online: bool,
    /// A limited sign-up workshop's places left, where the page shows them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub places: Option<crate::app::agenda_page::Places>,
    pub requires_signup: bool,
    pub room: Option<String>,
    pub speakers: Vec<SessionPerson>,
    pub starts: String,
    pub starts_input: String,
    pub title: String,
    pub track: Option<SessionTrack>,
    pub url: String,
    pub visitor: Option<VisitorTimes>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionTrack {
    pub color: String,
    pub id: i64,
    pub name: String,
    pub slug: String,
}

/// A speaker of a session, with their role in it.
#[derive(Debug, Clone, Serialize)]
pub struct SessionPerson {
    pub affiliation: String,
    pub id: i64,
    pub name: String,
    pub role: SpeakerRole,
    pub role_label: String,
    /// The agenda filtered on their name.
    pub search_url: String,
}

/// A session's times in the visitor's own zone.
#[derive(Debug, Clone, Serialize)]
pub struct VisitorTimes {
    pub day: String,
    pub ends: String,
    pub other_day: bool,
    pub starts: String,
    pub zone: String,
}

/// One day of the agenda (1 = the first).
#[derive(Debug, Clone, Serialize)]
pub struct Day {
    pub date: String,
    pub index: usize,
    pub label: String,
    pub sessions: Vec<SessionView>,
}

/// A speaker as the pages show one, with the ids of their sessions.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerSummary {
    #[serde(flatten)]
    pub details: SpeakerDetails,
    pub sessions: Vec<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakerDetails {
    pub affiliation: String,
    pub bio: String,
    pub id: i64,
    pub name: String,
    pub photo_url: Option<String>,
}

pub struct Agenda {
    pub event: Event,
    pub rooms: Vec<Room>,
    pub tracks: Vec<Track>,
    pub speakers: Vec<Speaker>,
    pub sessions: Vec<Session>,
    pub roles: HashMap<i64, Vec<SessionSpeaker>>,
    /// The visitor's own zone, when they chose one: times are also shown in it.
    pub visitor_tz: Option<chrono_tz::Tz>,
    /// What the agenda offers to filter on, worked out once (the finder, the filter, the
    /// grid and the day list all ask).
    offered: std::sync::OnceLock<Offered>,
}

impl Agenda {
    pub async fn load(db: &Db, event: Event) -> store::error::Result<Agenda> {
        let (rooms, tracks, speakers, sessions, roles) = tokio::try_join!(
            store::events::rooms(db, event.id),
            store::events::tracks(db, event.id),
            store::speakers::list(db, event.id),
            store::sessions::list(db, event.id),
            store::sessions::speakers_by_session(db, event.id),
        )?;
        Ok(Agenda {
            event,
            rooms,
            tracks,
            speakers,
            sessions,
            roles,
            visitor_tz: None,
            offered: std::sync::OnceLock::new(),
        })
    }

    pub fn room(&self, id: Option<i64>) -> Option<&Room> {
        id.and_then(|id| self.rooms.iter().find(|r| r.id == id))
    }

    pub fn track(&self, id: Option<i64>) -> Option<&Track> {
        id.and_then(|id| self.tracks.iter().find(|t| t.id == id))
    }

    fn speaker(&self, id: i64) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    pub fn session(&self, id: i64) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// Speakers of a session with their role, in the order the organiser gave.
    pub fn people(&self, session_id: i64) -> Vec<(&Speaker, &SessionSpeaker)> {
        self.roles
            .get(&session_id)
            .map(|rows| {
                rows.iter()
                    .filter_map(|r| self.speaker(r.speaker_id).map(|s| (s, r)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A session as the pages show it.
    pub fn session_view(&self, s: &Session, lang: Lang) -> SessionView {
        let tz = self.event.tz();
        let track = self.track(s.track_id).map(|t| SessionTrack {
            color: t.color.clone(),
            id: t.id,
            name: lang.pick(&t.name_fr, &t.name_en).to_string(),
            slug: t.slug.clone(),
        });
        let speakers = self
            .people(s.id)
            .into_iter()
            .map(|(sp, r)| SessionPerson {
                affiliation: lang
                    .pick(&sp.affiliation_fr, &sp.affiliation_en)
                    .to_string(),
                id: sp.id,
                name: sp.name.clone(),
                role: r.role,
                role_label: lang.t(&format!("role-{}", r.role.as_str())),
                search_url: format!(
                    "/events/{}?{}#agenda",
                    self.event.slug,
                    url::form_urlencoded::Serializer::new(String::new())
                        .append_pair("q", &sp.name)
                        .finish()
                ),
            })
            .collect();
        SessionView {
            cancelled: s.status == SessionStatus::Cancelled,
            capacity: s.capacity,
            day: time::long_date(s.starts_at, tz, lang),
            description: lang.pick(&s.description_fr, &s.description_en).to_string(),
            ends: time::clock(s.ends_at, tz),
            ends_input: time::local_input(s.ends_at, tz),
            format: s.format,
            format_label: lang.t(&format!("format-{}", s.format.as_str())),
            id: s.id,
            is_break: s.kind == crate::domain::SessionKind::Break,
            kind: s.kind,
            kind_label: lang.t(&format!("kind-{}", s.kind.as_str())),
            online: s.format != Format::InPerson,
            places: None,
            requires_signup: s.requires_signup.0,
            room: self.room(s.room_id).map(|r| r.name.clone()),
            speakers,
            starts: time::clock(s.starts_at, tz),
            starts_input: time::local_input(s.starts_at, tz),
            title: lang.pick(&s.title_fr, &s.title_en).to_string(),
            track,
            url: format!("/events/{}/sessions/{}", self.event.slug, s.id),
            visitor: self.visitor_times(s.starts_at, s.ends_at),
        }
    }

    /// Start and end in the visitor's zone, when its clock differs from the event's then.
    fn visitor_times(&self, starts_at: i64, ends_at: i64) -> Option<VisitorTimes> {
        let vtz = self.visitor_tz?;
        let tz = self.event.tz();
        if time::clock(starts_at, vtz) == time::clock(starts_at, tz) {
            return None;
        }
        Some(VisitorTimes {
            day: time::day(starts_at, vtz).to_string(),
            ends: time::clock(ends_at, vtz),
            other_day: time::day(starts_at, vtz) != time::day(starts_at, tz),
            starts: time::clock(starts_at, vtz),
            zone: time::zone_abbreviation(starts_at, vtz),
        })
    }

    /// Sessions grouped by day, in the event's zone.
    pub fn days(&self, lang: Lang) -> Vec<Day> {
        self.days_matching(lang, &AgendaFilter::default())
    }

    /// What the agenda offers to filter on: its days (in the event's zone), tracks and rooms.
    pub fn offered(&self) -> &Offered {
        self.offered.get_or_init(|| self.work_out_offered())
    }

    fn work_out_offered(&self) -> Offered {
        let tz = self.event.tz();
        let mut days: Vec<_> = self
            .sessions
            .iter()
            .map(|s| time::day(s.starts_at, tz))
            .collect();
        days.dedup();
        Offered {
            days,
            tracks: self.tracks.iter().map(|t| t.id).collect(),
            rooms: self.rooms.iter().map(|r| r.id).collect(),
        }
    }

    /// Whether a session is one the filter keeps (search over both languages' titles and
    /// descriptions and the speakers' names).
    pub fn keeps(&self, filter: &AgendaFilter, s: &Session) -> bool {
        if filter.is_empty() {
            return true;
        }
        let mut text = [
            &s.title_fr,
            &s.title_en,
            &s.description_fr,
            &s.description_en,
        ]
        .map(|t| t.as_str())
        .join("\n");
        for (sp, _) in self.people(s.id) {
            text.push('\n');
            text.push_str(&sp.name);
        }
        let text = folded(&text);
        filter.matches(&Facts {
            day: time::day(s.starts_at, self.event.tz()),
            track: s.track_id,
            room: s.room_id,
            kind: s.kind,
            format: s.format,
            text: &text,
        })
    }

    /// The sessions the filter keeps, grouped by day in the event's zone; days keep their
    /// number in the whole agenda.
    pub fn days_matching(&self, lang: Lang, filter: &AgendaFilter) -> Vec<Day> {
        let tz = self.event.tz();
        let mut days: Vec<(chrono::NaiveDate, Vec<SessionView>)> = Vec::new();
        for &day in &self.offered().days {
            days.push((day, Vec::new()));
        }
        for s in self.sessions.iter().filter(|s| self.keeps(filter, s)) {
            let day = time::day(s.starts_at, tz);
            if let Some((_, list)) = days.iter_mut().find(|(d, _)| *d == day) {
                list.push(self.session_view(s, lang));
            }
        }
        days.into_iter()
            .enumerate()
            .filter(|(_, (_, sessions))| !sessions.is_empty())
            .map(|(i, (day, sessions))| Day {
                date: day.to_string(),
                index: i + 1,
                label: sessions.first().map(|s| s.day.clone()).unwrap_or_default(),
                sessions,
            })
            .collect()
    }

    pub fn speaker_json(&self, sp: &Speaker, lang: Lang) -> SpeakerSummary {
        let sessions: Vec<i64> = self
            .roles
            .values()
            .flatten()
            .filter(|r| r.speaker_id == sp.id)
            .map(|r| r.session_id)
            .collect();
        SpeakerSummary {
            details: SpeakerDetails {
                affiliation: lang
                    .pick(&sp.affiliation_fr, &sp.affiliation_en)
                    .to_string(),
                bio: lang.pick(&sp.bio_fr, &sp.bio_en).to_string(),
                id: sp.id,
                name: sp.name.clone(),
                photo_url: sp
                    .photo_content_type
                    .as_ref()
                    .map(|_| format!("/speakers/{}/photo", sp.id)),
            },
            sessions,
        }
    }

    /// A calendar entry for one session, never with a streaming URL.
    pub fn calendar_entry(&self, s: &Session, lang: Lang, public_url: &str) -> Entry {
        let host = calendar::uid_host(public_url);
        let base = public_url.trim_end_matches('/');
        let room = self.room(s.room_id).map(|r| r.name.as_str());
        let location = match (room, self.event.venue.as_deref()) {
            (Some(r), Some(v)) => format!("{r}, {v}"),
            (Some(r), None) => r.to_string(),
            (None, Some(v)) => v.to_string(),
            (None, None) => lang.t("format-virtual"),
        };
        let people: Vec<String> = self
            .people(s.id)
            .into_iter()
            .map(|(sp, r)| {
                format!(
                    "{} ({})",
                    sp.name,
                    lang.t(&format!("role-{}", r.role.as_str()))
                )
            })
            .collect();
        let mut description = lang.pick(&s.description_fr, &s.description_en).to_string();
        if !people.is_empty() {
            description = format!("{description}\n\n{}", people.join(", "));
        }
        Entry {
            uid: calendar::session_uid(s.id, &host),
            sequence: s.sequence,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            summary: lang.pick(&s.title_fr, &s.title_en).to_string(),
            description: description.trim().to_string(),
            location,
            url: format!("{base}/events/{}/sessions/{}", self.event.slug, s.id),
            category: Some(lang.t(&format!("kind-{}", s.kind.as_str()))),
            cancelled: s.status == SessionStatus::Cancelled,
        }
    }
}
