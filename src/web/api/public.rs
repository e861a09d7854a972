//! The public read API (`/api/v1`): events, sessions, speakers, and the OpenAPI description
//! of the whole API.

use rocket::http::ContentType;
use rocket::serde::json::Json;
use rocket::{get, routes, Route, State};
use serde_json::{json, Value};

use crate::app::agenda::Agenda;
use crate::app::events::{self as reads, Event};
use crate::app::Db;
use crate::auth::Organiser;
use crate::domain::time;
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::page_cache::{Cached, PageCache};
use crate::web::public::pages::cached_public_event;

pub fn routes() -> Vec<Route> {
    routes![openapi, events, event, sessions, speakers]
}

/// Kept by hand beside the routes; `tests/it/openapi.rs` checks it against them and a validator.
pub const OPENAPI: &str = include_str!("../../openapi.json");

#[get("/openapi.json")]
fn openapi() -> (ContentType, &'static str) {
    (ContentType::JSON, OPENAPI)
}

pub fn event_json(e: &Event, lang: Lang) -> Value {
    let tz = e.tz();
    let at = |ts: Option<i64>| ts.map(|t| time::to_rfc3339(t, tz));
    json!({
        "id": e.id,
        "slug": e.slug,
        "title": lang.pick(&e.title_fr, &e.title_en),
        "title_fr": e.title_fr,
        "title_en": e.title_en,
        "description": lang.pick(&e.description_fr, &e.description_en),
        "organiser": e.organiser,
        "timezone": e.timezone,
        "starts_at": time::to_rfc3339(e.starts_at, tz),
        "ends_at": time::to_rfc3339(e.ends_at, tz),
        "format": e.format,
        "status": e.status,
        "venue": e.venue,
        "in_person_capacity": e.in_person_capacity,
        "online_capacity": e.online_capacity,
        "registration_opens_at": at(e.registration_opens_at),
        "registration_closes_at": at(e.registration_closes_at),
        "license": e.license,
        "url": format!("/events/{}", e.slug),
    })
}

/// The event if the public may see it, or if an organiser asks.
async fn visible_event(db: &Db, slug: &str, organiser: &Option<Organiser>) -> Result<Event> {
    reads::visible(db, slug, organiser.is_some()).await
}

#[get("/events")]
async fn events(db: &State<Db>, lang: Lang) -> Result<Json<Value>> {
    let list = reads::list_public(db).await?;
    let list: Vec<_> = list.iter().map(|e| event_json(e, lang)).collect();
    Ok(Json(json!({ "events": list })))
}

#[get("/events/<slug>")]
async fn event(
    db: &State<Db>,
    lang: Lang,
    slug: &str,
    organiser: Option<Organiser>,
) -> Result<Json<Value>> {
    let agenda = Agenda::load(db, visible_event(db, slug, &organiser).await?).await?;
    let mut body = event_json(&agenda.event, lang);
    body["rooms"] = json!(agenda.rooms);
    body["tracks"] = json!(agenda.tracks);
    body["session_count"] = json!(agenda.sessions.len());
    Ok(Json(body))
}

#[get("/events/<slug>/sessions")]
async fn sessions(
    db: &State<Db>,
    lang: Lang,
    cache: &State<PageCache>,
    slug: &str,
    organiser: Option<Organiser>,
) -> Result<Cached> {
    // Organisers may see a draft: only the public answer is shared through the caches.
    let key = format!("sessions:{slug}:{}", lang.code());
    let event = match organiser {
        Some(_) => visible_event(db, slug, &organiser).await?,
        None => {
            let event = cached_public_event(db, slug).await?;
            if let Some(body) = cache.get(&key, event.revision) {
                return Ok(Cached(ContentType::JSON, body));
            }
            Event::clone(&event)
        }
    };
    let revision = event.revision;
    let agenda = Agenda::load(db, event).await?;
    let list: Vec<_> = agenda
        .sessions
        .iter()
        .map(|s| agenda.session_json(s, lang))
        .collect();
    let body = json!({ "sessions": list }).to_string();
    Ok(Cached(ContentType::JSON, cache.put(key, revision, body)))
}

#[get("/events/<slug>/speakers")]
async fn speakers(
    db: &State<Db>,
    lang: Lang,
    slug: &str,
    organiser: Option<Organiser>,
) -> Result<Json<Value>> {
    let agenda = Agenda::load(db, visible_event(db, slug, &organiser).await?).await?;
    let list: Vec<_> = agenda
        .speakers
        .iter()
        .map(|s| agenda.speaker_json(s, lang))
        .collect();
    Ok(Json(json!({ "speakers": list })))
}
