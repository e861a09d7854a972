//! iCalendar (RFC 5545) files: the public agenda feeds and, later, personal feeds and invites.
//! Times are written in UTC; UIDs are stable per session; a streaming URL never goes in.

pub mod personal;

use ics::properties::{
    Categories, Description, DtEnd, DtStart, Location, Method, Sequence, Status, Summary, URL,
};
use ics::{escape_text, ICalendar};

use crate::domain::time::ics_utc;

/// One VEVENT.
#[derive(Debug, Clone)]
pub struct Entry {
    pub uid: String,
    pub sequence: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub url: String,
    pub category: Option<String>,
    pub cancelled: bool,
}

/// A stable UID for a session, the same in every feed and invite.
pub fn session_uid(session_id: i64, host: &str) -> String {
    format!("session-{session_id}@{host}")
}

pub fn event_uid(event_id: i64, host: &str) -> String {
    format!("event-{event_id}@{host}")
}

/// The host part of the public URL (UIDs are `...@host`).
pub fn uid_host(public_url: &str) -> String {
    url::Url::parse(public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "summit.invalid".into())
}

pub fn render(name: &str, entries: &[Entry], method: Option<&str>) -> String {
    let mut cal = ICalendar::new("2.0", "-//Summit//Summit event system//EN");
    cal.push(ics::properties::CalScale::new("GREGORIAN"));
    if let Some(method) = method {
        cal.push(Method::new(method.to_string()));
    }
    cal.push(ics::components::Property::new(
        "X-WR-CALNAME",
        escape_text(name.to_string()),
    ));
    let stamp = ics_utc(crate::domain::time::now());
    for e in entries {
        let mut ev = ics::Event::new(e.uid.clone(), stamp.clone());
        ev.push(DtStart::new(ics_utc(e.starts_at)));
        ev.push(DtEnd::new(ics_utc(e.ends_at)));
        ev.push(Sequence::new(e.sequence.to_string()));
        ev.push(Summary::new(escape_text(e.summary.clone())));
        if !e.description.is_empty() {
            ev.push(Description::new(escape_text(e.description.clone())));
        }
        if !e.location.is_empty() {
            ev.push(Location::new(escape_text(e.location.clone())));
        }
        if let Some(category) = &e.category {
            ev.push(Categories::new(escape_text(category.clone())));
        }
        ev.push(URL::new(e.url.clone()));
        ev.push(Status::new(if e.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        }));
        cal.add_event(ev);
    }
    cal.to_string()
}
