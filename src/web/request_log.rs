//! One log line per request with the route's pattern (`/r/<token>`), never the path itself:
//! paths carry attendees' tokens, and logs must hold no personal data. Rocket's own request
//! logging is off (`log_level = "off"` in Rocket.toml).

use rocket::fairing::{Fairing, Info, Kind};
use rocket::{Request, Response};

pub struct RequestLog;

/// What the log says of a request: method, route pattern (or "unmatched") and status.
pub fn line(method: &str, route: Option<&str>, status: u16) -> String {
    format!("{method} {} {status}", route.unwrap_or("unmatched"))
}

#[rocket::async_trait]
impl Fairing for RequestLog {
    fn info(&self) -> Info {
        Info {
            name: "request log without personal data",
            kind: Kind::Response | Kind::Liftoff,
        }
    }

    async fn on_liftoff(&self, rocket: &rocket::Rocket<rocket::Orbit>) {
        let c = rocket.config();
        tracing::info!("Summit is listening on http://{}:{}", c.address, c.port);
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        // Nothing is formatted when the log is off at this level (every request pays it).
        if !tracing::enabled!(tracing::Level::INFO) {
            return;
        }
        let route = req.route().map(|r| r.uri.to_string());
        tracing::info!(
            "{}",
            line(req.method().as_str(), route.as_deref(), res.status().code)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_the_route_not_the_path() {
        assert_eq!(line("GET", Some("/r/<token>"), 200), "GET /r/<token> 200");
        assert_eq!(line("POST", None, 404), "POST unmatched 404");
    }
}
