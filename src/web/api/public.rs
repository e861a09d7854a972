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
use crate::web::api::openapi::doc;
use crate::web::api::views::{EventDetailView, EventView, EventsView, SessionView, SessionsView};
use crate::web::api::views::{SpeakerView, SpeakersView};
use crate::web::page_cache::{Cached, Lookup, PageCache};
use crate::web::public::pages::cached_public_event;

pub fn routes() -> Vec<Route> {
    routes![openapi, events, event, sessions, speakers]
}

#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    operation_id = "getOpenApi",
    tag = "public",
    summary = "This description of the API",
    responses(
        (status = 200, description = "An OpenAPI 3.1 document.", body = inline(doc::JsonObject)),
    ),
)]
#[get("/openapi.json")]
fn openapi() -> (ContentType, &'static str) {
    (ContentType::JSON, super::openapi::json())
}

/// The event if the public may see it, or if an organiser asks.
async fn visible_event(db: &Db, slug: &str, organiser: &Option<Organiser>) -> Result<Event> {
    reads::visible(db, slug, organiser.is_some()).await
}

#[utoipa::path(
    get,
    path = "/api/v1/events",
    operation_id = "listEvents",
    tag = "public",
    summary = "Published and cancelled events that have not ended, soonest first",
    params(doc::LangQuery),
    responses(
        (status = 200, description = "The events.", body = doc::EventsView),
    ),
)]
#[get("/events")]
async fn events(db: &State<Db>, lang: Lang) -> Result<Json<EventsView>> {
    let list = reads::list_public(db).await?;
    let events = list.iter().map(|e| EventView::new(e, lang)).collect();
    Ok(Json(EventsView { events }))
}

#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}",
    operation_id = "getEvent",
    tag = "public",
    summary = "An event with its rooms and tracks",
    description = "Drafts are found only with an organiser's credentials.",
    params(doc::EventPath, doc::LangQuery),
    responses(
        (status = 200, description = "The event.", body = doc::EventDetailView),
        doc::NotFound,
    ),
    security((), ("bearerAuth" = []), ("staffCookie" = [])),
)]
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

#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}/sessions",
    operation_id = "listSessions",
    tag = "public",
    summary = "The event's sessions in time order",
    params(doc::EventPath, doc::LangQuery),
    responses(
        (status = 200, description = "The sessions.", body = doc::SessionsView),
        doc::NotFound,
    ),
    security((), ("bearerAuth" = []), ("staffCookie" = [])),
)]
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
    let mut _turn = None;
    let event = match organiser {
        Some(_) => visible_event(db, slug, &organiser).await?,
        None => {
            let event = cached_public_event(db, slug).await?;
            match cache.lookup(&key, event.revision).await {
                Lookup::Hit(body) => return Ok(Cached(ContentType::JSON, body)),
                Lookup::Render(turn) => _turn = Some(turn),
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

#[utoipa::path(
    get,
    path = "/api/v1/events/{slug}/speakers",
    operation_id = "listSpeakers",
    tag = "public",
    summary = "The event's speakers",
    params(doc::EventPath, doc::LangQuery),
    responses(
        (status = 200, description = "The speakers.", body = doc::SpeakersView),
        doc::NotFound,
    ),
    security((), ("bearerAuth" = []), ("staffCookie" = [])),
)]
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
