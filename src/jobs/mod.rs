//! Work done beside the web requests.

pub mod import;
pub mod outbox;
pub mod programme_import;
