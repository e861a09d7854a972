//! The workspace's certificates of attendance: the settings (on or off, the minimum, the
//! wording, the signatory, which sessions count), who attended what, sending the
//! certificates, withdrawing or re-issuing one, and the list as CSV.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::http::{ContentType, Header};
use rocket::response::Redirect;
use rocket::{get, post, routes, Responder, Route, State};
use rocket_dyn_templates::Template;
use serde::Serialize;

use crate::app::certificate_admin::{self as certificates, Overview, Standing};
use crate::app::{Db, Event};
use crate::auth::{Csrf, Organiser};
use crate::config::Settings;
use crate::domain::attendance::hours_text;
use crate::domain::spreadsheet;
use crate::domain::time;
use crate::domain::validate::Input;
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{checked, shown, Done};
use crate::web::admin::views::{render, Fields};
use crate::web::admin::workspace::{head, Head, Section};

pub fn routes() -> Vec<Route> {
    routes![page, save, send, withdraw, reissue, csv]
}

#[derive(Serialize)]
struct SessionChoice {
    id: i64,
    field: String,
    label: String,
    counts: bool,
}

#[derive(Serialize)]
struct PersonRow {
    id: i64,
    name: String,
    organisation: String,
    attended: String,
    percent: i64,
    status: String,
    /// `issued`, `withdrawn`, `eligible`, `below_minimum`.
    state: &'static str,
    withdrawable: bool,
}

#[derive(Serialize)]
struct CertificatesPage<'a> {
    #[serde(flatten)]
    head: Head,
    csrf: &'a str,
    values: Fields,
    errors: Fields,
    problem: Option<String>,
    notice: Option<String>,
    sessions: Vec<SessionChoice>,
    people: Vec<PersonRow>,
    available: String,
    ended: bool,
    enabled: bool,
}

fn view_people(o: &Overview, lang: Lang) -> Vec<PersonRow> {
    let min = o.frame.settings.min_percent;
    o.people
        .iter()
        .map(|p| {
            let standing = p.standing(min);
            PersonRow {
                id: p.registration.id,
                name: p.registration.name.clone(),
                organisation: p.registration.organisation.clone(),
                attended: hours_text(p.share.attended),
                percent: p.share.percent(),
                status: match standing {
                    Standing::Issued => lang.t("ws-certificate-state-issued"),
                    Standing::Withdrawn => lang.t("ws-certificate-state-withdrawn"),
                    Standing::Eligible => lang.t("ws-certificate-state-eligible"),
                    Standing::BelowMinimum => lang.t("ws-certificate-state-below"),
                },
                state: standing.as_str(),
                withdrawable: standing == Standing::Issued,
            }
        })
        .collect()
}

struct Shown<'a> {
    refused: Option<(&'a Input, &'a Error)>,
    notice: Option<String>,
    problem: Option<String>,
}

fn certificates_page(csrf: &Csrf, lang: Lang, o: &Overview, shown: Shown<'_>) -> Template {
    let event = &o.frame.agenda.event;
    let tz = event.tz();
    let sessions = session_choices(o, shown.refused.map(|(input, _)| input), lang);
    let (values, errors, problem) = match shown.refused {
        Some((input, err)) => (
            input.values.clone(),
            err.field_messages(lang),
            Some(err.message().render(lang)),
        ),
        None => (
            o.frame.settings.input().values,
            Fields::new(),
            shown.problem,
        ),
    };
    let from = o.frame.available_from;
    let view = CertificatesPage {
        head: head(event, lang, Section::Certificates),
        csrf: &csrf.0,
        values,
        errors,
        problem,
        notice: shown.notice,
        sessions,
        people: view_people(o, lang),
        available: format!(
            "{} {}",
            time::long_date(from, tz, lang),
            time::clock(from, tz)
        ),
        ended: time::now() >= from,
        enabled: o.frame.settings.enabled,
    };
    render(
        "admin/certificates",
        lang,
        &Section::Certificates.href(&event.slug),
        &view,
    )
}

/// The sessions that may count, each with its box: ticked as refused input had it, else as
/// the settings say.
fn session_choices(o: &Overview, refused: Option<&Input>, lang: Lang) -> Vec<SessionChoice> {
    let tz = o.frame.agenda.event.tz();
    o.frame
        .agenda
        .sessions
        .iter()
        .filter(|s| s.kind != crate::domain::SessionKind::Break)
        .map(|s| {
            let field = format!("count-{}", s.id);
            let counts = match refused {
                Some(input) => input.has(&field),
                None => o.frame.counting.contains(&s.id),
            };
            SessionChoice {
                id: s.id,
                label: format!(
                    "{} {} · {}",
                    time::long_date(s.starts_at, tz, lang),
                    time::clock(s.starts_at, tz),
                    lang.pick(&s.title_fr, &s.title_en)
                ),
                field,
                counts,
            }
        })
        .collect()
}

fn notice(
    done: Option<&str>,
    issued: Option<usize>,
    queued: Option<u64>,
    lang: Lang,
) -> Option<String> {
    match done {
        Some("saved") => Some(lang.t("ws-done-saved")),
        Some("sent") => Some(
            Msg::new("ws-certificates-sent")
                .arg("issued", issued.unwrap_or(0).to_string())
                .arg("queued", queued.unwrap_or(0).to_string())
                .render(lang),
        ),
        Some("withdrawn") => Some(lang.t("ws-certificate-withdrawn")),
        Some("reissued") => Some(lang.t("ws-certificate-reissued")),
        _ => None,
    }
}

async fn load(db: &Db, settings: &Settings, event: Event) -> Result<Overview> {
    certificates::overview(db, event, settings.join_opens_minutes).await
}

#[get("/events/<slug>/certificates?<done>&<issued>&<queued>")]
#[allow(clippy::too_many_arguments)]
async fn page(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    done: Option<&str>,
    issued: Option<usize>,
    queued: Option<u64>,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let o = load(db, settings, event).await?;
    let notice = notice(done, issued, queued, lang);
    Ok(certificates_page(
        &csrf,
        lang,
        &o,
        Shown {
            refused: None,
            notice,
            problem: None,
        },
    ))
}

fn back(slug: &str, done: &str) -> Redirect {
    Redirect::to(format!("{}?done={done}", Section::Certificates.href(slug)))
}

#[post("/events/<slug>/certificates", data = "<form>")]
async fn save(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let counting: Vec<i64> = input
        .values
        .keys()
        .filter_map(|k| k.strip_prefix("count-")?.parse().ok())
        .collect();
    let actor = who.0.actor();
    match certificates::save_form(db, &actor, &event, &input, &counting).await {
        Ok(()) => Ok(Ok(back(slug, "saved"))),
        Err(err) => {
            let err = shown(err)?;
            let o = load(db, settings, event).await?;
            let shown = Shown {
                refused: Some((&input, &err)),
                notice: None,
                problem: None,
            };
            Ok(Err((
                err.status(),
                certificates_page(&csrf, lang, &o, shown),
            )))
        }
    }
}

/// A button's form: only the CSRF token.
fn button(csrf: &Csrf, form: HashMap<String, String>) -> Result<()> {
    checked(csrf, form).map(|_| ())
}

/// The page again with a refusal that names no field ("not before the end").
async fn refused_page(
    db: &Db,
    settings: &Settings,
    lang: Lang,
    csrf: &Csrf,
    event: Event,
    err: Error,
) -> Result<Done> {
    let err = shown(err)?;
    let o = load(db, settings, event).await?;
    let shown = Shown {
        refused: None,
        notice: None,
        problem: Some(err.message().render(lang)),
    };
    Ok(Err((
        err.status(),
        certificates_page(csrf, lang, &o, shown),
    )))
}

#[post("/events/<slug>/certificates/send", data = "<form>")]
async fn send(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    button(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    match certificates::send(
        db,
        &who.0.actor(),
        event.clone(),
        settings.join_opens_minutes,
    )
    .await
    {
        Ok(sent) => Ok(Ok(Redirect::to(format!(
            "{}?done=sent&issued={}&queued={}",
            Section::Certificates.href(slug),
            sent.issued,
            sent.queued
        )))),
        Err(err) => refused_page(db, settings, lang, &csrf, event, err).await,
    }
}

#[post("/events/<slug>/certificates/<id>/withdraw", data = "<form>")]
async fn withdraw(
    db: &State<Db>,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<HashMap<String, String>>,
) -> Result<Redirect> {
    button(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    certificates::withdraw(db, &who.0.actor(), &event, id).await?;
    Ok(back(slug, "withdrawn"))
}

#[post("/events/<slug>/certificates/<id>/reissue", data = "<form>")]
#[allow(clippy::too_many_arguments)]
async fn reissue(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    button(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let actor = who.0.actor();
    match certificates::reissue(db, &actor, event.clone(), id, settings.join_opens_minutes).await {
        Ok(_) => Ok(Ok(back(slug, "reissued"))),
        Err(err) => refused_page(db, settings, lang, &csrf, event, err).await,
    }
}

#[derive(Responder)]
struct Csv(String, ContentType, Header<'static>);

/// Who attended what, with their hours: for the organisers' records (personal data: the
/// download is audited).
#[get("/events/<slug>/certificates.csv")]
async fn csv(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    who: Organiser,
    slug: &str,
) -> Result<Csv> {
    let event = who.event(db, slug).await?;
    let o = certificates::export(db, &who.0.actor(), event, settings.join_opens_minutes).await?;
    let header = [
        lang.t("csv-name"),
        lang.t("csv-organisation"),
        lang.t("csv-email"),
        lang.t("csv-sessions-attended"),
        lang.t("csv-hours"),
        lang.t("csv-percent"),
        lang.t("csv-certificate"),
        lang.t("csv-certificate-id"),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let body = spreadsheet::write(&header, certificates::rows(&o, lang));
    let name = format!("attachment; filename=\"certificates-{slug}.csv\"");
    Ok(Csv(
        body,
        ContentType::CSV,
        Header::new("Content-Disposition", name),
    ))
}
