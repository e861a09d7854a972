//! Headers that make every answer safer in browsers: a content security policy (scripts only
//! from Summit itself, plus WebAssembly for the scanner's QR reader; no plugins; no framing),
//! no MIME sniffing, no referrer beyond Summit (attendees' links carry their token), and the
//! camera for Summit's own pages only.

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Header;
use rocket::{Request, Response};

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

    async fn on_response<'r>(&self, _req: &'r Request<'_>, res: &mut Response<'r>) {
        for (name, value) in [
            ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            (
                "Permissions-Policy",
                "camera=(self), microphone=(), geolocation=()",
            ),
        ] {
            if !res.headers().contains(name) {
                res.set_header(Header::new(name, value));
            }
        }
    }
}
