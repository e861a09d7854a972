//! The programme sheet export: every session as a row of `domain::programme_sheet` (the
//! columns an import reads back), in the file's language; audited, with who exported.

use crate::app::agenda::Agenda;
use crate::app::{Db, Event, Session};
use crate::domain::programme_sheet::{self, SheetRow};
use crate::domain::time;
use crate::error::Result;
use crate::i18n::Lang;
use crate::store;

/// The programme sheet (`domain::programme_sheet`) of every session, in `lang`; recorded in
/// the audit log as an export, with who made it.
pub async fn export_sheet(db: &Db, actor: &str, event: Event, lang: Lang) -> Result<String> {
    store::audit::record(db, actor, "export-programme", &event.slug).await?;
    let agenda = Agenda::load(db, event).await?;
    let rows: Vec<SheetRow> = agenda
        .sessions
        .iter()
        .map(|s| sheet_row(&agenda, s, lang))
        .collect();
    Ok(programme_sheet::write(&rows, lang))
}

fn sheet_row(agenda: &Agenda, s: &Session, lang: Lang) -> SheetRow {
    let tz = agenda.event.tz();
    SheetRow {
        id: s.id,
        date: time::day(s.starts_at, tz).to_string(),
        start: time::clock(s.starts_at, tz),
        end: time::clock(s.ends_at, tz),
        title_fr: s.title_fr.clone(),
        title_en: s.title_en.clone(),
        kind: s.kind,
        room: agenda
            .room(s.room_id)
            .map(|r| r.name.clone())
            .unwrap_or_default(),
        track: agenda
            .track(s.track_id)
            .map(|t| lang.pick(&t.name_fr, &t.name_en).to_string())
            .unwrap_or_default(),
        speakers: agenda
            .people(s.id)
            .into_iter()
            .map(|(sp, r)| (sp.name.clone(), r.role))
            .collect(),
        description_fr: s.description_fr.clone(),
        description_en: s.description_en.clone(),
        format: s.format,
        capacity: s.capacity,
        signup: s.requires_signup.0,
        status: s.status,
    }
}
