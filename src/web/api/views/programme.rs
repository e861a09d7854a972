//! Events, sessions and speakers as the API shows them.

use serde::Serialize;
use utoipa::ToSchema;

use super::{RoomView, TrackView};
use crate::app::agenda::Agenda;
use crate::app::events::{Event, Session};
use crate::app::Speaker;
use crate::domain::{time, EventStatus, Format, SessionKind, SessionStatus, SpeakerRole};
use crate::i18n::Lang;

/// An event as the public reads it.
#[derive(Serialize, ToSchema)]
#[schema(as = Event)]
pub struct EventView {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub title_fr: String,
    pub title_en: String,
    pub description: String,
    pub organiser: String,
    #[schema(examples("Europe/Paris"))]
    pub timezone: String,
    #[schema(format = DateTime)]
    pub starts_at: String,
    #[schema(format = DateTime)]
    pub ends_at: String,
    pub format: Format,
    pub status: EventStatus,
    pub venue: Option<String>,
    pub in_person_capacity: Option<i64>,
    pub online_capacity: Option<i64>,
    #[schema(format = DateTime)]
    pub registration_opens_at: Option<String>,
    #[schema(format = DateTime)]
    pub registration_closes_at: Option<String>,
    #[schema(examples("CC-BY-4.0"))]
    pub license: String,
    /// The public page, relative to the site.
    pub url: String,
}

impl EventView {
    pub fn new(e: &Event, lang: Lang) -> Self {
        let tz = e.tz();
        let at = |ts: Option<i64>| ts.map(|t| time::to_rfc3339(t, tz));
        EventView {
            id: e.id,
            slug: e.slug.clone(),
            title: lang.pick(&e.title_fr, &e.title_en).to_string(),
            title_fr: e.title_fr.clone(),
            title_en: e.title_en.clone(),
            description: lang.pick(&e.description_fr, &e.description_en).to_string(),
            organiser: e.organiser.clone(),
            timezone: e.timezone.clone(),
            starts_at: time::to_rfc3339(e.starts_at, tz),
            ends_at: time::to_rfc3339(e.ends_at, tz),
            format: e.format,
            status: e.status,
            venue: e.venue.clone(),
            in_person_capacity: e.in_person_capacity,
            online_capacity: e.online_capacity,
            registration_opens_at: at(e.registration_opens_at),
            registration_closes_at: at(e.registration_closes_at),
            license: e.license.clone(),
            url: format!("/events/{}", e.slug),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(as = Events)]
pub struct EventsView {
    pub events: Vec<EventView>,
}

/// One event with its rooms and tracks (`GET /events/SLUG`).
#[derive(Serialize, ToSchema)]
#[schema(as = EventDetail)]
pub struct EventDetailView {
    #[serde(flatten)]
    pub event: EventView,
    pub rooms: Vec<RoomView>,
    pub tracks: Vec<TrackView>,
    pub session_count: usize,
}

impl EventDetailView {
    pub fn new(agenda: &Agenda, lang: Lang) -> Self {
        EventDetailView {
            event: EventView::new(&agenda.event, lang),
            rooms: agenda.rooms.iter().map(RoomView::from).collect(),
            tracks: agenda.tracks.iter().map(TrackView::from).collect(),
            session_count: agenda.sessions.len(),
        }
    }
}

/// An event as its organisers read it: with its private and payment fields.
#[derive(Serialize, ToSchema)]
#[schema(as = OrganiserEvent)]
pub struct OrganiserEventView {
    #[serde(flatten)]
    pub event: EventView,
    pub stream_url: Option<String>,
    #[schema(format = DateTime)]
    pub refund_until: Option<String>,
    pub legal_details: String,
    /// The certificate settings, in the answer to a PATCH that changed them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificates: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate_min_percent: Option<i64>,
}

impl OrganiserEventView {
    /// With the certificate settings (after a PATCH that named them).
    pub fn with_certificates(
        e: &Event,
        s: Option<&crate::domain::certificate::Settings>,
        lang: Lang,
    ) -> Self {
        let mut view = OrganiserEventView::new(e, lang);
        view.certificates = s.map(|s| s.enabled);
        view.certificate_min_percent = s.map(|s| s.min_percent);
        view
    }

    pub fn new(e: &Event, lang: Lang) -> Self {
        OrganiserEventView {
            event: EventView::new(e, lang),
            stream_url: e.stream_url.clone(),
            refund_until: e.refund_until.map(|t| time::to_rfc3339(t, e.tz())),
            legal_details: e.legal_details.clone(),
            certificates: None,
            certificate_min_percent: None,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(as = SessionSpeaker)]
pub struct SessionSpeakerView {
    pub id: i64,
    pub name: String,
    pub role: SpeakerRole,
}

/// A session in the JSON API's shape (CONTRACT.md).
#[derive(Serialize, ToSchema)]
#[schema(as = Session)]
pub struct SessionView {
    pub id: i64,
    pub title: String,
    pub title_fr: String,
    pub title_en: String,
    pub description: String,
    pub kind: SessionKind,
    #[schema(format = DateTime)]
    pub starts_at: String,
    #[schema(format = DateTime)]
    pub ends_at: String,
    /// The room's name (null without a room).
    #[schema(required = true)]
    pub room: Option<String>,
    pub room_id: Option<i64>,
    /// The track's slug.
    pub track: Option<String>,
    pub format: Format,
    pub capacity: Option<i64>,
    pub requires_signup: bool,
    pub status: SessionStatus,
    pub speakers: Vec<SessionSpeakerView>,
}

impl SessionView {
    pub fn new(agenda: &Agenda, s: &Session, lang: Lang) -> Self {
        let tz = agenda.event.tz();
        SessionView {
            id: s.id,
            title: lang.pick(&s.title_fr, &s.title_en).to_string(),
            title_fr: s.title_fr.clone(),
            title_en: s.title_en.clone(),
            description: lang.pick(&s.description_fr, &s.description_en).to_string(),
            kind: s.kind,
            starts_at: time::to_rfc3339(s.starts_at, tz),
            ends_at: time::to_rfc3339(s.ends_at, tz),
            room: agenda.room(s.room_id).map(|r| r.name.clone()),
            room_id: s.room_id,
            track: agenda.track(s.track_id).map(|t| t.slug.clone()),
            format: s.format,
            capacity: s.capacity,
            requires_signup: s.requires_signup.0,
            status: s.status,
            speakers: agenda
                .people(s.id)
                .into_iter()
                .map(|(sp, r)| SessionSpeakerView {
                    id: sp.id,
                    name: sp.name.clone(),
                    role: r.role,
                })
                .collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(as = Sessions)]
pub struct SessionsView {
    pub sessions: Vec<SessionView>,
}

/// A session as its organisers read it: with its stream and its invitations' sequence.
#[derive(Serialize, ToSchema)]
#[schema(as = OrganiserSession)]
pub struct OrganiserSessionView {
    #[serde(flatten)]
    pub session: SessionView,
    pub stream_url: Option<String>,
    pub sequence: i64,
}

impl OrganiserSessionView {
    pub fn new(agenda: &Agenda, s: &Session, lang: Lang) -> Self {
        OrganiserSessionView {
            session: SessionView::new(agenda, s, lang),
            stream_url: s.stream_url.clone(),
            sequence: s.sequence,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(as = Speaker)]
pub struct SpeakerView {
    pub id: i64,
    pub name: String,
    pub affiliation: String,
    pub bio: String,
    pub photo_url: Option<String>,
    pub sessions: Vec<i64>,
}

impl SpeakerView {
    pub fn new(agenda: &Agenda, sp: &Speaker, lang: Lang) -> Self {
        SpeakerView {
            id: sp.id,
            name: sp.name.clone(),
            affiliation: lang
                .pick(&sp.affiliation_fr, &sp.affiliation_en)
                .to_string(),
            bio: lang.pick(&sp.bio_fr, &sp.bio_en).to_string(),
            photo_url: sp
                .photo_content_type
                .as_ref()
                .map(|_| format!("/speakers/{}/photo", sp.id)),
            sessions: speaker_sessions(agenda, sp.id),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(as = Speakers)]
pub struct SpeakersView {
    pub speakers: Vec<SpeakerView>,
}

/// The sessions a speaker is on, by id: the same answer from every instance and every run
/// (the agenda keeps roles in a hash map, whose order is not).
fn speaker_sessions(agenda: &Agenda, speaker_id: i64) -> Vec<i64> {
    let mut ids: Vec<i64> = agenda
        .roles
        .values()
        .flatten()
        .filter(|r| r.speaker_id == speaker_id)
        .map(|r| r.session_id)
        .collect();
    ids.sort_unstable();
    ids
}
