//! The error answers, each described once under `components/responses` with the error shape
//! (`crate::error::ErrorBody`); an operation lists the ones it may give by name
//! (`responses(..., doc::NotFound)`), each naming its status.

use std::collections::BTreeMap;

use utoipa::openapi::header::Header;
use utoipa::openapi::{Content, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{IntoResponses, PartialSchema, ToResponse, ToSchema};

use crate::error::ErrorBody;

/// An error answer: its status, its name among the components and what it means.
macro_rules! error_answer {
    ($name:ident, $status:literal, $meaning:literal) => {
        pub struct $name;

        impl<'r> ToResponse<'r> for $name {
            fn response() -> (&'r str, RefOr<Response>) {
                (
                    stringify!($name),
                    described($meaning, stringify!($name)).into(),
                )
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
    "Over a rate limit (a scanner's 20 scans a second): try again after `Retry-After` seconds."
);

/// An error answer in the error shape; a 429 also says when to try again.
fn described(meaning: &str, name: &str) -> Response {
    let shape = Content::new(Some(Ref::from_schema_name(ErrorBody::name())));
    let answer = ResponseBuilder::new()
        .description(meaning)
        .content("application/json", shape);
    let answer = match name {
        "TooManyRequests" => {
            let mut wait = Header::new(<u32 as PartialSchema>::schema());
            wait.description = Some("Seconds to wait before trying again.".into());
            answer.header("Retry-After", wait)
        }
        _ => answer,
    };
    answer.build()
}
