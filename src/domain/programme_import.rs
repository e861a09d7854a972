//! Reading a programme sheet back (the columns of `programme_sheet`): every row becomes a
//! session draft, checked by `schedule::validate_session` exactly as a session typed by hand,
//! then against the double-booking rule (existing sessions and the rows above it), or a
//! rejection with its line and the reason as a message key. Nothing here writes: the result is
//! the dry-run [`Report`], which the import applies only when no row is rejected.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{NaiveDate, NaiveTime};
use serde_json::{json, Value};

use super::kinds::SessionStatus;
use super::problem::{Msg, Problem, Result};
use super::programme_frab::{self, Known};
use super::programme_sheet::column;
use super::schedule::{find_clash, validate_session, Booked, Clash, EventFrame, SessionDraft};
use super::spreadsheet::safe_cell;
use super::validate::{unaccented, Input};

/// The most rows a sheet may have, and its largest size in bytes (2 MiB).
pub const MAX_ROWS: usize = 2_000;
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// A room, track or speaker already in the event, by the name(s) a sheet may give it.
#[derive(Debug, Clone)]
pub struct Named {
    pub id: i64,
    pub names: Vec<String>,
}

/// A session already in the event, as an import compares and checks against it.
#[derive(Debug, Clone)]
pub struct Existing {
    pub id: i64,
    pub draft: SessionDraft,
    pub status: SessionStatus,
}

/// What a sheet is read against: the event's frame and what the event already has.
#[derive(Debug, Clone)]
pub struct Context {
    pub frame: EventFrame,
    pub rooms: Vec<Named>,
    pub tracks: Vec<Named>,
    pub speakers: Vec<Named>,
    pub sessions: Vec<Existing>,
    /// What a frab schedule is read against (guids of sessions already imported…).
    pub frab: Known,
}

/// Where a draft's room, track and speaker ids point: an existing id (positive) or the
/// n-th name to create (`-(n + 1)`), resolved to a real id when the import is applied.
pub fn placeholder(n: usize) -> i64 {
    -(n as i64) - 1
}

/// A session the import writes: added (`id` None) or updated.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub line: u64,
    pub id: Option<i64>,
    pub draft: SessionDraft,
    pub status: SessionStatus,
    /// For an update, the fields that change (`title_fr`, `starts_at`…).
    pub changes: Vec<&'static str>,
    /// The frab guid the session came with (kept so a re-import finds it again).
    pub guid: Option<String>,
}

/// A row the import refuses: its line in the file, the column at fault, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub line: u64,
    pub column: &'static str,
    pub reason: Msg,
}

/// The dry run: what applying the sheet would do. It applies nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub to_add: Vec<Planned>,
    pub to_update: Vec<Planned>,
    pub unchanged: usize,
    pub rooms_to_create: Vec<String>,
    pub tracks_to_create: Vec<String>,
    pub speakers_to_create: Vec<String>,
    pub unknown_columns: Vec<String>,
    pub rejected: Vec<Rejected>,
}

/// A sheet's header, read: the column key of each position (None for an unknown column).
struct Header {
    keys: Vec<Option<&'static str>>,
}

/// Names matched with accents, case and surrounding spaces ignored.
pub fn name_key(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .chars()
        .map(unaccented)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The dry run of a sheet against an event; a file that cannot be read as a sheet at all
/// (too large, not UTF-8, not CSV, a required column missing) is refused whole.
pub fn read(bytes: &[u8], ctx: &Context) -> Result<Report> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| bad(Msg::new("progimport-not-utf8")))?;
    let text = text.trim_start_matches('\u{feff}');
    // The content says what the file is, whatever its name: markup, an object, or a sheet.
    let frab = match text.trim_start().chars().next() {
        Some('<') => Some(programme_frab::xml_rows(text, ctx.frame.tz, &ctx.frab)?),
        Some('{') => Some(programme_frab::json_rows(text, ctx.frame.tz, &ctx.frab)?),
        _ => None,
    };
    if let Some(rows) = frab {
        return Ok(Planner::new(ctx).plan(&rows));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = read_header(&mut reader)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| bad(Msg::new("progimport-not-csv")))?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(Problem::BadRequest(
                Msg::new("progimport-too-many-rows").arg("max", MAX_ROWS.to_string()),
            ));
        }
        let line = record.position().map(|p| p.line()).unwrap_or_default();
        rows.push((line, cells(&header, &record)));
    }
    let mut report = Planner::new(ctx).plan(&rows);
    report.unknown_columns = unknown_columns(text, &header);
    Ok(report)
}

fn too_large() -> Problem {
    Problem::BadRequest(Msg::new("progimport-too-large").arg("max", "2 MiB"))
}

fn bad(msg: Msg) -> Problem {
    Problem::BadRequest(msg)
}

/// `;` when the header line has more of them than commas (a French spreadsheet's export).
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

fn read_header(reader: &mut csv::Reader<&[u8]>) -> Result<Header> {
    let record = reader
        .headers()
        .map_err(|_| bad(Msg::new("progimport-not-csv")))?;
    let keys: Vec<Option<&'static str>> = record.iter().map(|h| column(h).map(|c| c.key)).collect();
    let has = |key: &str| keys.contains(&Some(key));
    // Not one column known: not a programme sheet at all (another file, another format).
    if keys.iter().all(Option::is_none) {
        return Err(bad(Msg::new("progimport_page-unknown-format")));
    }
    if !has("title_fr") && !has("title_en") {
        return Err(missing("title_fr"));
    }
    for key in ["date", "start", "kind"] {
        if !has(key) {
            return Err(missing(key));
        }
    }
    // The end, or the length: either says when the session is over.
    if !has("end") && !has("duration") {
        return Err(missing("end"));
    }
    Ok(Header { keys })
}

fn missing(key: &str) -> Problem {
    Problem::BadRequest(Msg::new("progimport-missing-column").arg("column", key.to_string()))
}

fn unknown_columns(text: &str, header: &Header) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let Ok(names) = reader.headers() else {
        return vec![];
    };
    names
        .iter()
        .zip(&header.keys)
        .filter(|(name, key)| key.is_none() && !name.trim().is_empty())
        .map(|(name, _)| name.trim().to_string())
        .collect()
}

/// A row's cells by column key, each taken back from its formula-safe form (`'=x` → `=x`).
fn cells(header: &Header, record: &csv::StringRecord) -> BTreeMap<&'static str, String> {
    header
        .keys
        .iter()
        .zip(record.iter())
        .filter_map(|(key, cell)| Some(((*key)?, unguarded(cell).trim().to_string())))
        .collect()
}

/// The cell as written before `spreadsheet::safe_cell` guarded it.
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if safe_cell(rest) == cell => rest,
        _ => cell,
    }
}

/// A row's cells by column key (a sheet's, or a frab event's put the same way).
pub type Cells = BTreeMap<&'static str, String>;

// How rows become drafts, creations and updates: the planner (kept in its own file).
#[path = "programme_import_plan.rs"]
mod plan;
use plan::Planner;

#[cfg(test)]
#[path = "programme_import_tests.rs"]
mod tests;
