//! The error answers, each described once under `components/responses` with the error shape
//! (`crate::error::ErrorBody`); an operation lists the ones it may give by name
//! (`responses(..., doc::NotFound)`), each naming its status.

use std::collections::BTreeMap;

use utoipa::openapi::header::Header;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{Content, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{IntoResponses, ToResponse, ToSchema};

use crate::error::ErrorBody;

/// An error answer: its status, its name among the components and what it means (and, for
/// one, the header that goes with it).
macro_rules! error_answer {
    ($name:ident, $status:literal, $meaning:literal) => {
        error_answer!($name, $status, $meaning, |answer| answer);
    };
    ($name:ident, $status:literal, $meaning:literal, $with:expr) => {
        pub struct $name;

        impl<'r> ToResponse<'r> for $name {
            fn response() -> (&'r str, RefOr<Response>) {
                let with: fn(ResponseBuilder) -> ResponseBuilder = $with;
                (stringify!($name), with(described($meaning)).build().into())
            }
        }

        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                let named = Ref::from_response_name(stringify!($name));
                BTreeMap::from([($status.to_string(), named.into())])
            }
        }
    };
}

error_answer!(
    BadRequest,
    "400",
    "The request is malformed: a body that is not JSON, not UTF-8, not sent as \
     `application/json` or not an object; a path parameter of the wrong type (a non-numeric \
     `id`); or a change signed with the staff cookie without the page's `X-CSRF-Token` header."
);
error_answer!(Unauthorized, "401", "No or unknown credentials.");
error_answer!(
    Forbidden,
    "403",
    "These credentials may not do this (e.g. a token limited to another event)."
);
error_answer!(NotFound, "404", "Unknown, or not public.");
error_answer!(
    Conflict,
    "409",
    "Conflicts with the current state (a double booking, a closed registration)."
);
error_answer!(
    TooLarge,
    "413",
    "The body is larger than the limit: 256 KiB for JSON, 1 MiB for Stripe's events."
);
error_answer!(
    Invalid,
    "422",
    "Some fields are invalid: see `error.fields`."
);
error_answer!(
    TooManyRequests,
    "429",
    "Over a rate limit (a scanner's 20 scans a second): try again after `Retry-After` seconds.",
    |answer| answer.header("Retry-After", seconds_to_wait())
);

/// An error answer in the error shape.
fn described(meaning: &str) -> ResponseBuilder {
    let shape = Content::new(Some(Ref::from_schema_name(ErrorBody::name())));
    ResponseBuilder::new()
        .description(meaning)
        .content("application/json", shape)
}

/// `Retry-After` on a 429: whole seconds, at least one (`error::Error::TooManyRequests`).
fn seconds_to_wait() -> Header {
    let seconds = ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(1));
    let mut wait = Header::new(seconds);
    wait.description = Some("Seconds to wait before trying again.".into());
    wait
}
