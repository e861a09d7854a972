//! Finding sessions in an agenda: the filters a visitor combines in the address
//! (`?day=2027-06-15&track=3&room=2&kind=workshop&format=online&q=données`), read strictly (an
//! unknown value is ignored and said so, never an error), and the rule that a session matches.
//! Search ignores case and accents and wants every word somewhere in the session's titles,
//! descriptions (both languages) or speakers' names.

use std::collections::HashSet;

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use super::{Format, SessionKind};

/// The longest search kept (longer text is cut, on a character boundary).
pub const MAX_QUERY_CHARS: usize = 100;

/// The filters as the address gives them, untrusted.
#[derive(Debug, Default, Clone, Copy)]
pub struct RawFilter<'a> {
    pub day: Option<&'a str>,
    pub track: Option<&'a str>,
    pub room: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub format: Option<&'a str>,
    pub q: Option<&'a str>,
}

/// Which attendance a visitor looks for: hybrid sessions are both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    InPerson,
    Online,
}

impl Reach {
    pub fn as_str(self) -> &'static str {
        match self {
            Reach::InPerson => "in_person",
            Reach::Online => "online",
        }
    }

    fn fits(self, format: Format) -> bool {
        match self {
            Reach::InPerson => format != Format::Virtual,
            Reach::Online => format != Format::InPerson,
        }
    }
}

/// What the agenda offers to filter on (values outside it are ignored).
#[derive(Debug, Default)]
pub struct Offered {
    pub days: Vec<NaiveDate>,
    pub tracks: HashSet<i64>,
    pub rooms: HashSet<i64>,
}

/// The filters that apply, read from the address.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct AgendaFilter {
    pub day: Option<NaiveDate>,
    pub track: Option<i64>,
    pub room: Option<i64>,
    pub kind: Option<SessionKind>,
    pub format: Option<Reach>,
    /// The search as typed (trimmed, bounded), and its words as compared.
    pub q: Option<String>,
    words: Vec<String>,
}

/// What a session is, as the filters see it.
pub struct Facts<'a> {
    pub day: NaiveDate,
    pub track: Option<i64>,
    pub room: Option<i64>,
    pub kind: SessionKind,
    pub format: Format,
    /// Its titles, descriptions and speakers' names, through [`folded`].
    pub text: &'a str,
}

impl AgendaFilter {
    /// The filters that apply, and the names of those given with a value the agenda does not
    /// offer (ignored).
    pub fn read(raw: &RawFilter<'_>, offered: &Offered) -> (AgendaFilter, Vec<&'static str>) {
        let mut ignored = Vec::new();
        // An empty value (a select left on "all") is no filter.
        let take = |value: Option<&str>| -> Option<String> {
            value
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let (day, track, room) = (take(raw.day), take(raw.track), take(raw.room));
        let (kind, format) = (take(raw.kind), take(raw.format));
        let mut f = AgendaFilter::default();
        let mut check = |name: &'static str, given: &Option<String>, ok: bool| {
            if given.is_some() && !ok {
                ignored.push(name);
            }
        };
        f.day = day
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .filter(|d| offered.days.contains(d));
        check("day", &day, f.day.is_some());
        f.track = track
            .as_deref()
            .and_then(|t| t.parse().ok())
            .filter(|t| offered.tracks.contains(t));
        check("track", &track, f.track.is_some());
        f.room = room
            .as_deref()
            .and_then(|r| r.parse().ok())
            .filter(|r| offered.rooms.contains(r));
        check("room", &room, f.room.is_some());
        f.kind = kind.as_deref().and_then(SessionKind::parse);
        check("kind", &kind, f.kind.is_some());
        f.format = match format.as_deref() {
            Some("in_person") => Some(Reach::InPerson),
            Some("online") => Some(Reach::Online),
            _ => None,
        };
        check("format", &format, f.format.is_some());
        let q: String = raw
            .q
            .unwrap_or_default()
            .trim()
            .chars()
            .take(MAX_QUERY_CHARS)
            .collect();
        if !q.is_empty() {
            f.words = folded(&q).split_whitespace().map(str::to_string).collect();
            f.q = Some(q);
        }
        (f, ignored)
    }

    pub fn is_empty(&self) -> bool {
        *self == AgendaFilter::default()
    }

    /// The same filters always give the same key (for the page cache).
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}|{}",
            self.day.map(|d| d.to_string()).unwrap_or_default(),
            self.track.map(|t| t.to_string()).unwrap_or_default(),
            self.room.map(|r| r.to_string()).unwrap_or_default(),
            self.kind.map(|k| k.as_str()).unwrap_or_default(),
            self.format.map(|f| f.as_str()).unwrap_or_default(),
            self.words.join(" "),
        )
    }

    pub fn matches(&self, s: &Facts<'_>) -> bool {
        self.day.is_none_or(|d| d == s.day)
            && self.track.is_none_or(|t| Some(t) == s.track)
            && self.room.is_none_or(|r| Some(r) == s.room)
            && self.kind.is_none_or(|k| k == s.kind)
            && self.format.is_none_or(|f| f.fits(s.format))
            && self.words.iter().all(|w| s.text.contains(w.as_str()))
    }
}

/// Text as search compares it: lower case, without accents (é → e, œ stays œ), spaces kept.
pub fn folded(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offered() -> Offered {
        Offered {
            days: vec![
                NaiveDate::from_ymd_opt(2027, 6, 15).unwrap(),
                NaiveDate::from_ymd_opt(2027, 6, 16).unwrap(),
            ],
            tracks: [3].into(),
            rooms: [2].into(),
        }
    }

    fn facts(text: &str) -> Facts<'_> {
        Facts {
            day: NaiveDate::from_ymd_opt(2027, 6, 16).unwrap(),
            track: Some(3),
            room: Some(2),
            kind: SessionKind::Workshop,
            format: Format::Hybrid,
            text,
        }
    }

    #[test]
    fn each_filter_narrows_and_they_combine() {
        let raw = RawFilter {
            day: Some("2027-06-16"),
            track: Some("3"),
            kind: Some("workshop"),
            format: Some("online"),
            q: Some("Données  OUVERTES"),
            ..Default::default()
        };
        let (f, ignored) = AgendaFilter::read(&raw, &offered());
        assert!(ignored.is_empty());
        let text = folded("Atelier : données ouvertes et IA");
        assert!(f.matches(&facts(&text)));
        assert!(!f.matches(&Facts {
            day: NaiveDate::from_ymd_opt(2027, 6, 15).unwrap(),
            ..facts(&text)
        }));
        assert!(!f.matches(&Facts {
            format: Format::InPerson,
            ..facts(&text)
        }));
        assert!(
            !f.matches(&facts(&folded("Données seulement"))),
            "every word must be there"
        );
    }

    #[test]
    fn unknown_values_are_ignored_and_named() {
        let raw = RawFilter {
            day: Some("2030-01-01"),
            track: Some("abc"),
            room: Some("99"),
            kind: Some("party"),
            format: Some("tv"),
            q: Some("   "),
        };
        let (f, ignored) = AgendaFilter::read(&raw, &offered());
        assert!(f.is_empty());
        assert_eq!(ignored, ["day", "track", "room", "kind", "format"]);
    }

    #[test]
    fn search_ignores_case_and_accents_and_is_bounded() {
        assert_eq!(folded("Éthique ÇA Œuvre"), "ethique ca œuvre");
        let long = "é".repeat(500);
        let (f, _) = AgendaFilter::read(
            &RawFilter {
                q: Some(&long),
                ..Default::default()
            },
            &offered(),
        );
        assert_eq!(f.q.unwrap().chars().count(), MAX_QUERY_CHARS);
        let (same, _) = AgendaFilter::read(
            &RawFilter {
                q: Some("ETHIQUE"),
                ..Default::default()
            },
            &offered(),
        );
        let (other, _) = AgendaFilter::read(
            &RawFilter {
                q: Some("éthique"),
                ..Default::default()
            },
            &offered(),
        );
        assert_eq!(same.key(), other.key());
    }
}
