//! The OpenAPI document of `/api/v1/openapi.json`, generated: each operation from the
//! `#[utoipa::path]` beside its handler, each answer's schema from the view the handler
//! returns (`#[derive(ToSchema)]`), the closed vocabularies from the domain's own lists. Only
//! the request bodies are written by hand (`request_bodies.json`): the API reads them as a
//! field map checked by the same rules as the organisers' forms, so no Rust type holds them.

pub mod doc;
mod errors;
mod params;
mod vocabulary;

use std::sync::OnceLock;

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Components, Info, License, OpenApiVersion, RefOr, Required};
use utoipa::OpenApi;

/// What the document says first.
const DESCRIPTION: &str = "Events, sessions, speakers and registrations of city summits. \
Errors are `{\"error\": {\"code\", \"message\", \"fields\"}}` (each operation lists every status \
it answers; a 429 says in `Retry-After` how many seconds to wait) with messages in the caller's \
language (`?lang=fr|en`, then Accept-Language). Times are RFC 3339 with the event's offset. \
Public reads allow any origin (CORS). Streaming links are never in public answers.";

#[derive(OpenApi)]
#[openapi(
    paths(
        crate::web::api::public::openapi,
        crate::web::api::public::events,
        crate::web::api::organisers::create_event,
        crate::web::api::public::event,
        crate::web::api::organisers::patch_event,
        crate::web::api::public::sessions,
        crate::web::api::organisers::create_session,
        crate::web::api::organisers::get_session,
        crate::web::api::organisers::patch_session,
        crate::web::api::organisers::delete_session,
        crate::web::api::duplicate_and_restore::duplicate_event,
        crate::web::api::duplicate_and_restore::restore_session,
        crate::web::api::public::speakers,
        crate::web::api::organisers::add_speaker,
        crate::web::api::organisers::add_room,
        crate::web::api::agenda_parts::list_rooms,
        crate::web::api::organisers::add_track,
        crate::web::api::agenda_parts::list_tracks,
        crate::web::api::organisers::add_ticket,
        crate::web::api::agenda_parts::list_tickets,
        crate::web::api::registrations::register,
        crate::web::api::organisers::registrations,
        crate::web::api::registrations::status,
        crate::web::api::registrations::change,
        crate::web::api::registrations::cancel,
        crate::web::api::stars::star,
        crate::web::api::stars::unstar,
        crate::web::api::checkins::check_in,
        crate::web::api::stripe::receive,
        crate::web::public::privacy::data,
        crate::web::public::privacy::erase_json,
        crate::web::api::offline::scan_kit,
        crate::web::api::offline::upload,
        crate::web::api::agenda_parts::patch_room,
        crate::web::api::agenda_parts::delete_room,
        crate::web::api::agenda_parts::patch_track,
        crate::web::api::agenda_parts::delete_track,
        crate::web::api::agenda_parts::patch_speaker,
        crate::web::api::agenda_parts::delete_speaker,
        crate::web::api::agenda_parts::put_speaker_photo,
        crate::web::api::agenda_parts::delete_speaker_photo,
        crate::web::api::agenda_parts::patch_ticket,
        crate::web::api::agenda_parts::delete_ticket,
        crate::web::admin::timetable::programme_csv,
        crate::web::api::programme_import::import,
        crate::web::api::checkins::walk_in,
        crate::web::admin::badge_pdf::batch,
        crate::web::admin::badge_pdf::one,
    ),
    components(
        // Those only parameters name (utoipa collects the others from the answers).
        schemas(crate::error::ErrorBody, crate::domain::lang::Lang, crate::domain::badge_size::BadgeSize),
        responses(
        errors::BadRequest,
        errors::Unauthorized,
        errors::Forbidden,
        errors::NotFound,
        errors::Conflict,
        errors::TooLarge,
        errors::Invalid,
        errors::TooManyRequests,
        ),
    ),
    tags(
        (name = "public", description = "Published events, readable by anyone."),
        (name = "organisers", description = "Scheduling, with an organiser token (`summit token create --role organiser`)."),
        (name = "registrations", description = "Attendees register and manage their registration with its token."),
        (name = "door", description = "Check-in with a door or organiser token."),
        (name = "payments"),
        (name = "attendees", description = "The attendee's own data, by their token."),
    ),
    modifiers(&Frame),
)]
struct Document;

/// What no handler says: the title and licence, and how callers sign in.
struct Frame;

impl utoipa::Modify for Frame {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        doc.openapi = OpenApiVersion::Version31;
        let mut licence = License::new("AGPL-3.0-or-later");
        licence.identifier = Some("AGPL-3.0-or-later".into());
        let mut info = Info::new("Summit API", "1");
        info.description = Some(DESCRIPTION.into());
        info.license = Some(licence);
        doc.info = info;
        let components = doc.components.get_or_insert_with(Components::new);
        let bearer = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("An API token printed by `summit token create`."))
            .build();
        components.add_security_scheme("bearerAuth", SecurityScheme::Http(bearer));
        let cookie = ApiKeyValue::with_description(
            "staff",
            "A signed-in staff member (browser). A change (POST, PATCH, DELETE) made with the \
             cookie must also send the page's CSRF token in the `X-CSRF-Token` header, or it is \
             refused with 400.",
        );
        components.add_security_scheme(
            "staffCookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(cookie)),
        );
        // A body an operation reads is never optional (utoipa cannot tell for the hand-written
        // schemas it only refers to).
        for item in doc.paths.paths.values_mut() {
            let operations = [&mut item.post, &mut item.put, &mut item.patch];
            for op in operations.into_iter().flatten() {
                if let Some(RefOr::T(body)) = op.request_body.as_mut() {
                    body.required = Some(Required::True);
                }
            }
        }
    }
}

/// The document as served, made once: the generated part with the request bodies laid in
/// as written (JSON Schema that utoipa's own types would not all keep, such as an `allOf`
/// that only adds `required`).
pub fn json() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let mut doc = serde_json::to_value(Document::openapi()).expect("the document serialises");
        let bodies: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(include_str!("request_bodies.json"))
                .expect("request_bodies.json is a JSON object of schemas");
        if let Some(schemas) = doc["components"]["schemas"].as_object_mut() {
            schemas.extend(bodies);
        }
        serde_json::to_string_pretty(&doc).expect("the document serialises")
    })
}
