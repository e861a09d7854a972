//! The organisers' "duplicate this event" form: a new slug and a number of days (52 weeks
//! proposed); the copy is a draft, and the organiser lands on its admin page.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::admin_events::Event;
use crate::app::{duplicate, Db};
use crate::auth::{Csrf, Organiser};
use crate::domain::duplicate::shift_local;
use crate::domain::time;
use crate::domain::validate::Input;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{checked, shown, Ctx, Done};
use crate::web::admin::preview_views::DuplicatePage;
use crate::web::admin::views::render;

pub fn routes() -> Vec<Route> {
    routes![form, submit]
}

fn page(ctx: Ctx<'_>, event: &Event, values: &Input, error: Option<&Error>) -> Template {
    let lang = ctx.lang;
    let tz = event.tz();
    let days = values
        .get("shift_days")
        .and_then(|d| d.parse::<i64>().ok())
        .unwrap_or(crate::domain::duplicate::DEFAULT_SHIFT_DAYS);
    let view = DuplicatePage {
        workspace: crate::web::admin::workspace::head(
            event,
            lang,
            crate::web::admin::workspace::Section::Settings,
        ),
        csrf: &ctx.csrf.0,
        event: crate::web::public::pages::event_summary(event, lang),
        values: values.values.clone(),
        errors: error.map(|e| e.field_messages(lang)).unwrap_or_default(),
        problem: error.map(|e| e.message().render(lang)),
        starts_day: time::long_date(event.starts_at, tz, lang),
        lands_day: time::long_date(shift_local(event.starts_at, days, tz), tz, lang),
    };
    let path = format!("/admin/events/{}/duplicate", event.slug);
    render("admin/duplicate", lang, &path, &view)
}

#[get("/events/<slug>/duplicate")]
async fn form(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    who.may_create_events()?;
    let proposal = duplicate::proposal(&event);
    let values = Input::from_pairs([
        ("slug", proposal.slug),
        ("shift_days", proposal.shift_days.to_string()),
    ]);
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    Ok(page(ctx, &event, &values, None))
}

#[post("/events/<slug>/duplicate", data = "<form>")]
async fn submit(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    match duplicate::duplicate_event(db, &who.0, &event, &input).await {
        Ok(copy) => Ok(Ok(Redirect::to(format!("/admin/events/{}", copy.slug)))),
        Err(err) => {
            let err = shown(err)?;
            let ctx = Ctx {
                db,
                lang,
                csrf: &csrf,
            };
            Ok(Err((err.status(), page(ctx, &event, &input, Some(&err)))))
        }
    }
}
