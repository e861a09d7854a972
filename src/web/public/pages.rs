//! The public pages: upcoming events, an event and its agenda, sessions, speakers.

use std::sync::Arc;

use rocket::http::ContentType;
use rocket::{get, routes, Route, State};
use rocket_dyn_templates::{Metadata, Template};

use crate::app::agenda::Agenda;
use crate::app::public;
use crate::app::Db;
use crate::app::Event;
use crate::auth::Organiser;
use crate::domain::agenda_filter::{AgendaFilter, RawFilter};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::page;
use crate::web::page_cache::{Body, Cached, PageCache};
use crate::web::public::finder;
use crate::web::public::views::{
    page_data, EventAgenda, EventSummary, Home, SessionLink, SessionPage, SpeakerView,
    SpeakersPage, TrackView,
};
use crate::web::zone::VisitorZone;

pub fn routes() -> Vec<Route> {
    routes![home, event, session, speakers, speaker_photo]
}

/// An event the public may see (published or cancelled), or 404 (see [`public::event`]).
pub async fn public_event(db: &Db, slug: &str) -> Result<Event> {
    public::event(db, slug).await
}

/// Like [`public_event`], through the short-lived event cache (see [`public::cached_event`]).
pub async fn cached_public_event(db: &Db, slug: &str) -> Result<Arc<Event>> {
    public::cached_event(db, slug).await
}

/// The event this visitor may see: the public one (through the cache), or, for a signed-in
/// organiser who may work on it, its draft too: a preview, which the templates mark with the
/// draft banner (`event.status`) and which is never cached.
pub async fn visible_event(db: &Db, who: Option<&Organiser>, slug: &str) -> Result<Arc<Event>> {
    match who {
        Some(organiser) => Ok(Arc::new(
            public::preview_event(db, &organiser.0, slug).await?,
        )),
        None => cached_public_event(db, slug).await,
    }
}

/// Like [`visible_event`], read from the database for the public too (pages not kept in the
/// page cache, and registering, which must not act on an event a second old).
pub async fn visible_event_now(db: &Db, who: Option<&Organiser>, slug: &str) -> Result<Event> {
    match who {
        Some(organiser) => public::preview_event(db, &organiser.0, slug).await,
        None => public_event(db, slug).await,
    }
}

/// The event as other areas' pages show it (see [`EventSummary`]).
pub fn event_summary(e: &Event, lang: Lang) -> EventSummary {
    EventSummary::new(e, lang)
}

#[get("/")]
async fn home(db: &State<Db>, lang: Lang) -> Result<Template> {
    let events = public::published(db).await?;
    let events = events.iter().map(|e| EventSummary::new(e, lang)).collect();
    Ok(page("home", lang, "/", page_data(&Home { events })))
}

/// The event and its agenda, filtered by the address's `day`, `track`, `room`, `kind`,
/// `format` and `q` (each filtered view is a link to share, cached like the whole agenda).
#[get("/events/<slug>?<day>&<track>&<room>&<kind>&<format>&<q>")]
#[allow(clippy::too_many_arguments)]
async fn event(
    db: &State<Db>,
    lang: Lang,
    cache: &State<PageCache>,
    templates: Metadata<'_>,
    zone: VisitorZone,
    who: Option<Organiser>,
    slug: &str,
    day: Option<&str>,
    track: Option<&str>,
    room: Option<&str>,
    kind: Option<&str>,
    format: Option<&str>,
    q: Option<&str>,
) -> Result<Cached> {
    let raw = RawFilter {
        day,
        track,
        room,
        kind,
        format,
        q,
    };
    let event = visible_event(db, who.as_ref(), slug).await?;
    // A draft's preview is for its organisers only: never kept, never served from the cache.
    let cacheable = event.is_public();
    let zone_name = zone.0.map(|z| z.name()).unwrap_or("");
    let filters = finder::query(&raw);
    let key = format!(
        "page:{slug}:{}:{zone_name}:{}",
        lang.code(),
        finder::cache_key(&raw)
    );
    if let Some(body) = cache.get(&key, event.revision).filter(|_| cacheable) {
        return Ok(Cached(ContentType::HTML, body));
    }
    let revision = event.revision;
    let mut agenda = Agenda::load(db, Event::clone(&event)).await?;
    agenda.visitor_tz = zone.0;
    let (filter, ignored) = AgendaFilter::read(&raw, &agenda.offered());
    let days = agenda.days_matching(lang, &filter);
    let shown = days.iter().map(|d| d.sessions.len()).sum();
    let tracks: Vec<_> = agenda
        .tracks
        .iter()
        .map(|t| TrackView {
            id: t.id,
            name: lang.pick(&t.name_fr, &t.name_en).to_string(),
            color: t.color.clone(),
        })
        .collect();
    // The language switch keeps the filters.
    let path = match filters.is_empty() {
        true => format!("/events/{slug}"),
        false => format!("/events/{slug}?{filters}"),
    };
    let data = crate::web::page_context(
        lang,
        &path,
        page_data(&EventAgenda {
            event: EventSummary::new(&agenda.event, lang),
            finder: finder::finder(&agenda, &filter, &ignored, shown, lang),
            days,
            tracks,
            rooms: &agenda.rooms,
            session_count: agenda.sessions.len(),
            visitor_zone: zone_name,
        }),
    );
    let (_, html) = templates
        .render("event", data)
        .ok_or_else(|| Error::Internal("the event page did not render".into()))?;
    if !cacheable {
        return Ok(Cached(ContentType::HTML, Body::uncached(html)));
    }
    Ok(Cached(ContentType::HTML, cache.put(key, revision, html)))
}

#[get("/events/<slug>/sessions/<id>")]
async fn session(
    db: &State<Db>,
    lang: Lang,
    zone: VisitorZone,
    who: Option<Organiser>,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = visible_event_now(db, who.as_ref(), slug).await?;
    let mut agenda = Agenda::load(db, event).await?;
    agenda.visitor_tz = zone.0;
    let session = agenda.session(id).ok_or(Error::NotFound)?;
    let path = format!("/events/{slug}/sessions/{id}");
    Ok(page(
        "session",
        lang,
        &path,
        page_data(&SessionPage {
            event: EventSummary::new(&agenda.event, lang),
            session: agenda.session_view(session, lang),
        }),
    ))
}

#[get("/events/<slug>/speakers")]
async fn speakers(
    db: &State<Db>,
    lang: Lang,
    who: Option<Organiser>,
    slug: &str,
) -> Result<Template> {
    let event = visible_event_now(db, who.as_ref(), slug).await?;
    let agenda = Agenda::load(db, event).await?;
    let people = agenda
        .speakers
        .iter()
        .map(|sp| {
            let summary = agenda.speaker_json(sp, lang);
            let (speaker, ids) = (summary.details, summary.sessions);
            let sessions = agenda
                .sessions
                .iter()
                .filter(|s| ids.contains(&s.id))
                .map(|s| SessionLink {
                    title: lang.pick(&s.title_fr, &s.title_en).to_string(),
                    url: format!("/events/{slug}/sessions/{}", s.id),
                    cancelled: s.status == crate::domain::SessionStatus::Cancelled,
                })
                .collect();
            SpeakerView { speaker, sessions }
        })
        .collect();
    let path = format!("/events/{slug}/speakers");
    Ok(page(
        "speakers",
        lang,
        &path,
        page_data(&SpeakersPage {
            event: EventSummary::new(&agenda.event, lang),
            speakers: people,
        }),
    ))
}

#[get("/speakers/<id>/photo")]
async fn speaker_photo(db: &State<Db>, id: i64) -> Result<(ContentType, Vec<u8>)> {
    let (kind, bytes) = public::speaker_photo(db, id).await?;
    let content_type = ContentType::parse_flexible(&kind).unwrap_or(ContentType::Binary);
    Ok((content_type, bytes))
}
