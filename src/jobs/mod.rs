//! Work done beside the web requests.

pub mod import;
pub mod programme_import;
pub mod outbox;
