//! The public read API (`/api/v1`): events, sessions, speakers, and the OpenAPI description
//! of the whole API.

use rocket::http::ContentType;
use rocket::serde::json::Json;
use rocket::{get, routes, Route, State};

use crate::app::agenda::Agenda;
use crate::app::events::{self as reads, Event};
use crate::app::Db;
use crate::auth::Organiser;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::api::views::{EventDetailView, EventView, EventsView, SessionView, SessionsView};
use crate::web::api::views::{SpeakerView, SpeakersView};
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

/// The event if the public may see it, or if an organiser asks.
async fn visible_event(db: &Db, slug: &str, organiser: &Option<Organiser>) -> Result<Event> {
    reads::visible(db, slug, organiser.is_some()).await
}

#[get("/events")]
async fn events(db: &State<Db>, lang: Lang) -> Result<Json<EventsView>> {
    let list = reads::list_public(db).await?;
    let events = list.iter().map(|e| EventView::new(e, lang)).collect();
    Ok(Json(EventsView { events }))
}

#[get("/events/<slug>")]
async fn event(
    db: &State<Db>,
    lang: Lang,
    slug: &str,
    organiser: Option<Organiser>,
) -> Result<Json<EventDetailView>> {
    let agenda = Agenda::load(db, visible_event(db, slug, &organiser).await?).await?;
    Ok(Json(EventDetailView::new(&agenda, lang)))
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
    let sessions = agenda
        .sessions
        .iter()
        .map(|s| SessionView::new(&agenda, s, lang))
        .collect();
    let body = serde_json::to_string(&SessionsView { sessions })
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Cached(ContentType::JSON, cache.put(key, revision, body)))
}

#[get("/events/<slug>/speakers")]
async fn speakers(
    db: &State<Db>,
    lang: Lang,
    slug: &str,
    organiser: Option<Organiser>,
) -> Result<Json<SpeakersView>> {
    let agenda = Agenda::load(db, visible_event(db, slug, &organiser).await?).await?;
    let speakers = agenda
        .speakers
        .iter()
        .map(|s| SpeakerView::new(&agenda, s, lang))
        .collect();
    Ok(Json(SpeakersView { speakers }))
}
