//! The agenda's finder: the filter form's options with what is chosen, the address of a
//! filtered view (to share, and for the language switch), and the page-cache key of one.

use serde::Serialize;

use crate::app::agenda::Agenda;
use crate::domain::agenda_filter::{AgendaFilter, RawFilter, MAX_QUERY_CHARS};
use crate::domain::{time, SessionKind};
use crate::i18n::Lang;

/// An `<option>` of a filter, and whether it is the one chosen.
#[derive(Debug, Serialize)]
pub struct FilterOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The filter form as the page shows it.
#[derive(Debug, Serialize)]
pub struct FinderView {
    /// Whether any filter applies (then the count says how many sessions match).
    pub active: bool,
    pub q: String,
    pub days: Vec<FilterOption>,
    pub tracks: Vec<FilterOption>,
    pub rooms: Vec<FilterOption>,
    pub kinds: Vec<FilterOption>,
    pub formats: Vec<FilterOption>,
    /// Filters given with a value the agenda does not have, in words (ignored).
    pub ignored: Option<String>,
    pub shown: usize,
}

fn option(value: String, label: String, chosen: bool) -> FilterOption {
    FilterOption {
        value,
        label,
        selected: chosen,
    }
}

/// The form for `agenda` with `filter` chosen; `shown` sessions match.
pub fn finder(
    agenda: &Agenda,
    filter: &AgendaFilter,
    ignored: &[&str],
    shown: usize,
    lang: Lang,
) -> FinderView {
    let tz = agenda.event.tz();
    let offered = agenda.offered();
    let days = offered
        .days
        .iter()
        .map(|d| {
            let label = time::long_date(time::start_of_day(*d, tz), tz, lang);
            option(d.to_string(), label, filter.day == Some(*d))
        })
        .collect();
    let tracks = agenda
        .tracks
        .iter()
        .map(|t| {
            let name = lang.pick(&t.name_fr, &t.name_en).to_string();
            option(t.id.to_string(), name, filter.track == Some(t.id))
        })
        .collect();
    let rooms = agenda
        .rooms
        .iter()
        .map(|r| option(r.id.to_string(), r.name.clone(), filter.room == Some(r.id)))
        .collect();
    let kinds = kind_options(agenda, filter, lang);
    let formats = format_options(filter, lang);
    let ignored = ignored_note(ignored, lang);
    FinderView {
        active: !filter.is_empty(),
        q: filter.q.clone().unwrap_or_default(),
        days,
        tracks,
        rooms,
        kinds,
        formats,
        ignored,
        shown,
    }
}

/// The kinds of session the agenda has.
fn kind_options(agenda: &Agenda, filter: &AgendaFilter, lang: Lang) -> Vec<FilterOption> {
    SessionKind::ALL
        .iter()
        .filter(|k| agenda.sessions.iter().any(|s| s.kind == **k))
        .map(|k| {
            let label = lang.t(&format!("kind-{}", k.as_str()));
            option(k.as_str().into(), label, filter.kind == Some(*k))
        })
        .collect()
}

/// In person or online.
fn format_options(filter: &AgendaFilter, lang: Lang) -> Vec<FilterOption> {
    [
        ("in_person", lang.t("finder-in-person")),
        ("online", lang.t("finder-online")),
    ]
    .into_iter()
    .map(|(value, label)| {
        let chosen = filter.format.map(|f| f.as_str()) == Some(value);
        option(value.into(), label, chosen)
    })
    .collect()
}

/// The sentence naming filters of the address that were not understood, if any.
fn ignored_note(ignored: &[&str], lang: Lang) -> Option<String> {
    (!ignored.is_empty()).then(|| {
        let names: Vec<String> = ignored
            .iter()
            .map(|n| lang.t(&format!("finder-{n}")))
            .collect();
        lang.t_args("finder-ignored", &[("filters", names.join(", "))])
    })
}

/// The filters as an address query (`day=…&q=…`), in a fixed order; empty without filters.
pub fn query(raw: &RawFilter<'_>) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    let pairs = [
        ("day", raw.day),
        ("track", raw.track),
        ("room", raw.room),
        ("kind", raw.kind),
        ("format", raw.format),
        ("q", raw.q),
    ];
    for (name, value) in pairs {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            let v: String = v.chars().take(MAX_QUERY_CHARS).collect();
            q.append_pair(name, &v);
        }
    }
    q.finish()
}

/// The page-cache key part of these filters, found without reading the agenda: the values
/// as the page will show them (the search box shows the text as typed).
pub fn cache_key(raw: &RawFilter<'_>) -> String {
    query(raw)
}
