//! The organisers' timetable (`/admin/events/SLUG/timetable`: one day's grid of rooms × time,
//! server-drawn, no JavaScript) and the programme sheet (`programme.csv`, under `/admin` and,
//! with an organiser token, under `/api/v1`: the same route mounted twice).

use rocket::http::{ContentType, Header};
use rocket::{get, routes, Responder, Route, State};
use rocket_dyn_templates::Template;
use serde::Serialize;

use crate::app::programme_sheet;
use crate::app::timetable::{self, Timetable};
use crate::app::Db;
use crate::auth::Organiser;
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::admin::views::render;
use crate::web::admin::workspace::{head, Head, Section};

/// The timetable and the sheet under `/admin`.
pub fn routes() -> Vec<Route> {
    routes![page, programme_csv]
}

/// The sheet under `/api/v1` (its errors answer as JSON there).
pub fn api_routes() -> Vec<Route> {
    routes![programme_csv]
}

/// `admin/timetable`: the workspace's head and one day's grid.
#[derive(Serialize)]
struct TimetablePage {
    #[serde(flatten)]
    head: Head,
    #[serde(flatten)]
    timetable: Timetable,
}

#[get("/events/<slug>/timetable?<day>")]
async fn page(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    day: Option<&str>,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let head = head(&event, lang, Section::Timetable);
    let timetable = timetable::load(db, event, day, lang).await?;
    let view = TimetablePage { head, timetable };
    Ok(render(
        "admin/timetable",
        lang,
        &Section::Timetable.href(slug),
        &view,
    ))
}

#[derive(Responder)]
struct Sheet(String, ContentType, Header<'static>);

/// The file's language is `?lang=` or French, never the visitor's cookie, like the agenda's
/// CSV: every program exporting gets the same headers.
#[get("/events/<slug>/programme.csv?<lang>")]
async fn programme_csv(
    db: &State<Db>,
    who: Organiser,
    slug: &str,
    lang: Option<&str>,
) -> Result<Sheet> {
    let event = who.event(db, slug).await?;
    let lang = lang.and_then(Lang::parse).unwrap_or(Lang::Fr);
    let csv = programme_sheet::export_sheet(db, &who.0.actor(), event, lang).await?;
    let content_type =
        ContentType::new("text", "csv").with_params([("charset", "utf-8"), ("header", "present")]);
    let disposition = format!("attachment; filename=\"{slug}-programme.csv\"");
    Ok(Sheet(
        csv,
        content_type,
        Header::new("Content-Disposition", disposition),
    ))
}
