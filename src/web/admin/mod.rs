//! The organisers' pages under /admin.

pub mod badge_pdf;
pub mod badge_roles;
pub mod certificates;
pub mod checkins;
pub mod dashboard;
pub mod duplicate;
pub mod event_settings;
pub mod events;
pub mod imports;
pub mod messages;
pub mod preview_views;
pub mod programme_import;
pub mod programme_import_views;
pub mod registration_cancel;
pub mod registrations;
pub mod rooms;
pub mod sessions;
pub mod speakers;
pub mod tickets;
pub mod timetable;
pub mod tracks;
pub mod views;
pub mod workspace;
pub mod workspace_views;
