//! What anyone may see and do: the events and their agendas, the feeds and open data, registering, privacy notices.

pub mod event_page;
pub mod feeds;
pub mod files;
pub mod finder;
pub mod open_data;
pub mod pages;
pub mod privacy;
pub mod register;
pub mod statement;
pub mod verify;
pub mod views;
