//! Staff sign-in (e-mail + password), sign-out, and the one-time password set-up link.

use rocket::form::{Form, FromForm};
use rocket::http::CookieJar;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;
use serde_json::json;

use std::net::IpAddr;
use std::sync::Mutex;

use crate::auth::{sign_in, sign_out, Csrf, StaffMember};
use crate::config::Settings;
use crate::domain::login_throttle::LoginThrottle;
use crate::domain::secret::{hash_password, normalize_email, verify_password_evenly};
use crate::domain::{time, StaffRole};
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::store::{self, Db};
use crate::web::page;

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

#[get("/login?<next>")]
fn login_form(lang: Lang, csrf: Csrf, next: Option<&str>) -> Template {
    page(
        "login",
        lang,
        "/login",
        json!({"csrf": csrf.0, "next": next, "email": ""}),
    )
}

#[derive(FromForm)]
struct LoginForm<'r> {
    csrf: Option<&'r str>,
    email: &'r str,
    password: &'r str,
    next: Option<&'r str>,
}

/// Failed sign-ins per account and per client address (see `domain::login_throttle`).
#[derive(Default)]
pub struct Throttle(Mutex<LoginThrottle>);

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
    let account = normalize_email(form.email);
    let address = client.map_or_else(|| "unknown".to_string(), |ip| ip.to_string());
    let now = u64::try_from(time::now()).unwrap_or_default();
    let waiting = throttle
        .0
        .lock()
        .ok()
        .and_then(|t| t.wait(&account, &address, now));
    if let Some(seconds) = waiting {
        return Err(Error::TooManyRequests(seconds));
    }
    let user = store::staff::user_by_email(db, form.email).await?;
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let password = form.password.to_string();
    // argon2 takes tens of milliseconds of CPU: off the async workers.
    let ok = rocket::tokio::task::spawn_blocking(move || {
        verify_password_evenly(&password, hash.as_deref())
    })
    .await
    .unwrap_or(false);
    match user.filter(|_| ok) {
        Some(u) => {
            if let Ok(mut t) = throttle.0.lock() {
                t.succeeded(&account);
            }
            sign_in(
                db,
                cookies,
                settings.public_url.starts_with("https://"),
                u.id,
            )
            .await?;
            Ok(Ok(Redirect::to(safe_next(form.next, u.role))))
        }
        None => {
            if let Ok(mut t) = throttle.0.lock() {
                t.failed(&account, &address, now);
            }
            let body = json!({
                "csrf": csrf.0, "next": form.next, "email": form.email,
                "error": lang.t("login-failed"),
            });
            Ok(Err((
                rocket::http::Status::Unauthorized,
                page("login", lang, "/login", body),
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
        store::staff_sessions::end_all(db, id).await?;
    }
    sign_out(db, cookies).await?;
    Ok(Redirect::to("/"))
}

#[get("/setup/<token>")]
async fn setup_form(db: &State<Db>, lang: Lang, csrf: Csrf, token: &str) -> Result<Template> {
    let user = store::staff::user_for_setup(db, token)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(page(
        "setup",
        lang,
        "/setup",
        json!({"csrf": csrf.0, "email": user.email, "token": token}),
    ))
}

#[derive(FromForm)]
struct SetupForm<'r> {
    csrf: Option<&'r str>,
    password: &'r str,
    confirm: &'r str,
}

/// Shortest password accepted.
const MIN_PASSWORD_CHARS: usize = 12;

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
    let user = store::staff::user_for_setup(db, token)
        .await?
        .ok_or(Error::NotFound)?;
    let problem = if form.password.chars().count() < MIN_PASSWORD_CHARS {
        Some(Msg::new("field-password-short").arg("min", MIN_PASSWORD_CHARS.to_string()))
    } else if form.password != form.confirm {
        Some(Msg::new("field-password-mismatch"))
    } else {
        None
    };
    if let Some(problem) = problem {
        let body = json!({"csrf": csrf.0, "email": user.email, "token": token, "error": problem.render(lang)});
        return Ok(Err((
            rocket::http::Status::UnprocessableEntity,
            page("setup", lang, "/setup", body),
        )));
    }
    let hash = hash_password(form.password).map_err(Error::Internal)?;
    let user = store::staff::complete_setup(db, token, &hash).await?;
    // A new password ends every session signed in with the old one.
    store::staff_sessions::end_all(db, user.id).await?;
    sign_in(
        db,
        cookies,
        settings.public_url.starts_with("https://"),
        user.id,
    )
    .await?;
    Ok(Ok(Redirect::to(safe_next(None, user.role))))
}
