//! HTTP, grouped by audience (`public`, `attendee`, `admin`, `api`, `door`; sign-in in
//! `login`): each file has its `routes()`, all mounted here with the catchers. A handler is
//! guards → a typed form → one use-case call (`crate::app`) → one view.

pub mod admin;
pub mod api;
pub mod attendee;
pub mod cors;
pub mod door;
pub mod encoding;
pub mod login;
pub mod page_cache;
pub mod public;
pub mod request_log;
pub mod security_headers;
pub mod zone;

use rocket::http::Status;
use rocket::request::Request;
use rocket::{catch, catchers, Build, Rocket};
use rocket_dyn_templates::Template;
use serde_json::Value;

use crate::error::{Error, Msg};
use crate::i18n::Lang;

pub fn mount(app: Rocket<Build>) -> Rocket<Build> {
    let app = attendee_routes(api_routes(admin_routes(public_routes(app))));
    app.manage(crate::app::checkin::ScanLimit::default())
        .manage(login::Throttle::default())
        .mount("/public", public::files::routes())
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

/// Pages anyone may open: the agenda, open data, registering, signing in, the door's pages.
fn public_routes(app: Rocket<Build>) -> Rocket<Build> {
    app.mount("/", public::pages::routes())
        .mount("/", public::event_page::routes())
        .mount("/", public::statement::routes())
        .mount("/", public::feeds::routes())
        .mount("/", public::open_data::routes())
        .mount("/", login::routes())
        .mount("/", public::register::routes())
        .mount("/", public::privacy::routes())
        .mount("/", public::verify::routes())
        .mount("/", door::scan::routes())
        .mount("/", door::walk_in::routes())
}

/// The organisers' workspace under `/admin`.
fn admin_routes(app: Rocket<Build>) -> Rocket<Build> {
    app.mount("/admin", admin::events::routes())
        .mount("/admin", admin::sessions::routes())
        .mount("/admin", admin::duplicate::routes())
        .mount("/admin", admin::speakers::routes())
        .mount("/admin", admin::registrations::routes())
        .mount("/admin", admin::registration_cancel::routes())
        .mount("/admin", admin::messages::routes())
        .mount("/admin", admin::imports::routes())
        .mount("/admin", admin::programme_import::routes())
        .mount("/admin", attendee::receipts::admin_routes())
        .mount("/admin", admin::dashboard::routes())
        .mount("/admin", admin::checkins::routes())
        .mount("/admin", admin::badge_roles::routes())
        .mount("/admin", admin::badge_pdf::routes())
        .mount("/admin", admin::certificates::routes())
}

/// The JSON API under `/api/v1`, and Stripe's webhook.
fn api_routes(app: Rocket<Build>) -> Rocket<Build> {
    app.mount("/api/v1", api::public::routes())
        .mount("/api/v1", api::organisers::routes())
        .mount("/api/v1", api::duplicate_and_restore::routes())
        .mount("/api/v1", api::registrations::routes())
        .mount("/api/v1", api::stars::routes())
        .mount("/api/v1", api::checkins::routes())
        .mount("/api/v1", api::offline::routes())
        .mount("/api/v1", admin::timetable::api_routes())
        .mount("/api/v1", admin::badge_pdf::routes())
        .mount("/api/v1", admin::badge_pdf::door_routes())
        .mount("/", api::stripe::routes())
}

/// The attendee's own pages under `/r/TOKEN`.
fn attendee_routes(app: Rocket<Build>) -> Rocket<Build> {
    app.mount("/r", attendee::page::routes())
        .mount("/r", attendee::programme::routes())
        .mount("/r", attendee::join::routes())
        .mount("/r", public::privacy::attendee_routes())
        .mount("/r", attendee::badges::routes())
        .mount("/r", attendee::certificate::routes())
        .mount("/r", attendee::receipts::attendee_routes())
}

/// A public page: the template with what every page needs (language, path for the language
/// switch). `path` is the page's path with the query that shapes it (filters, the scanner's
/// post), so switching language shows the same page.
pub fn page(name: &'static str, lang: Lang, path: &str, data: Value) -> Template {
    Template::render(name, page_context(lang, path, data))
}

/// A page only signed-in staff see (organisers' pages, the scanner): the frame adds a "Sign
/// out" button, so door staff on a shared phone can end their session from any page (they may
/// not open `/admin`). Every staff page's view carries the browser's CSRF token for its own
/// forms (`csrf`); the sign-out form sends the same token.
pub fn staff_page(name: &'static str, lang: Lang, path: &str, data: Value) -> Template {
    let csrf = data.get("csrf").and_then(Value::as_str).map(str::to_string);
    Template::render(name, frame_context(lang, path, csrf, data))
}

/// What every page template gets besides its own data: its language, its path (for the
/// language switch), the other languages to switch to, and for staff the sign-out form.
#[derive(serde::Serialize)]
struct Frame {
    lang: Lang,
    path: String,
    other_langs: Vec<OtherLang>,
    #[serde(skip_serializing_if = "Option::is_none")]
    staff: Option<StaffFrame>,
}

#[derive(serde::Serialize)]
struct OtherLang {
    code: &'static str,
    name: String,
    /// This page in that language: the same path and query, `lang` replaced, already
    /// escaped for an HTML attribute (the template inserts it as is, so `=` stays readable).
    href: String,
}

/// The signed-in staff member's part of the frame: the token the sign-out form carries.
#[derive(serde::Serialize)]
struct StaffFrame {
    csrf: String,
}

/// `path_and_query` with `lang=code` instead of any `lang` it had.
fn lang_href(path_and_query: &str, code: &str) -> String {
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let kept = url::form_urlencoded::parse(query.as_bytes()).filter(|(k, _)| k != "lang");
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .append_pair("lang", code)
        .finish();
    format!("{path}?{query}")
}

/// `text` escaped for a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&#39;")
}

/// The data every public page template gets besides its own.
pub fn page_context(lang: Lang, path: &str, data: Value) -> Value {
    frame_context(lang, path, None, data)
}

fn frame_context(lang: Lang, path: &str, staff_csrf: Option<String>, mut data: Value) -> Value {
    let frame = Frame {
        lang,
        path: path.to_string(),
        other_langs: Lang::ALL
            .iter()
            .filter(|l| **l != lang)
            .map(|l| OtherLang {
                code: l.code(),
                name: l.t("language-name"),
                href: attribute(&lang_href(path, l.code())),
            })
            .collect(),
        staff: staff_csrf.map(|csrf| StaffFrame { csrf }),
    };
    if let (Value::Object(map), Ok(Value::Object(shared))) =
        (&mut data, serde_json::to_value(frame))
    {
        map.extend(shared);
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

#[cfg(test)]
mod tests {
    use super::{attribute, lang_href};

    #[test]
    fn the_language_link_keeps_path_and_query_and_replaces_lang() {
        assert_eq!(lang_href("/setup/abc", "fr"), "/setup/abc?lang=fr");
        assert_eq!(
            lang_href("/scan?event=x&session=3&lang=en", "fr"),
            "/scan?event=x&session=3&lang=fr"
        );
        assert_eq!(
            lang_href("/a?q=caf%C3%A9+au+lait", "en"),
            "/a?q=caf%C3%A9+au+lait&lang=en"
        );
    }

    #[test]
    fn the_language_link_is_safe_in_its_attribute() {
        assert_eq!(
            attribute(&lang_href("/x\"><script>", "fr")),
            "/x&quot;&gt;&lt;script&gt;?lang=fr"
        );
        assert_eq!(attribute("/s?a=1&lang=en"), "/s?a=1&amp;lang=en");
    }
}
