//! What an operation's `#[utoipa::path]` names, in one place: the views it answers, the
//! shared parameters, the error answers and the few free-form bodies.

use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

pub use super::errors::*;
pub use super::params::*;
pub use crate::web::api::views::*;
pub use crate::web::public::views::Erased;

/// Any JSON object (Stripe's events, the attendee's data export, this document).
pub struct JsonObject;

impl PartialSchema for JsonObject {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new().schema_type(Type::Object).into()
    }
}

impl ToSchema for JsonObject {}

/// A file's bytes (a PDF, an image).
pub struct Binary;

impl PartialSchema for Binary {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .into()
    }
}

impl ToSchema for Binary {}

/// A form upload of one file, named `file`.
pub struct FileUpload;

impl PartialSchema for FileUpload {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("file", Binary::schema())
            .required("file")
            .into()
    }
}

impl ToSchema for FileUpload {}
