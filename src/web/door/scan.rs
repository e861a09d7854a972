//! `/scan`, the door staff's scanner page. It works with no JavaScript: a USB or Bluetooth
//! scanner types the badge code and Enter into a plain form; a lost badge is found by name.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::http::ContentType;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::checkin::ScanLimit;
use crate::app::doors::{self, At, Scanner};
use crate::app::Db;
use crate::auth::{Csrf, DoorStaff};
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::door::views::{staff_page_of, ScannerView, VerdictView};

pub fn routes() -> Vec<Route> {
    routes![scanner, scan, worker]
}

/// The scanner's service worker (`public/scan-worker.js`), served from the root so that its
/// scope may be `/scan`.
#[get("/scan-worker.js")]
fn worker() -> (ContentType, &'static str) {
    (
        ContentType::JavaScript,
        include_str!("../../../public/scan-worker.js"),
    )
}

fn scanner_page(
    lang: Lang,
    csrf: &Csrf,
    s: &Scanner,
    q: Option<&str>,
    verdict: Option<VerdictView>,
) -> Template {
    let view = ScannerView::new(lang, &csrf.0, s, q, verdict);
    staff_page_of("scan", lang, &post_path(s), &view)
}

/// `/scan` at this scanner's post (event, gate, door), so that switching language keeps it.
fn post_path(s: &Scanner) -> String {
    let post = &s.post;
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(post.event.as_ref().map(|e| ("event", e.slug.as_str())))
        .extend_pairs((!post.gate.is_empty()).then_some(("gate", post.gate.as_str())))
        .extend_pairs(post.session.map(|id| ("session", id.to_string())))
        .finish();
    format!("/scan?{query}")
}

#[get("/scan?<event>&<gate>&<session>&<q>")]
#[allow(clippy::too_many_arguments)]
async fn scanner(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: DoorStaff,
    event: Option<&str>,
    gate: Option<&str>,
    session: Option<i64>,
    q: Option<&str>,
) -> Result<Template> {
    let at = At {
        event,
        gate,
        session,
    };
    let scanner = doors::scanner(db, &who.0, at, q).await?;
    Ok(scanner_page(lang, &csrf, &scanner, q, None))
}

/// A scanned code, or a registration picked by name (a lost badge), checked in.
#[post("/scan", data = "<form>")]
async fn scan(
    db: &State<Db>,
    limit: &State<ScanLimit>,
    lang: Lang,
    csrf: Csrf,
    who: DoorStaff,
    form: Form<HashMap<String, String>>,
) -> Result<Template> {
    let input = crate::web::admin::events::checked(&csrf, form.into_inner())?;
    limit.check(&who.0)?;
    let at = At {
        event: input.get("event"),
        gate: input.get("gate"),
        session: input.get("session").and_then(|s| s.parse().ok()),
    };
    let registration = input
        .get("registration")
        .and_then(|v| v.parse::<i64>().ok());
    let code = input.get("code").unwrap_or_default();
    let (outcome, scanner) = doors::scan(db, &who.0, at, registration, code).await?;
    let verdict = VerdictView::new(&outcome, lang);
    Ok(scanner_page(lang, &csrf, &scanner, None, Some(verdict)))
}
