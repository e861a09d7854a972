//! The organisers' registrations: list with search and filters, counts, adding someone by
//! hand, approving, CSV export and guest-list import with its progress. Cancelling someone
//! (after a page that says what it will do) is `registration_cancel`; writing to attendees
//! is `messages`.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::http::Header;
use rocket::response::Redirect;
use rocket::{get, post, routes, Responder, Route, State};
use rocket_dyn_templates::Template;
use serde::Serialize;

use crate::app::admin_events::Event;
use crate::app::admin_registrations::{self, Filter};
use crate::app::registering::{self, Channel};
use crate::app::roster::Roster;
use crate::app::Db;
use crate::auth::{Csrf, Organiser};
use crate::domain::validate::Input;
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{checked, shown, Done};
use crate::web::admin::views::{render, Choice, Fields};

pub fn routes() -> Vec<Route> {
    routes![list, export, add, decide]
}

fn filter_of(
    q: Option<String>,
    status: Option<String>,
    attendance: Option<String>,
    ticket: Option<i64>,
    session: Option<i64>,
) -> Filter {
    let some = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Filter {
        search: some(q),
        status: some(status),
        attendance: some(attendance),
        ticket,
        session,
    }
}

/// `admin/registrations`: the list with its filters, counts and forms.
#[derive(Serialize)]
struct RegistrationsPage<'a> {
    csrf: &'a str,
    event: crate::web::public::views::EventSummary,
    rows: Vec<crate::app::roster::RosterRow>,
    shown: usize,
    counts: crate::app::roster::RosterCounts,
    filter: FilterView,
    export_query: String,
    statuses: Vec<Choice>,
    choices: crate::web::public::views::ChoicesView,
    values: Fields,
    errors: Fields,
    problem: Option<String>,
    notice: Option<String>,
    approve_label: String,
    reject_label: String,
    cancel_label: String,
    badge_roles: Vec<Choice>,
}

/// The filters as the list's form shows them again (absent ones as null).
#[derive(Serialize)]
struct FilterView {
    q: Option<String>,
    status: Option<String>,
    attendance: Option<String>,
    ticket: Option<String>,
    session: Option<String>,
}

/// The list page again, with a refused form's input and messages (or a filter's list).
pub(super) async fn list_page(
    db: &Db,
    lang: Lang,
    csrf: &Csrf,
    event: Event,
    filter: &Filter,
    refused: Option<(&Input, &Error)>,
    notice: Option<String>,
) -> Result<Template> {
    let roster = Roster::load(db, event, filter).await?;
    roster_page(db, lang, csrf, roster, filter, refused, notice).await
}

async fn roster_page(
    db: &Db,
    lang: Lang,
    csrf: &Csrf,
    roster: Roster,
    filter: &Filter,
    refused: Option<(&Input, &Error)>,
    notice: Option<String>,
) -> Result<Template> {
    let slug = roster.agenda.event.slug.clone();
    let rows = roster
        .rows
        .iter()
        .map(|r| roster.row_json(r, lang))
        .collect();
    let query = filter_query(filter);
    let (values, errors, problem) = add_form(refused, lang);
    let choices =
        crate::web::public::register::choices(db, &roster.agenda, lang, &Input::default()).await?;
    let view = RegistrationsPage {
        csrf: &csrf.0,
        event: crate::web::public::pages::event_summary(&roster.agenda.event, lang),
        rows,
        shown: roster.rows.len(),
        counts: roster.counts_json(lang),
        filter: FilterView {
            q: filter.search.clone(),
            status: filter.status.clone(),
            attendance: filter.attendance.clone(),
            ticket: filter.ticket.map(|t| t.to_string()),
            session: filter.session.map(|s| s.to_string()),
        },
        export_query: query.clone(),
        statuses: status_choices(lang),
        choices,
        values,
        errors,
        problem,
        notice,
        approve_label: lang.t("roster-approve"),
        reject_label: lang.t("roster-reject"),
        cancel_label: lang.t("roster-cancel"),
        badge_roles: badge_role_choices(lang),
    };
    // The language switch keeps the filters.
    let path = match query.is_empty() {
        true => format!("/admin/events/{slug}/registrations"),
        false => format!("/admin/events/{slug}/registrations?{query}"),
    };
    Ok(render("admin/registrations", lang, &path, &view))
}

/// The list's filters as a query string (for the export link and the language switch).
fn filter_query(filter: &Filter) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(filter.search.as_ref().map(|v| ("q", v.as_str())))
        .extend_pairs(filter.status.as_ref().map(|v| ("status", v.as_str())))
        .extend_pairs(
            filter
                .attendance
                .as_ref()
                .map(|v| ("attendance", v.as_str())),
        )
        .finish()
}

/// The add-someone form's values, field messages and problem: what was refused, or a fresh
/// form (in person).
fn add_form(refused: Option<(&Input, &Error)>, lang: Lang) -> (Fields, Fields, Option<String>) {
    match refused {
        Some((input, e)) => (
            input.values.clone(),
            e.field_messages(lang),
            Some(e.message().render(lang)),
        ),
        None => (
            Fields::from([("attendance".to_string(), "in_person".to_string())]),
            Fields::new(),
            None,
        ),
    }
}

fn status_choices(lang: Lang) -> Vec<Choice> {
    crate::domain::RegistrationStatus::ALL
        .iter()
        .map(|s| Choice::new(s.as_str(), lang.t(&format!("reg-status-{}", s.as_str()))))
        .collect()
}

fn badge_role_choices(lang: Lang) -> Vec<Choice> {
    crate::domain::BadgeRole::ALL
        .iter()
        .map(|r| {
            Choice::new(
                r.as_str(),
                crate::web::attendee::badges::role_label(r.as_str(), lang),
            )
        })
        .collect()
}

/// What a cancellation did, as its redirect tells the list: who was cancelled, whether a
/// place was freed, who got it (`promoted`, ids separated by commas).
#[derive(rocket::FromForm, Default)]
struct CancelOutcome {
    id: Option<i64>,
    freed: Option<bool>,
    promoted: Option<String>,
}

#[get(
    "/events/<slug>/registrations?<q>&<status>&<attendance>&<ticket>&<session>&<done>&<outcome..>"
)]
#[allow(clippy::too_many_arguments)]
async fn list(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    q: Option<String>,
    status: Option<String>,
    attendance: Option<String>,
    ticket: Option<i64>,
    session: Option<i64>,
    done: Option<&str>,
    outcome: CancelOutcome,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let filter = filter_of(q, status, attendance, ticket, session);
    let roster = admin_registrations::list(db, &who.0.actor(), event, &filter).await?;
    let notice = match done {
        Some("added") => Some(Msg::new("roster-added")),
        Some("cancelled") => Some(cancelled_notice(&roster, &outcome)),
        Some("approve") => Some(Msg::new("roster-approved")),
        Some("reject") => Some(Msg::new("roster-rejected")),
        Some("badge") => Some(Msg::new("badge-reissued")),
        Some("role") => Some(Msg::new("badge-role-changed")),
        _ => None,
    };
    let notice = notice.map(|n| n.render(lang));
    roster_page(db, lang, &csrf, roster, &filter, None, notice).await
}

/// The true outcome of a cancellation: who got the freed place, or that nobody was waiting,
/// or that no place was freed (the person was waiting themselves).
fn cancelled_notice(roster: &Roster, outcome: &CancelOutcome) -> Msg {
    let name = |id: i64| {
        roster
            .rows
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.name.clone())
    };
    let person = outcome.id.and_then(name).unwrap_or_default();
    let promoted: Vec<String> = outcome
        .promoted
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .filter_map(|id| id.trim().parse().ok())
        .filter_map(name)
        .collect();
    if !promoted.is_empty() {
        Msg::new("forms-cancelled-promoted")
            .arg("name", person)
            .arg("next", promoted.join(", "))
    } else if outcome.freed == Some(true) {
        Msg::new("forms-cancelled-nobody-waiting").arg("name", person)
    } else if outcome.freed == Some(false) {
        Msg::new("forms-cancelled-no-place").arg("name", person)
    } else {
        Msg::new("roster-cancelled")
    }
}

#[derive(Responder)]
#[response(content_type = "text/csv")]
struct Csv(String, Header<'static>);

#[get("/events/<slug>/registrations.csv?<q>&<status>&<attendance>&<ticket>&<session>")]
#[allow(clippy::too_many_arguments)]
async fn export(
    db: &State<Db>,
    lang: Lang,
    who: Organiser,
    slug: &str,
    q: Option<String>,
    status: Option<String>,
    attendance: Option<String>,
    ticket: Option<i64>,
    session: Option<i64>,
) -> Result<Csv> {
    let event = who.event(db, slug).await?;
    let filter = filter_of(q, status, attendance, ticket, session);
    let roster = admin_registrations::export(db, &who.0.actor(), event, &filter).await?;
    let disposition = format!("attachment; filename=\"{slug}-registrations.csv\"");
    Ok(Csv(
        roster.csv(lang),
        Header::new("Content-Disposition", disposition),
    ))
}

fn back(slug: &str, done: &str) -> Redirect {
    Redirect::to(format!("/admin/events/{slug}/registrations?done={done}"))
}

#[post("/events/<slug>/registrations", data = "<form>")]
async fn add(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    match registering::register(db, &event, &input, lang, Channel::Organiser).await {
        Ok(_) => Ok(Ok(back(slug, "added"))),
        Err(e) => {
            let e = shown(e)?;
            let refused = Some((&input, &e));
            let page = list_page(db, lang, &csrf, event, &Filter::default(), refused, None).await?;
            Ok(Err((e.status(), page)))
        }
    }
}

#[post(
    "/events/<slug>/registrations/<id>/<decision>",
    data = "<form>",
    rank = 2
)]
async fn decide(
    db: &State<Db>,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    decision: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Redirect> {
    checked(&csrf, form.into_inner())?;
    let approve = match decision {
        "approve" => true,
        "reject" => false,
        _ => return Err(Error::NotFound),
    };
    let event = who.event(db, slug).await?;
    admin_registrations::decide(db, &event, id, approve).await?;
    Ok(back(slug, decision))
}
