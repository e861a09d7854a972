//! The use cases: what organisers, attendees and doors do, between the web layer and storage.
//! Each takes typed input, applies the rules of `domain`, reads and writes through `store`,
//! and answers typed results. Nothing here knows HTTP: no Rocket, no JSON values built for
//! an answer (that is the web layer's views).

pub mod admin_badges;
pub mod admin_events;
pub mod admin_registrations;
pub mod agenda;
pub mod agenda_grid;
pub mod agenda_page;
pub mod announcements;
pub mod attendee;
pub mod badge_pdf;
pub mod certificate_admin;
pub mod certificate_document;
pub mod certificates;
pub mod checkin;
pub mod checklist;
pub mod choices;
pub mod dashboard;
pub mod door_report;
pub mod doors;
pub mod duplicate;
pub mod events;
pub mod join;
pub mod offline;
pub mod organise;
pub mod payment;
pub mod privacy;
pub mod programme_import;
pub mod programme_sheet;
pub mod programme_upload;
pub mod public;
pub mod receipts;
pub mod registering;
pub mod registrations;
pub mod rooms;
pub mod roster;
pub mod seats_board;
pub mod session_removal;
pub mod speakers;
pub mod staff;
pub mod stars;
pub mod stripe_events;
pub mod tickets;
pub mod timetable;
pub mod tracks;
pub mod walk_ins;

/// The handle every use case takes: the web layer holds it without knowing what is inside.
pub use crate::store::Db;

// The stored rows the use cases answer with, each named here once: the web layer reaches
// them as `app::Event`, `app::Registration`…, never through `store` nor a use case's module.
pub use crate::store::events::{Event, Room, Track};
pub use crate::store::registrations::{Registered, Registration, Signup};
pub use crate::store::sessions::Session;
pub use crate::store::speakers::Speaker;
pub use crate::store::tickets::TicketType;
