//! Staff sign-in (e-mail + password), sign-out, and the one-time password set-up link.

use rocket::form::{Form, FromForm};
use rocket::http::CookieJar;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;
use serde_json::json;

use super::page;
use crate::auth::{sign_in, sign_out, Csrf};
use crate::domain::secret::{hash_password, verify_password};
use crate::domain::StaffRole;
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::store::{self, Db};

pub fn routes() -> Vec<Route> {
    routes![login_form, login, logout, setup_form, setup]
}

/// Where to go after signing in: a local path only (no open redirect).
fn safe_next(next: Option<&str>, role: StaffRole) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
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

#[post("/login", data = "<form>")]
async fn login(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    cookies: &CookieJar<'_>,
    form: Form<LoginForm<'_>>,
) -> Result<std::result::Result<Redirect, (rocket::http::Status, Template)>> {
    csrf.verify(form.csrf)?;
    let user = store::staff::user_by_email(db, form.email).await?;
    let verified = user.as_ref().and_then(|u| {
        let hash = u.password_hash.as_deref()?;
        verify_password(form.password, hash).then_some(u)
    });
    match verified {
        Some(u) => {
            sign_in(cookies, u.id);
            Ok(Ok(Redirect::to(safe_next(form.next, u.role))))
        }
        None => {
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
struct CsrfOnly<'r> {
    csrf: Option<&'r str>,
}

#[post("/logout", data = "<form>")]
fn logout(csrf: Csrf, cookies: &CookieJar<'_>, form: Form<CsrfOnly<'_>>) -> Result<Redirect> {
    csrf.verify(form.csrf)?;
    sign_out(cookies);
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
    sign_in(cookies, user.id);
    Ok(Ok(Redirect::to(safe_next(None, user.role))))
}
