//! The JSON API under /api/v1 (and Stripe's webhook): public reads, organisers' writes, registrations, door check-ins.

pub mod agenda_parts;
pub mod checkins;
pub mod duplicate_and_restore;
pub mod json;
pub mod offline;
pub mod openapi;
pub mod organisers;
pub mod programme_import;
pub mod public;
pub mod registrations;
pub mod stars;
pub mod stripe;
pub mod views;
