//! Times are stored as UTC seconds and shown in the event's IANA zone. Organisers type local
//! wall-clock times (`2027-06-15T09:00`) or RFC 3339 instants with an offset.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::lang::Lang;

pub fn parse_tz(name: &str) -> Option<Tz> {
    name.trim().parse::<Tz>().ok()
}

pub fn now() -> i64 {
    Utc::now().timestamp()
}

/// An RFC 3339 instant, or a local wall-clock time in `tz`. A local time that does not exist
/// (spring-forward gap) is refused; an ambiguous one (autumn fold) takes the earlier instant.
pub fn parse_instant(text: &str, tz: Tz) -> Option<i64> {
    let text = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Some(dt.timestamp());
    }
    let naive = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())?;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Some(dt.timestamp()),
        LocalResult::Ambiguous(early, _) => Some(early.timestamp()),
        LocalResult::None => None,
    }
}

fn in_zone(ts: i64, tz: Tz) -> DateTime<Tz> {
    Utc.timestamp_opt(ts, 0)
        .single()
        .unwrap_or_default()
        .with_timezone(&tz)
}

pub fn to_rfc3339(ts: i64, tz: Tz) -> String {
    in_zone(ts, tz).to_rfc3339()
}

/// The value a `datetime-local` input shows.
pub fn local_input(ts: i64, tz: Tz) -> String {
    in_zone(ts, tz).format("%Y-%m-%dT%H:%M").to_string()
}

pub fn clock(ts: i64, tz: Tz) -> String {
    in_zone(ts, tz).format("%H:%M").to_string()
}

pub fn day(ts: i64, tz: Tz) -> NaiveDate {
    in_zone(ts, tz).date_naive()
}

/// The first instant of `date` in `tz` (01:00 where midnight falls in a daylight-saving gap).
pub fn start_of_day(date: NaiveDate, tz: Tz) -> i64 {
    [0, 1]
        .iter()
        .filter_map(|h| date.and_hms_opt(*h, 0, 0))
        .find_map(|naive| tz.from_local_datetime(&naive).earliest())
        .map(|dt| dt.timestamp())
        .unwrap_or_default()
}

/// Minutes past the hour on the local clock.
pub fn minute_of_hour(ts: i64, tz: Tz) -> u32 {
    chrono::Timelike::minute(&in_zone(ts, tz))
}

/// "mardi 15 juin 2027" / "Tuesday 15 June 2027".
pub fn long_date(ts: i64, tz: Tz, lang: Lang) -> String {
    let dt = in_zone(ts, tz);
    match lang {
        Lang::Fr => dt
            .format_localized("%A %-d %B %Y", chrono::Locale::fr_FR)
            .to_string(),
        Lang::En => dt
            .format_localized("%A %-d %B %Y", chrono::Locale::en_GB)
            .to_string(),
    }
}

/// The zone's abbreviation at that instant (CET, CEST, ...).
pub fn zone_abbreviation(ts: i64, tz: Tz) -> String {
    in_zone(ts, tz).format("%Z").to_string()
}

/// iCalendar UTC form: 20270615T070000Z.
pub fn ics_utc(ts: i64) -> String {
    in_zone(ts, Tz::UTC).format("%Y%m%dT%H%M%SZ").to_string()
}

/// A length as minutes (`90`) or hours and minutes (`1:30`, `01:30:00`, as frab writes it).
pub fn length_minutes(text: &str) -> Option<i64> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    let number = |p: &str| p.parse::<i64>().ok().filter(|n| *n >= 0);
    let total = match parts.as_slice() {
        [m] => number(m)?,
        [h, m] => number(h)? * 60 + number(m).filter(|m| *m < 60)?,
        [h, m, s] => {
            number(s).filter(|s| *s < 60)?;
            number(h)? * 60 + number(m).filter(|m| *m < 60)?
        }
        _ => return None,
    };
    // A session lasts at least a minute and less than a day.
    (1..24 * 60).contains(&total).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris() -> Tz {
        parse_tz("Europe/Paris").unwrap()
    }

    #[test]
    fn local_times_follow_daylight_saving() {
        let winter = parse_instant("2027-11-17T12:00", paris()).unwrap();
        let summer = parse_instant("2027-06-15T12:00", paris()).unwrap();
        assert_eq!(ics_utc(winter), "20271117T110000Z");
        assert_eq!(ics_utc(summer), "20270615T100000Z");
        assert_eq!(zone_abbreviation(winter, paris()), "CET");
        assert_eq!(zone_abbreviation(summer, paris()), "CEST");
    }

    #[test]
    fn offsets_are_honoured_and_shown_in_the_zone() {
        let ts = parse_instant("2027-05-04T11:00:00Z", paris()).unwrap();
        assert_eq!(to_rfc3339(ts, paris()), "2027-05-04T13:00:00+02:00");
        let ny = parse_tz("America/New_York").unwrap();
        assert_eq!(clock(ts, ny), "07:00");
    }

    #[test]
    fn gap_times_are_refused_and_fold_times_take_the_first() {
        assert_eq!(parse_instant("2027-03-28T02:30", paris()), None);
        let fold = parse_instant("2027-10-31T02:30", paris()).unwrap();
        assert_eq!(ics_utc(fold), "20271031T003000Z");
        assert_eq!(parse_instant("tomorrow", paris()), None);
    }

    #[test]
    fn days_start_at_local_midnight_or_after_a_gap() {
        let day = NaiveDate::from_ymd_opt(2027, 6, 15).unwrap();
        assert_eq!(ics_utc(start_of_day(day, paris())), "20270614T220000Z");
        // Santiago springs forward at midnight: the day starts at 01:00.
        let santiago = parse_tz("America/Santiago").unwrap();
        let gap = NaiveDate::from_ymd_opt(2027, 9, 5).unwrap();
        assert_eq!(clock(start_of_day(gap, santiago), santiago), "01:00");
    }

    #[test]
    fn dates_are_written_in_the_visitors_language() {
        let ts = parse_instant("2027-06-15T09:00", paris()).unwrap();
        assert_eq!(long_date(ts, paris(), Lang::Fr), "mardi 15 juin 2027");
        assert_eq!(long_date(ts, paris(), Lang::En), "Tuesday 15 June 2027");
    }
}
