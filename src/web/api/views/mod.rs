//! What the JSON API answers: one `Serialize` view per shape of CONTRACT.md, built from the
//! use cases' results (field names, nesting and nulls are the public contract).

mod doors;
mod programme;
mod records;
mod registrations;

pub use doors::*;
pub use programme::*;
pub use records::*;
pub use registrations::*;

use serde::Serialize;
use utoipa::ToSchema;

/// Stripe's webhook, taken.
#[derive(Serialize, ToSchema)]
#[schema(as = Received)]
pub struct ReceivedView {
    pub received: bool,
}
