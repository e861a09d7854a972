//! `/verify/CODE`: anyone checks a certificate of attendance. The page shows only what the
//! certificate says (never an e-mail address), or that the code is invalid, withdrawn or no
//! longer held. `/events/SLUG/verifying-key` publishes the event's public key, so a
//! certificate can also be checked offline (`domain::certificate` gives the format).

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{get, routes, Route, State};
use rocket_dyn_templates::Template;
use serde::Serialize;

use crate::app::certificate_document::{self, Document};
use crate::app::certificates::{self, Verification, Verified};
use crate::app::{events, Db};
use crate::config::Settings;
use crate::domain::certificate::{CONTEXT, MAX_LEN, PREFIX};
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::page;
use crate::web::public::views::{page_data, EventSummary};

pub fn routes() -> Vec<Route> {
    routes![verify, verifying_key]
}

/// `verify`: the verdict and, when the code is the event's, what the certificate says.
#[derive(Serialize)]
struct VerifyPage {
    /// `valid`, `withdrawn`, `erased` or `invalid`.
    state: &'static str,
    verdict: String,
    explanation: String,
    event: Option<EventSummary>,
    document: Option<Document>,
    public_key: Option<String>,
    key_href: Option<String>,
    /// The text the code's digest is taken of, for checking offline.
    canonical: Option<String>,
    code: String,
}

fn shown(
    v: &Verified,
    code: &str,
    public_url: &str,
    lang: Lang,
) -> (Option<EventSummary>, Option<Document>) {
    let d = certificate_document::document(
        &v.event,
        &v.settings,
        &v.certificate,
        code,
        public_url,
        lang,
    );
    (Some(EventSummary::new(&v.event, lang)), Some(d))
}

#[get("/verify/<code>")]
async fn verify(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    code: &str,
) -> Result<(Status, Template)> {
    let url = &settings.public_url;
    let found = certificates::verify(db, code).await?;
    let (state, status, verdict, explanation) = verdict(&found, lang);
    let (event, document, key, canonical) = match &found {
        Verification::Valid(v) | Verification::Withdrawn(v) => {
            let (event, document) = shown(v, code, url, lang);
            (
                event,
                document,
                Some(v.public_key.clone()),
                Some(v.certificate.statement.canonical()),
            )
        }
        Verification::NoLongerHeld(e) => (Some(EventSummary::new(e, lang)), None, None, None),
        Verification::Invalid => (None, None, None, None),
    };
    let view = VerifyPage {
        state,
        verdict,
        explanation,
        key_href: event
            .as_ref()
            .map(|e| format!("/events/{}/verifying-key", e.slug)),
        event,
        document,
        public_key: key,
        canonical,
        code: code.chars().take(MAX_LEN).collect(),
    };
    let path = format!("/verify/{code}");
    Ok((status, page("verify", lang, &path, page_data(&view))))
}

/// What the page says of a code: its state, the status it answers, the verdict and why.
fn verdict(found: &Verification, lang: Lang) -> (&'static str, Status, String, String) {
    match found {
        Verification::Valid(_) => (
            "valid",
            Status::Ok,
            lang.t("verify-valid"),
            lang.t("verify-valid-explanation"),
        ),
        Verification::Withdrawn(_) => (
            "withdrawn",
            Status::Ok,
            lang.t("verify-withdrawn"),
            lang.t("verify-withdrawn-explanation"),
        ),
        Verification::NoLongerHeld(_) => (
            "erased",
            Status::Ok,
            lang.t("verify-erased"),
            lang.t("verify-erased-explanation"),
        ),
        Verification::Invalid => (
            "invalid",
            Status::NotFound,
            lang.t("verify-invalid"),
            lang.t("verify-invalid-explanation"),
        ),
    }
}

/// The event's public key, as anyone checking badges or certificates offline needs it.
#[derive(Serialize)]
pub struct VerifyingKeyView {
    pub event: String,
    pub algorithm: &'static str,
    /// base64url (no padding) of the 32 bytes.
    pub public_key: String,
    pub certificate_prefix: &'static str,
    /// What a certificate's signature covers before the code's bytes.
    pub certificate_context: &'static str,
    pub badge_prefix: &'static str,
}

#[get("/events/<slug>/verifying-key")]
async fn verifying_key(db: &State<Db>, slug: &str) -> Result<Json<VerifyingKeyView>> {
    let event = events::visible(db, slug, false).await?;
    let public_key = certificates::public_key(db, &event).await?;
    Ok(Json(VerifyingKeyView {
        event: event.slug,
        algorithm: "Ed25519",
        public_key,
        certificate_prefix: PREFIX,
        certificate_context: std::str::from_utf8(CONTEXT).unwrap_or_default(),
        badge_prefix: crate::domain::badge::PREFIX,
    }))
}
