//! Registrations: as their holder reads them, as registering answers, as organisers list them.

use serde::Serialize;
use utoipa::ToSchema;

use crate::app::registering::Standing;
use crate::domain::{Attendance, RegistrationStatus, SignupStatus};

/// Who is registered, with the counts: the roster's rows and counts, shared with the
/// organisers' pages and CSV, as `app::roster` shapes them.
#[derive(Serialize, ToSchema)]
#[schema(as = Roster)]
pub struct RosterView {
    pub registrations: Vec<crate::app::roster::RosterRow>,
    pub counts: crate::app::roster::RosterCounts,
}

#[derive(Serialize, ToSchema)]
#[schema(as = SessionStanding)]
pub struct SessionStandingView {
    pub id: i64,
    pub status: SignupStatus,
    pub waitlist_position: Option<i64>,
}

/// A session the attendee starred, with the sessions of their programme (starred or signed
/// up for) whose times overlap it.
#[derive(Serialize, ToSchema)]
#[schema(as = Starred)]
pub struct StarredView {
    /// The session.
    pub id: i64,
    /// The other sessions of their programme (starred or signed up for) whose times overlap
    /// this one's.
    pub clashes_with: Vec<i64>,
}

impl From<crate::app::stars::Starred> for StarredView {
    fn from(s: crate::app::stars::Starred) -> Self {
        StarredView {
            id: s.session_id,
            clashes_with: s.clashes_with,
        }
    }
}

/// A registration as its holder reads it (`GET /registrations/TOKEN` and the answers to
/// registering, changing and cancelling).
#[derive(Serialize, ToSchema)]
#[schema(as = Registration)]
pub struct RegistrationView {
    pub id: i64,
    pub status: RegistrationStatus,
    pub attendance: Attendance,
    #[schema(value_type = crate::domain::lang::Lang)]
    pub language: String,
    pub name: String,
    pub ticket: Option<i64>,
    pub sessions: Vec<SessionStandingView>,
    /// The sessions starred for the personal programme, by start time.
    pub starred: Vec<StarredView>,
    /// Present while the registration waits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<i64>,
    /// UTC seconds; present while a paid ticket awaits payment (then possibly null).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<i64>)]
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
            starred: s.starred.into_iter().map(StarredView::from).collect(),
            waitlist_position: s.waitlist_position,
            hold_expires_at: pending.then_some(r.hold_expires_at),
        }
    }
}

/// A new registration: its standing, the personal link, and for organisers the badge role,
/// for a paid ticket the Checkout page.
#[derive(Serialize, ToSchema)]
#[schema(as = RegistrationCreated)]
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
#[derive(Serialize, ToSchema)]
#[schema(as = CheckEmail)]
pub struct CheckEmailView {
    #[schema(examples("check_email"))]
    pub status: &'static str,
    pub message: String,
}
