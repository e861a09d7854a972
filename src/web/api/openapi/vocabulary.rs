//! The closed vocabularies of the API as schemas, read from the domain's own lists of values
//! (`ALL` and the one conversion to text), so a value added there is in the document at once.

use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use crate::domain::badge::Verdict;
use crate::domain::badge_size::BadgeSize;
use crate::domain::lang::Lang;
use crate::domain::payment_status::PaymentStatus;
use crate::domain::{
    Attendance, BadgeRole, EventStatus, Format, RegistrationStatus, SessionKind, SessionStatus,
    SignupStatus, SpeakerRole,
};

/// A string schema whose values are the given ones.
fn one_of(values: impl IntoIterator<Item = &'static str>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
        .into()
}

macro_rules! vocabulary {
    ($($ty:ident => $values:expr),+ $(,)?) => {$(
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                one_of($values)
            }
        }

        impl ToSchema for $ty {}
    )+};
}

vocabulary!(
    Format => Format::ALL.iter().map(|v| v.as_str()),
    EventStatus => EventStatus::ALL.iter().map(|v| v.as_str()),
    SessionKind => SessionKind::ALL.iter().map(|v| v.as_str()),
    SessionStatus => SessionStatus::ALL.iter().map(|v| v.as_str()),
    SpeakerRole => SpeakerRole::ALL.iter().map(|v| v.as_str()),
    BadgeRole => BadgeRole::ALL.iter().map(|v| v.as_str()),
    Attendance => Attendance::ALL.iter().map(|v| v.as_str()),
    RegistrationStatus => RegistrationStatus::ALL.iter().map(|v| v.as_str()),
    SignupStatus => SignupStatus::ALL.iter().map(|v| v.as_str()),
    PaymentStatus => PaymentStatus::ALL.iter().map(|v| v.as_str()),
    Verdict => Verdict::ALL.map(Verdict::as_str),
    Lang => Lang::ALL.map(Lang::code),
    BadgeSize => BadgeSize::ALL.map(BadgeSize::as_str),
);
