//! Every integration test, in one binary: a change to Summit relinks one test executable, not
//! one per area. Each module is an area; `common` holds the shared helpers (a fresh database per
//! test, the app, register / sign-in / scan helpers, the real peers), `door` the scanner's.
#![recursion_limit = "256"]

mod common;
mod door;

mod accessibility;
mod admin_pages;
mod admin_registrations;
mod agenda_finder;
mod agenda_views;
mod api;
mod badge_pdf;
mod badge_roles;
mod badges;
mod bytes_on_the_wire;
mod certificates;
mod checkin_groups;
mod checkins;
mod cli;
mod cors;
mod dashboard;
mod durability;
mod event_cache;
mod hardening;
mod join_buttons;
mod mail;
mod offline_scan;
mod open_data;
mod openapi;
mod openapi_schemas;
mod organiser_forms;
mod pools;
mod preview_and_duplicate;
mod privacy;
mod programme_import;
mod programme_import_frab;
mod programme_import_page;
mod properties;
mod public_pages;
mod receipts;
mod register_pages;
mod registration;
mod stars;
mod stars_feed;
mod statement;
mod store;
mod stripe;
mod timetable;
mod translations;
mod types;
mod walk_ins;
mod workspace;
mod workspace_fixes;
