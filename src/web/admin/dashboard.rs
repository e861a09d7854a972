//! The organisers' dashboard: registrations over time, by mode, ticket and workshop fill,
//! check-ins per hour and gate, online joins. Each chart is server-drawn SVG with its numbers
//! in a table beside it; the same numbers download as CSV.

use rocket::http::Header;
use rocket::{get, routes, Responder, Route, State};
use rocket_dyn_templates::Template;
use serde::Serialize;

use crate::app::admin_events::Event;
use crate::app::dashboard::{self as numbers_of, Label};
use crate::app::Db;
use crate::auth::{Csrf, Organiser};
use crate::domain::{chart, spreadsheet};
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::admin::views::render;

pub fn routes() -> Vec<Route> {
    routes![dashboard, numbers]
}

/// A figure as shown: its title and rows worded in the visitor's language.
struct Figure {
    id: &'static str,
    title: String,
    rows: Vec<(String, i64)>,
}

fn label(l: &Label, lang: Lang) -> String {
    match l {
        Label::Text(text) => text.clone(),
        Label::Mode(mode) => lang.t(&format!("attendance-{}", mode.as_str())),
        Label::Title { fr, en } => lang.pick(fr, en).to_string(),
        Label::EventStream => lang.t("dashboard-event-stream"),
        Label::WalkIns { let_in: true } => lang.t("dashboard-walk-ins-in"),
        Label::WalkIns { let_in: false } => lang.t("dashboard-walk-ins-waiting"),
    }
}

/// Each figure's title (each key written as `lang.t("…")`, where the translation check
/// looks for the keys in use).
fn title(id: &str, lang: Lang) -> String {
    match id {
        "per-day" => lang.t("dashboard-per-day"),
        "modes" => lang.t("dashboard-modes"),
        "tickets" => lang.t("dashboard-tickets"),
        "fill" => lang.t("dashboard-fill"),
        "checkins" => lang.t("dashboard-checkins"),
        "stars" => lang.t("stars-dashboard"),
        "walk-ins" => lang.t("dashboard-walk-ins"),
        _ => lang.t("dashboard-online"),
    }
}

/// `admin/dashboard`: every figure as a chart and a table.
#[derive(Serialize)]
struct DashboardPage {
    /// For the frame's sign-out form.
    csrf: String,
    event: crate::web::public::views::EventSummary,
    figures: Vec<FigureView>,
    no_data: String,
}

#[derive(Serialize)]
struct FigureView {
    id: &'static str,
    title: String,
    svg: String,
    rows: Vec<FigureRow>,
    empty: bool,
}

#[derive(Serialize)]
struct FigureRow {
    label: String,
    value: i64,
}

async fn figures(db: &Db, event: Event, lang: Lang) -> Result<(Event, Vec<Figure>)> {
    let numbers = numbers_of::figures(db, event).await?;
    let figures = numbers
        .figures
        .iter()
        .map(|f| Figure {
            id: f.id,
            title: title(f.id, lang),
            rows: f.rows.iter().map(|(l, n)| (label(l, lang), *n)).collect(),
        })
        .collect();
    Ok((numbers.event, figures))
}

#[get("/events/<slug>/dashboard")]
async fn dashboard(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let (event, figures) = figures(db, event, lang).await?;
    let figures = figures
        .iter()
        .map(|f| FigureView {
            id: f.id,
            title: f.title.clone(),
            svg: chart::bars(&f.title, &f.rows),
            rows: f
                .rows
                .iter()
                .map(|(label, value)| FigureRow {
                    label: label.clone(),
                    value: *value,
                })
                .collect(),
            empty: f.rows.is_empty(),
        })
        .collect();
    let view = DashboardPage {
        csrf: csrf.0,
        event: crate::web::public::pages::event_summary(&event, lang),
        figures,
        no_data: lang.t("dashboard-no-data"),
    };
    Ok(render(
        "admin/dashboard",
        lang,
        &format!("/admin/events/{slug}/dashboard"),
        &view,
    ))
}

#[derive(Responder)]
#[response(content_type = "text/csv")]
struct Csv(String, Header<'static>);

#[get("/events/<slug>/dashboard.csv")]
async fn numbers(db: &State<Db>, lang: Lang, who: Organiser, slug: &str) -> Result<Csv> {
    let event = who.event(db, slug).await?;
    let (_, figures) = figures(db, event, lang).await?;
    let rows: Vec<Vec<String>> = figures
        .iter()
        .flat_map(|f| {
            f.rows
                .iter()
                .map(|(l, v)| vec![f.id.to_string(), l.clone(), v.to_string()])
        })
        .collect();
    let disposition = format!("attachment; filename=\"{slug}-numbers.csv\"");
    Ok(Csv(
        spreadsheet::write(&["chart", "label", "value"], &rows),
        Header::new("Content-Disposition", disposition),
    ))
}
