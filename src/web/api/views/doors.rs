//! Door check-ins: a verdict, an offline upload's results, the scan kit.

use serde::Serialize;
use utoipa::ToSchema;

use crate::app::checkin::Outcome;
use crate::app::offline::{ScanKit, Settled};
use crate::app::walk_ins::{Entry, WalkedIn};
use crate::domain::{time, Attendance};

#[derive(Serialize, ToSchema)]
#[schema(as = CheckinAttendee)]
pub struct CheckinAttendeeView {
    pub name: String,
    pub ticket: String,
    pub attendance: Attendance,
    pub organisation: String,
    pub badge_role: String,
}

/// A verdict on a scanned badge (CONTRACT.md).
#[derive(Serialize, ToSchema)]
#[schema(as = CheckinResult)]
pub struct CheckinView {
    #[schema(value_type = crate::domain::badge::Verdict)]
    pub verdict: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendee: Option<CheckinAttendeeView>,
    /// For already_checked_in: when this badge first came through this door.
    #[schema(format = DateTime)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_checkin_at: Option<String>,
    /// For already_checked_in: the gate of the first check-in.
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
                badge_role: a.registration.badge_role.to_string(),
            }),
            first_checkin_at: first.map(|(f, e)| time::to_rfc3339(f.scanned_at, e.tz())),
            gate: first.map(|(f, _)| f.gate.clone()),
        }
    }
}

/// The server's verdict on one scan of an offline upload.
#[derive(Serialize, ToSchema)]
#[schema(as = UploadedCheckin)]
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

#[derive(Serialize, ToSchema)]
#[schema(as = Upload)]
pub struct UploadView {
    pub results: Vec<SettledView>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = KitEvent)]
pub struct KitEventView {
    pub id: i64,
    pub slug: String,
    pub title_fr: String,
    pub title_en: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = KitBadge)]
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

#[derive(Serialize, ToSchema)]
#[schema(as = KitSession)]
pub struct KitSessionView {
    pub id: i64,
    pub requires_signup: bool,
}

#[derive(Serialize, ToSchema)]
#[schema(as = KitInside)]
pub struct KitInsideView {
    pub id: i64,
    /// 0: the event's entrance; else the session's id.
    pub scope: i64,
    pub gate: String,
    #[schema(format = DateTime)]
    pub at: String,
}

/// What an offline scanner downloads to judge badges alone.
#[derive(Serialize, ToSchema)]
#[schema(as = ScanKit)]
pub struct ScanKitView {
    pub event: KitEventView,
    /// base64url (no padding) of the Ed25519 public key.
    pub public_key: String,
    #[schema(format = DateTime)]
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

/// A walk-in registered at the door (CONTRACT.md): the check-in verdict and the badge code
/// when let in, or the waiting list's answer when the event is full.
#[derive(Serialize, ToSchema)]
#[schema(as = WalkInResult)]
pub struct WalkInView {
    pub registration_id: i64,
    #[schema(value_type = crate::domain::RegistrationStatus)]
    pub status: &'static str,
    /// An address already registered: that registration was found (none was added).
    pub existing: bool,
    /// When let in: the door's verdict and what it shows, as a check-in answers them.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::domain::badge::Verdict>)]
    pub verdict: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendee: Option<CheckinAttendeeView>,
    /// For already_checked_in: when this badge first came through this door.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = DateTime)]
    pub first_checkin_at: Option<String>,
    /// For already_checked_in: the gate of the first check-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gate: Option<String>,
    /// The badge code (the QR's text), when let in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// When the event is full.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<i64>,
}

impl From<&WalkedIn> for WalkInView {
    fn from(w: &WalkedIn) -> Self {
        let (checkin, code, waitlist_position) = match &w.entry {
            Entry::In { outcome, code } => (
                Some(CheckinView::from(outcome.as_ref())),
                Some(code.clone()),
                None,
            ),
            Entry::Waiting { position } => (None, None, *position),
            Entry::NoPlace => (None, None, None),
        };
        // The check-in's members sit beside the registration's, as in a check-in's answer.
        let (verdict, attendee, first_checkin_at, gate) = match checkin {
            Some(c) => (Some(c.verdict), c.attendee, c.first_checkin_at, c.gate),
            None => (None, None, None, None),
        };
        WalkInView {
            registration_id: w.registration.id,
            status: w.registration.status.as_str(),
            existing: !w.new,
            verdict,
            attendee,
            first_checkin_at,
            gate,
            code,
            waitlist_position,
        }
    }
}
