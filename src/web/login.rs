//! Staff sign-in (e-mail + password), sign-out, and the one-time password set-up link.

use rocket::form::{Form, FromForm};
use rocket::http::CookieJar;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;
use serde::Serialize;

use std::net::IpAddr;

use crate::app::staff::{self, Session, Setup};
use crate::app::Db;
use crate::auth::{sign_out, signed_in, Csrf, StaffMember};
use crate::config::Settings;
use crate::domain::StaffRole;
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::door::views::page_of;

/// The sign-in throttle, managed by Rocket for this instance.
pub use crate::app::staff::Throttle;

pub fn routes() -> Vec<Route> {
    routes![login_form, login, logout, setup_form, setup]
}

/// Where to go after signing in: a local path only (no open redirect), and one that is a
/// valid URI (a tab or a space would make the redirect itself fail).
fn safe_next(next: Option<&str>, role: StaffRole) -> String {
    let local = |n: &str| {
        n.starts_with('/')
            && !n.starts_with("//")
            && !n.contains('\\')
            && !n.chars().any(|c| c.is_control() || c.is_whitespace())
            && rocket::http::uri::Origin::parse(n).is_ok()
    };
    match next {
        Some(n) if local(n) => n.to_string(),
        _ if role == StaffRole::Door => "/scan".into(),
        _ => "/admin".into(),
    }
}

/// The sign-in page: the address typed, and why it failed.
#[derive(Serialize)]
struct LoginView<'a> {
    csrf: &'a str,
    next: Option<&'a str>,
    email: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// The password set-up page, and why a password was refused.
#[derive(Serialize)]
struct SetupView<'a> {
    csrf: &'a str,
    email: &'a str,
    token: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

#[get("/login?<next>")]
fn login_form(lang: Lang, csrf: Csrf, next: Option<&str>) -> Template {
    let view = LoginView {
        csrf: &csrf.0,
        next,
        email: "",
        error: None,
    };
    page_of("login", lang, &login_path(next), &view)
}

/// `/login` with where to go next, so that switching language keeps it.
fn login_path(next: Option<&str>) -> String {
    match next {
        Some(n) => format!(
            "/login?{}",
            url::form_urlencoded::Serializer::new(String::new())
                .append_pair("next", n)
                .finish()
        ),
        None => "/login".into(),
    }
}

#[derive(FromForm)]
struct LoginForm<'r> {
    csrf: Option<&'r str>,
    email: &'r str,
    password: &'r str,
    next: Option<&'r str>,
}

/// Puts a started session into the browser's private cookie, then goes on to `next`.
fn welcome(
    settings: &Settings,
    cookies: &CookieJar<'_>,
    session: Session,
    next: Option<&str>,
) -> Redirect {
    signed_in(cookies, settings.is_https(), session.id);
    Redirect::to(safe_next(next, session.role))
}

#[post("/login", data = "<form>")]
#[allow(clippy::too_many_arguments)]
async fn login(
    db: &State<Db>,
    settings: &State<Settings>,
    throttle: &State<Throttle>,
    client: Option<IpAddr>,
    lang: Lang,
    csrf: Csrf,
    cookies: &CookieJar<'_>,
    form: Form<LoginForm<'_>>,
) -> Result<std::result::Result<Redirect, (rocket::http::Status, Template)>> {
    csrf.verify(form.csrf)?;
    let address = client.map_or_else(|| "unknown".to_string(), |ip| ip.to_string());
    match staff::sign_in(db, throttle, form.email, form.password, &address).await? {
        Some(session) => Ok(Ok(welcome(settings, cookies, session, form.next))),
        None => {
            let view = LoginView {
                csrf: &csrf.0,
                next: form.next,
                email: form.email,
                error: Some(lang.t("login-failed")),
            };
            Ok(Err((
                rocket::http::Status::Unauthorized,
                page_of("login", lang, &login_path(form.next), &view),
            )))
        }
    }
}

#[derive(FromForm)]
struct LogoutForm<'r> {
    csrf: Option<&'r str>,
    /// Also end this account's sessions on every other device.
    everywhere: bool,
}

#[post("/logout", data = "<form>")]
async fn logout(
    db: &State<Db>,
    csrf: Csrf,
    staff: StaffMember,
    cookies: &CookieJar<'_>,
    form: Form<LogoutForm<'_>>,
) -> Result<Redirect> {
    csrf.verify(form.csrf)?;
    if let (true, StaffMember(Some(id))) = (form.everywhere, staff) {
        staff::sign_out_everywhere(db, id).await?;
    }
    sign_out(db, cookies).await?;
    Ok(Redirect::to("/"))
}

#[get("/setup/<token>")]
async fn setup_form(db: &State<Db>, lang: Lang, csrf: Csrf, token: &str) -> Result<Template> {
    let user = staff::setup_user(db, token).await?;
    let view = SetupView {
        csrf: &csrf.0,
        email: &user.email,
        token,
        error: None,
    };
    Ok(page_of("setup", lang, &format!("/setup/{token}"), &view))
}

#[derive(FromForm)]
struct SetupForm<'r> {
    csrf: Option<&'r str>,
    password: &'r str,
    confirm: &'r str,
}

#[post("/setup/<token>", data = "<form>")]
async fn setup(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    cookies: &CookieJar<'_>,
    token: &str,
    form: Form<SetupForm<'_>>,
) -> Result<std::result::Result<Redirect, (rocket::http::Status, Template)>> {
    csrf.verify(form.csrf)?;
    match staff::set_password(db, token, form.password, form.confirm).await? {
        Setup::Done(session) => Ok(Ok(welcome(settings, cookies, session, None))),
        Setup::Refused { email, problem } => {
            let view = SetupView {
                csrf: &csrf.0,
                email: &email,
                token,
                error: Some(problem.render(lang)),
            };
            Ok(Err((
                rocket::http::Status::UnprocessableEntity,
                page_of("setup", lang, &format!("/setup/{token}"), &view),
            )))
        }
    }
}
