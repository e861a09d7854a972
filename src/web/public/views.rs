//! The public pages' views: what each page's template (and, for the event, other pages too)
//! is given. The structs are the contract; [`page_data`] turns one into the template engine's input.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use crate::app::Event;
use crate::domain::time;
use crate::domain::{EventStatus, Format};
use crate::i18n::Lang;

/// A view as the data `crate::web::page` takes.
pub fn page_data<T: Serialize>(view: &T) -> Value {
    serde_json::to_value(view).expect("a view serializes to JSON")
}

/// An event as pages show it, in the visitor's language and the event's time zone.
#[derive(Debug, Clone, Serialize)]
pub struct EventSummary {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub paragraphs: Vec<String>,
    pub illustrative_note: String,
    pub organiser: String,
    pub venue: Option<String>,
    pub format: Format,
    pub format_label: String,
    pub status: EventStatus,
    pub cancelled: bool,
    pub timezone: String,
    pub zone: String,
    pub starts_day: String,
    pub ends_day: String,
    pub same_day: bool,
    pub starts: String,
    pub ends: String,
    pub license: String,
    pub url: String,
}

impl EventSummary {
    pub fn new(e: &Event, lang: Lang) -> EventSummary {
        let tz = e.tz();
        let description = lang.pick(&e.description_fr, &e.description_en);
        EventSummary {
            slug: e.slug.clone(),
            title: lang.pick(&e.title_fr, &e.title_en).to_string(),
            description: description.to_string(),
            paragraphs: description.split("\n\n").map(str::to_string).collect(),
            illustrative_note: lang
                .pick(&e.illustrative_note_fr, &e.illustrative_note_en)
                .to_string(),
            organiser: e.organiser.clone(),
            venue: e.venue.clone(),
            format: e.format,
            format_label: lang.t(&format!("format-{}", e.format.as_str())),
            status: e.status,
            cancelled: e.status == EventStatus::Cancelled,
            timezone: e.timezone.clone(),
            zone: time::zone_abbreviation(e.starts_at, tz),
            starts_day: time::long_date(e.starts_at, tz, lang),
            ends_day: time::long_date(e.ends_at, tz, lang),
            same_day: time::day(e.starts_at, tz) == time::day(e.ends_at, tz),
            starts: time::clock(e.starts_at, tz),
            ends: time::clock(e.ends_at, tz),
            license: e.license.clone(),
            url: format!("/events/{}", e.slug),
        }
    }
}

/// A page that shows only its event (registration done, erased, ...).
#[derive(Debug, Serialize)]
pub struct EventPage {
    pub event: EventSummary,
}

/// `/`: the upcoming events.
#[derive(Debug, Serialize)]
pub struct Home {
    pub events: Vec<EventSummary>,
}

#[derive(Debug, Serialize)]
pub struct TrackView {
    pub id: i64,
    pub name: String,
    pub color: String,
}

/// `/events/SLUG`: the event and its agenda.
#[derive(Debug, Serialize)]
pub struct EventAgenda<'a, R: Serialize> {
    pub event: EventSummary,
    /// The filter form, and how many sessions it keeps.
    pub finder: crate::web::public::finder::FinderView,
    /// The agenda's days (those with sessions the filters keep), as `app::agenda` shapes them.
    pub days: Vec<crate::app::agenda::Day>,
    pub tracks: Vec<TrackView>,
    pub rooms: &'a [R],
    pub session_count: usize,
    pub visitor_zone: &'a str,
    /// The list and grid views' addresses (with the filters), and which one this is.
    pub views: AgendaViews,
    /// Each day as a grid of rooms × time, in the grid view only.
    pub grid: Vec<crate::app::agenda_grid::GridDay>,
    /// What is on and next, while the event is on.
    pub now_next: Option<crate::app::agenda_page::NowNext>,
}

/// The agenda's two views: the list (phones, and the default) and the grid (wide screens).
#[derive(Debug, Serialize)]
pub struct AgendaViews {
    pub grid: bool,
    pub list_url: String,
    pub grid_url: String,
}

/// `/events/SLUG/sessions/ID`.
#[derive(Debug, Serialize)]
pub struct SessionPage {
    pub event: EventSummary,
    /// The session, as `app::agenda` shapes it.
    pub session: crate::app::agenda::SessionView,
}

#[derive(Debug, Serialize)]
pub struct SessionLink {
    pub title: String,
    pub url: String,
    /// Marked as such on the speakers page, as the agenda does.
    pub cancelled: bool,
}

/// A speaker, as `app::agenda` shapes one, with links to their sessions.
#[derive(Debug, Serialize)]
pub struct SpeakerView {
    #[serde(flatten)]
    pub speaker: crate::app::agenda::SpeakerDetails,
    pub sessions: Vec<SessionLink>,
}

/// `/events/SLUG/speakers`.
#[derive(Debug, Serialize)]
pub struct SpeakersPage {
    pub event: EventSummary,
    pub speakers: Vec<SpeakerView>,
}

/// One choice among radio buttons or a select.
#[derive(Debug, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Debug, Serialize)]
pub struct TicketChoice {
    pub value: String,
    pub label: String,
    pub price: String,
    pub checked: bool,
}

#[derive(Debug, Serialize)]
pub struct LanguageChoice {
    pub value: &'static str,
    pub label: String,
}

/// A workshop that needs signing up: the session as `app::agenda` shapes it, with its places.
#[derive(Debug, Serialize)]
pub struct WorkshopChoice {
    #[serde(flatten)]
    pub session: crate::app::agenda::SessionView,
    pub left: Option<i64>,
    pub full: bool,
    pub checked: bool,
}

/// The registration form's choices (the organisers' "add someone" form shows them too).
#[derive(Debug, Serialize)]
pub struct ChoicesView {
    pub hybrid: bool,
    pub modes: Vec<Choice>,
    pub tickets: Vec<TicketChoice>,
    pub several_tickets: bool,
    pub languages: Vec<LanguageChoice>,
    pub workshops: Vec<WorkshopChoice>,
    pub full: Option<String>,
}

/// `/events/SLUG/register`.
#[derive(Debug, Serialize)]
pub struct RegisterPage {
    pub event: EventSummary,
    pub csrf: String,
    pub open: bool,
    pub problem: Option<String>,
    pub values: BTreeMap<String, String>,
    pub errors: Option<BTreeMap<String, String>>,
    pub choices: ChoicesView,
}

/// `/events/SLUG/resend`.
#[derive(Debug, Serialize)]
pub struct ResendPage<'a> {
    pub event: EventSummary,
    pub csrf: &'a str,
    pub email: &'a str,
    pub error: Option<String>,
}

/// `/events/SLUG/privacy`.
#[derive(Debug, Serialize)]
pub struct PrivacyPage {
    pub event: EventSummary,
    pub paragraphs: Vec<String>,
}

/// The answer to a program's erasure.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Erased)]
pub struct Erased {
    pub status: &'static str,
}

/// `/accessibility`: the RGAA statement, from the settings and the audit rule.
#[derive(Debug, Serialize)]
pub struct StatementPage {
    /// The deploying organisation, or words for it when the setting is unset.
    pub organisation: String,
    pub organisation_set: bool,
    /// The service the statement covers (`PUBLIC_URL`).
    pub site: String,
    /// `full`, `partial` or `none`: the Fluent selector of the state's words.
    pub state: &'static str,
    /// `none` (not audited yet), `expired` or `valid`.
    pub audit: &'static str,
    pub audit_date: Option<String>,
    pub contact: Option<ContactLink>,
}

#[derive(Debug, Serialize)]
pub struct ContactLink {
    pub href: String,
    pub text: String,
}
