//! The rules, free of HTTP and SQL: kinds of things, validated drafts, scheduling conflicts,
//! time zones, badge codes. Everything here is pure and unit-tested, and imports only
//! `domain/` (and libraries): a refusal is a [`problem::Problem`] with message keys, which
//! the web layer turns into an answer in the visitor's language.

pub mod accessibility;
pub mod agenda_filter;
pub mod attendance;
pub mod badge;
pub mod badge_role;
pub mod badge_size;
pub mod capacity;
pub mod certificate;
pub mod chart;
pub mod duplicate;
pub mod event;
pub mod guest_csv;
pub mod join_window;
pub mod kinds;
pub mod lang;
pub mod login_throttle;
pub mod now_next;
pub mod outbox_kind;
pub mod payment_status;
pub mod personal_programme;
pub mod problem;
pub mod programme_frab;
pub mod programme_import;
pub mod programme_sheet;
pub mod rate;
pub mod registration;
pub mod schedule;
pub mod secret;
pub mod spreadsheet;
pub mod time;
pub mod timetable;
pub mod validate;
pub mod walk_in;

pub use kinds::*;
pub use outbox_kind::OutboxKind;
pub use payment_status::PaymentStatus;
