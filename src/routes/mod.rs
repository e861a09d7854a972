//! HTTP: one file per area, each with its `routes()`, all mounted here.

pub mod admin;
pub mod admin_badge_roles;
pub mod admin_checkins;
pub mod admin_dashboard;
pub mod admin_registrations;
pub mod admin_sessions;
pub mod admin_speakers;
pub mod api;
pub mod api_admin;
pub mod api_checkins;
pub mod api_offline;
pub mod api_registrations;
pub mod attendee;
pub mod badges;
pub mod cors;
pub mod feeds;
pub mod join;
pub mod json;
pub mod login;
pub mod open_data;
pub mod page_cache;
pub mod payment_view;
pub mod privacy;
pub mod public;
pub mod receipts;
pub mod register;
pub mod request_log;
pub mod scan;
pub mod security_headers;
pub mod statement;
pub mod stripe;
pub mod zone;

use rocket::fs::FileServer;
use rocket::http::Status;
use rocket::request::Request;
use rocket::{catch, catchers, Build, Rocket};
use rocket_dyn_templates::Template;
use serde_json::{json, Value};

use crate::error::{Error, Msg};
use crate::i18n::Lang;

pub fn mount(app: Rocket<Build>) -> Rocket<Build> {
    app.mount("/", public::routes())
        .mount("/", statement::routes())
        .mount("/", feeds::routes())
        .mount("/", open_data::routes())
        .mount("/", login::routes())
        .mount("/admin", admin::routes())
        .mount("/admin", admin_sessions::routes())
        .mount("/admin", admin_speakers::routes())
        .mount("/admin", admin_registrations::routes())
        .mount("/admin", receipts::admin_routes())
        .mount("/admin", admin_dashboard::routes())
        .mount("/admin", admin_checkins::routes())
        .mount("/admin", admin_badge_roles::routes())
        .mount("/api/v1", api::routes())
        .mount("/api/v1", api_admin::routes())
        .mount("/api/v1", api_registrations::routes())
        .mount("/api/v1", api_checkins::routes())
        .mount("/api/v1", api_offline::routes())
        .mount("/", register::routes())
        .mount("/r", attendee::routes())
        .mount("/r", join::routes())
        .mount("/r", privacy::attendee_routes())
        .mount("/", privacy::routes())
        .mount("/r", badges::routes())
        .mount("/r", receipts::attendee_routes())
        .mount("/", scan::routes())
        .mount("/", stripe::routes())
        .manage(crate::checkin::ScanLimit::default())
        .manage(login::Throttle::default())
        .mount("/public", FileServer::from("public").rank(20))
        .attach(cors::Cors)
        .attach(security_headers::SecurityHeaders)
        .attach(request_log::RequestLog)
        .manage(page_cache::PageCache::default())
        .register(
            "/",
            catchers![
                not_found,
                unauthorized,
                forbidden,
                unprocessable,
                bad_request,
                too_large,
                internal
            ],
        )
}

/// A page: the template with what every page needs (language, path for the language switch).
pub fn page(name: &'static str, lang: Lang, path: &str, data: Value) -> Template {
    Template::render(name, page_context(lang, path, data))
}

/// The data every page template gets besides its own.
pub fn page_context(lang: Lang, path: &str, mut data: Value) -> Value {
    if let Value::Object(map) = &mut data {
        map.insert("lang".into(), json!(lang));
        map.insert("path".into(), json!(path));
        map.insert(
            "other_langs".into(),
            json!(Lang::ALL
                .iter()
                .filter(|l| **l != lang)
                .map(|l| json!({"code": l.code(), "name": l.t("language-name")}))
                .collect::<Vec<_>>()),
        );
    }
    data
}

#[catch(404)]
fn not_found(_: &Request<'_>) -> Error {
    Error::NotFound
}

#[catch(401)]
fn unauthorized(req: &Request<'_>) -> Result<rocket::response::Redirect, Error> {
    if crate::error::wants_json(req) {
        return Err(Error::Unauthorized);
    }
    let next = req.uri().path().to_string();
    Ok(rocket::response::Redirect::to(format!(
        "/login?next={}",
        url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
    )))
}

#[catch(403)]
fn forbidden(_: &Request<'_>) -> Error {
    Error::Forbidden
}

#[catch(422)]
fn unprocessable(_: &Request<'_>) -> Error {
    Error::BadRequest(Msg::new("error-invalid"))
}

#[catch(400)]
fn bad_request(req: &Request<'_>) -> Error {
    let csrf = req.local_cache(|| crate::auth::CsrfRefused(false)).0;
    Error::BadRequest(Msg::new(if csrf {
        "error-csrf"
    } else {
        "error-bad-request"
    }))
}

#[catch(413)]
fn too_large(_: &Request<'_>) -> Error {
    Error::TooLarge
}

#[catch(500)]
fn internal(_: Status, _: &Request<'_>) -> Error {
    Error::Internal("unhandled".into())
}
