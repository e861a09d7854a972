//! The agenda as CSV for spreadsheets: one row per session, cancelled ones included and marked.
//! Column names and the `kind`, `format` and `status` values are the API's vocabulary; titles,
//! tracks and speakers' roles are in the file's language.

use crate::app::agenda::Agenda;
use crate::domain::{spreadsheet, time};
use crate::error::Result;
use crate::i18n::Lang;

pub const HEADER: [&str; 12] = [
    "id", "day", "start", "end", "title", "kind", "room", "track", "format", "speakers", "status",
    "url",
];

pub fn render(agenda: &Agenda, lang: Lang, public_url: &str) -> Result<String> {
    let tz = agenda.event.tz();
    let base = public_url.trim_end_matches('/');
    let rows = agenda.sessions.iter().map(|s| {
        let speakers: Vec<String> = agenda
            .people(s.id)
            .into_iter()
            .map(|(sp, r)| format!("{} ({})", sp.name, lang.t(&format!("role-{}", r.role))))
            .collect();
        [
            s.id.to_string(),
            time::day(s.starts_at, tz).to_string(),
            time::clock(s.starts_at, tz),
            time::clock(s.ends_at, tz),
            lang.pick(&s.title_fr, &s.title_en).to_string(),
            s.kind.to_string(),
            agenda
                .room(s.room_id)
                .map(|r| r.name.clone())
                .unwrap_or_default(),
            agenda
                .track(s.track_id)
                .map(|t| lang.pick(&t.name_fr, &t.name_en).to_string())
                .unwrap_or_default(),
            s.format.to_string(),
            speakers.join("; "),
            s.status.to_string(),
            format!("{base}/events/{}/sessions/{}", agenda.event.slug, s.id),
        ]
    });
    Ok(spreadsheet::write(&HEADER, rows))
}
