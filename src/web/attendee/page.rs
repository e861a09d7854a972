//! The attendee's own page `/r/TOKEN`: status, waitlist position, chosen sessions, and the
//! forms to change workshops, switch attendance mode or cancel, without a password.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::attendee::{self, Change};
use crate::app::Db;
use crate::app::Registration;
use crate::auth::Csrf;
use crate::domain::validate::Input;
use crate::domain::{Format, SignupStatus};
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::payments::Stripe;
use crate::web::admin::events::{checked, shown, Done};
use crate::web::attendee::views::{
    page_data, AttendeePage, JoinDoorView, RegistrationView, SignupView,
};
use crate::web::page;
use crate::web::public::register::choices_view;
use crate::web::public::views::EventSummary;

pub fn routes() -> Vec<Route> {
    routes![show, change_sessions, switch_attendance, cancel, pay]
}

/// Messages after a change, by the `done` query value.
fn notice(done: Option<&str>) -> Option<Msg> {
    match done? {
        "sessions" => Some(Msg::new("attendee-saved-sessions")),
        "attendance" => Some(Msg::new("attendee-saved-attendance")),
        "cancelled" => Some(Msg::new("attendee-cancelled")),
        "paid" => Some(Msg::new("pay-thanks")),
        "pay-failed" => Some(Msg::new("pay-failed")),
        _ => None,
    }
}

/// The page, with a notice after a change or what went wrong with one.
#[allow(clippy::too_many_arguments)]
async fn attendee_page(
    db: &Db,
    lang: Lang,
    csrf: &Csrf,
    token: &str,
    r: &Registration,
    done: Option<&str>,
    err: Option<&Error>,
    // How long before a start a join link opens; `None` (a refused form): no join section.
    join_opens_minutes: Option<i64>,
) -> Result<Template> {
    let attendee::Personal {
        agenda,
        signups,
        position,
        ticket,
        choices,
        payment,
        certificate,
    } = attendee::personal(db, r).await?;
    let sessions = signup_views(&agenda, &signups, lang);
    let picked = picked_sessions(&signups);
    let joins = join_opens_minutes
        .map(|m| join_views(&agenda, r, &signups, token, m, lang))
        .unwrap_or_default();
    let other_mode = match r.attendance {
        crate::domain::Attendance::InPerson => "online",
        crate::domain::Attendance::Online => "in_person",
    };
    Ok(page(
        "attendee",
        lang,
        &format!("/r/{token}"),
        page_data(&AttendeePage {
            event: EventSummary::new(&agenda.event, lang),
            csrf: &csrf.0,
            token,
            r: registration_view(r, position, ticket, lang),
            sessions,
            choices: choices_view(&agenda, &choices, lang, &picked),
            can_switch: agenda.event.format == Format::Hybrid && !r.status.is_over(),
            other_mode,
            other_mode_label: lang.t(&format!("attendance-{other_mode}")),
            payment: crate::web::attendee::payment_view::attendee(&payment, &agenda.event, lang),
            problem_pay: done == Some("pay-failed"),
            notice: notice(done).map(|m| m.render(lang)),
            problem: err.map(|e| e.message().render(lang)),
            errors: err.map(|e| e.field_messages(lang)),
            joins,
            certificate,
        }),
    ))
}

/// The sessions the attendee signed up for, with where they stand.
fn signup_views(
    agenda: &crate::app::agenda::Agenda,
    signups: &[crate::app::Signup],
    lang: Lang,
) -> Vec<SignupView> {
    signups
        .iter()
        .filter_map(|s| {
            let session = agenda.session(s.session_id)?;
            let session = agenda.session_view(session, lang);
            let label = match s.status {
                SignupStatus::Confirmed => Msg::new("signup-confirmed"),
                SignupStatus::Waitlisted => Msg::new("signup-waitlisted"),
                SignupStatus::Requested => Msg::new("signup-requested"),
            };
            Some(SignupView {
                session,
                status_label: label.render(lang),
                position: s.position,
            })
        })
        .collect()
}

/// The workshops form's boxes, ticked for the sessions signed up for.
fn picked_sessions(signups: &[crate::app::Signup]) -> Input {
    let mut picked = Input::default();
    for s in signups {
        picked
            .values
            .insert(format!("session_{}", s.session_id), "on".into());
    }
    picked
}

/// The registration as the page's head shows it.
fn registration_view<'a>(
    r: &'a Registration,
    position: Option<i64>,
    ticket: Option<String>,
    lang: Lang,
) -> RegistrationView<'a> {
    RegistrationView {
        name: &r.name,
        email: &r.email,
        organisation: &r.organisation,
        status: r.status,
        status_label: lang.t(&format!("reg-status-{}", r.status.as_str())),
        position,
        attendance_label: lang.t(&format!("attendance-{}", r.attendance.as_str())),
        ticket,
        active: !r.status.is_over(),
        has_badge: r.status == crate::domain::RegistrationStatus::Confirmed,
    }
}

/// The streams the attendee may join, as their page shows them.
fn join_views(
    agenda: &crate::app::agenda::Agenda,
    r: &Registration,
    signups: &[crate::app::Signup],
    token: &str,
    opens_minutes: i64,
    lang: Lang,
) -> Vec<JoinDoorView> {
    use crate::domain::join_window::Window;
    use crate::domain::time;
    let tz = agenda.event.tz();
    let now = time::now();
    crate::app::join::doors(agenda, r, signups, opens_minutes, now)
        .iter()
        .map(|d| {
            let title = match d.session {
                Some(s) => lang.pick(&s.title_fr, &s.title_en).to_string(),
                None => lang.t("attendee-join-event-stream"),
            };
            let day = |at| time::long_date(at, tz, lang);
            let zone = time::zone_abbreviation(d.starts_at, tz);
            let (from, to) = (time::clock(d.starts_at, tz), time::clock(d.ends_at, tz));
            let when = match time::day(d.starts_at, tz) == time::day(d.ends_at, tz) {
                true => format!("{}, {from}–{to} ({zone})", day(d.starts_at)),
                false => format!(
                    "{} {from} – {} {to} ({zone})",
                    day(d.starts_at),
                    day(d.ends_at)
                ),
            };
            let (state, opens) = match d.window {
                Window::Open => ("open", None),
                Window::Ended => ("ended", None),
                Window::Opens(at) => {
                    let at = format!("{} {}", time::long_date(at, tz, lang), time::clock(at, tz));
                    (
                        "soon",
                        Some(lang.t_args("attendee-join-opens", &[("when", at)])),
                    )
                }
            };
            JoinDoorView {
                url: format!("/r/{token}/join/{}", d.id()),
                title,
                when,
                state,
                open: state == "open",
                opens,
            }
        })
        .collect()
}

#[get("/<token>?<done>")]
async fn show(
    db: &State<Db>,
    settings: &State<crate::config::Settings>,
    lang: Lang,
    csrf: Csrf,
    token: &str,
    done: Option<&str>,
) -> Result<Template> {
    let r = attendee::by_token(db, token).await?;
    let opens = Some(settings.join_opens_minutes);
    attendee_page(db, lang, &csrf, token, &r, done, None, opens).await
}

/// Runs a change, then back to the page with a notice, or the page with what went wrong.
#[allow(clippy::too_many_arguments)]
async fn act(
    db: &Db,
    stripe: &Stripe,
    lang: Lang,
    csrf: &Csrf,
    token: &str,
    form: HashMap<String, String>,
    change: Change,
) -> Result<Done> {
    let input = checked(csrf, form)?;
    let r = attendee::by_token(db, token).await?;
    match attendee::change(db, stripe, &r, change, &input, lang).await {
        Ok(()) => {
            let done = match change {
                Change::Sessions => "sessions",
                Change::Attendance => "attendance",
                Change::Cancel => "cancelled",
            };
            Ok(Ok(Redirect::to(format!("/r/{token}?done={done}"))))
        }
        Err(e) => {
            let e = shown(e)?;
            let page = attendee_page(db, lang, csrf, token, &r, None, Some(&e), None).await?;
            Ok(Err((e.status(), page)))
        }
    }
}

#[post("/<token>/sessions", data = "<form>")]
async fn change_sessions(
    db: &State<Db>,
    stripe: &State<Stripe>,
    lang: Lang,
    csrf: Csrf,
    token: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    act(
        db,
        stripe,
        lang,
        &csrf,
        token,
        form.into_inner(),
        Change::Sessions,
    )
    .await
}

#[post("/<token>/attendance", data = "<form>")]
async fn switch_attendance(
    db: &State<Db>,
    stripe: &State<Stripe>,
    lang: Lang,
    csrf: Csrf,
    token: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    act(
        db,
        stripe,
        lang,
        &csrf,
        token,
        form.into_inner(),
        Change::Attendance,
    )
    .await
}

#[post("/<token>/cancel", data = "<form>")]
async fn cancel(
    db: &State<Db>,
    stripe: &State<Stripe>,
    lang: Lang,
    csrf: Csrf,
    token: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    act(
        db,
        stripe,
        lang,
        &csrf,
        token,
        form.into_inner(),
        Change::Cancel,
    )
    .await
}

/// Opens Stripe's payment page for a registration holding its place: the open Checkout
/// Session if there is one, else a new one; if Stripe cannot, back with "try again".
#[post("/<token>/pay", data = "<form>")]
async fn pay(
    db: &State<Db>,
    stripe: &State<Stripe>,
    csrf: Csrf,
    token: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Redirect> {
    checked(&csrf, form.into_inner())?;
    let r = attendee::by_token(db, token).await?;
    Ok(match stripe.checkout(db, &r).await? {
        Some(url) => Redirect::to(url),
        None => Redirect::to(format!("/r/{token}?done=pay-failed")),
    })
}
