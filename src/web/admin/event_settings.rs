//! An event's settings page (every field of the event, in both languages) and saving it;
//! the "next edition" copy is offered only to organisers who may create events.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::admin_events::Event;
use crate::app::{organise, Db};
use crate::auth::{Csrf, Organiser};
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::admin::events::{checked, shown, vocabulary, Ctx, Done};
use crate::web::admin::views::render;
use crate::web::admin::workspace::{head, Forms, Refused, Section, SettingsPage};

pub fn routes() -> Vec<Route> {
    routes![settings, update_event]
}

/// `may_duplicate`: the organiser may create events (a login limited to one event may not,
/// so the page does not offer to copy it).
pub async fn settings_page(
    ctx: Ctx<'_>,
    event: Event,
    refused: Option<Refused<'_>>,
    done: Option<&str>,
    may_duplicate: bool,
) -> Result<Template> {
    let lang = ctx.lang;
    let forms = Forms::new(refused.as_ref(), lang)
        .done(done, lang)
        .prefill("event", organise::event_input(&event).values);
    let view = SettingsPage {
        head: head(&event, lang, Section::Settings),
        csrf: &ctx.csrf.0,
        forms,
        vocab: vocabulary(lang),
        may_duplicate,
    };
    Ok(render(
        "admin/settings",
        lang,
        &Section::Settings.href(&event.slug),
        &view,
    ))
}

#[get("/events/<slug>/settings?<saved>")]
async fn settings(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    saved: Option<&str>,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    let may_duplicate = who.may_create_events().is_ok();
    settings_page(ctx, event, None, saved.map(|_| "saved"), may_duplicate).await
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
    match organise::update_event(db, &event, input.clone()).await {
        Ok(e) => Ok(Ok(Redirect::to(format!(
            "{}?saved=1",
            Section::Settings.href(&e.slug)
        )))),
        Err(err) => {
            let err = shown(err)?;
            let refused = Refused {
                form: "event",
                input: &input,
                error: &err,
            };
            let ctx = Ctx::new(db, lang, &csrf);
            let may_duplicate = who.may_create_events().is_ok();
            let page = settings_page(ctx, event, Some(refused), None, may_duplicate).await?;
            Ok(Err((err.status(), page)))
        }
    }
}
