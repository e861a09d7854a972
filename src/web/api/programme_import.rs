//! `POST /api/v1/events/SLUG/programme/import`: a programme sheet (CSV) or a frab schedule
//! (XML or JSON), as the raw body or a multipart `file`, checked and,
//! unless `?dry_run=true` or a row is rejected, applied all or nothing. The answer is the
//! report either way: 200, or 422 when rows are rejected (nothing written).

use std::collections::BTreeMap;

use rocket::data::{Data, ToByteUnit};
use rocket::form::{Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{post, routes, Route, State};
use serde::Serialize;

use crate::app::programme_import::{self, Outcome};
use crate::app::{Db, Event};
use crate::auth::Organiser;
use crate::domain::programme_import::{Planned, Rejected, Report, MAX_BYTES};
use crate::domain::time;
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;

pub fn routes() -> Vec<Route> {
    routes![import, import_multipart]
}

/// A file sent as the raw body (`text/csv`, `application/xml`, `application/json`…); what it
/// is, is read from its content.
#[post("/events/<slug>/programme/import?<dry_run>", data = "<body>", rank = 2)]
async fn import(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    dry_run: Option<bool>,
    body: Data<'_>,
) -> Result<(Status, Json<ImportReportView>)> {
    let event = who.event(db, slug).await?;
    // One byte over the limit is enough for the import to refuse the file by its size.
    let bytes = body
        .open((MAX_BYTES + 1).bytes())
        .into_bytes()
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    answer(db, lang, &who, event, dry_run.unwrap_or(false), &bytes).await
}

#[derive(FromForm)]
struct Upload<'r> {
    file: TempFile<'r>,
}

/// The same, with the file as the `file` part of a `multipart/form-data` body (as a browser
/// or `curl -F file=@schedule.xml` sends it).
#[post(
    "/events/<slug>/programme/import?<dry_run>",
    format = "multipart/form-data",
    data = "<form>",
    rank = 1
)]
async fn import_multipart(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    dry_run: Option<bool>,
    form: Form<Upload<'_>>,
) -> Result<(Status, Json<ImportReportView>)> {
    let event = who.event(db, slug).await?;
    let bytes = crate::web::admin::programme_import::capped(&form.file).await?;
    answer(db, lang, &who, event, dry_run.unwrap_or(false), &bytes).await
}

async fn answer(
    db: &Db,
    lang: Lang,
    who: &Organiser,
    event: Event,
    dry_run: bool,
    bytes: &[u8],
) -> Result<(Status, Json<ImportReportView>)> {
    let view_event = event.clone();
    let outcome = if dry_run {
        programme_import::dry_run(db, event, bytes).await?
    } else {
        programme_import::apply(db, &who.0, event, bytes).await?
    };
    let status = if outcome.report.rejected.is_empty() {
        Status::Ok
    } else {
        Status::UnprocessableEntity
    };
    Ok((
        status,
        Json(ImportReportView::new(&outcome, &view_event, lang)),
    ))
}

/// The import's report as the API answers it; when rows are rejected, with the API's error
/// member beside it (`invalid`, one field per rejected line), so a client that reads only
/// errors still learns why.
#[derive(Serialize)]
pub struct ImportReportView {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorView>,
    pub applied: bool,
    pub to_add: Vec<PlannedView>,
    pub to_update: Vec<PlannedView>,
    pub unchanged: usize,
    pub rooms_to_create: Vec<String>,
    pub tracks_to_create: Vec<String>,
    pub speakers_to_create: Vec<String>,
    pub unknown_columns: Vec<String>,
    pub rejected: Vec<RejectedView>,
}

/// A session the import adds or updates (`id` and `changes` for an update).
#[derive(Serialize)]
pub struct PlannedView {
    pub line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub title: String,
    pub starts_at: String,
    pub ends_at: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<&'static str>,
}

/// The error member of the API's error shape.
#[derive(Serialize)]
pub struct ErrorView {
    pub code: &'static str,
    pub message: String,
    pub fields: BTreeMap<String, String>,
}

/// A refused row: its line in the file, the column, and why, in the caller's language.
#[derive(Serialize)]
pub struct RejectedView {
    pub line: u64,
    pub column: &'static str,
    pub message: String,
}

impl ImportReportView {
    fn new(outcome: &Outcome, event: &Event, lang: Lang) -> Self {
        let r = &outcome.report;
        let planned = |list: &[Planned]| list.iter().map(|p| planned(p, event, lang)).collect();
        ImportReportView {
            error: error(r, lang),
            applied: outcome.applied,
            to_add: planned(&r.to_add),
            to_update: planned(&r.to_update),
            unchanged: r.unchanged,
            rooms_to_create: r.rooms_to_create.clone(),
            tracks_to_create: r.tracks_to_create.clone(),
            speakers_to_create: r.speakers_to_create.clone(),
            unknown_columns: r.unknown_columns.clone(),
            rejected: r.rejected.iter().map(|x| rejected(x, lang)).collect(),
        }
    }
}

fn error(r: &Report, lang: Lang) -> Option<ErrorView> {
    if r.rejected.is_empty() {
        return None;
    }
    let message = Msg::new("progimport-rejected").arg("count", r.rejected.len().to_string());
    Some(ErrorView {
        code: "invalid",
        message: message.render(lang),
        fields: r
            .rejected
            .iter()
            .map(|x| (format!("line {}", x.line), x.reason.render(lang)))
            .collect(),
    })
}

fn planned(p: &Planned, event: &Event, lang: Lang) -> PlannedView {
    let tz = event.tz();
    PlannedView {
        line: p.line,
        id: p.id,
        title: lang.pick(&p.draft.title_fr, &p.draft.title_en).to_string(),
        starts_at: time::to_rfc3339(p.draft.starts_at, tz),
        ends_at: time::to_rfc3339(p.draft.ends_at, tz),
        changes: p.changes.clone(),
    }
}

fn rejected(r: &Rejected, lang: Lang) -> RejectedView {
    RejectedView {
        line: r.line,
        column: r.column,
        message: r.reason.render(lang),
    }
}
