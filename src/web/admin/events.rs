//! The organisers' pages: events, their rooms, tracks and speakers. Every form carries the
//! CSRF token; a refused form comes back with the visitor's input and a message per field.

use std::collections::{BTreeMap, HashMap};

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
use crate::web::admin::preview_views::{ChecklistView, SessionBounds, WithChecklist};
use crate::web::admin::sessions::speaker_rows;
use crate::web::admin::views::{
    render, Choice, EventPage, EventsPage, Fields, ListedEvent, Options, Vocabulary,
};

pub fn routes() -> Vec<Route> {
    routes![
        dashboard,
        create_event,
        event_page,
        update_event,
        add_room,
        add_track
    ]
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

/// Which form on the event page a refusal belongs to, with the input to show again.
pub struct Refused<'a> {
    pub form: &'static str,
    pub input: &'a Input,
    pub error: &'a Error,
}

pub async fn event_admin_page(
    db: &Db,
    lang: Lang,
    csrf: &Csrf,
    event: Event,
    refused: Option<Refused<'_>>,
) -> Result<Template> {
    let admin_events::EventPage { agenda, tickets } = admin_events::event_page(db, event).await?;
    let sessions: Vec<_> = agenda
        .sessions
        .iter()
        .map(|s| agenda.session_view(s, lang))
        .collect();
    let speakers: Vec<_> = agenda
        .speakers
        .iter()
        .map(|s| agenda.speaker_json(s, lang))
        .collect();
    let mut values = BTreeMap::from([("event", organise::event_input(&agenda.event).values)]);
    let mut errors = BTreeMap::new();
    let mut problem = None;
    let mut rows = speaker_rows(&Input::default());
    if let Some(r) = refused {
        if r.form == "session" {
            rows = speaker_rows(r.input);
        }
        values.insert(r.form, r.input.values.clone());
        errors.insert(r.form, r.error.field_messages(lang));
        problem = Some(r.error.message().render(lang));
    }
    let slug = agenda.event.slug.clone();
    let checks = crate::app::checklist::checklist(&agenda, &tickets, crate::domain::time::now());
    let checklist = ChecklistView::new(&slug, &checks, lang);
    let session_bounds = SessionBounds::of(&agenda, lang);
    let view = EventPage {
        csrf: &csrf.0,
        event: crate::web::public::pages::event_summary(&agenda.event, lang),
        rooms: &agenda.rooms,
        tracks: &agenda.tracks,
        speakers,
        sessions,
        tickets: &tickets,
        values,
        errors,
        problem,
        vocab: vocabulary(lang),
        options: options(&agenda, lang),
        speaker_rows: rows,
    };
    let view = WithChecklist {
        page: view,
        checklist,
        session_bounds,
    };
    Ok(render(
        "admin/event",
        lang,
        &format!("/admin/events/{slug}"),
        &view,
    ))
}

#[get("/events/<slug>")]
async fn event_page(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    event_admin_page(db, lang, &csrf, event, None).await
}

/// What every organiser page handler has at hand.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub db: &'a Db,
    pub lang: Lang,
    pub csrf: &'a Csrf,
}

/// Runs a change from one of the event page's forms: back to the page on success, or the
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
            let page = event_admin_page(ctx.db, ctx.lang, ctx.csrf, event, Some(refused)).await?;
            Ok(Err((err.status(), page)))
        }
    }
}

#[post("/events/<slug>", data = "<form>")]
async fn update_event(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let outcome = organise::update_event(db, &event, input.clone()).await;
    on_event_page(
        Ctx {
            db,
            lang,
            csrf: &csrf,
        },
        event,
        "event",
        &input,
        outcome,
        |e| format!("/admin/events/{}", e.slug),
    )
    .await
}

#[post("/events/<slug>/rooms", data = "<form>")]
async fn add_room(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let outcome = organise::add_room(db, &event, &input).await;
    let back = format!("/admin/events/{slug}#rooms");
    on_event_page(
        Ctx {
            db,
            lang,
            csrf: &csrf,
        },
        event,
        "room",
        &input,
        outcome,
        |_| back,
    )
    .await
}

#[post("/events/<slug>/tracks", data = "<form>")]
async fn add_track(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let outcome = organise::add_track(db, &event, &input).await;
    let back = format!("/admin/events/{slug}#tracks");
    on_event_page(
        Ctx {
            db,
            lang,
            csrf: &csrf,
        },
        event,
        "track",
        &input,
        outcome,
        |_| back,
    )
    .await
}
