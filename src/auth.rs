//! Who is asking: staff signed in with a private cookie, or programs with a Bearer API token.
//! Request guards: [`Organiser`], [`DoorStaff`], [`Csrf`].

use rocket::http::{Cookie, CookieJar, Method, SameSite, Status};
use rocket::request::{FromRequest, Outcome, Request};

use crate::domain::secret::new_token;
use crate::domain::StaffRole;
use crate::error::{Error, Msg};
use crate::store::events::Event;
use crate::store::{self, Db};

const STAFF_COOKIE: &str = "staff";
const CSRF_COOKIE: &str = "csrf";

/// A signed-in staff member or an API token holder.
#[derive(Debug, Clone)]
pub struct Staff {
    pub role: StaffRole,
    /// Door staff may be limited to one event.
    pub event_id: Option<i64>,
    /// The e-mail of a signed-in person; `None` for an API token.
    pub email: Option<String>,
    /// Whether this came from a cookie (forms must then carry the CSRF token).
    pub via_cookie: bool,
    /// Who this is, for rate limits: `token:ID` or `user:ID`.
    pub key: String,
}

impl Staff {
    /// Summit itself, loading the demo events (`summit serve --demo`): so written in the log.
    pub fn demo_loader() -> Staff {
        Staff {
            role: StaffRole::Organiser,
            event_id: None,
            email: Some("demo-loader".into()),
            via_cookie: false,
            key: "demo-loader".into(),
        }
    }

    /// How this person appears in the audit log.
    pub fn actor(&self) -> String {
        match &self.email {
            Some(email) => format!("{}:{email}", self.role),
            None => format!("{}:api-token", self.role),
        }
    }

    pub fn may_access_event(&self, event_id: i64) -> bool {
        self.event_id.is_none_or(|e| e == event_id)
    }
}

async fn staff_of(req: &Request<'_>) -> Result<Option<Staff>, Error> {
    let Some(db) = req.rocket().state::<Db>() else {
        return Err(Error::Internal("no database".into()));
    };
    if let Some(header) = req.headers().get_one("Authorization") {
        let token = header.strip_prefix("Bearer ").unwrap_or("").trim();
        let found = store::staff::find_token(db, token).await?;
        return Ok(found.map(|t| Staff {
            role: t.role,
            event_id: t.event_id,
            email: None,
            via_cookie: false,
            key: format!("token:{}", t.id),
        }));
    }
    let Some(session) = req.cookies().get_private(STAFF_COOKIE) else {
        return Ok(None);
    };
    let user = store::staff_sessions::user_of(db, session.value()).await?;
    Ok(user.map(|u| Staff {
        role: u.role,
        event_id: u.event_id,
        email: Some(u.email),
        via_cookie: true,
        key: format!("user:{}", u.id),
    }))
}

/// Set on a request refused for a missing or wrong CSRF header, so the 400 page says why.
pub struct CsrfRefused(pub bool);

/// The header in which pages' scripts send the CSRF token with the staff cookie.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

/// A cookie-signed change through the API (a page's script) must carry the page's CSRF token
/// in [`CSRF_HEADER`]; programs with a Bearer token need none.
fn api_write_unforged(req: &Request<'_>, staff: &Staff) -> bool {
    let safe = matches!(req.method(), Method::Get | Method::Head | Method::Options);
    if !staff.via_cookie || safe || !req.uri().path().starts_with("/api/") {
        return true;
    }
    let expected = req.cookies().get_private(CSRF_COOKIE);
    match (expected, req.headers().get_one(CSRF_HEADER)) {
        (Some(c), Some(sent)) => constant_time_eq(c.value().as_bytes(), sent.as_bytes()),
        _ => false,
    }
}

async fn guard(req: &Request<'_>, allowed: &[StaffRole]) -> Outcome<Staff, Error> {
    match staff_of(req).await {
        Ok(Some(staff)) if !api_write_unforged(req, &staff) => {
            req.local_cache(|| CsrfRefused(true));
            Outcome::Error((
                Status::BadRequest,
                Error::BadRequest(Msg::new("error-csrf")),
            ))
        }
        Ok(Some(staff)) if allowed.contains(&staff.role) => Outcome::Success(staff),
        Ok(Some(_)) => Outcome::Error((Status::Forbidden, Error::Forbidden)),
        Ok(None) => Outcome::Error((Status::Unauthorized, Error::Unauthorized)),
        Err(e) => Outcome::Error((Status::InternalServerError, e)),
    }
}

/// An organiser: schedules events, sees registrations.
#[derive(Debug, Clone)]
pub struct Organiser(pub Staff);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Organiser {
    type Error = Error;
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Error> {
        guard(req, &[StaffRole::Organiser]).await.map(Organiser)
    }
}

impl Organiser {
    /// The event by its slug, if this organiser may work on it (404 unknown, 403 another's).
    pub async fn event(&self, db: &Db, slug: &str) -> Result<Event, Error> {
        let event = store::events::get(db, slug).await?;
        if !self.0.may_access_event(event.id) {
            return Err(Error::Forbidden);
        }
        Ok(event)
    }

    /// Only organisers not limited to one event may create events.
    pub fn may_create_events(&self) -> Result<(), Error> {
        match self.0.event_id {
            None => Ok(()),
            Some(_) => Err(Error::Forbidden),
        }
    }
}

/// Whoever is signed in with the staff cookie, whatever their role: the account's id (for
/// signing out everywhere).
#[derive(Debug, Clone)]
pub struct StaffMember(pub Option<i64>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for StaffMember {
    type Error = Error;
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Error> {
        match staff_of(req).await {
            Ok(Some(staff)) if staff.via_cookie => {
                let id = staff.key.strip_prefix("user:").and_then(|i| i.parse().ok());
                Outcome::Success(StaffMember(id))
            }
            Ok(_) => Outcome::Success(StaffMember(None)),
            Err(e) => Outcome::Error((Status::InternalServerError, e)),
        }
    }
}

/// Door staff (organisers may scan too).
#[derive(Debug, Clone)]
pub struct DoorStaff(pub Staff);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for DoorStaff {
    type Error = Error;
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Error> {
        guard(req, &[StaffRole::Door, StaffRole::Organiser])
            .await
            .map(DoorStaff)
    }
}

/// Gives the browser the private cookie naming a server-side session just started (by
/// `app::staff`), and a new CSRF token (one seen before signing in is not trusted after).
pub fn signed_in(cookies: &CookieJar<'_>, secure: bool, session: String) {
    let cookie = Cookie::build((STAFF_COOKIE, session))
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .max_age(rocket::time::Duration::seconds(
            store::staff_sessions::ABSOLUTE_SECONDS,
        ));
    cookies.add_private(cookie);
    cookies.add_private(csrf_cookie(new_token(), secure));
}

/// Ends this browser's session on the server, and forgets the cookie.
pub async fn sign_out(db: &Db, cookies: &CookieJar<'_>) -> Result<(), Error> {
    if let Some(session) = cookies.get_private(STAFF_COOKIE) {
        store::staff_sessions::end(db, session.value()).await?;
    }
    cookies.remove_private(Cookie::build(STAFF_COOKIE).path("/"));
    Ok(())
}

fn csrf_cookie(token: String, secure: bool) -> Cookie<'static> {
    Cookie::build((CSRF_COOKIE, token))
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .build()
}

/// Whether this app is reached over HTTPS (`PUBLIC_URL`): cookies `Secure`, HSTS sent.
pub fn over_https(req: &Request<'_>) -> bool {
    req.rocket()
        .state::<crate::config::Settings>()
        .is_some_and(crate::config::Settings::is_https)
}

/// The per-browser anti-forgery token that every form carries in a hidden `csrf` field.
#[derive(Debug, Clone)]
pub struct Csrf(pub String);

impl Csrf {
    /// Refuses a form whose token is missing or not this browser's.
    pub fn verify(&self, submitted: Option<&str>) -> Result<(), Error> {
        match submitted {
            Some(t) if constant_time_eq(t.as_bytes(), self.0.as_bytes()) => Ok(()),
            _ => Err(Error::BadRequest(Msg::new("error-csrf"))),
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Csrf {
    type Error = std::convert::Infallible;
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let jar = req.cookies();
        if let Some(c) = jar.get_private(CSRF_COOKIE) {
            return Outcome::Success(Csrf(c.value().to_string()));
        }
        let token = new_token();
        jar.add_private(csrf_cookie(token.clone(), over_https(req)));
        Outcome::Success(Csrf(token))
    }
}
