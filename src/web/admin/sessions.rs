//! The organisers' session forms: add, edit (move), remove. A double booking comes back as
//! the form again with the clash named next to the room or speakers field.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::agenda::Agenda;
use crate::app::{organise, Db};
use crate::auth::{Csrf, Organiser};
use crate::domain::schedule::FORM_SPEAKER_ROWS;
use crate::domain::validate::Input;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{
    checked, on_event_page, options, shown, speaker_rows, vocabulary, Ctx, Done,
};
use crate::web::admin::views::{render, SessionPage};

pub fn routes() -> Vec<Route> {
    routes![create, edit_form, update, remove]
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
    let outcome = organise::create_session(db, &agenda, &input).await;
    let back = format!("/admin/events/{slug}#sessions");
    on_event_page(
        Ctx {
            db,
            lang,
            csrf: &csrf,
        },
        agenda.event,
        "session",
        &input,
        outcome,
        |_| back,
    )
    .await
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
    for (n, (sp, r)) in agenda
        .people(id)
        .into_iter()
        .enumerate()
        .take(FORM_SPEAKER_ROWS)
    {
        input
            .values
            .insert(format!("speaker_id_{n}"), sp.id.to_string());
        input
            .values
            .insert(format!("speaker_role_{n}"), r.role.as_str().to_string());
    }
    Ok(input)
}

fn edit_page(
    ctx: Ctx<'_>,
    agenda: &Agenda,
    id: i64,
    values: &Input,
    error: Option<&Error>,
) -> Template {
    let lang = ctx.lang;
    let slug = &agenda.event.slug;
    let view = SessionPage {
        csrf: &ctx.csrf.0,
        event: crate::web::public::pages::event_summary(&agenda.event, lang),
        id,
        values: &values.values,
        errors: error.map(|e| e.field_messages(lang)).unwrap_or_default(),
        problem: error.map(|e| e.message().render(lang)),
        vocab: vocabulary(lang),
        options: options(agenda, lang),
        speaker_rows: speaker_rows(values),
    };
    render(
        "admin/session",
        lang,
        &format!("/admin/events/{slug}/sessions/{id}"),
        &view,
    )
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
    Ok(edit_page(
        Ctx {
            db,
            lang,
            csrf: &csrf,
        },
        &agenda,
        id,
        &values,
        None,
    ))
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
    match organise::update_session(db, &agenda, id, input.clone()).await {
        Ok(_) => Ok(Ok(Redirect::to(format!("/admin/events/{slug}#sessions")))),
        Err(err) => {
            let err = shown(err)?;
            let page = edit_page(
                Ctx {
                    db,
                    lang,
                    csrf: &csrf,
                },
                &agenda,
                id,
                &input,
                Some(&err),
            );
            Ok(Err((err.status(), page)))
        }
    }
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
    organise::delete_session(db, &event, id).await?;
    Ok(Redirect::to(format!("/admin/events/{slug}#sessions")))
}
