//! Headers that make every answer safer in browsers: a content security policy (scripts only
//! from Summit itself, plus WebAssembly for the scanner's QR reader; no plugins; no framing),
//! no MIME sniffing, no referrer beyond Summit (attendees' links carry their token), and the
//! camera for Summit's own pages only. Personal and staff answers are never stored by a
//! browser or proxy (`Cache-Control: no-store`: a shared computer keeps nothing), and behind
//! HTTPS browsers are told to come back only over HTTPS (HSTS).

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Header;
use rocket::{Request, Response};

/// Summit's camera policy: Rocket's Shield sets its own `Permissions-Policy` first, and
/// this one must win over it.
pub const PERMISSIONS_POLICY: &str = "camera=(self), microphone=(), geolocation=()";

/// Paths whose answers are about one person or for staff only.
const PRIVATE_PREFIXES: [&str; 7] = [
    "/r/",
    "/admin",
    "/scan",
    "/login",
    "/logout",
    "/setup",
    "/api/v1/registrations/",
];

/// Whether an answer is personal or staff-only, so no cache may keep it.
pub(crate) fn private(req: &Request<'_>) -> bool {
    let path = req.uri().path().as_str();
    PRIVATE_PREFIXES.iter().any(|p| path.starts_with(p))
        || req.headers().contains("Authorization")
        || req.cookies().get_pending("staff").is_some()
        || req.cookies().get("staff").is_some()
}

/// For a personal answer that must not outlive its use anywhere, not even in the browser's
/// own cache (a re-issued badge must not linger).
pub const PRIVATE_NO_STORE: &str = "private, no-store";

/// Inline `style` attributes stay allowed: track colours are set per track.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
    script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data: blob:; media-src 'self' blob:; object-src 'none'; base-uri 'self'; \
    frame-ancestors 'none'";

pub struct SecurityHeaders;

#[rocket::async_trait]
impl Fairing for SecurityHeaders {
    fn info(&self) -> Info {
        Info {
            name: "Security headers",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        for (name, value) in [
            ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
        ] {
            if !res.headers().contains(name) {
                res.set_header(Header::new(name, value));
            }
        }
        res.set_header(Header::new("Permissions-Policy", PERMISSIONS_POLICY));
        if private(req) && !res.headers().contains("Cache-Control") {
            res.set_header(Header::new("Cache-Control", "no-store"));
        }
        // An answer that sets a cookie (a language or zone chosen by `?lang=`, `?tz=`) is this
        // browser's own: a shared cache keeping it would hand the cookie to everyone after.
        let public = res
            .headers()
            .get_one("Cache-Control")
            .is_some_and(|c| c.starts_with("public"));
        if public && res.headers().contains("Set-Cookie") {
            res.set_header(Header::new("Cache-Control", "private, no-cache"));
        }
        if crate::auth::over_https(req) {
            res.set_header(Header::new(
                "Strict-Transport-Security",
                "max-age=31536000; includeSubDomains",
            ));
        }
    }
}
