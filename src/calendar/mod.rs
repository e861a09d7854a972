//! iCalendar (RFC 5545) files: the public feeds, personal feeds and invites (iTIP, RFC 5546).
//! Times are written in UTC; UIDs are stable per session; a streaming URL never goes in.

pub mod personal;

use ics::components::Parameter;
use ics::properties::{
    Attendee, Categories, Description, DtEnd, DtStart, Location, Method, Organizer, Sequence,
    Status, Summary, URL,
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

/// Who sends an invite and who receives it (iTIP, RFC 5546): `ORGANIZER` on every event, and
/// `ATTENDEE` in a `REQUEST` or `CANCEL` (a `PUBLISH` names no attendee).
#[derive(Debug, Clone)]
pub struct Itip {
    pub method: &'static str,
    /// Display name and address.
    pub organizer: (String, String),
    pub attendee: Option<(String, String)>,
}

/// A feed (the programme, a session, an attendee's own calendar): a snapshot without people
/// in it, so no METHOD. RFC 5545 §3.7.2 wants a METHOD matched by the Content-Type's
/// `method=`, and iTIP's `PUBLISH` an ORGANIZER on every event; CalDAV servers refuse a
/// METHOD in what they store (RFC 4791 §4.1), which is where subscribed feeds end up.
pub fn render(name: &str, entries: &[Entry]) -> String {
    fold(&build(name, entries, None, None))
}

/// An invite sent by e-mail.
pub fn render_invite(name: &str, entries: &[Entry], itip: &Itip) -> String {
    fold(&build(name, entries, Some(itip.method), Some(itip)))
}

/// A parameter value quoted as RFC 5545 wants when it may hold `:`, `;` or `,`.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace(['"', '\r', '\n'], ""))
}

fn build(name: &str, entries: &[Entry], method: Option<&str>, itip: Option<&Itip>) -> String {
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
        if let Some(itip) = itip {
            let (name, email) = &itip.organizer;
            let mut organizer = Organizer::new(format!("mailto:{email}"));
            organizer.add(Parameter::new("CN", quoted(name)));
            ev.push(organizer);
            if let Some((name, email)) = &itip.attendee {
                let mut attendee = Attendee::new(format!("mailto:{email}"));
                attendee.add(Parameter::new("CN", quoted(name)));
                attendee.add(Parameter::new("RSVP", "FALSE"));
                ev.push(attendee);
            }
        }
        ev.push(Status::new(if e.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        }));
        cal.add_event(ev);
    }
    cal.to_string()
}

/// RFC 5545 §3.1: content lines are at most 75 octets, the leading space of a continuation
/// line included (the ics crate folds one octet late). Unfolds, then folds again at 75 octets,
/// never inside a UTF-8 character.
pub fn fold(ics: &str) -> String {
    const LIMIT: usize = 75;
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 40);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut room = LIMIT;
        loop {
            if rest.len() <= room {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = room;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            room = LIMIT - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn lines_are_folded_at_75_octets_space_included_and_never_inside_a_character() {
        let long = format!("DESCRIPTION:{}\r\n", "é".repeat(100));
        let folded = fold(&long);
        for line in folded.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert_eq!(
            folded.replace("\r\n ", ""),
            long,
            "unfolding gives the line back"
        );
        assert_eq!(fold("A:b\r\n"), "A:b\r\n");
    }
}
