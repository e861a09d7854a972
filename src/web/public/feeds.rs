//! Public calendar files. They never carry a streaming URL (CONTRACT.md).

use rocket::http::ContentType;
use rocket::{get, routes, Route, State};

use crate::app::agenda::Agenda;
use crate::app::Db;
use crate::app::Event;
use crate::calendar;
use crate::config::Settings;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::page_cache::{Cached, Lookup, PageCache};
use crate::web::public::pages::{cached_public_event, public_event};

pub fn routes() -> Vec<Route> {
    routes![event_calendar, session_calendar]
}

fn ics() -> ContentType {
    ContentType::new("text", "calendar").with_params(("charset", "utf-8"))
}

#[get("/events/<slug>/calendar.ics")]
async fn event_calendar(
    db: &State<Db>,
    settings: &State<Settings>,
    cache: &State<PageCache>,
    lang: Lang,
    slug: &str,
) -> Result<Cached> {
    let event = cached_public_event(db, slug).await?;
    let key = format!("ics:{slug}:{}", lang.code());
    let revision = event.revision;
    let _turn = match cache.lookup(&key, revision).await {
        Lookup::Hit(body) => return Ok(Cached(ics(), body)),
        Lookup::Render(turn) => turn,
    };
    let agenda = Agenda::load(db, Event::clone(&event)).await?;
    let entries: Vec<_> = agenda
        .sessions
        .iter()
        .map(|s| agenda.calendar_entry(s, lang, &settings.public_url))
        .collect();
    let name = lang.pick(&agenda.event.title_fr, &agenda.event.title_en);
    let body = calendar::render(name, &entries);
    Ok(Cached(ics(), cache.put(key, revision, body)))
}

#[get("/events/<slug>/sessions/<id>/calendar.ics")]
async fn session_calendar(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    slug: &str,
    id: i64,
) -> Result<(ContentType, String)> {
    let agenda = Agenda::load(db, public_event(db, slug).await?).await?;
    let session = agenda.session(id).ok_or(Error::NotFound)?;
    let entry = agenda.calendar_entry(session, lang, &settings.public_url);
    Ok((ics(), calendar::render(&entry.summary.clone(), &[entry])))
}
