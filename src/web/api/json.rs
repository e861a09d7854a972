//! JSON bodies read as [`Input`], so a malformed or mistyped body becomes a clear 400/422
//! with field messages instead of Rocket's bare error.

use rocket::data::{Data, FromData, Outcome, ToByteUnit};
use rocket::http::Status;
use rocket::request::Request;

use crate::domain::validate::Input;
use crate::error::{Error, Msg};

/// Largest JSON body accepted.
pub const JSON_LIMIT_KIB: u64 = 256;

pub struct JsonInput(pub Input);

#[rocket::async_trait]
impl<'r> FromData<'r> for JsonInput {
    type Error = Error;

    async fn from_data(req: &'r Request<'_>, data: Data<'r>) -> Outcome<'r, Self> {
        let is_json = req.content_type().is_some_and(|c| c.is_json());
        if !is_json {
            let err = Error::BadRequest(Msg::new("error-json-content-type"));
            return Outcome::Error((Status::UnsupportedMediaType, err));
        }
        let bytes = match data.open(JSON_LIMIT_KIB.kibibytes()).into_bytes().await {
            Ok(b) if b.is_complete() => b.into_inner(),
            Ok(_) => return Outcome::Error((Status::PayloadTooLarge, Error::TooLarge)),
            Err(_) => {
                let err = Error::BadRequest(Msg::new("error-json-syntax"));
                return Outcome::Error((Status::BadRequest, err));
            }
        };
        // Bytes that are not UTF-8 are the sender's mistake, said as such (never a 500).
        let Ok(body) = String::from_utf8(bytes) else {
            let err = Error::BadRequest(Msg::new("error-json-utf8"));
            return Outcome::Error((Status::BadRequest, err));
        };
        let value: serde_json::Value = match serde_json::from_str(&body) {
            Ok(v) => v,
            Err(_) => {
                let err = Error::BadRequest(Msg::new("error-json-syntax"));
                return Outcome::Error((Status::BadRequest, err));
            }
        };
        match Input::from_json(&value) {
            Ok(input) => Outcome::Success(JsonInput(input)),
            Err(e) => {
                let e = Error::from(e);
                Outcome::Error((e.status(), e))
            }
        }
    }
}
