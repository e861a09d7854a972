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
use crate::web::api::openapi::doc;

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
#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}/programme.csv",
    operation_id = "getProgrammeSheet",
    tag = "organisers",
    summary = "The programme as a spreadsheet (CSV), in the columns a programme import reads",
    description = "One row per session, cancelled ones included (`status`). Columns, French header / English header: `id` (the session id, the stable key), `date` (YYYY-MM-DD) / `début`–`start`, `fin`–`end` (HH:MM), all in the event's time zone; `titre_fr`/`title_fr`, `titre_en`/`title_en`, `type`/`kind`, `salle`/`room`, `parcours`/`track`, `intervenants`/`speakers` (`Name (role); Name`, no role for a plain speaker), `description_fr`, `description_en`, `format`, `capacité`/`capacity`, `inscription`/`signup` (`oui`/`non`, `yes`/`no`), `statut`/`status`. Kinds, formats, roles and statuses are the API's words. Cells a spreadsheet would read as a formula start with an apostrophe. Each export is written to the audit log.",
    params(doc::EventPath, ("lang" = Option<crate::domain::lang::Lang>, Query, description = "`en` for English headers (and track names, yes/no); French otherwise, whatever the caller's language.")),
    responses(
        (status = 200, description = "The sheet (UTF-8, header row).", body = String, content_type = "text/csv"),
        doc::Unauthorized, doc::Forbidden, doc::NotFound,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
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
