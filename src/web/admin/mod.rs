//! The organisers' pages under /admin.

pub mod badge_roles;
pub mod checkins;
pub mod dashboard;
pub mod events;
pub mod imports;
pub mod messages;
pub mod registrations;
pub mod sessions;
pub mod speakers;
pub mod views;
