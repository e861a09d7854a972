//! The attendee's personal programme `/r/TOKEN/programme`: the sessions they starred and
//! signed up for, by day, with clashes named; every session of the event with a plain form
//! button to add it or take it off (no JavaScript); the reminder before starred sessions.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::stars::{self, Programme};
use crate::app::{attendee, Db, Registration};
use crate::auth::Csrf;
use crate::config::Settings;
use crate::domain::validate::Input;
use crate::domain::SignupStatus;
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{checked, shown, Done};
use crate::web::attendee::views::{
    page_data, BrowseDay, BrowseItem, ClashView, ProgrammeDay, ProgrammeItem, ProgrammePage,
};
use crate::web::page;
use crate::web::public::views::EventSummary;

pub fn routes() -> Vec<Route> {
    routes![show, star, unstar, reminder]
}

fn notice(done: Option<&str>) -> Option<Msg> {
    match done? {
        "starred" => Some(Msg::new("stars-done-starred")),
        "unstarred" => Some(Msg::new("stars-done-unstarred")),
        "reminder" => Some(Msg::new("stars-done-reminder")),
        _ => None,
    }
}

fn signup_label(status: SignupStatus, lang: Lang) -> String {
    match status {
        SignupStatus::Confirmed => lang.t("signup-confirmed"),
        SignupStatus::Waitlisted => lang.t("signup-waitlisted"),
        SignupStatus::Requested => lang.t("signup-requested"),
    }
}

/// The programme's sessions by day, in the event's zone, each with the sessions it clashes
/// with.
fn programme_days(p: &Programme, lang: Lang) -> Vec<ProgrammeDay> {
    let agenda = &p.agenda;
    let tz = agenda.event.tz();
    let mut days: Vec<ProgrammeDay> = Vec::new();
    for item in &p.items {
        let Some(s) = agenda.session(item.session_id) else {
            continue;
        };
        let clashes = item
            .clashes_with
            .iter()
            .filter_map(|id| agenda.session(*id))
            .map(|o| ClashView {
                id: o.id,
                title: lang.pick(&o.title_fr, &o.title_en).to_string(),
                starts: crate::domain::time::clock(o.starts_at, tz),
                ends: crate::domain::time::clock(o.ends_at, tz),
            })
            .collect();
        let view = agenda.session_view(s, lang);
        let date = crate::domain::time::day(s.starts_at, tz).to_string();
        if days.last().is_none_or(|d| d.date != date) {
            days.push(ProgrammeDay {
                date,
                label: view.day.clone(),
                items: Vec::new(),
            });
        }
        if let Some(day) = days.last_mut() {
            day.items.push(ProgrammeItem {
                session: view,
                starred: item.starred,
                signup: item.signup.map(|st| signup_label(st, lang)),
                clashes,
            });
        }
    }
    days
}

/// Every session by day, marked when it is in the programme.
fn browse_days(p: &Programme, lang: Lang) -> Vec<BrowseDay> {
    p.agenda
        .days(lang)
        .into_iter()
        .map(|d| BrowseDay {
            date: d.date,
            label: d.label,
            sessions: d
                .sessions
                .into_iter()
                .map(|s| {
                    let item = p.items.iter().find(|i| i.session_id == s.id);
                    BrowseItem {
                        starred: p.is_starred(s.id),
                        signup: item.and_then(|i| i.signup).map(|st| signup_label(st, lang)),
                        session: s,
                    }
                })
                .collect(),
        })
        .collect()
}

async fn programme_page(
    db: &Db,
    settings: &Settings,
    lang: Lang,
    csrf: &Csrf,
    (token, r): (&str, &Registration),
    done: Option<&str>,
    err: Option<&Error>,
) -> Result<Template> {
    let p = stars::programme(db, r).await?;
    let days = programme_days(&p, lang);
    let count = p.items.len();
    let clashing = p
        .items
        .iter()
        .filter(|i| !i.clashes_with.is_empty())
        .count();
    let view = ProgrammePage {
        event: EventSummary::new(&p.agenda.event, lang),
        csrf: &csrf.0,
        token,
        active: !r.status.is_over(),
        days,
        count,
        clashing,
        remind: p.remind,
        remind_minutes: settings.online_reminder_minutes,
        all: browse_days(&p, lang),
        notice: notice(done).map(|m| m.render(lang)),
        problem: err.map(|e| e.message().render(lang)),
        errors: err.map(|e| e.field_messages(lang)),
    };
    Ok(page(
        "programme",
        lang,
        &format!("/r/{token}/programme"),
        page_data(&view),
    ))
}

#[get("/<token>/programme?<done>")]
async fn show(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    token: &str,
    done: Option<&str>,
) -> Result<Template> {
    let r = attendee::by_token(db, token).await?;
    programme_page(db, settings, lang, &csrf, (token, &r), done, None).await
}

/// What a form asks for.
#[derive(Clone, Copy)]
enum Ask {
    Star,
    Unstar,
    Reminder,
}

/// The session a star form names, or a refusal naming the field.
fn session_of(input: &Input) -> Result<i64> {
    input
        .get("session")
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| Error::field("session", Msg::new("stars-unknown-session")))
}

/// Runs what the form asks, then back to where the button was (the session in the list, or
/// the programme), or the page with what went wrong.
async fn act(
    db: &Db,
    settings: &Settings,
    lang: Lang,
    csrf: &Csrf,
    token: &str,
    form: HashMap<String, String>,
    ask: Ask,
) -> Result<Done> {
    let input = checked(csrf, form)?;
    let r = attendee::by_token(db, token).await?;
    let outcome = async {
        match ask {
            Ask::Star => stars::star(db, &r, session_of(&input)?)
                .await
                .map(|_| "starred"),
            Ask::Unstar => stars::unstar(db, &r, session_of(&input)?)
                .await
                .map(|()| "unstarred"),
            Ask::Reminder => stars::set_reminder(db, &r, input.get("remind").is_some())
                .await
                .map(|()| "reminder"),
        }
    };
    match outcome.await {
        Ok(done) => {
            let anchor = match (ask, input.get("from"), session_of(&input)) {
                (Ask::Reminder, _, _) => "reminder".to_string(),
                (_, Some("programme"), _) => "programme".to_string(),
                (_, _, Ok(id)) => format!("session-{id}"),
                _ => "programme".to_string(),
            };
            let to = format!("/r/{token}/programme?done={done}#{anchor}");
            Ok(Ok(Redirect::to(to)))
        }
        Err(e) => {
            let e = shown(e)?;
            let page =
                programme_page(db, settings, lang, csrf, (token, &r), None, Some(&e)).await?;
            Ok(Err((e.status(), page)))
        }
    }
}

#[post("/<token>/star", data = "<form>")]
async fn star(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    token: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    act(
        db,
        settings,
        lang,
        &csrf,
        token,
        form.into_inner(),
        Ask::Star,
    )
    .await
}

#[post("/<token>/unstar", data = "<form>")]
async fn unstar(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    token: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    act(
        db,
        settings,
        lang,
        &csrf,
        token,
        form.into_inner(),
        Ask::Unstar,
    )
    .await
}

#[post("/<token>/programme/reminder", data = "<form>")]
async fn reminder(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    token: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    act(
        db,
        settings,
        lang,
        &csrf,
        token,
        form.into_inner(),
        Ask::Reminder,
    )
    .await
}
