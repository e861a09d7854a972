//! One error type for the whole app. Each variant is an HTTP outcome; it renders as JSON
//! (`{"error": {code, message, fields}}`) under `/api/` or for JSON clients, and as an HTML
//! page in the visitor's language elsewhere. Internal details are logged, never shown.

use std::collections::BTreeMap;
use std::io::Cursor;

use rocket::http::{ContentType, Header, Method, Status};
use rocket::request::Request;
use rocket::response::{self, Responder, Response};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;

use crate::i18n::Lang;

pub use crate::domain::problem::{FieldErrors, Msg, Problem};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    #[error("bad request")]
    BadRequest(Msg),
    #[error("unauthorized")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("conflict")]
    Conflict { message: Msg, fields: FieldErrors },
    #[error("invalid input")]
    Unprocessable { fields: FieldErrors },
    #[error("payload too large")]
    TooLarge,
    /// Over a limit; try again after this many seconds (sent as `Retry-After`).
    #[error("too many requests")]
    TooManyRequests(u64),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("internal: {0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<crate::store::error::Error> for Error {
    fn from(e: crate::store::error::Error) -> Error {
        use crate::store::error::Error as Store;
        match e {
            Store::NotFound => Error::NotFound,
            Store::Conflict { message, fields } => Error::Conflict { message, fields },
            Store::Unprocessable { fields } => Error::Unprocessable { fields },
            Store::Database(e) => Error::Database(e),
            Store::Internal(why) => Error::Internal(why),
        }
    }
}

impl From<Problem> for Error {
    fn from(p: Problem) -> Error {
        match p {
            Problem::BadRequest(m) => Error::BadRequest(m),
            Problem::Conflict { message, fields } => Error::Conflict { message, fields },
            Problem::Unprocessable { fields } => Error::Unprocessable { fields },
        }
    }
}

impl Error {
    pub fn field(name: &str, msg: Msg) -> Error {
        let mut fields = FieldErrors::new();
        fields.insert(name.to_string(), msg);
        Error::Unprocessable { fields }
    }

    pub fn status(&self) -> Status {
        match self {
            Error::NotFound => Status::NotFound,
            Error::BadRequest(_) => Status::BadRequest,
            Error::Unauthorized => Status::Unauthorized,
            Error::Forbidden => Status::Forbidden,
            Error::Conflict { .. } => Status::Conflict,
            Error::Unprocessable { .. } => Status::UnprocessableEntity,
            Error::TooLarge => Status::PayloadTooLarge,
            Error::TooManyRequests(_) => Status::TooManyRequests,
            Error::Database(_) | Error::Internal(_) => Status::InternalServerError,
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound => ErrorCode::NotFound,
            Error::BadRequest(_) => ErrorCode::BadRequest,
            Error::Unauthorized => ErrorCode::Unauthorized,
            Error::Forbidden => ErrorCode::Forbidden,
            Error::Conflict { .. } => ErrorCode::Conflict,
            Error::Unprocessable { .. } => ErrorCode::Invalid,
            Error::TooLarge => ErrorCode::TooLarge,
            Error::TooManyRequests(_) => ErrorCode::TooManyRequests,
            Error::Database(_) | Error::Internal(_) => ErrorCode::Internal,
        }
    }

    pub fn message(&self) -> Msg {
        match self {
            Error::BadRequest(m) | Error::Conflict { message: m, .. } => m.clone(),
            Error::NotFound => Msg::new("error-not-found"),
            Error::Unauthorized => Msg::new("error-unauthorized"),
            Error::Forbidden => Msg::new("error-forbidden"),
            Error::Unprocessable { .. } => Msg::new("error-invalid"),
            Error::TooLarge => Msg::new("error-too-large"),
            Error::TooManyRequests(_) => Msg::new("error-too-many-requests"),
            Error::Database(_) | Error::Internal(_) => Msg::new("error-internal"),
        }
    }

    pub fn fields(&self) -> Option<&FieldErrors> {
        match self {
            Error::Conflict { fields, .. } | Error::Unprocessable { fields } => Some(fields),
            _ => None,
        }
    }

    /// The field messages, translated, for a form to show beside its inputs.
    pub fn field_messages(&self, lang: Lang) -> BTreeMap<String, String> {
        self.fields()
            .map(|f| f.iter().map(|(k, m)| (k.clone(), m.render(lang))).collect())
            .unwrap_or_default()
    }

    /// What the API answers, in `lang`.
    pub fn body(&self, lang: Lang) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code: self.code(),
                message: self.message().render(lang),
                fields: self.fields().map(|_| self.field_messages(lang)),
            },
        }
    }
}

/// The API's error shape, the same for every status.
#[derive(Serialize, ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    #[schema(inline)]
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    #[schema(inline)]
    pub code: ErrorCode,
    /// In the caller's language (?lang=, then Accept-Language).
    pub message: String,
    /// Field name → what is wrong with it (422, and 409 for double bookings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<BTreeMap<String, String>>,
}

/// What kind of error it is, for programs (the message is for people).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    BadRequest,
    Unauthorized,
    Forbidden,
    Conflict,
    Invalid,
    TooLarge,
    TooManyRequests,
    Internal,
}

/// Whether an error is said in JSON: under `/api/`, to Stripe, for `.json` paths, to a
/// program erasing with its token (`POST /r/TOKEN/erase` without the page's form), and to
/// clients that ask for it.
pub fn wants_json(req: &Request<'_>) -> bool {
    let path = req.uri().path();
    let program_erasing = req.method() == Method::Post
        && path.ends_with("/erase")
        && !req.content_type().is_some_and(|c| c.is_form());
    path.starts_with("/api/")
        || path.starts_with("/stripe/")
        || path.ends_with(".json")
        || program_erasing
        || req
            .headers()
            .get_one("Accept")
            .is_some_and(|a| a.contains("application/json") && !a.contains("text/html"))
}

impl<'r> Responder<'r, 'static> for Error {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let status = self.status();
        if status == Status::InternalServerError {
            // The route's pattern, never the path: paths carry attendees' tokens.
            let route = req
                .route()
                .map_or("(no route)".to_string(), |r| r.uri.to_string());
            tracing::error!("{} {route}: {self}", req.method());
        }
        let lang = Lang::of_request(req);
        let retry_after = match self {
            Error::TooManyRequests(seconds) => {
                Some(Header::new("Retry-After", seconds.to_string()))
            }
            _ => None,
        };
        if wants_json(req) {
            let body = serde_json::to_string(&self.body(lang)).expect("an error serialises");
            let mut res = Response::build();
            res.status(status)
                .header(ContentType::JSON)
                .sized_body(body.len(), Cursor::new(body));
            if let Some(h) = retry_after {
                res.header(h);
            }
            return res.ok();
        }
        // Through `page`, so an error page has the language switch like every other page.
        let page = crate::web::page(
            "error",
            lang,
            req.uri().path().as_str(),
            json!({
                "title": lang.t(&format!("status-{}", status.code)),
                "status": status.code,
                "message": self.message().render(lang),
                "fields": self.field_messages(lang),
            }),
        );
        let mut res = Response::build_from(page.respond_to(req)?);
        res.status(status);
        if let Some(h) = retry_after {
            res.header(h);
        }
        res.ok()
    }
}
