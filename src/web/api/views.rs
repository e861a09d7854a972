//! What the JSON API answers: one `Serialize` view per shape of CONTRACT.md, built from the
//! use cases' results (field names, nesting and nulls are the public contract).

use serde::Serialize;
use serde_json::Value;

use crate::app::agenda::{Agenda, Room, Speaker, Track};
use crate::app::checkin::Outcome;
use crate::app::events::{Event, Session};
use crate::app::offline::{ScanKit, Settled};
use crate::app::registering::Standing;
use crate::domain::{time, Attendance, EventStatus, Format, RegistrationStatus, SessionKind};
use crate::domain::{SessionStatus, SignupStatus, SpeakerRole};
use crate::i18n::Lang;

/// An event as the public reads it.
#[derive(Serialize)]
pub struct EventView {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub title_fr: String,
    pub title_en: String,
    pub description: String,
    pub organiser: String,
    pub timezone: String,
    pub starts_at: String,
    pub ends_at: String,
    pub format: Format,
    pub status: EventStatus,
    pub venue: Option<String>,
    pub in_person_capacity: Option<i64>,
    pub online_capacity: Option<i64>,
    pub registration_opens_at: Option<String>,
    pub registration_closes_at: Option<String>,
    pub license: String,
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

#[derive(Serialize)]
pub struct EventsView {
    pub events: Vec<EventView>,
}

/// One event with its rooms and tracks (`GET /events/SLUG`).
#[derive(Serialize)]
pub struct EventDetailView {
    #[serde(flatten)]
    pub event: EventView,
    pub rooms: Vec<Room>,
    pub tracks: Vec<Track>,
    pub session_count: usize,
}

impl EventDetailView {
    pub fn new(agenda: &Agenda, lang: Lang) -> Self {
        EventDetailView {
            event: EventView::new(&agenda.event, lang),
            rooms: agenda.rooms.clone(),
            tracks: agenda.tracks.clone(),
            session_count: agenda.sessions.len(),
        }
    }
}

/// An event as its organisers read it: with its private and payment fields.
#[derive(Serialize)]
pub struct OrganiserEventView {
    #[serde(flatten)]
    pub event: EventView,
    pub stream_url: Option<String>,
    pub refund_until: Option<String>,
    pub legal_details: String,
}

impl OrganiserEventView {
    pub fn new(e: &Event, lang: Lang) -> Self {
        OrganiserEventView {
            event: EventView::new(e, lang),
            stream_url: e.stream_url.clone(),
            refund_until: e.refund_until.map(|t| time::to_rfc3339(t, e.tz())),
            legal_details: e.legal_details.clone(),
        }
    }
}

#[derive(Serialize)]
pub struct SessionSpeakerView {
    pub id: i64,
    pub name: String,
    pub role: SpeakerRole,
}

/// A session in the JSON API's shape (CONTRACT.md).
#[derive(Serialize)]
pub struct SessionView {
    pub id: i64,
    pub title: String,
    pub title_fr: String,
    pub title_en: String,
    pub description: String,
    pub kind: SessionKind,
    pub starts_at: String,
    pub ends_at: String,
    pub room: Option<String>,
    pub room_id: Option<i64>,
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

#[derive(Serialize)]
pub struct SessionsView {
    pub sessions: Vec<SessionView>,
}

/// A session as its organisers read it: with its stream and its invitations' sequence.
#[derive(Serialize)]
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

#[derive(Serialize)]
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
            sessions: agenda
                .roles
                .values()
                .flatten()
                .filter(|r| r.speaker_id == sp.id)
                .map(|r| r.session_id)
                .collect(),
        }
    }
}

#[derive(Serialize)]
pub struct SpeakersView {
    pub speakers: Vec<SpeakerView>,
}

/// Who is registered, with the counts: the roster's rows and counts, shared with the
/// organisers' pages and CSV, as `app::roster` shapes them.
#[derive(Serialize)]
pub struct RosterView {
    pub registrations: Vec<Value>,
    pub counts: Value,
}

#[derive(Serialize)]
pub struct SessionStandingView {
    pub id: i64,
    pub status: SignupStatus,
    pub waitlist_position: Option<i64>,
}

/// A registration as its holder reads it (`GET /registrations/TOKEN` and the answers to
/// registering, changing and cancelling).
#[derive(Serialize)]
pub struct RegistrationView {
    pub id: i64,
    pub status: RegistrationStatus,
    pub attendance: Attendance,
    pub language: String,
    pub name: String,
    pub ticket: Option<i64>,
    pub sessions: Vec<SessionStandingView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<i64>,
    /// Only while the payment is pending (then possibly null).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hold_expires_at: Option<Option<i64>>,
}

impl From<Standing> for RegistrationView {
    fn from(s: Standing) -> Self {
        let r = s.registration;
        let pending = r.status == RegistrationStatus::PendingPayment;
        RegistrationView {
            id: r.id,
            status: r.status,
            attendance: r.attendance,
            language: r.language,
            name: r.name,
            ticket: r.ticket_type_id,
            sessions: s
                .sessions
                .into_iter()
                .map(|s| SessionStandingView {
                    id: s.session_id,
                    status: if s.confirmed {
                        SignupStatus::Confirmed
                    } else {
                        SignupStatus::Waitlisted
                    },
                    waitlist_position: s.waitlist_position,
                })
                .collect(),
            waitlist_position: s.waitlist_position,
            hold_expires_at: pending.then_some(r.hold_expires_at),
        }
    }
}

/// A new registration: its standing, the personal link, and for organisers the badge role,
/// for a paid ticket the Checkout page.
#[derive(Serialize)]
pub struct RegisteredView {
    #[serde(flatten)]
    pub registration: RegistrationView,
    pub manage_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub badge_role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checkout_url: Option<String>,
}

/// An address already registered: the link went out again by e-mail.
#[derive(Serialize)]
pub struct CheckEmailView {
    pub status: &'static str,
    pub message: String,
}

#[derive(Serialize)]
pub struct CheckinAttendeeView {
    pub name: String,
    pub ticket: String,
    pub attendance: Attendance,
    pub organisation: String,
    pub badge_role: String,
}

/// A verdict on a scanned badge (CONTRACT.md).
#[derive(Serialize)]
pub struct CheckinView {
    pub verdict: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendee: Option<CheckinAttendeeView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_checkin_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gate: Option<String>,
}

impl From<&Outcome> for CheckinView {
    fn from(o: &Outcome) -> Self {
        let first = match (&o.first, &o.event) {
            (Some(first), Some(event)) => Some((first, event)),
            _ => None,
        };
        CheckinView {
            verdict: o.verdict.as_str(),
            attendee: o.attendee.as_ref().map(|a| CheckinAttendeeView {
                name: a.registration.name.clone(),
                ticket: a.ticket.clone(),
                attendance: a.registration.attendance,
                organisation: a.registration.organisation.clone(),
                badge_role: a.registration.badge_role.clone(),
            }),
            first_checkin_at: first.map(|(f, e)| time::to_rfc3339(f.scanned_at, e.tz())),
            gate: first.map(|(f, _)| f.gate.clone()),
        }
    }
}

/// The server's verdict on one scan of an offline upload.
#[derive(Serialize)]
pub struct SettledView {
    #[serde(flatten)]
    pub checkin: CheckinView,
    pub nonce: String,
    pub conflict: bool,
}

impl From<&Settled> for SettledView {
    fn from(s: &Settled) -> Self {
        SettledView {
            checkin: CheckinView::from(&s.outcome),
            nonce: s.nonce.clone(),
            conflict: s.conflict,
        }
    }
}

#[derive(Serialize)]
pub struct UploadView {
    pub results: Vec<SettledView>,
}

#[derive(Serialize)]
pub struct KitEventView {
    pub id: i64,
    pub slug: String,
    pub title_fr: String,
    pub title_en: String,
}

#[derive(Serialize)]
pub struct KitBadgeView {
    pub id: i64,
    pub version: i64,
    pub name: String,
    pub organisation: String,
    pub ticket: String,
    pub attendance: String,
    pub badge_role: String,
    pub sessions: Vec<i64>,
}

#[derive(Serialize)]
pub struct KitSessionView {
    pub id: i64,
    pub requires_signup: bool,
}

#[derive(Serialize)]
pub struct KitInsideView {
    pub id: i64,
    pub scope: i64,
    pub gate: String,
    pub at: String,
}

/// What an offline scanner downloads to judge badges alone.
#[derive(Serialize)]
pub struct ScanKitView {
    pub event: KitEventView,
    pub public_key: String,
    pub generated_at: String,
    pub known_up_to: i64,
    pub badges: Vec<KitBadgeView>,
    pub revoked: Vec<i64>,
    pub sessions: Vec<KitSessionView>,
    pub checked_in: Vec<KitInsideView>,
}

impl From<&ScanKit> for ScanKitView {
    fn from(k: &ScanKit) -> Self {
        let tz = k.event.tz();
        ScanKitView {
            event: KitEventView {
                id: k.event.id,
                slug: k.event.slug.clone(),
                title_fr: k.event.title_fr.clone(),
                title_en: k.event.title_en.clone(),
            },
            public_key: k.public_key.clone(),
            generated_at: time::to_rfc3339(k.generated_at, tz),
            known_up_to: k.known_up_to,
            badges: k
                .badges
                .iter()
                .map(|h| KitBadgeView {
                    id: h.badge.id,
                    version: h.badge.badge_version,
                    name: h.badge.name.clone(),
                    organisation: h.badge.organisation.clone(),
                    ticket: h.badge.ticket.clone().unwrap_or_default(),
                    attendance: h.badge.attendance.clone(),
                    badge_role: h.badge.badge_role.clone(),
                    sessions: h.sessions.clone(),
                })
                .collect(),
            revoked: k.revoked.clone(),
            sessions: k
                .sessions
                .iter()
                .map(|s| KitSessionView {
                    id: s.id,
                    requires_signup: s.requires_signup,
                })
                .collect(),
            checked_in: k
                .checked_in
                .iter()
                .map(|i| KitInsideView {
                    id: i.registration_id,
                    scope: i.scope,
                    gate: i.gate.clone(),
                    at: time::to_rfc3339(i.at, tz),
                })
                .collect(),
        }
    }
}

/// Stripe's webhook, taken.
#[derive(Serialize)]
pub struct ReceivedView {
    pub received: bool,
}
