//! The views of the programme import's pages: the upload form (`admin/programme_import`)
//! and the dry run's report with the apply's state (`admin/programme_report`).

use serde::Serialize;

use crate::app::programme_import::Outcome;
use crate::app::programme_upload::{Applied, Upload};
use crate::app::Event;
use crate::domain::programme_import::{Planned, MAX_BYTES, MAX_ROWS};
use crate::domain::programme_sheet::{column, COLUMNS, READ_ALSO};
use crate::domain::time;
use crate::error::Error;
use crate::i18n::Lang;
use crate::web::admin::workspace::{Head, Section};

/// `admin/programme_import`: the upload form, what the columns mean, the current sheet.
#[derive(Serialize)]
pub struct UploadPage<'a> {
    #[serde(flatten)]
    pub head: Head,
    pub csrf: &'a str,
    pub action: String,
    /// The current programme as a sheet in each language: a template to fill in.
    pub sheet_fr: String,
    pub sheet_en: String,
    pub max_rows: usize,
    pub max_mib: usize,
    pub problem: Option<String>,
    pub file_error: Option<String>,
}

impl<'a> UploadPage<'a> {
    pub fn new(head: Head, csrf: &'a str, refused: Option<&Error>, lang: Lang) -> UploadPage<'a> {
        let sheet = format!("/admin/events/{}/programme.csv", head.slug);
        let file_error = refused.and_then(|e| e.field_messages(lang).remove("file"));
        UploadPage {
            action: format!("{}/import", Section::Programme.href(&head.slug)),
            sheet_fr: format!("{sheet}?lang=fr"),
            sheet_en: format!("{sheet}?lang=en"),
            head,
            csrf,
            max_rows: MAX_ROWS,
            max_mib: MAX_BYTES / (1024 * 1024),
            problem: refused.map(|e| e.message().render(lang)),
            file_error,
        }
    }
}

/// A session the import adds or updates, as the report lists it.
#[derive(Serialize)]
pub struct PlannedRow {
    pub line: u64,
    pub title: String,
    pub when: String,
    /// For an update: the columns that change, by their header in the page's language.
    pub changes: String,
}

/// A rejected row: its line, the column at fault (header in the page's language), why.
#[derive(Serialize)]
pub struct RejectedRow {
    pub line: u64,
    pub column: String,
    pub reason: String,
}

/// How many sessions the dry run adds and updates, and how many rows it rejects.
#[derive(Serialize)]
pub struct Counts {
    pub add: usize,
    pub update: usize,
    pub rejected: usize,
}

/// `admin/programme_report`: the dry run, the apply's state, and what it did.
#[derive(Serialize)]
pub struct ReportPage<'a> {
    #[serde(flatten)]
    pub head: Head,
    pub csrf: &'a str,
    pub filename: String,
    pub href: String,
    pub apply_action: String,
    pub timetable: String,
    pub programme: String,
    pub upload_again: String,
    pub running: bool,
    pub applied: bool,
    pub refused: bool,
    /// The apply button: offered only when nothing is rejected and there is work to do.
    pub can_apply: bool,
    pub nothing_to_do: bool,
    pub outcome: Option<Applied>,
    pub refusal: Option<String>,
    pub to_add: Vec<PlannedRow>,
    pub to_update: Vec<PlannedRow>,
    pub unchanged: usize,
    pub counts: Counts,
    pub rooms_to_create: Vec<String>,
    pub tracks_to_create: Vec<String>,
    pub speakers_to_create: Vec<String>,
    pub unknown_columns: Vec<String>,
    pub rejected: Vec<RejectedRow>,
}

impl<'a> ReportPage<'a> {
    pub fn new(
        head: Head,
        csrf: &'a str,
        event: &Event,
        upload: &Upload,
        outcome: &Outcome,
        applied: Option<Applied>,
        lang: Lang,
    ) -> ReportPage<'a> {
        let r = &outcome.report;
        let slug = &event.slug;
        let href = format!("{}/import/{}", Section::Programme.href(slug), upload.token);
        let waiting = matches!(upload.state.as_str(), "ready" | "refused");
        let work = !r.to_add.is_empty() || !r.to_update.is_empty();
        let refusal = applied
            .as_ref()
            .map(|a| lang.pick(&a.refusal_fr, &a.refusal_en).to_string())
            .filter(|text| !text.is_empty());
        let rows = |list: &[Planned]| list.iter().map(|p| planned(p, event, lang)).collect();
        ReportPage {
            head,
            csrf,
            filename: upload.filename.clone(),
            apply_action: format!("{href}/apply"),
            href,
            timetable: Section::Timetable.href(slug),
            programme: Section::Programme.href(slug),
            upload_again: format!("{}/import", Section::Programme.href(slug)),
            running: upload.state == "running",
            applied: upload.state == "applied",
            refused: upload.state == "refused",
            can_apply: waiting && work && r.rejected.is_empty(),
            nothing_to_do: waiting && !work && r.rejected.is_empty(),
            outcome: applied,
            refusal,
            to_add: rows(&r.to_add),
            to_update: rows(&r.to_update),
            unchanged: r.unchanged,
            counts: Counts {
                add: r.to_add.len(),
                update: r.to_update.len(),
                rejected: r.rejected.len(),
            },
            rooms_to_create: r.rooms_to_create.clone(),
            tracks_to_create: r.tracks_to_create.clone(),
            speakers_to_create: r.speakers_to_create.clone(),
            unknown_columns: r.unknown_columns.clone(),
            rejected: r
                .rejected
                .iter()
                .map(|x| RejectedRow {
                    line: x.line,
                    column: header(x.column, lang),
                    reason: x.reason.render(lang),
                })
                .collect(),
        }
    }
}

/// A column key (or a change's field) as the sheet's header in `lang`.
fn header(key: &str, lang: Lang) -> String {
    let key = match key {
        "starts_at" => "start",
        "ends_at" => "end",
        other => other,
    };
    COLUMNS
        .iter()
        .chain(READ_ALSO.iter())
        .find(|c| c.key == key)
        .or_else(|| column(key))
        .map(|c| c.header(lang).to_string())
        .unwrap_or_else(|| key.to_string())
}

fn planned(p: &Planned, event: &Event, lang: Lang) -> PlannedRow {
    let tz = event.tz();
    let d = &p.draft;
    PlannedRow {
        line: p.line,
        title: lang.pick(&d.title_fr, &d.title_en).to_string(),
        when: format!(
            "{} {}–{}",
            time::long_date(d.starts_at, tz, lang),
            time::clock(d.starts_at, tz),
            time::clock(d.ends_at, tz)
        ),
        changes: p
            .changes
            .iter()
            .map(|c| header(c, lang))
            .collect::<Vec<_>>()
            .join(", "),
    }
}
