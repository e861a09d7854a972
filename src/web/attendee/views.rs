//! The attendee's pages' views: the structs are the contract, `page_data` the template
//! engine's input.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::RegistrationStatus;
pub use crate::web::public::views::page_data;
use crate::web::public::views::{ChoicesView, EventSummary};

/// `/r/TOKEN`: the registration and the forms to change it.
#[derive(Debug, Serialize)]
pub struct AttendeePage<'a> {
    pub event: EventSummary,
    pub csrf: &'a str,
    pub token: &'a str,
    pub r: RegistrationView<'a>,
    pub sessions: Vec<SignupView>,
    pub choices: ChoicesView,
    pub can_switch: bool,
    pub other_mode: &'static str,
    pub other_mode_label: String,
    pub payment: PaymentView,
    pub problem_pay: bool,
    pub notice: Option<String>,
    pub problem: Option<String>,
    pub errors: Option<BTreeMap<String, String>>,
    /// The streams they may join, with where each link stands.
    pub joins: Vec<JoinDoorView>,
    /// A link to the certificate of attendance.
    pub certificate: bool,
}

/// One stream the attendee may join: "Join" while open, when it opens, or that it ended.
#[derive(Debug, Serialize)]
pub struct JoinDoorView {
    pub url: String,
    pub title: String,
    /// Its day and times in the event's zone.
    pub when: String,
    /// `open`, `soon` or `ended`.
    pub state: &'static str,
    pub open: bool,
    /// For `soon`: when the link opens, in words.
    pub opens: Option<String>,
}

/// The registration as its attendee sees it.
#[derive(Debug, Serialize)]
pub struct RegistrationView<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub organisation: &'a str,
    pub status: RegistrationStatus,
    pub status_label: String,
    pub position: Option<i64>,
    pub attendance_label: String,
    pub ticket: Option<String>,
    pub active: bool,
    pub has_badge: bool,
}

/// A chosen session, as `app::agenda` shapes it, with the signup's status.
#[derive(Debug, Serialize)]
pub struct SignupView {
    #[serde(flatten)]
    pub session: crate::app::agenda::SessionView,
    pub status_label: String,
    pub position: Option<i64>,
}

/// The attendee page's payment part: members are present only when they apply, as the
/// template tests them.
#[derive(Debug, Default, Serialize)]
pub struct PaymentView {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<bool>,
    /// The open Checkout Session's page (null when there is none), while pending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refund: Option<String>,
    pub receipt: bool,
}

/// What a printed badge shows, with its QR code as inline SVG.
#[derive(Debug, Serialize)]
pub struct Card {
    pub name: String,
    pub organisation: String,
    pub role: String,
    pub role_key: String,
    pub ticket: Option<String>,
    pub event_title: String,
    pub qr: String,
}

/// `/r/TOKEN/badge`.
#[derive(Debug, Serialize)]
pub struct BadgePage {
    pub title: String,
    pub event: EventSummary,
    pub cards: Vec<Card>,
    pub back: String,
}

/// `/r/TOKEN/join/ID` when it does not lead to the stream.
#[derive(Debug, Serialize)]
pub struct JoinPage<'a> {
    pub event: EventSummary,
    pub message: String,
    pub token: &'a str,
    /// Before the window: when it opens, and the page's own address to check again.
    pub countdown: Option<Countdown>,
}

/// When a join link opens, in the event's zone (named), and what the page's script needs to
/// count down, show the visitor's own zone and go to the stream at the opening.
#[derive(Debug, Serialize)]
pub struct Countdown {
    /// RFC 3339 in UTC, for `<time datetime>` and the script.
    pub opens_at: String,
    /// The server's clock (UTC milliseconds), so a visitor's wrong clock does not skew it.
    pub now_ms: i64,
    pub date: String,
    pub clock: String,
    /// The event's IANA zone (`Europe/Paris`) and its abbreviation at the opening (`CEST`).
    pub zone: String,
    pub zone_abbreviation: String,
    pub href: String,
}

/// A printable receipt.
#[derive(Debug, Serialize)]
pub struct ReceiptPage<'a> {
    pub event: EventSummary,
    pub number: String,
    pub paid_at: String,
    pub ticket: &'a Option<String>,
    pub amount: String,
    pub currency: &'a str,
    pub reference: &'a Option<String>,
    pub name: &'a str,
    pub organisation: &'a str,
    pub legal_details: Vec<&'a str>,
    pub refunded: Option<String>,
    pub refund_failed: bool,
}

/// `/r/TOKEN/programme`: the attendee's own programme by day, with clashes, and every
/// session of the event to add to it.
#[derive(Debug, Serialize)]
pub struct ProgrammePage<'a> {
    pub event: EventSummary,
    pub csrf: &'a str,
    pub token: &'a str,
    /// Whether they may still change it (a cancelled registration reads it only).
    pub active: bool,
    pub days: Vec<ProgrammeDay>,
    /// Sessions in the programme, and how many of them clash with another.
    pub count: usize,
    pub clashing: usize,
    pub remind: bool,
    pub remind_minutes: i64,
    /// Every session of the event, by day, each with its button.
    pub all: Vec<BrowseDay>,
    pub notice: Option<String>,
    pub problem: Option<String>,
    pub errors: Option<BTreeMap<String, String>>,
}

/// One day of the programme, in the event's zone.
#[derive(Debug, Serialize)]
pub struct ProgrammeDay {
    pub date: String,
    pub label: String,
    pub items: Vec<ProgrammeItem>,
}

/// A session of the programme: why it is there, and what it overlaps.
#[derive(Debug, Serialize)]
pub struct ProgrammeItem {
    #[serde(flatten)]
    pub session: crate::app::agenda::SessionView,
    pub starred: bool,
    /// The sign-up's status in words, when they signed up for it.
    pub signup: Option<String>,
    pub clashes: Vec<ClashView>,
}

/// Another session of the programme whose times overlap, named so the mark is not colour only.
#[derive(Debug, Serialize)]
pub struct ClashView {
    pub id: i64,
    pub title: String,
    pub starts: String,
    pub ends: String,
}

/// A day of the whole agenda, for adding sessions.
#[derive(Debug, Serialize)]
pub struct BrowseDay {
    pub date: String,
    pub label: String,
    pub sessions: Vec<BrowseItem>,
}

#[derive(Debug, Serialize)]
pub struct BrowseItem {
    #[serde(flatten)]
    pub session: crate::app::agenda::SessionView,
    pub starred: bool,
    pub signup: Option<String>,
}

/// `/r/TOKEN/certificate`: the certificate, or why there is none.
#[derive(Debug, Serialize)]
pub struct CertificatePage {
    pub token: String,
    pub event: EventSummary,
    pub document: Option<crate::app::certificate_document::Document>,
    /// The QR code of the verify address, as inline SVG.
    pub qr: Option<String>,
    pub message: Option<String>,
}
