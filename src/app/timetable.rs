//! The organisers' timetable of one day (rooms as columns, five-minute rows, each session at
//! its place with its flags, the empty stretches as links to a new session; laid out in
//! `grid`), the problems of the whole programme, and the new-session form's prefill from a
//! slot. Placement and clash rules are `domain::timetable`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::app::agenda::Agenda;
use crate::app::{Db, Event, Session};
use crate::domain::timetable::{self as rules, Conflict, Item, Window};
use crate::domain::{time, SessionStatus};
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;

mod grid;
use grid::Grid;
pub use grid::{Cell, Column};

/// The grid's first row holds the rooms' names; the time rows follow.
const HEADER_ROWS: i64 = 1;
/// The first grid column holds the hours; rooms follow.
const TIME_COLUMNS: usize = 1;

#[derive(Debug, Serialize)]
pub struct Timetable {
    pub days: Vec<DayLink>,
    pub date: String,
    pub day_label: String,
    pub day_outside: bool,
    /// Sessions that day.
    pub count: usize,
    pub hours: Vec<HourMark>,
    pub columns: Vec<Column>,
    /// The grid's `grid-template-columns` / `grid-template-rows`, computed here.
    pub grid_columns: String,
    pub grid_rows: String,
    /// Clashes and sessions outside the event, over the whole programme.
    pub problems: Vec<ProblemLine>,
}

#[derive(Debug, Serialize)]
pub struct DayLink {
    pub date: String,
    pub label: String,
    pub current: bool,
    pub outside: bool,
    pub sessions: usize,
}

#[derive(Debug, Serialize)]
pub struct HourMark {
    pub label: String,
    pub row: String,
}

#[derive(Debug, Serialize)]
pub struct ProblemLine {
    pub text: String,
    pub href: String,
}

fn item(agenda: &Agenda, s: &Session) -> Item {
    Item {
        id: s.id,
        starts_at: s.starts_at,
        ends_at: s.ends_at,
        room_id: s.room_id.filter(|id| agenda.room(Some(*id)).is_some()),
        speaker_ids: agenda.people(s.id).iter().map(|(sp, _)| sp.id).collect(),
        cancelled: s.status == SessionStatus::Cancelled,
    }
}

/// What the grid says about every session: its clashes, whether it is outside the event.
struct Flags {
    clashes: BTreeMap<i64, Vec<Conflict>>,
    event: (i64, i64),
}

impl Flags {
    fn of(agenda: &Agenda) -> Flags {
        let items: Vec<Item> = agenda.sessions.iter().map(|s| item(agenda, s)).collect();
        Flags {
            clashes: rules::clashes(&items),
            event: (agenda.event.starts_at, agenda.event.ends_at),
        }
    }

    fn outside(&self, agenda: &Agenda, s: &Session) -> bool {
        rules::outside_event(&item(agenda, s), self.event.0, self.event.1)
    }

    fn clash_texts(&self, agenda: &Agenda, s: &Session, lang: Lang) -> Vec<String> {
        let Some(found) = self.clashes.get(&s.id) else {
            return Vec::new();
        };
        found
            .iter()
            .filter_map(|c| clash_text(agenda, c, lang))
            .collect()
    }
}

fn times(agenda: &Agenda, s: &Session) -> String {
    let tz = agenda.event.tz();
    format!(
        "{}–{}",
        time::clock(s.starts_at, tz),
        time::clock(s.ends_at, tz)
    )
}

fn room_name(agenda: &Agenda, s: &Session, lang: Lang) -> String {
    agenda
        .room(s.room_id)
        .map(|r| r.name.clone())
        .unwrap_or_else(|| lang.t("tt-no-room"))
}

fn clash_text(agenda: &Agenda, c: &Conflict, lang: Lang) -> Option<String> {
    let (other, speaker) = match c {
        Conflict::Room { other } => (*other, None),
        Conflict::Speaker { speaker_id, other } => (*other, Some(*speaker_id)),
    };
    let o = agenda.session(other)?;
    let mut args = vec![
        ("title", lang.pick(&o.title_fr, &o.title_en).to_string()),
        ("times", times(agenda, o)),
        ("room", room_name(agenda, o, lang)),
    ];
    match speaker {
        None => Some(lang.t_args("tt-clash-room", &args)),
        Some(id) => {
            let name = agenda.speakers.iter().find(|sp| sp.id == id)?.name.clone();
            args.push(("speaker", name));
            Some(lang.t_args("tt-clash-speaker", &args))
        }
    }
}

/// The days of the event in its zone, and any other day a session starts on.
fn days_of(agenda: &Agenda) -> (Vec<NaiveDate>, (NaiveDate, NaiveDate)) {
    let tz = agenda.event.tz();
    let first = time::day(agenda.event.starts_at, tz);
    let last = time::day((agenda.event.ends_at - 1).max(agenda.event.starts_at), tz);
    let mut days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= last).collect();
    days.extend(agenda.sessions.iter().map(|s| time::day(s.starts_at, tz)));
    days.sort_unstable();
    days.dedup();
    (days, (first, last))
}

fn chosen_day(days: &[NaiveDate], asked: Option<&str>) -> Result<NaiveDate> {
    let Some(text) = asked.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(days[0]);
    };
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| days.contains(d))
        .ok_or_else(|| Error::BadRequest(Msg::new("tt-day-invalid").arg("day", text.to_string())))
}

/// The timetable of one day (`day` as `YYYY-MM-DD` in the event's zone; the first by
/// default). A day that is neither the event's nor a session's is refused naming `day`.
pub async fn load(db: &Db, event: Event, day: Option<&str>, lang: Lang) -> Result<Timetable> {
    let agenda = Agenda::load(db, event).await?;
    let (days, (first, last)) = days_of(&agenda);
    let date = chosen_day(&days, day)?;
    let tz = agenda.event.tz();
    let flags = Flags::of(&agenda);
    let on_day: Vec<&Session> = agenda
        .sessions
        .iter()
        .filter(|s| time::day(s.starts_at, tz) == date)
        .collect();
    let window = day_window(&agenda, date, &on_day);
    let grid = Grid::build(&agenda, &flags, &on_day, window, lang);
    Ok(Timetable {
        days: days
            .iter()
            .map(|d| DayLink {
                date: d.to_string(),
                label: time::long_date(time::start_of_day(*d, tz), tz, lang),
                current: *d == date,
                outside: *d < first || *d > last,
                sessions: count_on(&agenda, *d),
            })
            .collect(),
        date: date.to_string(),
        day_label: time::long_date(time::start_of_day(date, tz), tz, lang),
        day_outside: date < first || date > last,
        count: on_day.len(),
        hours: hour_marks(window, tz),
        grid_columns: format!("4.5rem repeat({}, minmax(7.5rem, 1fr))", grid.lanes),
        grid_rows: format!("auto repeat({}, 0.7rem)", window.rows()),
        columns: grid.columns,
        problems: problems(&agenda, &flags, lang),
    })
}

fn count_on(agenda: &Agenda, d: NaiveDate) -> usize {
    let tz = agenda.event.tz();
    agenda
        .sessions
        .iter()
        .filter(|s| time::day(s.starts_at, tz) == d)
        .count()
}

/// The day's sessions, with the event's own start or end when it falls that day.
fn day_window(agenda: &Agenda, date: NaiveDate, on_day: &[&Session]) -> Window {
    let tz = agenda.event.tz();
    let midnight = time::start_of_day(date, tz);
    let next = time::start_of_day(date.succ_opt().unwrap_or(date), tz);
    let mut spans: Vec<(i64, i64)> = on_day.iter().map(|s| (s.starts_at, s.ends_at)).collect();
    for t in [agenda.event.starts_at, agenda.event.ends_at] {
        if time::day(t, tz) == date {
            spans.push((t, t));
        }
    }
    // A day of the event shows its working hours (09:00–18:00, within the event) even where
    // nothing is booked yet, so the free slots of an empty afternoon are there to click.
    let hours = (
        (midnight + 9 * 3600).max(agenda.event.starts_at),
        (midnight + 18 * 3600).min(agenda.event.ends_at),
    );
    if hours.0 < hours.1 {
        spans.push(hours);
    }
    Window::of_day(midnight, next, &spans)
}

pub(crate) fn hour_marks(window: Window, tz: chrono_tz::Tz) -> Vec<HourMark> {
    let per_hour = rules::SLOT_SECONDS / rules::ROW_SECONDS;
    window
        .hours()
        .into_iter()
        .map(|h| {
            let (start, _) = window.lines(h, h + rules::SLOT_SECONDS);
            HourMark {
                label: time::clock(h, tz),
                row: format!("{} / span {per_hour}", start + HEADER_ROWS),
            }
        })
        .collect()
}

/// Every clash and every session outside the event, each linked to its edit form.
fn problems(agenda: &Agenda, flags: &Flags, lang: Lang) -> Vec<ProblemLine> {
    let tz = agenda.event.tz();
    let mut lines = Vec::new();
    for s in &agenda.sessions {
        let mut said = flags.clash_texts(agenda, s, lang);
        if flags.outside(agenda, s) {
            said.push(lang.t("tt-outside-long"));
        }
        for flag in said {
            let what = format!(
                "{} ({}, {}, {})",
                lang.pick(&s.title_fr, &s.title_en),
                time::long_date(s.starts_at, tz, lang),
                times(agenda, s),
                room_name(agenda, s, lang)
            );
            lines.push(ProblemLine {
                text: lang.t_args("tt-problem", &[("what", what), ("flag", flag)]),
                href: session_href(agenda, s.id),
            });
        }
    }
    lines
}

fn session_href(agenda: &Agenda, id: i64) -> String {
    format!("/admin/events/{}/sessions/{id}", agenda.event.slug)
}

/// The new-session form's values from a timetable slot: the room and the times, read in the
/// event's zone. What does not read as a room id or a time is left out (the form's defaults
/// stay); without an end, an hour after the start (never past the event's end).
pub fn slot_values(
    event: &Event,
    room_id: Option<&str>,
    starts_at: Option<&str>,
    ends_at: Option<&str>,
) -> BTreeMap<String, String> {
    let tz = event.tz();
    let mut values = BTreeMap::new();
    if let Some(id) = room_id.and_then(|r| r.trim().parse::<i64>().ok()) {
        values.insert("room_id".to_string(), id.to_string());
    }
    let Some(start) = starts_at.and_then(|t| time::parse_instant(t, tz)) else {
        return values;
    };
    let end = ends_at
        .and_then(|t| time::parse_instant(t, tz))
        .filter(|end| *end > start)
        .unwrap_or_else(|| (start + 3600).min(event.ends_at.max(start + 300)));
    values.insert("starts_at".to_string(), time::local_input(start, tz));
    values.insert("ends_at".to_string(), time::local_input(end, tz));
    values
}
