//! The organisers' session forms: add, edit (move), remove and restore, each removal or
//! restoring after a page that says what it will do. A double booking comes back as the form
//! again with the clash named next to the room or speakers field. The speaker rows grow one
//! at a time without JavaScript: "Add another speaker" is a submit button that shows the form
//! again, input kept, with one more row.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::agenda::Agenda;
use crate::app::{organise, session_removal, Db};
use crate::auth::{Csrf, Organiser};
use crate::domain::schedule::{form_speaker_rows, MAX_FORM_SPEAKER_ROWS};
use crate::domain::validate::Input;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{checked, on_event_page, options, shown, vocabulary, Ctx, Done};
use crate::web::admin::preview_views::{ConfirmPage, SessionBounds, SessionFormPage};
use crate::web::admin::views::{render, SessionPage, SpeakerRow};

pub fn routes() -> Vec<Route> {
    routes![
        create,
        edit_form,
        update,
        remove_confirm,
        remove,
        restore_confirm,
        restore
    ]
}

/// The name of the "Add another speaker" submit button.
const ADD_SPEAKER_ROW: &str = "add_speaker_row";

/// The session form's speaker rows with what is chosen in each: as many as were sent (or
/// saved), at least one, and one more when the organiser asked for another.
pub fn speaker_rows(values: &Input) -> Vec<SpeakerRow> {
    let sent = form_speaker_rows(values).last().map_or(0, |n| n + 1);
    let more = usize::from(values.values.contains_key(ADD_SPEAKER_ROW));
    (0..(sent + more).clamp(1, MAX_FORM_SPEAKER_ROWS))
        .map(|n| SpeakerRow {
            n,
            number: n + 1,
            speaker_id: values
                .get(&format!("speaker_id_{n}"))
                .unwrap_or("")
                .to_string(),
            role: values
                .get(&format!("speaker_role_{n}"))
                .unwrap_or("speaker")
                .to_string(),
        })
        .collect()
}

/// A form sent with "Add another speaker": shown again, nothing saved.
fn wants_another_row(input: &Input) -> bool {
    input.values.contains_key(ADD_SPEAKER_ROW)
}

#[post("/events/<slug>/sessions", data = "<form>")]
async fn create(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let agenda = Agenda::load(db, who.event(db, slug).await?).await?;
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    if wants_another_row(&input) {
        return Ok(Err((
            Status::Ok,
            session_form(ctx, &agenda, None, &input, None),
        )));
    }
    let outcome = organise::create_session(db, &agenda, &input).await;
    let back = format!("/admin/events/{slug}/programme#sessions");
    on_event_page(ctx, agenda.event, "session", &input, outcome, |_| back).await
}

/// The edit form's values: the session as saved, with speakers as numbered rows.
fn form_values(agenda: &Agenda, id: i64) -> Result<Input> {
    let session = agenda.session(id).ok_or(Error::NotFound)?;
    let tz = agenda.event.tz();
    let mut input = organise::session_input(agenda, session);
    input.values.insert(
        "starts_at".into(),
        crate::domain::time::local_input(session.starts_at, tz),
    );
    input.values.insert(
        "ends_at".into(),
        crate::domain::time::local_input(session.ends_at, tz),
    );
    let people = agenda.people(id);
    for (n, (sp, r)) in people.iter().enumerate() {
        input
            .values
            .insert(format!("speaker_id_{n}"), sp.id.to_string());
        input
            .values
            .insert(format!("speaker_role_{n}"), r.role.as_str().to_string());
    }
    // One empty row after the speakers, ready for the next.
    input
        .values
        .insert(format!("speaker_id_{}", people.len()), String::new());
    Ok(input)
}

/// The session form: a session's (`id`) or a new one's, with `values` and any refusal.
fn session_form(
    ctx: Ctx<'_>,
    agenda: &Agenda,
    id: Option<i64>,
    values: &Input,
    error: Option<&Error>,
) -> Template {
    let lang = ctx.lang;
    let slug = &agenda.event.slug;
    let session = id.and_then(|id| agenda.session(id));
    let mut shown = values.clone();
    shown.values.remove(ADD_SPEAKER_ROW);
    let page = SessionPage {
        csrf: &ctx.csrf.0,
        event: crate::web::public::pages::event_summary(&agenda.event, lang),
        id: id.unwrap_or_default(),
        values: &shown.values,
        errors: error.map(|e| e.field_messages(lang)).unwrap_or_default(),
        problem: error.map(|e| e.message().render(lang)),
        vocab: vocabulary(lang),
        options: options(agenda, lang),
        speaker_rows: speaker_rows(values),
    };
    // Where the form posts, and the page the language switch reloads (a new session's form
    // lives on the event's page).
    let (action, path) = match id {
        Some(id) => {
            let edit = format!("/admin/events/{slug}/sessions/{id}");
            (edit.clone(), edit)
        }
        None => (
            format!("/admin/events/{slug}/sessions"),
            format!("/admin/events/{slug}/programme"),
        ),
    };
    let view = SessionFormPage {
        workspace: crate::web::admin::workspace::head(
            &agenda.event,
            lang,
            crate::web::admin::workspace::Section::Programme,
        ),
        page,
        action,
        is_new: id.is_none(),
        cancelled: session.is_some_and(|s| s.status == crate::domain::SessionStatus::Cancelled),
        restorable: session.is_some_and(|s| session_removal::restorable(&agenda.event, s)),
        session_bounds: SessionBounds::of(agenda, lang),
    };
    render("admin/session", lang, &path, &view)
}

#[get("/events/<slug>/sessions/<id>")]
async fn edit_form(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let agenda = Agenda::load(db, who.event(db, slug).await?).await?;
    let values = form_values(&agenda, id)?;
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    Ok(session_form(ctx, &agenda, Some(id), &values, None))
}

#[post("/events/<slug>/sessions/<id>", data = "<form>")]
async fn update(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let mut input = checked(&csrf, form.into_inner())?;
    let agenda = Agenda::load(db, who.event(db, slug).await?).await?;
    // An edit form sends every field: a speaker row left empty means "no speaker there".
    input.values.entry("speaker_id_0".into()).or_default();
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    agenda.session(id).ok_or(Error::NotFound)?;
    if wants_another_row(&input) {
        return Ok(Err((
            Status::Ok,
            session_form(ctx, &agenda, Some(id), &input, None),
        )));
    }
    match organise::update_session(db, &agenda, id, input.clone()).await {
        Ok(_) => Ok(Ok(Redirect::to(format!(
            "/admin/events/{slug}/programme#sessions"
        )))),
        Err(err) => {
            let err = shown(err)?;
            let page = session_form(ctx, &agenda, Some(id), &input, Some(&err));
            Ok(Err((err.status(), page)))
        }
    }
}

/// The confirm page: what removing (or restoring) this session does, changing nothing yet.
async fn confirm_page(
    ctx: Ctx<'_>,
    event: &crate::app::admin_events::Event,
    id: i64,
    restore: bool,
    problem: Option<&Error>,
) -> Result<Template> {
    let lang = ctx.lang;
    let found = session_removal::consequences(ctx.db, event, id).await?;
    let s = &found.session;
    // Only a scheduled session is removed, only a cancelled one restored.
    if restore != (s.status == crate::domain::SessionStatus::Cancelled) {
        return Err(Error::NotFound);
    }
    let tz = event.tz();
    let when = format!(
        "{}, {}–{}",
        crate::domain::time::long_date(s.starts_at, tz, lang),
        crate::domain::time::clock(s.starts_at, tz),
        crate::domain::time::clock(s.ends_at, tz)
    );
    let view = ConfirmPage {
        workspace: crate::web::admin::workspace::head(
            event,
            lang,
            crate::web::admin::workspace::Section::Programme,
        ),
        csrf: &ctx.csrf.0,
        event: crate::web::public::pages::event_summary(event, lang),
        id,
        title: lang.pick(&s.title_fr, &s.title_en).to_string(),
        when,
        restore,
        deletes: found.counts.signups == 0 && found.counts.starred == 0,
        signups: found.counts.signups,
        starred: found.counts.starred,
        seated: found.counts.seated,
        problem: problem.map(|e| e.message().render(lang)),
    };
    let verb = if restore { "restore" } else { "delete" };
    let path = format!("/admin/events/{}/sessions/{id}/{verb}", event.slug);
    Ok(render("admin/session_confirm", lang, &path, &view))
}

#[get("/events/<slug>/sessions/<id>/delete")]
async fn remove_confirm(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    confirm_page(ctx, &event, id, false, None).await
}

#[post("/events/<slug>/sessions/<id>/delete", data = "<form>")]
async fn remove(
    db: &State<Db>,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<HashMap<String, String>>,
) -> Result<Redirect> {
    checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    session_removal::remove(db, &who.0, &event, id).await?;
    Ok(Redirect::to(format!(
        "/admin/events/{slug}/programme#sessions"
    )))
}

#[get("/events/<slug>/sessions/<id>/restore")]
async fn restore_confirm(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    confirm_page(ctx, &event, id, true, None).await
}

#[post("/events/<slug>/sessions/<id>/restore", data = "<form>")]
async fn restore(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    match session_removal::restore(db, &who.0, &event, id).await {
        Ok(_) => Ok(Ok(Redirect::to(format!(
            "/admin/events/{slug}/sessions/{id}"
        )))),
        Err(err) => {
            let err = shown(err)?;
            let ctx = Ctx {
                db,
                lang,
                csrf: &csrf,
            };
            let page = confirm_page(ctx, &event, id, true, Some(&err)).await?;
            Ok(Err((err.status(), page)))
        }
    }
}
