//! The programme import in the browser (`/admin/events/SLUG/programme/import`): upload a
//! sheet or a frab schedule, read the dry run's report (kept file, no second upload), apply
//! it in the background, follow it to the end. No JavaScript: the report page is reloaded by
//! a link while the import runs.

use rocket::form::{Form, FromForm};
use rocket::fs::TempFile;
use rocket::response::Redirect;
use rocket::tokio::io::AsyncReadExt;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::programme_upload;
use crate::app::{Db, Event};
use crate::auth::{Csrf, Organiser};
use crate::domain::programme_import::MAX_BYTES;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{shown, Done};
use crate::web::admin::programme_import_views::{ReportPage, UploadPage};
use crate::web::admin::views::render;
use crate::web::admin::workspace::{head, Section};

pub fn routes() -> Vec<Route> {
    routes![form, upload, report, apply]
}

fn base(slug: &str) -> String {
    format!("{}/import", Section::Programme.href(slug))
}

#[derive(FromForm)]
struct UploadForm<'r> {
    csrf: Option<String>,
    file: Option<TempFile<'r>>,
}

#[derive(FromForm)]
struct ApplyForm {
    csrf: Option<String>,
}

fn upload_page(event: &Event, lang: Lang, csrf: &Csrf, refused: Option<&Error>) -> Template {
    let view = UploadPage::new(
        head(event, lang, Section::Programme),
        &csrf.0,
        refused,
        lang,
    );
    render("admin/programme_import", lang, &base(&event.slug), &view)
}

#[get("/events/<slug>/programme/import")]
async fn form(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    Ok(upload_page(&event, lang, &csrf, None))
}

/// The uploaded file's name and bytes (none: empty).
async fn read_file(file: Option<&TempFile<'_>>) -> Result<(String, Vec<u8>)> {
    let Some(file) = file.filter(|f| f.len() > 0) else {
        return Ok((String::new(), Vec::new()));
    };
    let name = file
        .raw_name()
        .map(|n| n.dangerous_unsafe_unsanitized_raw().as_str().to_string())
        .unwrap_or_default();
    Ok((name, capped(file).await?))
}

/// A programme file's bytes, at most one over the limit (so the import refuses it by size);
/// shared with the API's multipart upload.
pub async fn capped(file: &TempFile<'_>) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let reader = file
        .open()
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    reader
        .take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(bytes)
}

#[post("/events/<slug>/programme/import", data = "<form>")]
async fn upload(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<UploadForm<'_>>,
) -> Result<Done> {
    csrf.verify(form.csrf.as_deref())?;
    let event = who.event(db, slug).await?;
    let (name, bytes) = read_file(form.file.as_ref()).await?;
    match programme_upload::upload(db, event.clone(), &name, &bytes).await {
        Ok(token) => Ok(Ok(Redirect::to(format!("{}/{token}", base(slug))))),
        Err(e) => {
            let e = shown(e)?;
            Ok(Err((
                e.status(),
                upload_page(&event, lang, &csrf, Some(&e)),
            )))
        }
    }
}

/// The dry run of the kept file against the event as it is now, and the apply's state.
#[get("/events/<slug>/programme/import/<token>")]
async fn report(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    token: &str,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let (upload, outcome) = programme_upload::report(db, event.clone(), token).await?;
    let applied = programme_upload::applied(&upload);
    let head = head(&event, lang, Section::Programme);
    let view = ReportPage::new(head, &csrf.0, &event, &upload, &outcome, applied, lang);
    Ok(render(
        "admin/programme_report",
        lang,
        &format!("{}/{token}", base(slug)),
        &view,
    ))
}

#[post("/events/<slug>/programme/import/<token>/apply", data = "<form>")]
async fn apply(
    db: &State<Db>,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    token: &str,
    form: Form<ApplyForm>,
) -> Result<Redirect> {
    csrf.verify(form.csrf.as_deref())?;
    let event = who.event(db, slug).await?;
    programme_upload::start_apply(db, &who.0, event, token).await?;
    Ok(Redirect::to(format!("{}/{token}", base(slug))))
}
