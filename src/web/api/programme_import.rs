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
use utoipa::ToSchema;

use crate::app::programme_import::{self, Outcome};
use crate::app::{Db, Event};
use crate::auth::Organiser;
use crate::domain::programme_import::{Planned, Rejected, Report, MAX_BYTES};
use crate::domain::time;
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::web::api::openapi::doc;

pub fn routes() -> Vec<Route> {
    routes![import, import_multipart]
}

/// A file sent as the raw body (`text/csv`, `application/xml`, `application/json`…); what it
/// is, is read from its content.
#[utoipa::path(
    post,
    path = "/api/v1/events/{slug}/programme/import",
    operation_id = "importProgramme",
    tag = "organisers",
    summary = "Import a programme sheet (CSV) or a frab schedule (XML, JSON), dry run or all or nothing",
    description = "The body is the file itself (any `Content-Type`), or its `file` part in `multipart/form-data`; what it is comes from its content: a frab schedule XML (as `/events/{slug}/schedule.xml`, frab or pretalx write it) or JSON (the c3voc shape of `/events/{slug}/schedule.json`), otherwise a CSV sheet. frab sessions are matched by `guid` (the one Summit gives them, or the one they were imported with), so importing a schedule again updates; times are read in the event's zone, title and description go into the event's `language`, people's roles come from Summit's `role` member (JSON) or `roles:` comment (XML), else `speaker`. A sheet is UTF-8 (a BOM is tolerated), separated by `;` or `,`, with the columns of `GET /api/v1/events/{slug}/programme.csv` in French or English (accents and case ignored). Required columns: `titre_fr`/`title_fr` or `titre_en`/`title_en`, `date`, `début`/`start`, `fin`/`end` (or `durée`/`duration`, minutes or `H:MM`), `type`/`kind`. A row whose `id` is a session of this event updates it (its SEQUENCE rises; those signed up are told of a move); other rows add sessions. Rooms, tracks and speakers named that do not exist yet are created (matched by name, accents and case ignored). Every row is checked as a session typed by hand, and for double bookings against the event's sessions and the rows above it, and again under the event's lock when written (a session typed meanwhile: 409 naming it, nothing written). At most 2,000 rows and 2 MiB. Recorded in the audit log. When a row is rejected nothing is written and the answer is 422: the error shape (`invalid`, `fields` keyed `line N`) with the report's members beside `error` (`applied`, `to_add`, `to_update`, `unchanged`, `rooms_to_create`, `tracks_to_create`, `speakers_to_create`, `unknown_columns`, `rejected` with `line`, `column`, `message`).",
    params(doc::EventPath, ("dry_run" = Option<bool>, Query, description = "`true`: answer the report and change nothing.")),
    request_body(content(
        (String = "text/csv"),
        (String = "application/xml"),
        (inline(doc::JsonObject) = "application/json"),
        (inline(doc::FileUpload) = "multipart/form-data"),
    )),
    responses(
        (status = 200, description = "The report; applied unless a dry run.", body = ImportReportView),
        doc::BadRequest, doc::Conflict, doc::Unauthorized, doc::Forbidden, doc::NotFound, doc::Invalid,
    ),
    security(("bearerAuth" = []), ("staffCookie" = [])),
)]
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
#[derive(Serialize, ToSchema)]
#[schema(as = ImportReport)]
pub struct ImportReportView {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorView>,
    /// Whether the import was written (false for a dry run or when a row is rejected).
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
#[derive(Serialize, ToSchema)]
#[schema(as = Planned)]
pub struct PlannedView {
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub title: String,
    #[schema(format = DateTime)]
    pub starts_at: String,
    #[schema(format = DateTime)]
    pub ends_at: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<&'static str>,
}

/// The error member of the API's error shape.
#[derive(Serialize, ToSchema)]
#[schema(as = ImportError)]
pub struct ErrorView {
    pub code: &'static str,
    pub message: String,
    pub fields: BTreeMap<String, String>,
}

/// A refused row: its line in the file, the column, and why, in the caller's language.
#[derive(Serialize, ToSchema)]
#[schema(as = Rejected)]
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
