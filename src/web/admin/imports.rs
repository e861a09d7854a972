//! Guest-list imports: an organiser uploads a CSV; it is read in the background while a
//! progress page follows it, then reports the rows it turned down.

use rocket::form::{Form, FromForm};
use rocket::fs::TempFile;
use rocket::response::Redirect;
use rocket::tokio::io::AsyncReadExt;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;
use serde::Serialize;
use serde_json::Value;

use crate::app::admin_registrations::{self, Filter, Import};
use crate::app::Db;
use crate::auth::{Csrf, Organiser};
use crate::domain::guest_csv;
use crate::domain::validate::Input;
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{shown, Done};
use crate::web::admin::registrations::list_page;
use crate::web::admin::views::render;

pub fn routes() -> Vec<Route> {
    routes![import, import_progress]
}

/// Largest guest list accepted, in bytes.
const IMPORT_MAX_BYTES: u64 = 2 * 1024 * 1024;

/// `admin/import`: a guest-list import's progress and the rows it turned down.
#[derive(Serialize)]
struct ImportPage<'a> {
    /// For the frame's sign-out form.
    csrf: String,
    event: crate::web::public::views::EventSummary,
    import: &'a Import,
    running: bool,
    rejected_count: usize,
    rejected: Value,
    percent: i64,
}

#[derive(FromForm)]
struct ImportForm<'r> {
    csrf: Option<String>,
    file: Option<TempFile<'r>>,
}

async fn read_upload(file: Option<&TempFile<'_>>) -> Result<String> {
    let Some(file) = file.filter(|f| f.len() > 0) else {
        return Err(Error::field("file", Msg::new("import-no-file")));
    };
    if file.len() > IMPORT_MAX_BYTES {
        return Err(Error::TooLarge);
    }
    let mut bytes = Vec::new();
    let reader = file
        .open()
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    reader
        .take(IMPORT_MAX_BYTES)
        .read_to_end(&mut bytes)
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| Error::field("file", Msg::new("import-not-utf8")))
}

#[post("/events/<slug>/imports", data = "<form>")]
async fn import(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<ImportForm<'_>>,
) -> Result<Done> {
    csrf.verify(form.csrf.as_deref())?;
    let event = who.event(db, slug).await?;
    let rows = read_upload(form.file.as_ref())
        .await
        .and_then(|text| guest_csv::read(&text).map_err(|m| Error::field("file", m)));
    let rows = match rows {
        Ok(rows) => rows,
        Err(e) => {
            let e = shown(e)?;
            let input = Input::default();
            let refused = Some((&input, &e));
            let page = list_page(db, lang, &csrf, event, &Filter::default(), refused, None).await?;
            return Ok(Err((e.status(), page)));
        }
    };
    let id = admin_registrations::start_import(db, &who.0.actor(), event, rows, lang).await?;
    Ok(Ok(Redirect::to(format!(
        "/admin/events/{slug}/imports/{id}"
    ))))
}

/// The import's progress; the page refreshes itself (no JavaScript) until it is finished.
#[get("/events/<slug>/imports/<id>")]
async fn import_progress(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let import = admin_registrations::import(db, &event, id).await?;
    let rejected: Value =
        serde_json::from_str(&import.rejected).unwrap_or(Value::Array(Vec::new()));
    let view = ImportPage {
        csrf: csrf.0,
        event: crate::web::public::pages::event_summary(&event, lang),
        running: import.finished_at.is_none(),
        rejected_count: rejected.as_array().map_or(0, Vec::len),
        rejected,
        percent: (import.processed * 100)
            .checked_div(import.total)
            .unwrap_or(100),
        import: &import,
    };
    Ok(render(
        "admin/import",
        lang,
        &format!("/admin/events/{slug}/imports/{id}"),
        &view,
    ))
}
