//! The visitor's own time zone, chosen on the agenda (`?tz=America/New_York`, kept in a
//! cookie; an empty value forgets it). Times stay in the event's zone and are also shown in
//! the visitor's when the two differ.

use chrono_tz::Tz;
use rocket::http::{Cookie, SameSite};
use rocket::request::{FromRequest, Outcome, Request};

use crate::domain::time;

const COOKIE: &str = "tz";

pub struct VisitorZone(pub Option<Tz>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for VisitorZone {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let jar = req.cookies();
        if let Some(asked) = req.query_value::<&str>("tz").and_then(|r| r.ok()) {
            let zone = time::parse_tz(asked.trim());
            match zone {
                Some(tz) => jar.add(
                    Cookie::build((COOKIE, tz.name().to_string()))
                        .path("/")
                        .secure(crate::auth::over_https(req))
                        .same_site(SameSite::Lax)
                        .max_age(rocket::time::Duration::days(365)),
                ),
                None => jar.remove(Cookie::build(COOKIE).path("/")),
            }
            return Outcome::Success(VisitorZone(zone));
        }
        let kept = jar.get(COOKIE).and_then(|c| time::parse_tz(c.value()));
        Outcome::Success(VisitorZone(kept))
    }
}
