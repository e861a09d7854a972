//! Views of the organisers' workspace pages added with the draft preview: the publish
//! checklist, the duplicate form, the session form's bounds, and the confirm pages for
//! removing and restoring a session. Kept apart from `views.rs` while that file is reshaped.

use serde::Serialize;

use crate::app::agenda::Agenda;
use crate::app::checklist::{Check, Fix};
use crate::domain::time;
use crate::i18n::Lang;
use crate::web::admin::views::{Fields, SessionPage};

/// One line of the checklist: passed or a warning, what it says, where to fix it.
#[derive(Serialize)]
pub struct CheckView {
    pub ok: bool,
    pub message: String,
    pub fix_url: String,
}

/// The checklist partial's data, with the preview and duplicate links beside it.
#[derive(Serialize)]
pub struct ChecklistView {
    pub checks: Vec<CheckView>,
    pub warnings: usize,
    pub preview_url: String,
    /// `None` for an organiser who may not create events (limited to this one).
    pub duplicate_url: Option<String>,
}

impl ChecklistView {
    pub fn new(slug: &str, checks: &[Check], lang: Lang) -> ChecklistView {
        let fix_url = |fix: Fix| match fix {
            Fix::EventField(field) => format!("/admin/events/{slug}/settings#event-{field}"),
            Fix::NewSession => format!("/admin/events/{slug}/programme#new-session"),
            Fix::Session(id) => format!("/admin/events/{slug}/sessions/{id}"),
        };
        ChecklistView {
            checks: checks
                .iter()
                .map(|c| CheckView {
                    ok: c.ok,
                    message: c.message.render(lang),
                    fix_url: fix_url(c.fix),
                })
                .collect(),
            warnings: checks.iter().filter(|c| !c.ok).count(),
            preview_url: format!("/events/{slug}"),
            duplicate_url: Some(format!("/admin/events/{slug}/duplicate")),
        }
    }
}

/// The limits and defaults of a session's date inputs: the event's days, on its clock.
#[derive(Serialize)]
pub struct SessionBounds {
    pub min: String,
    pub max: String,
    pub start: String,
    pub end: String,
    /// The first and last days in words, for the hint.
    pub first_day: String,
    pub last_day: String,
    pub same_day: bool,
}

impl SessionBounds {
    /// A new session starts when the event does and lasts an hour (or until the event ends).
    pub fn of(agenda: &Agenda, lang: Lang) -> SessionBounds {
        let e = &agenda.event;
        let tz = e.tz();
        let end = (e.starts_at + 3600).min(e.ends_at);
        SessionBounds {
            min: time::local_input(e.starts_at, tz),
            max: time::local_input(e.ends_at, tz),
            start: time::local_input(e.starts_at, tz),
            end: time::local_input(end, tz),
            first_day: time::long_date(e.starts_at, tz, lang),
            last_day: time::long_date(e.ends_at, tz, lang),
            same_day: time::day(e.starts_at, tz) == time::day(e.ends_at, tz),
        }
    }
}

/// A page's view with the checklist and the session form's bounds added.
#[derive(Serialize)]
pub struct WithChecklist<T: Serialize> {
    #[serde(flatten)]
    pub page: T,
    pub checklist: ChecklistView,
    pub session_bounds: SessionBounds,
}

/// `admin/session`: the edit form (or a new session's form, when `id` is absent), with the
/// session's state for the remove or restore button.
#[derive(Serialize)]
pub struct SessionFormPage<'a> {
    /// The workspace's head (navigation), beside the form.
    pub workspace: crate::web::admin::workspace::Head,
    #[serde(flatten)]
    pub page: SessionPage<'a>,
    /// Where the form posts.
    pub action: String,
    pub is_new: bool,
    pub cancelled: bool,
    pub restorable: bool,
    pub session_bounds: SessionBounds,
}

/// `admin/duplicate`: the new slug and the number of days.
#[derive(Serialize)]
pub struct DuplicatePage<'a> {
    pub workspace: crate::web::admin::workspace::Head,
    pub csrf: &'a str,
    pub event: crate::web::public::views::EventSummary,
    pub values: Fields,
    pub errors: Fields,
    pub problem: Option<String>,
    /// The source event's first day and that day moved by the proposed shift, in words.
    pub starts_day: String,
    pub lands_day: String,
}

/// `admin/session_confirm`: what removing or restoring a session will do.
#[derive(Serialize)]
pub struct ConfirmPage<'a> {
    pub workspace: crate::web::admin::workspace::Head,
    pub csrf: &'a str,
    pub event: crate::web::public::views::EventSummary,
    pub id: i64,
    pub title: String,
    pub when: String,
    /// `remove` or `restore`: which form and which words.
    pub restore: bool,
    /// Removing: deleted outright, since nobody signed up nor starred it.
    pub deletes: bool,
    pub signups: i64,
    /// People who have it in their programme.
    pub starred: i64,
    pub seated: i64,
    pub problem: Option<String>,
}
