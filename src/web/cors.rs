//! Cross-origin reading of public data: `Access-Control-Allow-Origin: *` on the public read
//! API, the OpenAPI document, the open-data files and the public calendars, and an answer to
//! their preflight. Nothing personal or staff-only is listed, and preflights allow no
//! `Authorization` header, so another site's scripts can read only what anyone may see.

use std::io::Cursor;

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::{Header, Method, Status};
use rocket::{Request, Response};

/// Whether `path` is public read-only data that any site may fetch.
pub fn is_open_data(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let file = |name: &str| {
        matches!(
            name,
            "calendar.ics" | "schedule.xml" | "schedule.json" | "agenda.csv"
        )
    };
    match segments.as_slice() {
        ["api", "v1", "openapi.json"] | ["api", "v1", "events"] => true,
        ["api", "v1", "events", slug] => !slug.is_empty(),
        ["api", "v1", "events", _, "sessions" | "speakers"] => true,
        ["events", _, name] => file(name),
        ["events", _, "sessions", _, "calendar.ics"] => true,
        _ => false,
    }
}

pub struct Cors;

#[rocket::async_trait]
impl Fairing for Cors {
    fn info(&self) -> Info {
        Info {
            name: "CORS on public data",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        let method = req.method();
        if !matches!(method, Method::Get | Method::Head | Method::Options)
            || !is_open_data(req.uri().path().as_str())
        {
            return;
        }
        res.set_header(Header::new("Access-Control-Allow-Origin", "*"));
        // No route answers OPTIONS: the preflight's 404 becomes an empty "yes, GET".
        if method == Method::Options && res.status() == Status::NotFound {
            res.set_status(Status::NoContent);
            res.remove_header("Content-Type");
            res.set_sized_body(0, Cursor::new(""));
            res.set_header(Header::new(
                "Access-Control-Allow-Methods",
                "GET, HEAD, OPTIONS",
            ));
            res.set_header(Header::new("Access-Control-Max-Age", "86400"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_reads_are_open_and_nothing_else() {
        for open in [
            "/api/v1/openapi.json",
            "/api/v1/events",
            "/api/v1/events/bordeaux",
            "/api/v1/events/bordeaux/sessions",
            "/api/v1/events/bordeaux/speakers",
            "/events/bordeaux/schedule.xml",
            "/events/bordeaux/schedule.json",
            "/events/bordeaux/agenda.csv",
            "/events/bordeaux/calendar.ics",
            "/events/bordeaux/sessions/7/calendar.ics",
        ] {
            assert!(is_open_data(open), "{open}");
        }
        for closed in [
            "/admin",
            "/admin/events/bordeaux",
            "/r/abc/calendar.ics",
            "/r/abc/data.json",
            "/api/v1/registrations/abc",
            "/api/v1/checkins",
            "/api/v1/events/bordeaux/sessions/7",
            "/api/v1/events/bordeaux/rooms",
            "/events/bordeaux",
            "/stripe/webhook",
        ] {
            assert!(!is_open_data(closed), "{closed}");
        }
    }
}
