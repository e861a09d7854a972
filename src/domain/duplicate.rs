//! Duplicating an event: what the organiser asks for (a new slug, a number of days), and
//! times moved by whole days on the event's own clock.

use chrono::{Duration, LocalResult, TimeZone, Utc};
use chrono_tz::Tz;

use super::problem::{Msg, Result};
use super::validate::{is_slug, Checker, Input};

/// 52 weeks: the same weekday, about a year later (the usual next edition).
pub const DEFAULT_SHIFT_DAYS: i64 = 364;

/// About ten years either way: more is a typing mistake.
pub const MAX_SHIFT_DAYS: i64 = 3660;

/// A valid request to duplicate an event.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateRequest {
    pub slug: String,
    pub shift_days: i64,
}

/// `slug` (required, a slug) and `shift_days` (whole days, default [`DEFAULT_SHIFT_DAYS`]).
pub fn validate_duplicate(input: &Input) -> Result<DuplicateRequest> {
    let mut c = Checker::default();
    let slug = c.required(input, "slug", 80);
    if c.ok("slug") && !is_slug(&slug) {
        c.fail("slug", Msg::new("field-slug"));
    }
    let shift_days = match input.get("shift_days") {
        None => DEFAULT_SHIFT_DAYS,
        Some(text) => match text.parse::<i64>() {
            Ok(n) if n.abs() <= MAX_SHIFT_DAYS => n,
            _ => {
                c.fail(
                    "shift_days",
                    Msg::new("preview-field-shift-days").arg("max", MAX_SHIFT_DAYS.to_string()),
                );
                0
            }
        },
    };
    c.finish()?;
    Ok(DuplicateRequest { slug, shift_days })
}

/// The instant `days` later on the local clock of `tz`: a session at 09:00 stays at 09:00
/// across a daylight-saving change. A time that falls in a spring-forward gap moves by whole
/// 24-hour days instead; one in an autumn fold takes the earlier instant.
pub fn shift_local(ts: i64, days: i64, tz: Tz) -> i64 {
    let Some(utc) = Utc.timestamp_opt(ts, 0).single() else {
        return ts + days * 86_400;
    };
    let local = utc.with_timezone(&tz).naive_local() + Duration::days(days);
    match tz.from_local_datetime(&local) {
        LocalResult::Single(dt) | LocalResult::Ambiguous(dt, _) => dt.timestamp(),
        LocalResult::None => ts + days * 86_400,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time;

    #[test]
    fn the_local_clock_is_kept_across_daylight_saving() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        // 9:00 in winter (UTC+1), a year later in summer (UTC+2): still 9:00 in Paris.
        let winter = time::parse_instant("2027-03-20T09:00", paris).unwrap();
        let shifted = shift_local(winter, 14, paris);
        assert_eq!(time::local_input(shifted, paris), "2027-04-03T09:00");
        assert_eq!(shifted - winter, 14 * 86_400 - 3600);
        assert_eq!(shift_local(winter, -7, paris), winter - 7 * 86_400);
    }

    #[test]
    fn requests_default_to_the_same_weekday_next_year() {
        let ok = validate_duplicate(&Input::from_pairs([("slug", "next-year")])).unwrap();
        assert_eq!(ok.shift_days, 364);
        let bad = validate_duplicate(&Input::from_pairs([
            ("slug", "Pas Un Slug"),
            ("shift_days", "beaucoup"),
        ]));
        let Err(crate::domain::problem::Problem::Unprocessable { fields }) = bad else {
            panic!("refused");
        };
        assert!(fields.contains_key("slug") && fields.contains_key("shift_days"));
    }
}
