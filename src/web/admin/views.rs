//! The organisers' pages as typed views: each page's template data is a `Serialize` struct
//! (the contract); [`render`] turns it into the template engine's input.

use std::collections::BTreeMap;

use rocket_dyn_templates::Template;
use serde::Serialize;
use serde_json::Value;

use crate::app::admin_events::{Room, TicketType, Track};
use crate::i18n::Lang;

/// A view as the template engine's input (a view always serializes to an object).
pub fn data<T: Serialize>(view: &T) -> Value {
    serde_json::to_value(view).expect("a view serializes")
}

/// A page from its view: [`crate::web::staff_page`] (with the frame's sign-out form) with
/// the view as its data. A page about one event that does not carry the workspace's head
/// itself gets it as `workspace`, so every page of an event has the same navigation.
pub fn render<T: Serialize>(name: &'static str, lang: Lang, path: &str, view: &T) -> Template {
    let mut data = data(view);
    if let Value::Object(map) = &mut data {
        let has_head = map.contains_key("nav") || map.contains_key("workspace");
        let head = map
            .get("event")
            .filter(|_| !has_head)
            .and_then(|e| crate::web::admin::workspace::head_of_summary(e, lang, path));
        if let Some(head) = head {
            map.insert("workspace".into(), self::data(&head));
        }
    }
    crate::web::staff_page(name, lang, path, data)
}

/// An `<option>`: the value as forms send it and its label.
#[derive(Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
        }
    }
}

/// The words of the event and session forms' `<select>`s.
#[derive(Serialize)]
pub struct Vocabulary {
    pub formats: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub roles: Vec<Choice>,
    pub yes_no: Vec<Choice>,
}

/// The event's rooms, tracks and speakers as options.
#[derive(Serialize)]
pub struct Options {
    pub rooms: Vec<Choice>,
    pub tracks: Vec<Choice>,
    pub speakers: Vec<Choice>,
}

/// One speaker row of the session form.
#[derive(Serialize)]
pub struct SpeakerRow {
    pub n: usize,
    pub number: usize,
    pub speaker_id: String,
    pub role: String,
}

/// Form fields as text, and the messages per field.
pub type Fields = BTreeMap<String, String>;

/// An event in the organisers' list: its public summary and its status in words.
#[derive(Serialize)]
pub struct ListedEvent {
    #[serde(flatten)]
    pub summary: crate::web::public::views::EventSummary,
    pub status_label: String,
}

/// `admin/events`: the events and the new-event form.
#[derive(Serialize)]
pub struct EventsPage<'a> {
    pub csrf: &'a str,
    pub events: Vec<ListedEvent>,
    pub values: Fields,
    pub errors: Fields,
    pub vocab: Vocabulary,
}

/// `admin/event`: one event with its forms; `values` and `errors` by form name.
#[derive(Serialize)]
pub struct EventPage<'a> {
    pub csrf: &'a str,
    pub event: crate::web::public::views::EventSummary,
    pub rooms: &'a [Room],
    pub tracks: &'a [Track],
    pub speakers: Vec<crate::app::agenda::SpeakerSummary>,
    pub sessions: Vec<crate::app::agenda::SessionView>,
    pub tickets: &'a [TicketType],
    pub values: BTreeMap<&'static str, Fields>,
    pub errors: BTreeMap<&'static str, Fields>,
    pub problem: Option<String>,
    pub vocab: Vocabulary,
    pub options: Options,
    pub speaker_rows: Vec<SpeakerRow>,
}

/// `admin/session`: the session edit form.
#[derive(Serialize)]
pub struct SessionPage<'a> {
    pub csrf: &'a str,
    pub event: crate::web::public::views::EventSummary,
    pub id: i64,
    pub values: &'a Fields,
    pub errors: Fields,
    pub problem: Option<String>,
    pub vocab: Vocabulary,
    pub options: Options,
    pub speaker_rows: Vec<SpeakerRow>,
}
