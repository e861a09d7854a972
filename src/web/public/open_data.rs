//! An event's agenda as open data files: frab schedule XML and JSON, CSV. Public events only;
//! never a streaming URL (CONTRACT.md).

use rocket::http::ContentType;
use rocket::serde::json::Json;
use rocket::{get, routes, Route, State};
use serde_json::Value;

use crate::app::agenda::Agenda;
use crate::app::Db;
use crate::config::Settings;
use crate::error::Result;
use crate::i18n::Lang;
use crate::open_data::{self, Schedule};
use crate::web::public::pages::public_event;

pub fn routes() -> Vec<Route> {
    routes![schedule_xml, schedule_json, agenda_csv]
}

/// Programs fetch these files, and a file should read the same for every one of them: the
/// language is `?lang=` or French (the demo summits are French), never a cookie or header.
/// Summit does not record the spoken language of sessions, so the frab `language` of each
/// session is this language too.
fn file_lang(lang: Option<&str>) -> Lang {
    lang.and_then(Lang::parse).unwrap_or(Lang::Fr)
}

async fn schedule(db: &Db, settings: &Settings, slug: &str, lang: Lang) -> Result<Schedule> {
    let agenda = Agenda::load(db, public_event(db, slug).await?).await?;
    Ok(Schedule::build(&agenda, lang, &settings.public_url))
}

#[get("/events/<slug>/schedule.xml?<lang>")]
async fn schedule_xml(
    db: &State<Db>,
    settings: &State<Settings>,
    slug: &str,
    lang: Option<&str>,
) -> Result<(ContentType, String)> {
    let lang = file_lang(lang);
    let schedule = schedule(db, settings, slug, lang).await?;
    Ok((
        ContentType::XML,
        open_data::frab_xml::render(&schedule, lang),
    ))
}

#[get("/events/<slug>/schedule.json?<lang>")]
async fn schedule_json(
    db: &State<Db>,
    settings: &State<Settings>,
    slug: &str,
    lang: Option<&str>,
) -> Result<Json<Value>> {
    let lang = file_lang(lang);
    let schedule = schedule(db, settings, slug, lang).await?;
    Ok(Json(open_data::frab_json::render(&schedule, lang)))
}

#[get("/events/<slug>/agenda.csv?<lang>")]
async fn agenda_csv(
    db: &State<Db>,
    settings: &State<Settings>,
    slug: &str,
    lang: Option<&str>,
) -> Result<(ContentType, String)> {
    let agenda = Agenda::load(db, public_event(db, slug).await?).await?;
    let csv = open_data::csv::render(&agenda, file_lang(lang), &settings.public_url)?;
    let content_type =
        ContentType::new("text", "csv").with_params([("charset", "utf-8"), ("header", "present")]);
    Ok((content_type, csv))
}
