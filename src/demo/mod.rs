//! The demo events: the real summits of `shared/seeds/`, as JSON under `data/`, loaded through
//! the same validation and double-booking checks as organisers' input.

use std::collections::HashMap;

use serde::Deserialize;

use crate::app::agenda::Agenda;
use crate::app::organise;
use crate::domain::schedule::validate_session;
use crate::domain::validate::Input;
use crate::error::{Error, Result};
use crate::store::{self, Db};

const FILES: [(&str, &str); 5] = [
    (
        "bordeaux-nous-les-villes",
        include_str!("data/bordeaux-nous-les-villes.json"),
    ),
    (
        "uclg-villes-intelligents",
        include_str!("data/uclg-villes-intelligents.json"),
    ),
    (
        "villes-internet-saint-raphael",
        include_str!("data/villes-internet-saint-raphael.json"),
    ),
    (
        "wsis-numerique-inclusif",
        include_str!("data/wsis-numerique-inclusif.json"),
    ),
    (
        "bordeaux-conseil-numerique",
        include_str!("data/bordeaux-conseil-numerique.json"),
    ),
];

#[derive(Deserialize)]
struct Bilingual {
    fr: String,
    en: String,
}

#[derive(Deserialize)]
struct SeedEvent {
    slug: String,
    title: Bilingual,
    description: Bilingual,
    organiser: String,
    timezone: String,
    starts_at: String,
    ends_at: String,
    format: String,
    venue: Option<String>,
    in_person_capacity: Option<i64>,
    online_capacity: Option<i64>,
    registration_opens_at: Option<String>,
    registration_closes_at: Option<String>,
    status: String,
    stream_url: Option<String>,
    illustrative_note: Bilingual,
    rooms: Vec<SeedRoom>,
    tracks: Vec<SeedTrack>,
    speakers: Vec<SeedSpeaker>,
    sessions: Vec<SeedSession>,
}

#[derive(Deserialize)]
struct SeedRoom {
    name: String,
    capacity: Option<i64>,
}

#[derive(Deserialize)]
struct SeedTrack {
    slug: String,
    name: Bilingual,
    color: String,
}

#[derive(Deserialize)]
struct SeedSpeaker {
    key: String,
    name: String,
    affiliation: Bilingual,
    bio: Bilingual,
}

#[derive(Deserialize)]
struct SeedSession {
    title: Bilingual,
    description: Bilingual,
    kind: String,
    room: Option<String>,
    track: Option<String>,
    starts_at: String,
    ends_at: String,
    format: String,
    capacity: Option<i64>,
    requires_signup: bool,
    stream_url: Option<String>,
    speakers: Vec<SeedRole>,
}

#[derive(Deserialize)]
struct SeedRole {
    key: String,
    role: String,
}

fn text(v: &Option<impl ToString>) -> String {
    v.as_ref().map(|v| v.to_string()).unwrap_or_default()
}

/// Loads the demo events unless the database already has events. Returns how many it loaded.
pub async fn load_if_empty(db: &Db) -> Result<usize> {
    if store::events::count(db).await? > 0 {
        return Ok(0);
    }
    load(db).await
}

pub async fn load(db: &Db) -> Result<usize> {
    for (name, json) in FILES {
        let seed: SeedEvent = serde_json::from_str(json)
            .map_err(|e| Error::Internal(format!("demo file {name}: {e}")))?;
        load_event(db, seed)
            .await
            .map_err(|e| Error::Internal(format!("demo event {name}: {e:?}")))?;
    }
    Ok(FILES.len())
}

async fn load_event(db: &Db, seed: SeedEvent) -> Result<()> {
    let input = Input::from_pairs([
        ("slug", seed.slug.clone()),
        ("title_fr", seed.title.fr),
        ("title_en", seed.title.en),
        ("description_fr", seed.description.fr),
        ("description_en", seed.description.en),
        ("organiser", seed.organiser),
        ("timezone", seed.timezone),
        ("starts_at", seed.starts_at),
        ("ends_at", seed.ends_at),
        ("format", seed.format),
        ("venue", text(&seed.venue)),
        ("in_person_capacity", text(&seed.in_person_capacity)),
        ("online_capacity", text(&seed.online_capacity)),
        ("registration_opens_at", text(&seed.registration_opens_at)),
        ("registration_closes_at", text(&seed.registration_closes_at)),
        ("status", seed.status),
        ("stream_url", text(&seed.stream_url)),
        ("illustrative_note_fr", seed.illustrative_note.fr),
        ("illustrative_note_en", seed.illustrative_note.en),
    ]);
    let event = organise::create_event(db, &input).await?;
    let loader = crate::auth::Staff::demo_loader();
    let mut rooms = HashMap::new();
    for r in seed.rooms {
        let room = crate::app::rooms::add(
            db,
            &loader,
            &event,
            &Input::from_pairs([("name", r.name), ("capacity", text(&r.capacity))]),
        )
        .await?;
        rooms.insert(room.name.clone(), room.id);
    }
    let mut tracks = HashMap::new();
    for t in seed.tracks {
        let input = Input::from_pairs([
            ("slug", t.slug),
            ("name_fr", t.name.fr),
            ("name_en", t.name.en),
            ("color", t.color),
        ]);
        let track = crate::app::tracks::add(db, &loader, &event, &input).await?;
        tracks.insert(track.slug.clone(), track.id);
    }
    let mut speakers = HashMap::new();
    for s in seed.speakers {
        let input = Input::from_pairs([
            ("name", s.name),
            ("affiliation_fr", s.affiliation.fr),
            ("affiliation_en", s.affiliation.en),
            ("bio_fr", s.bio.fr),
            ("bio_en", s.bio.en),
        ]);
        let speaker = crate::app::speakers::add(db, &loader, &event, &input, None).await?;
        speakers.insert(s.key, speaker.id);
    }
    let agenda = Agenda::load(db, event).await?;
    let frame = organise::frame(&agenda);
    let id_of = |map: &HashMap<String, i64>, key: &Option<String>| {
        key.as_ref()
            .map(|k| {
                map.get(k)
                    .map(|id| id.to_string())
                    .unwrap_or_else(|| format!("unknown {k}"))
            })
            .unwrap_or_default()
    };
    for s in seed.sessions {
        let mut input = Input::from_pairs([
            ("title_fr", s.title.fr),
            ("title_en", s.title.en),
            ("description_fr", s.description.fr),
            ("description_en", s.description.en),
            ("kind", s.kind),
            ("room_id", id_of(&rooms, &s.room)),
            ("track_id", id_of(&tracks, &s.track)),
            ("starts_at", s.starts_at),
            ("ends_at", s.ends_at),
            ("format", s.format),
            ("capacity", text(&s.capacity)),
            ("requires_signup", s.requires_signup.to_string()),
            ("stream_url", text(&s.stream_url)),
        ]);
        let people: Vec<_> = s
            .speakers
            .iter()
            .map(|p| serde_json::json!({"speaker_id": speakers.get(&p.key).copied().unwrap_or(-1), "role": p.role}))
            .collect();
        input
            .nested
            .insert("speakers".into(), serde_json::Value::Array(people));
        let draft = validate_session(&input, &frame)?;
        store::sessions::create(db, &agenda.event, &draft).await?;
    }
    Ok(())
}
