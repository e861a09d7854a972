//! The organisers' dashboard: registrations over time, by mode, ticket and workshop fill,
//! check-ins per hour and gate, online joins. Each chart is server-drawn SVG with its numbers
//! in a table beside it; the same numbers download as CSV.

use std::collections::BTreeMap;

use rocket::http::Header;
use rocket::{get, routes, Responder, Route, State};
use rocket_dyn_templates::Template;
use serde_json::{json, Value};

use crate::app::roster::Roster;
use crate::auth::Organiser;
use crate::domain::{chart, spreadsheet, time, Attendance};
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::events::Event;
use crate::store::roster::Filter;
use crate::store::{self, Db};
use crate::web::page;

pub fn routes() -> Vec<Route> {
    routes![dashboard, numbers]
}

struct Figure {
    id: &'static str,
    title: String,
    rows: Vec<(String, i64)>,
}

async fn figures(db: &Db, event: Event, lang: Lang) -> Result<(Event, Vec<Figure>)> {
    let tz = event.tz();
    let (times, checkins, joins) = tokio::try_join!(
        store::stats::registration_times(db, event.id),
        store::stats::entrance_checkins(db, event.id),
        store::joins::counts(db, event.id),
    )?;
    let roster = Roster::load(db, event, &Filter::default()).await?;
    let mut per_day: BTreeMap<String, i64> = BTreeMap::new();
    for t in times {
        *per_day.entry(time::day(t, tz).to_string()).or_default() += 1;
    }
    let confirmed = |mode: Attendance| -> i64 {
        roster
            .counts
            .iter()
            .filter(|c| c.status == "confirmed" && c.attendance == mode.as_str())
            .map(|c| c.n)
            .sum()
    };
    let modes = Attendance::ALL
        .iter()
        .filter(|m| m.fits(roster.agenda.event.format))
        .map(|m| (lang.t(&format!("attendance-{}", m.as_str())), confirmed(*m)))
        .collect();
    let counts = roster.counts_json(lang);
    let pick = |list: &Value, label: &str, value: &dyn Fn(&Value) -> i64| -> Vec<(String, i64)> {
        list.as_array()
            .map(|a| {
                a.iter()
                    .map(|v| (v[label].as_str().unwrap_or_default().to_string(), value(v)))
                    .collect()
            })
            .unwrap_or_default()
    };
    let tickets = pick(&counts["tickets"], "name", &|v| {
        v["confirmed"].as_i64().unwrap_or(0)
    });
    let fill = pick(&counts["workshops"], "title", &|v| {
        let cap = v["capacity"].as_i64().unwrap_or(0);
        let n = v["confirmed"].as_i64().unwrap_or(0);
        (n * 100).checked_div(cap).unwrap_or(0)
    });
    let mut per_hour: BTreeMap<(String, String), i64> = BTreeMap::new();
    for (t, gate) in checkins {
        let hour = format!("{} {}h", time::day(t, tz), &time::clock(t, tz)[..2]);
        *per_hour.entry((hour, gate)).or_default() += 1;
    }
    let online = joins
        .into_iter()
        .map(|(session, n)| {
            let title = session
                .and_then(|id| roster.agenda.session(id))
                .map(|s| lang.pick(&s.title_fr, &s.title_en).to_string())
                .unwrap_or_else(|| lang.t("dashboard-event-stream"));
            (title, n)
        })
        .collect();
    let figures = vec![
        Figure {
            id: "per-day",
            title: lang.t("dashboard-per-day"),
            rows: per_day.into_iter().collect(),
        },
        Figure {
            id: "modes",
            title: lang.t("dashboard-modes"),
            rows: modes,
        },
        Figure {
            id: "tickets",
            title: lang.t("dashboard-tickets"),
            rows: tickets,
        },
        Figure {
            id: "fill",
            title: lang.t("dashboard-fill"),
            rows: fill,
        },
        Figure {
            id: "checkins",
            title: lang.t("dashboard-checkins"),
            rows: per_hour
                .into_iter()
                .map(|((h, g), n)| (format!("{h} · {g}"), n))
                .collect(),
        },
        Figure {
            id: "online",
            title: lang.t("dashboard-online"),
            rows: online,
        },
    ];
    Ok((roster.agenda.event, figures))
}

#[get("/events/<slug>/dashboard")]
async fn dashboard(db: &State<Db>, lang: Lang, who: Organiser, slug: &str) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let (event, figures) = figures(db, event, lang).await?;
    let figures: Vec<Value> = figures
        .iter()
        .map(|f| {
            json!({"id": f.id, "title": f.title, "svg": chart::bars(&f.title, &f.rows),
                   "rows": f.rows.iter().map(|(l, v)| json!({"label": l, "value": v})).collect::<Vec<_>>(),
                   "empty": f.rows.is_empty()})
        })
        .collect();
    Ok(page(
        "admin/dashboard",
        lang,
        &format!("/admin/events/{slug}/dashboard"),
        json!({"event": crate::web::public::pages::event_summary(&event, lang), "figures": figures,
               "no_data": lang.t("dashboard-no-data")}),
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
