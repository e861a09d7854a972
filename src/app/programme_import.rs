//! Importing a programme sheet into an event: the dry run (`domain::programme_import`'s
//! report, against the event as it is now) and applying it, all or nothing, audited.

use std::collections::{HashMap, HashSet};

use crate::app::agenda::Agenda;
use crate::app::organise::frame;
use crate::app::tracks::slugify;
use crate::app::{Db, Event};
use crate::auth::Staff;
use crate::domain::programme_frab::Known;
use crate::domain::programme_import::{self, name_key, Context, Existing, Named, Report};
use crate::domain::schedule::SessionDraft;
use crate::error::Result;
use crate::i18n::Lang;
use crate::open_data::guid;
use crate::store;

/// What an import did: its report, and whether it was written (never when a row is
/// rejected, nor for a dry run).
#[derive(Debug, Clone)]
pub struct Outcome {
    pub report: Report,
    pub applied: bool,
}

/// The report of what importing `bytes` would do; changes nothing.
pub async fn dry_run(db: &Db, event: Event, bytes: &[u8]) -> Result<Outcome> {
    let agenda = Agenda::load(db, event).await?;
    let report = programme_import::read(bytes, &context(db, &agenda).await?)?;
    Ok(Outcome {
        report,
        applied: false,
    })
}

/// Recomputes the report and, if no row is rejected, writes it all in one transaction;
/// recorded in the audit log with who imported and how many sessions.
pub async fn apply(db: &Db, who: &Staff, event: Event, bytes: &[u8]) -> Result<Outcome> {
    let agenda = Agenda::load(db, event).await?;
    let report = programme_import::read(bytes, &context(db, &agenda).await?)?;
    if !report.rejected.is_empty() {
        return Ok(Outcome {
            report,
            applied: false,
        });
    }
    let slugs = track_slugs(&agenda, &report.tracks_to_create);
    store::programme_import::apply(db, &agenda.event, &report, &slugs).await?;
    let subject = format!(
        "{} (+{} ~{})",
        agenda.event.slug,
        report.to_add.len(),
        report.to_update.len()
    );
    store::audit::record(db, &who.actor(), "import-programme", &subject).await?;
    Ok(Outcome {
        report,
        applied: true,
    })
}

async fn context(db: &Db, agenda: &Agenda) -> Result<Context> {
    Ok(Context {
        frab: frab_known(db, agenda).await?,
        frame: frame(agenda),
        rooms: agenda
            .rooms
            .iter()
            .map(|r| named(r.id, [&r.name]))
            .collect(),
        tracks: agenda
            .tracks
            .iter()
            .map(|t| named(t.id, [&t.name_fr, &t.name_en]))
            .collect(),
        speakers: agenda
            .speakers
            .iter()
            .map(|s| named(s.id, [&s.name]))
            .collect(),
        sessions: agenda
            .sessions
            .iter()
            .map(|s| Existing {
                id: s.id,
                draft: draft_of(agenda, s),
                status: s.status,
            })
            .collect(),
    })
}

/// What a frab file is matched against: each session by the guid Summit's own schedule gives
/// it and by the one it was imported with; the room names Summit's schedule writes for
/// sessions without a room (unless the event has a room of that name).
async fn frab_known(db: &Db, agenda: &Agenda) -> Result<Known> {
    let slug = &agenda.event.slug;
    let mut guids: HashMap<String, i64> = agenda
        .sessions
        .iter()
        .map(|s| (guid(&format!("{slug}/sessions/{}", s.id)).to_string(), s.id))
        .collect();
    guids.extend(
        store::programme_import::import_guids(db, agenda.event.id)
            .await?
            .into_iter()
            .map(|(id, guid)| (guid, id)),
    );
    let rooms: HashSet<String> = agenda.rooms.iter().map(|r| name_key(&r.name)).collect();
    let words = |key: &str| {
        [Lang::Fr, Lang::En]
            .map(|l| l.t(key))
            .into_iter()
            .filter(|w| !rooms.contains(&name_key(w)))
            .collect::<Vec<_>>()
    };
    let venue = agenda
        .event
        .venue
        .as_deref()
        .and_then(|v| v.split(',').next())
        .map(str::trim)
        .filter(|v| !v.is_empty() && !rooms.contains(&name_key(v)));
    let mut no_room = words("schedule-room-unassigned");
    no_room.extend(venue.map(str::to_string));
    Ok(Known {
        guids,
        no_room,
        online: words("format-virtual"),
    })
}

fn named<'a>(id: i64, names: impl IntoIterator<Item = &'a String>) -> Named {
    Named {
        id,
        names: names.into_iter().cloned().collect(),
    }
}

fn draft_of(agenda: &Agenda, s: &crate::app::Session) -> SessionDraft {
    SessionDraft {
        title_fr: s.title_fr.clone(),
        title_en: s.title_en.clone(),
        description_fr: s.description_fr.clone(),
        description_en: s.description_en.clone(),
        kind: s.kind,
        room_id: s.room_id,
        track_id: s.track_id,
        starts_at: s.starts_at,
        ends_at: s.ends_at,
        format: s.format,
        capacity: s.capacity,
        requires_signup: s.requires_signup.0,
        stream_url: s.stream_url.clone(),
        speakers: agenda
            .roles
            .get(&s.id)
            .map(|rows| rows.iter().map(|r| (r.speaker_id, r.role)).collect())
            .unwrap_or_default(),
    }
}

/// A slug for each new track, unlike the event's others (`climat`, then `climat-2`).
fn track_slugs(agenda: &Agenda, names: &[String]) -> Vec<String> {
    let mut taken: HashSet<String> = agenda.tracks.iter().map(|t| t.slug.clone()).collect();
    names
        .iter()
        .map(|name| {
            let base = Some(slugify(name))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "track".into());
            let slug = (1..)
                .map(|n| match n {
                    1 => base.clone(),
                    n => format!("{base}-{n}"),
                })
                .find(|s| !taken.contains(s))
                .unwrap_or_default();
            taken.insert(slug.clone());
            slug
        })
        .collect()
}
