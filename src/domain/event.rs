//! An event as organisers describe it, validated.

use chrono_tz::Tz;
use serde::Serialize;

use super::kinds::{EventStatus, Format};
use super::problem::{Msg, Result};
use super::time::parse_tz;
use super::validate::{is_slug, Checker, Input};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventDraft {
    pub slug: String,
    pub title_fr: String,
    pub title_en: String,
    pub description_fr: String,
    pub description_en: String,
    pub organiser: String,
    pub timezone: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub format: Format,
    pub venue: Option<String>,
    pub in_person_capacity: Option<i64>,
    pub online_capacity: Option<i64>,
    pub registration_opens_at: Option<i64>,
    pub registration_closes_at: Option<i64>,
    pub status: EventStatus,
    pub stream_url: Option<String>,
    pub requires_approval: bool,
    pub online_for_in_person: bool,
    pub license: String,
    pub illustrative_note_fr: String,
    pub illustrative_note_en: String,
    /// What is collected, why, for how long, whom to ask; empty: Summit's standard notice.
    pub privacy_notice_fr: String,
    pub privacy_notice_en: String,
    /// The last moment a cancelled paid ticket is refunded; `None`: the event's start.
    pub refund_until: Option<i64>,
    /// The organiser's legal details (name, address, registration and VAT numbers) printed
    /// on receipts.
    pub legal_details: String,
}

/// Fields: `title` stands for both languages when `title_fr`/`title_en` are absent (likewise
/// `description`); times are RFC 3339 or local to `timezone`. The checks run in a fixed order,
/// as later ones look at whether earlier fields passed (`Checker::ok`).
pub fn validate_event(input: &Input) -> Result<EventDraft> {
    let mut c = Checker::default();
    let slug = slug(&mut c, input);
    let [title_fr, title_en, description_fr, description_en] = titles(&mut c, input);
    let organiser = c.optional(input, "organiser", 200).unwrap_or_default();
    let (timezone, tz) = zone(&mut c, input);
    let (starts_at, ends_at) = dates(&mut c, input, tz);
    let (format, venue, in_person_capacity, online_capacity) = places(&mut c, input);
    let (registration_opens_at, registration_closes_at) =
        registration_window(&mut c, input, tz, ends_at);
    let status = c
        .choice(input, "status", EventStatus::parse)
        .unwrap_or(EventStatus::Draft);
    let stream_url = c.url(input, "stream_url");
    if stream_url.is_some() && !format.has_stream() {
        c.fail("stream_url", Msg::new("field-stream-in-person"));
    }
    let requires_approval = c.flag(input, "requires_approval");
    let online_for_in_person = c.flag(input, "online_for_in_person");
    let texts = texts(&mut c, input);
    let refund_until = c.instant(input, "refund_until", tz);
    if refund_until.is_some_and(|until| c.ok("ends_at") && until > ends_at) {
        c.fail("refund_until", Msg::new("field-refund-after-event"));
    }
    let legal_details = c.optional(input, "legal_details", 2000).unwrap_or_default();
    c.finish()?;
    Ok(EventDraft {
        refund_until,
        legal_details,
        privacy_notice_fr: texts.privacy_notice_fr,
        privacy_notice_en: texts.privacy_notice_en,
        slug,
        title_fr,
        title_en,
        description_fr,
        description_en,
        organiser,
        timezone,
        starts_at,
        ends_at,
        format,
        venue,
        in_person_capacity,
        online_capacity,
        registration_opens_at,
        registration_closes_at,
        status,
        stream_url,
        requires_approval,
        online_for_in_person,
        license: texts.license,
        illustrative_note_fr: texts.illustrative_note_fr,
        illustrative_note_en: texts.illustrative_note_en,
    })
}

fn slug(c: &mut Checker, input: &Input) -> String {
    let slug = c.required(input, "slug", 80);
    if c.ok("slug") && !is_slug(&slug) {
        c.fail("slug", Msg::new("field-slug"));
    }
    slug
}

/// Title and description in French and English; one of the titles at least.
fn titles(c: &mut Checker, input: &Input) -> [String; 4] {
    let title = input.get("title").unwrap_or_default().to_string();
    let title_fr = bilingual(c, input, "title_fr", &title, 200);
    let title_en = bilingual(c, input, "title_en", &title, 200);
    if title_fr.is_empty() && title_en.is_empty() {
        c.fail("title", Msg::new("field-required"));
    }
    let description = input.get("description").unwrap_or_default().to_string();
    let description_fr = bilingual(c, input, "description_fr", &description, 20_000);
    let description_en = bilingual(c, input, "description_en", &description, 20_000);
    [title_fr, title_en, description_fr, description_en]
}

/// The zone's name as given, and the zone (UTC when unknown, which fails the field).
fn zone(c: &mut Checker, input: &Input) -> (String, Tz) {
    let timezone = c.required(input, "timezone", 64);
    let tz = parse_tz(&timezone);
    if c.ok("timezone") && tz.is_none() {
        c.fail("timezone", Msg::new("field-timezone"));
    }
    (timezone, tz.unwrap_or(Tz::UTC))
}

fn dates(c: &mut Checker, input: &Input, tz: Tz) -> (i64, i64) {
    let starts_at = c.required_instant(input, "starts_at", tz);
    let ends_at = c.required_instant(input, "ends_at", tz);
    if c.ok("starts_at") && c.ok("ends_at") && ends_at <= starts_at {
        c.fail("ends_at", Msg::new("field-ends-before-start"));
    }
    (starts_at, ends_at)
}

/// The format, the venue and the places per mode, which must fit the format.
fn places(c: &mut Checker, input: &Input) -> (Format, Option<String>, Option<i64>, Option<i64>) {
    if input.get("format").is_none() {
        c.fail("format", Msg::new("field-required"));
    }
    let format = c
        .choice(input, "format", Format::parse)
        .unwrap_or(Format::InPerson);
    let venue = c.optional(input, "venue", 300);
    let in_person_capacity = c.count(input, "in_person_capacity");
    let online_capacity = c.count(input, "online_capacity");
    if format == Format::Virtual && in_person_capacity.is_some_and(|n| n > 0) {
        c.fail("in_person_capacity", Msg::new("field-virtual-no-seats"));
    }
    if format == Format::InPerson && online_capacity.is_some_and(|n| n > 0) {
        c.fail("online_capacity", Msg::new("field-in-person-no-online"));
    }
    (format, venue, in_person_capacity, online_capacity)
}

/// When registration opens and closes: in that order, and closing by the event's end.
fn registration_window(
    c: &mut Checker,
    input: &Input,
    tz: Tz,
    ends_at: i64,
) -> (Option<i64>, Option<i64>) {
    let opens = c.instant(input, "registration_opens_at", tz);
    let closes = c.instant(input, "registration_closes_at", tz);
    if let (Some(open), Some(close)) = (opens, closes) {
        if close <= open {
            c.fail(
                "registration_closes_at",
                Msg::new("field-ends-before-start"),
            );
        }
    }
    if closes.is_some_and(|close| c.ok("ends_at") && close > ends_at) {
        c.fail(
            "registration_closes_at",
            Msg::new("field-close-after-event"),
        );
    }
    (opens, closes)
}

/// The event's free texts beside its description.
struct Texts {
    license: String,
    illustrative_note_fr: String,
    illustrative_note_en: String,
    privacy_notice_fr: String,
    privacy_notice_en: String,
}

fn texts(c: &mut Checker, input: &Input) -> Texts {
    let license = c
        .optional(input, "license", 100)
        .unwrap_or_else(|| "CC-BY-4.0".into());
    let mut text = |field: &str, max: usize| c.optional(input, field, max).unwrap_or_default();
    Texts {
        license,
        illustrative_note_fr: text("illustrative_note_fr", 2000),
        illustrative_note_en: text("illustrative_note_en", 2000),
        privacy_notice_fr: text("privacy_notice_fr", 20_000),
        privacy_notice_en: text("privacy_notice_en", 20_000),
    }
}

fn bilingual(c: &mut Checker, input: &Input, field: &str, fallback: &str, max: usize) -> String {
    c.optional(input, field, max)
        .unwrap_or_else(|| fallback.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Input {
        Input::from_pairs([
            ("slug", "city-summit"),
            ("title", "City summit"),
            ("timezone", "Europe/Paris"),
            ("starts_at", "2027-06-15T09:00"),
            ("ends_at", "2027-06-17T18:00"),
            ("format", "hybrid"),
        ])
    }

    #[test]
    fn a_minimal_event_is_valid_and_draft() {
        let e = validate_event(&base()).unwrap();
        assert_eq!(e.title_fr, "City summit");
        assert_eq!(e.title_en, "City summit");
        assert_eq!(e.status, EventStatus::Draft);
        assert_eq!(e.ends_at - e.starts_at, 2 * 86400 + 9 * 3600);
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = base().overlay(Input::from_pairs([
            ("slug", "City Summit"),
            ("timezone", "Mars/Olympus"),
            ("format", "telepathic"),
            ("in_person_capacity", "many"),
        ]));
        let err = validate_event(&bad).unwrap_err();
        let fields: Vec<_> = err.fields().unwrap().keys().cloned().collect();
        assert_eq!(fields, ["format", "in_person_capacity", "slug", "timezone"]);
    }

    #[test]
    fn end_before_start_is_refused() {
        let bad = base().overlay(Input::from_pairs([("ends_at", "2027-06-14T09:00")]));
        let err = validate_event(&bad).unwrap_err();
        assert!(err.fields().unwrap().contains_key("ends_at"));
    }

    #[test]
    fn in_person_events_have_no_stream() {
        let bad = base().overlay(Input::from_pairs([
            ("format", "in_person"),
            ("stream_url", "https://meet.example.org/x"),
        ]));
        let err = validate_event(&bad).unwrap_err();
        assert!(err.fields().unwrap().contains_key("stream_url"));
    }
}
