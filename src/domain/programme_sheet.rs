//! The programme sheet: one row per session, in the columns a programme import reads back, so
//! an organiser can export, edit in a spreadsheet and re-import. [`COLUMNS`] is the one list
//! of those columns with their French and English headers; the writer is
//! `spreadsheet::write` (formula-safe).
//!
//! Values: `id` is the session's id (the stable key a re-import matches on); `date` is
//! `YYYY-MM-DD` and `start`/`end` `HH:MM` in the event's zone; `kind`, `format`, `status` and
//! the speakers' roles are the API's words (`workshop`, `in_person`, `cancelled`,
//! `moderator`…) in both languages; `speakers` is `Name (role); Name` (no role: a speaker);
//! `signup` is `oui`/`non` or `yes`/`no`; `room` and `track` are names (a track's in the
//! file's language).

use super::kinds::{Format, SessionKind, SessionStatus, SpeakerRole};
use super::lang::Lang;
use super::spreadsheet;
use super::validate::unaccented;

/// A column of the sheet: its key, and its header in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
}

impl Column {
    pub fn header(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

const fn col(key: &'static str, fr: &'static str, en: &'static str) -> Column {
    Column { key, fr, en }
}

/// The sheet's columns, in order.
pub const COLUMNS: [Column; 16] = [
    col("id", "id", "id"),
    col("date", "date", "date"),
    col("start", "début", "start"),
    col("end", "fin", "end"),
    col("title_fr", "titre_fr", "title_fr"),
    col("title_en", "titre_en", "title_en"),
    col("kind", "type", "kind"),
    col("room", "salle", "room"),
    col("track", "parcours", "track"),
    col("speakers", "intervenants", "speakers"),
    col("description_fr", "description_fr", "description_fr"),
    col("description_en", "description_en", "description_en"),
    col("format", "format", "format"),
    col("capacity", "capacité", "capacity"),
    col("signup", "inscription", "signup"),
    col("status", "statut", "status"),
];

/// Columns an import reads that the export does not write: a session's length in minutes or
/// `H:MM`, instead of its end.
pub const READ_ALSO: [Column; 1] = [col("duration", "durée", "duration")];

fn folded(text: &str) -> String {
    text.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(unaccented)
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// The column a header names, in either language, accents, case and spaces ignored
/// (`Début`, `debut`, `Start` are all `start`): what an import of this sheet reads.
pub fn column(header: &str) -> Option<&'static Column> {
    let h = folded(header);
    COLUMNS
        .iter()
        .chain(READ_ALSO.iter())
        .find(|c| [c.key, c.fr, c.en].iter().any(|name| folded(name) == h))
}

/// One session as a row of the sheet, its texts already chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub id: i64,
    pub date: String,
    pub start: String,
    pub end: String,
    pub title_fr: String,
    pub title_en: String,
    pub kind: SessionKind,
    pub room: String,
    pub track: String,
    pub speakers: Vec<(String, SpeakerRole)>,
    pub description_fr: String,
    pub description_en: String,
    pub format: Format,
    pub capacity: Option<i64>,
    pub signup: bool,
    pub status: SessionStatus,
}

/// `Ana Lima (moderator); Jon Doe`: a plain speaker's role goes without saying.
pub fn speakers_cell(people: &[(String, SpeakerRole)]) -> String {
    people
        .iter()
        .map(|(name, role)| match role {
            SpeakerRole::Speaker => name.clone(),
            other => format!("{name} ({})", other.as_str()),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn yes_no(value: bool, lang: Lang) -> &'static str {
    match (value, lang) {
        (true, Lang::Fr) => "oui",
        (false, Lang::Fr) => "non",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

impl SheetRow {
    /// The row's cells, in the order of [`COLUMNS`].
    pub fn cells(&self, lang: Lang) -> [String; 16] {
        [
            self.id.to_string(),
            self.date.clone(),
            self.start.clone(),
            self.end.clone(),
            self.title_fr.clone(),
            self.title_en.clone(),
            self.kind.as_str().to_string(),
            self.room.clone(),
            self.track.clone(),
            speakers_cell(&self.speakers),
            self.description_fr.clone(),
            self.description_en.clone(),
            self.format.as_str().to_string(),
            self.capacity.map(|c| c.to_string()).unwrap_or_default(),
            yes_no(self.signup, lang).to_string(),
            self.status.as_str().to_string(),
        ]
    }
}

/// The sheet as CSV: the header row in `lang`, then one row per session.
pub fn write(rows: &[SheetRow], lang: Lang) -> String {
    let header: Vec<&str> = COLUMNS.iter().map(|c| c.header(lang)).collect();
    spreadsheet::write(&header, rows.iter().map(|r| r.cells(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> SheetRow {
        SheetRow {
            id: 12,
            date: "2027-06-15".into(),
            start: "09:00".into(),
            end: "10:15".into(),
            title_fr: "=Ouverture".into(),
            title_en: "Opening".into(),
            kind: SessionKind::Plenary,
            room: "Grand Auditorium".into(),
            track: String::new(),
            speakers: vec![
                ("Ana Lima".into(), SpeakerRole::Moderator),
                ("Jon Doe".into(), SpeakerRole::Speaker),
            ],
            description_fr: "Deux lignes,\navec une virgule".into(),
            description_en: String::new(),
            format: Format::Hybrid,
            capacity: Some(300),
            signup: true,
            status: SessionStatus::Scheduled,
        }
    }

    #[test]
    fn every_header_in_both_languages_finds_its_column() {
        for c in &COLUMNS {
            assert_eq!(column(c.fr), Some(c));
            assert_eq!(column(c.en), Some(c));
        }
        assert_eq!(column(" Début ").map(|c| c.key), Some("start"));
        assert_eq!(column("Capacite").map(|c| c.key), Some("capacity"));
        assert_eq!(column("\u{feff}ID").map(|c| c.key), Some("id"));
        assert_eq!(column("colour"), None);
    }

    #[test]
    fn the_sheet_has_its_header_and_safe_cells() {
        let fr = write(&[row()], Lang::Fr);
        let mut lines = fr.lines();
        assert_eq!(
            lines.next().unwrap(),
            "id,date,début,fin,titre_fr,titre_en,type,salle,parcours,intervenants,\
             description_fr,description_en,format,capacité,inscription,statut"
        );
        assert!(fr.contains(
            "12,2027-06-15,09:00,10:15,'=Ouverture,Opening,plenary,Grand Auditorium,,\
             Ana Lima (moderator); Jon Doe,\"Deux lignes,\navec une virgule\",,hybrid,300,oui,\
             scheduled"
        ));
        let en = write(&[row()], Lang::En);
        assert!(en.starts_with("id,date,start,end,title_fr,title_en,kind,room,track,speakers,"));
        assert!(en.contains(",hybrid,300,yes,scheduled"));
    }
}
