//! `/events/SLUG`: the event and its agenda, filtered by the address's `day`, `track`, `room`,
//! `kind`, `format` and `q`, as a list or (`view=grid`) a grid, with workshops' places left and
//! "now and next" while the event is on. Each view is a link to share, served from the page
//! cache until the agenda, the places shown or the minute (during the event) change.

use rocket::http::ContentType;
use rocket::{get, routes, FromForm, Route, State};
use rocket_dyn_templates::Metadata;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::app::agenda::Agenda;
use crate::app::seats_board::{SeatsBoard, Taken};
use crate::app::{agenda_grid, agenda_page, Db, Event};
use crate::auth::Organiser;
use crate::domain::agenda_filter::{AgendaFilter, RawFilter};
use crate::domain::time;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::page_cache::{Body, Cached, Lookup, PageCache};
use crate::web::public::finder;
use crate::web::public::pages::visible_event;
use crate::web::public::views::{page_data, AgendaViews, EventAgenda, EventSummary, TrackView};
use crate::web::zone::VisitorZone;

pub fn routes() -> Vec<Route> {
    routes![event]
}

/// What a cached agenda page was rendered from: the agenda's revision, the places taken, and
/// during the event the minute (for "now and next").
fn stamp(event: &Event, taken: u64, now: i64) -> i64 {
    let minute = agenda_page::during(event, now).then_some(now / 60);
    let mut h = DefaultHasher::new();
    (event.revision, taken, minute).hash(&mut h);
    h.finish() as i64
}

/// The agenda's address: its filters and which view.
#[derive(FromForm)]
struct AgendaQuery<'r> {
    day: Option<&'r str>,
    track: Option<&'r str>,
    room: Option<&'r str>,
    kind: Option<&'r str>,
    format: Option<&'r str>,
    q: Option<&'r str>,
    view: Option<&'r str>,
}

#[get("/events/<slug>?<asked..>")]
#[allow(clippy::too_many_arguments)]
async fn event(
    db: &State<Db>,
    lang: Lang,
    cache: &State<PageCache>,
    board: &State<SeatsBoard>,
    templates: Metadata<'_>,
    zone: VisitorZone,
    who: Option<Organiser>,
    slug: &str,
    asked: AgendaQuery<'_>,
) -> Result<Cached> {
    let raw = RawFilter {
        day: asked.day,
        track: asked.track,
        room: asked.room,
        kind: asked.kind,
        format: asked.format,
        q: asked.q,
    };
    let grid = asked.view == Some("grid");
    let event = visible_event(db, who.as_ref(), slug).await?;
    // A draft's preview is for its organisers only: never kept, never served from the cache.
    let cacheable = event.is_public();
    let filters = finder::query(&raw);
    let key = format!(
        "page:{slug}:{}:{}:{}:{}",
        lang.code(),
        zone_name(&zone),
        if grid { "grid" } else { "list" },
        finder::cache_key(&raw)
    );
    let now = time::now();
    let taken = board.taken(db, event.id).await?;
    let stamp = stamp(&event, taken.stamp(), now);
    let _turn = match cacheable {
        true => match cache.lookup(&key, stamp).await {
            Lookup::Hit(body) => return Ok(Cached(ContentType::HTML, body)),
            Lookup::Render(turn) => Some(turn),
        },
        false => None,
    };
    let view = ViewAsked {
        raw: &raw,
        filters: &filters,
        grid,
        zone,
        lang,
    };
    let html = render(db, templates, &view, &event, &taken, now).await?;
    if !cacheable {
        return Ok(Cached(ContentType::HTML, Body::uncached(html)));
    }
    Ok(Cached(ContentType::HTML, cache.put(key, stamp, html)))
}

/// The visitor's zone as the page and its cache key name it (empty: the event's own).
fn zone_name(zone: &VisitorZone) -> &'static str {
    zone.0.map(|z| z.name()).unwrap_or("")
}

/// What the visitor asked for: the filters (as given and as a query string), list or grid,
/// their time zone and language.
struct ViewAsked<'a> {
    raw: &'a RawFilter<'a>,
    filters: &'a str,
    grid: bool,
    zone: VisitorZone,
    lang: Lang,
}

/// The agenda page as asked, rendered (not cached here).
async fn render(
    db: &Db,
    templates: Metadata<'_>,
    view: &ViewAsked<'_>,
    event: &Event,
    taken: &Taken,
    now: i64,
) -> Result<String> {
    let mut agenda = Agenda::load(db, Event::clone(event)).await?;
    agenda.visitor_tz = view.zone.0;
    let (filter, ignored) = AgendaFilter::read(view.raw, agenda.offered());
    let places = agenda_page::places(&taken.workshops(&agenda), view.lang);
    let mut days = agenda.days_matching(view.lang, &filter);
    agenda_page::mark_places(&mut days, &places);
    let shown = days.iter().map(|d| d.sessions.len()).sum();
    let tracks: Vec<_> = agenda
        .tracks
        .iter()
        .map(|t| TrackView {
            id: t.id,
            name: view.lang.pick(&t.name_fr, &t.name_en).to_string(),
            color: t.color.clone(),
        })
        .collect();
    let views = views(&event.slug, view.filters, view.grid);
    // The view.language switch keeps the filters and the view.
    let path = views_path(&views);
    let data = crate::web::page_context(
        view.lang,
        &path,
        page_data(&EventAgenda {
            event: EventSummary::new(&agenda.event, view.lang),
            finder: finder::finder(&agenda, &filter, &ignored, shown, view.lang),
            grid: match view.grid {
                true => agenda_grid::grid(&agenda, &filter, &places, view.lang),
                false => Vec::new(),
            },
            now_next: agenda_page::now_and_next(&agenda, &filter, &places, now, view.lang),
            days,
            tracks,
            rooms: &agenda.rooms,
            session_count: agenda.sessions.len(),
            visitor_zone: zone_name(&view.zone),
            views,
        }),
    );
    let (_, html) = templates
        .render("event", data)
        .ok_or_else(|| Error::Internal("the event page did not render".into()))?;
    Ok(html)
}

fn views(slug: &str, filters: &str, grid: bool) -> AgendaViews {
    let list_url = match filters.is_empty() {
        true => format!("/events/{slug}"),
        false => format!("/events/{slug}?{filters}"),
    };
    let grid_url = match filters.is_empty() {
        true => format!("/events/{slug}?view=grid"),
        false => format!("/events/{slug}?{filters}&view=grid"),
    };
    AgendaViews {
        grid,
        list_url,
        grid_url,
    }
}

fn views_path(views: &AgendaViews) -> String {
    match views.grid {
        true => views.grid_url.clone(),
        false => views.list_url.clone(),
    }
}
