//! The organisers' workspace for one event: the sections every page of it shares in its
//! navigation, the head of each page, and the confirm step before anything is destroyed.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::app::admin_events::Event;
use crate::domain::EventStatus;
use crate::error::Error;
use crate::i18n::Lang;
use crate::web::admin::views::Fields;

pub use crate::web::admin::workspace_views::*;

/// A page of the event's workspace, in the order of its navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overview,
    Programme,
    Timetable,
    Speakers,
    Rooms,
    Tickets,
    Registrations,
    Doors,
    Messages,
    Certificates,
    Dashboard,
    Settings,
}

impl Section {
    pub const ALL: [Section; 12] = [
        Section::Overview,
        Section::Programme,
        Section::Timetable,
        Section::Speakers,
        Section::Rooms,
        Section::Tickets,
        Section::Registrations,
        Section::Doors,
        Section::Messages,
        Section::Certificates,
        Section::Dashboard,
        Section::Settings,
    ];

    /// The page's path after `/admin/events/SLUG`.
    pub fn path(self) -> &'static str {
        match self {
            Section::Overview => "",
            Section::Programme => "/programme",
            Section::Timetable => "/timetable",
            Section::Speakers => "/speakers",
            Section::Rooms => "/rooms",
            Section::Tickets => "/tickets",
            Section::Registrations => "/registrations",
            Section::Doors => "/checkins",
            Section::Messages => "/messages",
            Section::Certificates => "/certificates",
            Section::Dashboard => "/dashboard",
            Section::Settings => "/settings",
        }
    }

    fn label(self, lang: Lang) -> String {
        match self {
            Section::Overview => lang.t("ws-overview"),
            Section::Programme => lang.t("ws-programme"),
            Section::Timetable => lang.t("ws-timetable"),
            Section::Speakers => lang.t("ws-speakers"),
            Section::Rooms => lang.t("ws-rooms"),
            Section::Tickets => lang.t("ws-tickets"),
            Section::Registrations => lang.t("ws-registrations"),
            Section::Doors => lang.t("ws-doors"),
            Section::Messages => lang.t("ws-messages"),
            Section::Certificates => lang.t("ws-certificates"),
            Section::Dashboard => lang.t("ws-dashboard"),
            Section::Settings => lang.t("ws-settings"),
        }
    }

    pub fn href(self, slug: &str) -> String {
        format!("/admin/events/{slug}{}", self.path())
    }
}

#[derive(Serialize)]
pub struct NavItem {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// What every workspace page starts with: the event, where we are, the sections.
#[derive(Serialize)]
pub struct Head {
    pub event: Value,
    pub slug: String,
    pub draft: bool,
    pub section: String,
    pub nav: Vec<NavItem>,
}

pub fn head(event: &Event, lang: Lang, current: Section) -> Head {
    let summary = crate::web::public::pages::event_summary(event, lang);
    Head {
        event: serde_json::to_value(summary).expect("a view serializes"),
        slug: event.slug.clone(),
        draft: event.status == EventStatus::Draft,
        section: current.label(lang),
        nav: Section::ALL
            .iter()
            .map(|s| NavItem {
                href: s.href(&event.slug),
                label: s.label(lang),
                current: *s == current,
            })
            .collect(),
    }
}

/// The head from an event's public summary (as other pages carry it) and the page's path: the
/// section is the one whose page the path is, or lies under.
pub fn head_of_summary(summary: &Value, lang: Lang, path: &str) -> Option<Head> {
    let slug = summary.get("slug")?.as_str()?.to_string();
    let base = Section::Overview.href(&slug);
    let rest = path
        .strip_prefix(&base)?
        .split('?')
        .next()
        .unwrap_or_default();
    let current = Section::ALL
        .iter()
        .rev()
        .find(|s| !s.path().is_empty() && rest.starts_with(s.path()))
        .copied()
        .unwrap_or(match rest {
            r if r.starts_with("/imports") => Section::Registrations,
            r if r.starts_with("/badges") => Section::Doors,
            r if r.starts_with("/sessions") => Section::Programme,
            r if r.starts_with("/tracks") => Section::Rooms,
            _ => Section::Overview,
        });
    Some(Head {
        event: summary.clone(),
        draft: summary.get("status").and_then(Value::as_str) == Some("draft"),
        section: current.label(lang),
        nav: Section::ALL
            .iter()
            .map(|s| NavItem {
                href: s.href(&slug),
                label: s.label(lang),
                current: *s == current,
            })
            .collect(),
        slug,
    })
}

/// A refused form: which form of the page, the visitor's input, what went wrong.
pub struct Refused<'a> {
    pub form: &'static str,
    pub input: &'a crate::domain::validate::Input,
    pub error: &'a Error,
}

/// The values and messages of a page's forms, by form name, and the refusal's summary.
#[derive(Serialize, Default)]
pub struct Forms {
    pub values: BTreeMap<&'static str, Fields>,
    pub errors: BTreeMap<&'static str, Fields>,
    pub problem: Option<String>,
    /// What the last action did ("Saved.", "Removed."), from the redirect's `?done=`.
    pub notice: Option<String>,
}

impl Forms {
    pub fn new(refused: Option<&Refused<'_>>, lang: Lang) -> Forms {
        let mut forms = Forms::default();
        if let Some(r) = refused {
            forms.values.insert(r.form, r.input.values.clone());
            forms.errors.insert(r.form, r.error.field_messages(lang));
            forms.problem = Some(r.error.message().render(lang));
        }
        forms
    }

    /// The notice for `?done=added|saved|removed` (anything else: none).
    pub fn done(mut self, done: Option<&str>, lang: Lang) -> Forms {
        self.notice = match done {
            Some("added") => Some(lang.t("ws-done-added")),
            Some("saved") => Some(lang.t("ws-done-saved")),
            Some("removed") => Some(lang.t("ws-done-removed")),
            _ => None,
        };
        self
    }

    /// Prefills form `name` with `values` unless it was just refused.
    pub fn prefill(mut self, name: &'static str, values: Fields) -> Forms {
        self.values.entry(name).or_insert(values);
        self
    }
}

/// The event's sessions (not cancelled) that `uses` keeps: what a removal would affect.
pub fn live_sessions(
    agenda: &crate::app::agenda::Agenda,
    uses: impl Fn(&crate::app::Session) -> bool,
) -> Vec<&crate::app::Session> {
    agenda
        .sessions
        .iter()
        .filter(|s| s.status != crate::domain::SessionStatus::Cancelled && uses(s))
        .collect()
}

/// Sessions as a confirm page lists them: "Title — day, 10:00–11:00", each linked to its form.
pub fn session_links(
    agenda: &crate::app::agenda::Agenda,
    sessions: &[&crate::app::Session],
    lang: Lang,
) -> Vec<Consequence> {
    use crate::domain::time;
    let tz = agenda.event.tz();
    sessions
        .iter()
        .map(|s| Consequence {
            text: format!(
                "{} — {}, {}–{}",
                lang.pick(&s.title_fr, &s.title_en),
                time::long_date(s.starts_at, tz, lang),
                time::clock(s.starts_at, tz),
                time::clock(s.ends_at, tz)
            ),
            href: Some(format!(
                "{}/sessions/{}",
                Section::Overview.href(&agenda.event.slug),
                s.id
            )),
        })
        .collect()
}

/// On to `back` once done; on a refusal worth showing, the page `again` draws with it (its
/// status the refusal's), so every form of the workspace fails the same way.
pub async fn or_again<T, Fut>(
    outcome: crate::error::Result<T>,
    back: String,
    again: impl FnOnce(Error) -> Fut,
) -> crate::error::Result<crate::web::admin::events::Done>
where
    Fut: std::future::Future<Output = crate::error::Result<rocket_dyn_templates::Template>>,
{
    match outcome {
        Ok(_) => Ok(Ok(rocket::response::Redirect::to(back))),
        Err(err) => {
            let err = crate::web::admin::events::shown(err)?;
            let status = err.status();
            Ok(Err((status, again(err).await?)))
        }
    }
}
