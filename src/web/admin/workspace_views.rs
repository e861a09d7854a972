//! The views of the workspace's own pages (overview, programme, settings, rooms and tracks,
//! speakers, tickets, the generic edit and confirm pages), each carrying the page's `Head`.

use serde::Serialize;
use serde_json::Value;

use crate::web::admin::views::Fields;
use crate::web::admin::workspace::{Forms, Head};

/// One thing a confirm page says will happen (or why it cannot).
#[derive(Serialize)]
pub struct Consequence {
    pub text: String,
    pub href: Option<String>,
}

/// `admin/confirm`: before removing or cancelling, what will happen, and the one button that
/// does it (none when it cannot be done: the page says why and what to do instead).
#[derive(Serialize)]
pub struct ConfirmPage<'a> {
    #[serde(flatten)]
    pub head: Head,
    pub csrf: &'a str,
    pub title: String,
    /// What will happen, or why it cannot.
    pub notes: Vec<String>,
    /// The sessions concerned, each linked to its page.
    pub sessions: Vec<Consequence>,
    /// Where the button posts; `None`: nothing to confirm.
    pub action: Option<String>,
    pub button: String,
    /// A choice to make first (where the sessions go), as `<select name="move_to">`.
    pub choice: Option<Choice>,
    pub back: String,
    pub problem: Option<String>,
}

#[derive(Serialize)]
pub struct Choice {
    pub label: String,
    pub options: Vec<crate::web::admin::views::Choice>,
    pub value: String,
    pub error: Option<String>,
}

/// `admin/overview`: the event in figures, and where to go next.
#[derive(Serialize)]
pub struct OverviewPage<'a> {
    #[serde(flatten)]
    pub head: Head,
    pub csrf: &'a str,
    pub figures: crate::app::admin_events::Overview,
    pub checklist: crate::web::admin::preview_views::ChecklistView,
}

/// `admin/programme`: the sessions, and the new-session form.
#[derive(Serialize)]
pub struct ProgrammePage<'a> {
    #[serde(flatten)]
    pub head: Head,
    pub csrf: &'a str,
    pub sessions: Vec<Value>,
    #[serde(flatten)]
    pub forms: Forms,
    pub vocab: crate::web::admin::views::Vocabulary,
    pub options: crate::web::admin::views::Options,
    pub speaker_rows: Vec<crate::web::admin::views::SpeakerRow>,
    pub session_bounds: crate::web::admin::preview_views::SessionBounds,
}

/// `admin/settings`: the event's details form.
#[derive(Serialize)]
pub struct SettingsPage<'a> {
    #[serde(flatten)]
    pub head: Head,
    pub csrf: &'a str,
    #[serde(flatten)]
    pub forms: Forms,
    pub vocab: crate::web::admin::views::Vocabulary,
    /// Offer to copy the event for its next edition (not to a login limited to this event).
    pub may_duplicate: bool,
}

/// A room with the number of sessions in it.
#[derive(Serialize)]
pub struct RoomRow {
    #[serde(flatten)]
    pub room: crate::app::admin_events::Room,
    pub sessions: usize,
}

/// A track with its name in the visitor's language and its number of sessions.
#[derive(Serialize)]
pub struct TrackRow {
    #[serde(flatten)]
    pub track: crate::app::admin_events::Track,
    pub name: String,
    pub sessions: usize,
}

/// `admin/rooms`: rooms and tracks, with their add forms.
#[derive(Serialize)]
pub struct RoomsPage<'a> {
    #[serde(flatten)]
    pub head: Head,
    pub csrf: &'a str,
    pub rooms: Vec<RoomRow>,
    pub tracks: Vec<TrackRow>,
    #[serde(flatten)]
    pub forms: Forms,
}

/// What an edit form needs beyond its values: the speaker's photo, the ticket's choices.
#[derive(Serialize, Default)]
pub struct EditExtra {
    pub photo_url: Option<String>,
    pub paid_allowed: bool,
    pub attendance: Vec<crate::web::admin::views::Choice>,
    pub on_sale: bool,
}

/// `admin/edit`: one room, track, speaker or ticket type's form (`kind` says which).
#[derive(Serialize)]
pub struct EditPage<'a> {
    #[serde(flatten)]
    pub head: Head,
    pub csrf: &'a str,
    pub kind: &'static str,
    pub id: i64,
    pub title: String,
    pub values: Fields,
    pub errors: Fields,
    pub problem: Option<String>,
    pub action: String,
    pub back: String,
    pub extra: Option<EditExtra>,
}

/// A speaker in the workspace's list.
#[derive(Serialize)]
pub struct SpeakerRowView {
    pub id: i64,
    pub name: String,
    pub affiliation: String,
    pub has_photo: bool,
    pub sessions: usize,
}

/// `admin/speakers`: the speakers, and the add form.
#[derive(Serialize)]
pub struct SpeakersPage<'a> {
    #[serde(flatten)]
    pub head: Head,
    pub csrf: &'a str,
    pub speakers: Vec<SpeakerRowView>,
    #[serde(flatten)]
    pub forms: Forms,
}

/// A ticket type in the workspace's list.
#[derive(Serialize)]
pub struct TicketRow {
    pub id: i64,
    pub name: String,
    pub name_fr: String,
    pub name_en: String,
    pub price: String,
    pub attendance: String,
    pub quota: Option<i64>,
    pub held: i64,
    pub sales: String,
    pub on_sale: bool,
}

/// `admin/tickets`: ticket types, the add form, and whether paid ones can be sold.
#[derive(Serialize)]
pub struct TicketsPage<'a> {
    #[serde(flatten)]
    pub head: Head,
    pub csrf: &'a str,
    pub tickets: Vec<TicketRow>,
    pub paid_allowed: bool,
    pub attendance: Vec<crate::web::admin::views::Choice>,
    #[serde(flatten)]
    pub forms: Forms,
}
