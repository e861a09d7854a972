//! An attendee's own calendar: the event, the sessions they hold a seat in and those they
//! starred, each with their personal join link where they may join online (never the raw
//! streaming URL).

use super::{event_uid, uid_host, Entry};
use crate::app::agenda::Agenda;
use crate::domain::{Attendance, Format, SessionStatus, SignupStatus};
use crate::i18n::Lang;
use crate::store::registrations::{Registration, Signup};
use crate::store::sessions::Session;
use crate::store::stars::Star;

/// Join links name a session by id; 0 stands for the event's own stream.
pub const EVENT_STREAM: i64 = 0;

/// Whether this attendee may join a stream of this format online (only once confirmed: paid
/// where payment is due).
pub fn may_join(agenda: &Agenda, r: &Registration, format: Format) -> bool {
    r.status.may_attend()
        && format.has_stream()
        && (r.attendance == Attendance::Online
            || agenda.event.online_for_in_person.0
            || agenda.event.format == Format::Virtual)
}

pub fn join_url(public_url: &str, token: &str, id: i64) -> String {
    format!("{}/r/{token}/join/{id}", public_url.trim_end_matches('/'))
}

pub fn entries(
    agenda: &Agenda,
    r: &Registration,
    signups: &[Signup],
    token: &str,
    public_url: &str,
    lang: Lang,
) -> Vec<Entry> {
    let event = &agenda.event;
    let base = public_url.trim_end_matches('/');
    let personal = format!("{base}/r/{token}");
    let mut description = vec![format!("{}: {personal}", lang.t("calendar-personal-link"))];
    let event_stream = event.stream_url.is_some() && may_join(agenda, r, event.format);
    if event_stream {
        let join = join_url(public_url, token, EVENT_STREAM);
        description.push(format!("{}: {join}", lang.t("calendar-join-link")));
    }
    let mut list = vec![Entry {
        uid: event_uid(event.id, &uid_host(public_url)),
        sequence: event.revision,
        starts_at: event.starts_at,
        ends_at: event.ends_at,
        summary: lang.pick(&event.title_fr, &event.title_en).to_string(),
        description: description.join("\n\n"),
        location: event.venue.clone().unwrap_or_default(),
        url: personal.clone(),
        category: None,
        cancelled: r.status.is_over() || event.status == crate::domain::EventStatus::Cancelled,
    }];
    for signup in signups
        .iter()
        .filter(|s| s.status == SignupStatus::Confirmed)
    {
        let Some(session) = agenda.session(signup.session_id) else {
            continue;
        };
        list.push(session_entry(agenda, r, session, token, public_url, lang));
    }
    list
}

/// Adds the starred sessions to a feed made by [`entries`]. A star keeps the session's UID;
/// its revision (one more at each star and unstar) is added to the SEQUENCE, so a session
/// taken off the programme comes back as CANCELLED with a higher SEQUENCE and clients drop
/// it. A session they also hold a seat in stays as it is, with the same raised SEQUENCE.
pub fn add_stars(
    list: &mut Vec<Entry>,
    agenda: &Agenda,
    r: &Registration,
    stars: &[Star],
    token: &str,
    public_url: &str,
    lang: Lang,
) {
    let host = uid_host(public_url);
    for star in stars {
        let uid = super::session_uid(star.session_id, &host);
        if let Some(seated) = list.iter_mut().find(|e| e.uid == uid) {
            seated.sequence += star.revision;
            continue;
        }
        let Some(session) = agenda.session(star.session_id) else {
            continue;
        };
        let mut entry = session_entry(agenda, r, session, token, public_url, lang);
        entry.sequence += star.revision;
        entry.cancelled = entry.cancelled || !star.live();
        list.push(entry);
    }
}

fn session_entry(
    agenda: &Agenda,
    r: &Registration,
    s: &Session,
    token: &str,
    public_url: &str,
    lang: Lang,
) -> Entry {
    let mut entry = agenda.calendar_entry(s, lang, public_url);
    if s.stream_url.is_some() && may_join(agenda, r, s.format) {
        let join = join_url(public_url, token, s.id);
        entry.description = format!(
            "{}\n\n{}: {join}",
            entry.description,
            lang.t("calendar-join-link")
        )
        .trim()
        .to_string();
    }
    entry.cancelled = entry.cancelled || r.status.is_over() || s.status == SessionStatus::Cancelled;
    entry
}
