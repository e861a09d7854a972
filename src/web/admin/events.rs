//! The organisers' pages: the events list, and each event's overview, programme and settings
//! (the other sections of the workspace have their own modules). Every form carries the CSRF
//! token; a refused form comes back with the visitor's input and a message per field.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::admin_events::{self, Event};
use crate::app::agenda::Agenda;
use crate::app::{organise, Db};
use crate::auth::{Csrf, Organiser};
use crate::domain::validate::Input;
use crate::domain::{EventStatus, Format, SessionKind, SpeakerRole};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::admin::preview_views::{ChecklistView, SessionBounds};
use crate::web::admin::sessions::speaker_rows;
use crate::web::admin::views::{
    render, Choice, EventsPage, Fields, ListedEvent, Options, Vocabulary,
};
use crate::web::admin::workspace::{head, Forms, OverviewPage, ProgrammePage, Refused, Section};

/// The events list and each event's overview, programme and settings pages, with the
/// workspace's other sections (rooms and tracks, tickets).
pub fn routes() -> Vec<Route> {
    let mut all = routes![dashboard, create_event, overview, programme,];
    all.extend(crate::web::admin::event_settings::routes());
    all.extend(crate::web::admin::rooms::routes());
    all.extend(crate::web::admin::tickets::routes());
    all.extend(crate::web::admin::timetable::routes());
    all
}

/// A page, or the same page again with what went wrong (status 4xx).
pub type Page = std::result::Result<Template, (Status, Template)>;
pub type Done = std::result::Result<Redirect, (Status, Template)>;

/// A form as text fields, after its CSRF token is checked.
pub fn checked(csrf: &Csrf, form: HashMap<String, String>) -> Result<Input> {
    csrf.verify(form.get("csrf").map(String::as_str))?;
    Ok(Input::from_pairs(
        form.into_iter().filter(|(k, _)| k != "csrf"),
    ))
}

/// A refusal worth showing beside the form's fields; anything else propagates.
pub fn shown(err: Error) -> Result<Error> {
    match err {
        Error::Unprocessable { .. } | Error::Conflict { .. } => Ok(err),
        other => Err(other),
    }
}

fn choices<T: Copy>(
    all: &[T],
    prefix: &str,
    text: fn(T) -> &'static str,
    lang: Lang,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice::new(text(*v), lang.t(&format!("{prefix}-{}", text(*v)))))
        .collect()
}

/// The event's rooms, tracks and speakers as `<select>` options (values as text, as forms send).
pub fn options(agenda: &Agenda, lang: Lang) -> Options {
    let opt = |id: i64, label: &str| Choice::new(id.to_string(), label);
    Options {
        rooms: agenda.rooms.iter().map(|r| opt(r.id, &r.name)).collect(),
        tracks: agenda
            .tracks
            .iter()
            .map(|t| opt(t.id, lang.pick(&t.name_fr, &t.name_en)))
            .collect(),
        speakers: agenda.speakers.iter().map(|s| opt(s.id, &s.name)).collect(),
    }
}

pub fn vocabulary(lang: Lang) -> Vocabulary {
    Vocabulary {
        formats: choices(Format::ALL, "format", Format::as_str, lang),
        statuses: choices(EventStatus::ALL, "status", EventStatus::as_str, lang),
        kinds: choices(SessionKind::ALL, "kind", SessionKind::as_str, lang),
        roles: choices(SpeakerRole::ALL, "role", SpeakerRole::as_str, lang),
        yes_no: vec![
            Choice::new("false", lang.t("no")),
            Choice::new("true", lang.t("yes")),
        ],
    }
}

fn list_page(lang: Lang, csrf: &Csrf, events: &[Event], new: Option<(&Input, &Error)>) -> Template {
    let events = events
        .iter()
        .map(|e| ListedEvent {
            summary: crate::web::public::pages::event_summary(e, lang),
            status_label: lang.t(&format!("status-{}", e.status.as_str())),
        })
        .collect();
    let (values, errors) = match new {
        Some((input, err)) => (input.values.clone(), err.field_messages(lang)),
        None => (
            [
                ("timezone", "Europe/Paris"),
                ("format", "in_person"),
                ("status", "draft"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
            Fields::new(),
        ),
    };
    let view = EventsPage {
        csrf: &csrf.0,
        events,
        values,
        errors,
        vocab: vocabulary(lang),
    };
    render("admin/events", lang, "/admin", &view)
}

#[get("/")]
async fn dashboard(db: &State<Db>, lang: Lang, csrf: Csrf, who: Organiser) -> Result<Template> {
    let mut events = admin_events::events(db).await?;
    events.retain(|e| who.0.may_access_event(e.id));
    Ok(list_page(lang, &csrf, &events, None))
}

#[post("/events", data = "<form>")]
async fn create_event(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    who.may_create_events()?;
    match organise::create_event(db, &input).await {
        Ok(e) => Ok(Ok(Redirect::to(format!("/admin/events/{}", e.slug)))),
        Err(err) => {
            let err = shown(err)?;
            let events = admin_events::events(db).await?;
            Ok(Err((
                err.status(),
                list_page(lang, &csrf, &events, Some((&input, &err))),
            )))
        }
    }
}

/// What every organiser page handler has at hand.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub db: &'a Db,
    pub lang: Lang,
    pub csrf: &'a Csrf,
}

impl<'a> Ctx<'a> {
    pub fn new(db: &'a Db, lang: Lang, csrf: &'a Csrf) -> Ctx<'a> {
        Ctx { db, lang, csrf }
    }
}

/// The workspace page a form belongs to, shown again with its refusal (or fresh).
pub async fn section_page(
    ctx: Ctx<'_>,
    event: Event,
    refused: Option<Refused<'_>>,
) -> Result<Template> {
    match refused.as_ref().map(|r| r.form) {
        Some("room" | "track") => {
            crate::web::admin::rooms::rooms_page(ctx, event, refused, None).await
        }
        Some("speaker") => {
            crate::web::admin::speakers::speakers_page(ctx, event, refused, None).await
        }
        _ => programme_page(ctx, event, refused).await,
    }
}

/// Runs a change from one of the workspace's forms: on to `next` on success, or the form's
/// page again with the refusal next to that form.
pub async fn on_event_page<T>(
    ctx: Ctx<'_>,
    event: Event,
    form: &'static str,
    input: &Input,
    outcome: Result<T>,
    next: impl FnOnce(&T) -> String,
) -> Result<Done> {
    match outcome {
        Ok(done) => Ok(Ok(Redirect::to(next(&done)))),
        Err(err) => {
            let err = shown(err)?;
            let refused = Refused {
                form,
                input,
                error: &err,
            };
            let page = section_page(ctx, event, Some(refused)).await?;
            Ok(Err((err.status(), page)))
        }
    }
}

#[get("/events/<slug>")]
async fn overview(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let figures = admin_events::overview(db, &event).await?;
    let admin_events::EventPage { agenda, tickets } =
        admin_events::event_page(db, event.clone()).await?;
    let checks = crate::app::checklist::checklist(&agenda, &tickets, crate::domain::time::now());
    let mut checklist = ChecklistView::new(slug, &checks, lang);
    if who.may_create_events().is_err() {
        checklist.duplicate_url = None;
    }
    let view = OverviewPage {
        head: head(&event, lang, Section::Overview),
        csrf: &csrf.0,
        figures,
        checklist,
    };
    Ok(render(
        "admin/overview",
        lang,
        &Section::Overview.href(slug),
        &view,
    ))
}

pub async fn programme_page(
    ctx: Ctx<'_>,
    event: Event,
    refused: Option<Refused<'_>>,
) -> Result<Template> {
    programme_page_with(ctx, event, refused, Fields::new()).await
}

/// The programme page with the new-session form prefilled (from a timetable slot), unless a
/// refused form is shown again.
async fn programme_page_with(
    ctx: Ctx<'_>,
    event: Event,
    refused: Option<Refused<'_>>,
    slot: Fields,
) -> Result<Template> {
    let lang = ctx.lang;
    let agenda = Agenda::load(ctx.db, event).await?;
    let sessions = agenda
        .sessions
        .iter()
        .map(|s| serde_json::to_value(agenda.session_view(s, lang)).expect("a view serializes"))
        .collect();
    let rows = match &refused {
        Some(r) => speaker_rows(r.input),
        None => speaker_rows(&Input::default()),
    };
    let view = ProgrammePage {
        head: head(&agenda.event, lang, Section::Programme),
        csrf: &ctx.csrf.0,
        sessions,
        // A new session starts in the event's own format (a hybrid event's sessions are
        // hybrid unless the organiser says otherwise), at the free slot chosen if any.
        forms: Forms::new(refused.as_ref(), lang).prefill("session", {
            let mut values = slot;
            values
                .entry("format".into())
                .or_insert_with(|| agenda.event.format.as_str().to_string());
            values
        }),
        vocab: vocabulary(lang),
        options: options(&agenda, lang),
        speaker_rows: rows,
        session_bounds: SessionBounds::of(&agenda, lang),
    };
    Ok(render(
        "admin/programme",
        lang,
        &Section::Programme.href(&agenda.event.slug),
        &view,
    ))
}

/// A timetable slot links here with `room_id`, `starts_at` and `ends_at` for the new session.
#[get("/events/<slug>/programme?<room_id>&<starts_at>&<ends_at>")]
#[allow(clippy::too_many_arguments)]
async fn programme(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    room_id: Option<&str>,
    starts_at: Option<&str>,
    ends_at: Option<&str>,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let slot = crate::app::timetable::slot_values(&event, room_id, starts_at, ends_at);
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    programme_page_with(ctx, event, None, slot).await
}
