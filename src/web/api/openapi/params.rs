//! The parameters many operations share: the event, an item of it, the attendee's token, the
//! language. A struct each, so an operation names them (`params(doc::EventPath)`) and they
//! are described once.

use utoipa::IntoParams;

use crate::domain::badge_size::BadgeSize;
use crate::domain::lang::Lang;

#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct EventPath {
    /// The event's short name.
    #[param(example = "bordeaux-nous-les-villes")]
    pub slug: String,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct EventItemPath {
    /// The event's short name.
    #[param(example = "bordeaux-nous-les-villes")]
    pub slug: String,
    /// A number; anything else is answered 400 (`bad_request`).
    pub id: i64,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct TokenPath {
    /// The attendee's token, as in /r/TOKEN.
    pub token: String,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct TokenItemPath {
    /// The attendee's token, as in /r/TOKEN.
    pub token: String,
    /// The session: a number; anything else is answered 400 (`bad_request`).
    pub id: i64,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// Language of titles and messages (else Accept-Language, else French).
    pub lang: Option<Lang>,
}

/// The printer's size, for badge PDFs.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BadgeSizeQuery {
    /// The printer's size: A6 or A7 cards, 4 × 3 in badge cards, 62 × 100 mm labels (A6 if
    /// not given).
    pub size: Option<BadgeSize>,
}
