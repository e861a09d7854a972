//! The public agenda as a grid, like a printed programme: per day, the rooms as columns and
//! five-minute rows, each session placed at its time (sessions overlapping in a room side by
//! side), a break without a room across every column. Placement rules are
//! `domain::timetable`, shared with the organisers' timetable.

use std::collections::HashMap;

use serde::Serialize;

use crate::app::agenda::Agenda;
use crate::app::agenda_page::Places;
use crate::app::timetable::{hour_marks, HourMark};
use crate::app::Session;
use crate::domain::agenda_filter::AgendaFilter;
use crate::domain::timetable::{self as rules, Window};
use crate::domain::{time, SessionKind, SessionStatus};
use crate::i18n::Lang;

/// The first grid row holds the rooms' names; the first column the hours.
const HEADER_ROWS: i64 = 1;

#[derive(Debug, Serialize)]
pub struct GridDay {
    pub index: usize,
    pub label: String,
    pub hours: Vec<HourMark>,
    pub rooms: Vec<GridRoom>,
    pub cells: Vec<GridCell>,
    /// `grid-template-columns` / `grid-template-rows`, computed here.
    pub grid_columns: String,
    pub grid_rows: String,
}

#[derive(Debug, Serialize)]
pub struct GridRoom {
    pub name: String,
    pub column: String,
}

#[derive(Debug, Serialize)]
pub struct GridCell {
    pub url: String,
    pub title: String,
    pub times: String,
    pub room: String,
    pub kind_label: String,
    pub is_break: bool,
    pub cancelled: bool,
    pub places: Option<Places>,
    pub track_color: Option<String>,
    pub row: String,
    pub column: String,
    /// Under twenty minutes: the title alone fits.
    pub compact: bool,
}

/// The grid of each day that has sessions the filter keeps; `index` as in the list view.
pub fn grid(
    agenda: &Agenda,
    filter: &AgendaFilter,
    places: &HashMap<i64, Places>,
    lang: Lang,
) -> Vec<GridDay> {
    let tz = agenda.event.tz();
    let kept: Vec<&Session> = agenda
        .sessions
        .iter()
        .filter(|s| agenda.keeps(filter, s))
        .collect();
    agenda
        .offered()
        .days
        .iter()
        .enumerate()
        .filter_map(|(i, day)| {
            let on_day: Vec<&Session> = kept
                .iter()
                .copied()
                .filter(|s| time::day(s.starts_at, tz) == *day)
                .collect();
            let first = on_day.first()?;
            let place = Place {
                agenda,
                places,
                lang,
                window: window(agenda, *day, &on_day),
            };
            let mut grid = place.day(&on_day);
            grid.index = i + 1;
            grid.label = time::long_date(first.starts_at, tz, lang);
            Some(grid)
        })
        .collect()
}

fn window(agenda: &Agenda, day: chrono::NaiveDate, on_day: &[&Session]) -> Window {
    let tz = agenda.event.tz();
    let midnight = time::start_of_day(day, tz);
    let next = time::start_of_day(day.succ_opt().unwrap_or(day), tz);
    let spans: Vec<(i64, i64)> = on_day.iter().map(|s| (s.starts_at, s.ends_at)).collect();
    Window::of_day(midnight, next, &spans)
}

struct Place<'a> {
    agenda: &'a Agenda,
    places: &'a HashMap<i64, Places>,
    lang: Lang,
    window: Window,
}

impl Place<'_> {
    fn day(&self, on_day: &[&Session]) -> GridDay {
        let a = self.agenda;
        // A break without a room is for everyone: it spans the whole grid.
        let spans_all = |s: &Session| s.kind == SessionKind::Break && a.room(s.room_id).is_none();
        let mut columns: Vec<(String, Vec<&Session>)> = a
            .rooms
            .iter()
            .map(|r| {
                let here = on_day.iter().copied().filter(|s| s.room_id == Some(r.id));
                (r.name.clone(), here.collect::<Vec<_>>())
            })
            .filter(|(_, here)| !here.is_empty())
            .collect();
        let elsewhere: Vec<&Session> = on_day
            .iter()
            .copied()
            .filter(|s| a.room(s.room_id).is_none() && !spans_all(s))
            .collect();
        if !elsewhere.is_empty() {
            columns.push((self.lang.t("agenda-grid-no-room"), elsewhere));
        }
        let mut rooms = Vec::new();
        let mut cells = Vec::new();
        let mut line = 2; // after the hours
        for (name, here) in &columns {
            let spans: Vec<(i64, i64)> = here.iter().map(|s| (s.starts_at, s.ends_at)).collect();
            let (lanes, count) = rules::lanes(&spans);
            for (s, lane) in here.iter().zip(&lanes) {
                let column = match lane.alone {
                    true => format!("{line} / span {count}"),
                    false => format!("{} / span 1", line + lane.index),
                };
                cells.push((s.starts_at, self.cell(s, name, column)));
            }
            rooms.push(GridRoom {
                name: name.clone(),
                column: format!("{line} / span {count}"),
            });
            line += count;
        }
        for s in on_day.iter().copied().filter(|s| spans_all(s)) {
            cells.push((s.starts_at, self.cell(s, "", "2 / -1".to_string())));
        }
        cells.sort_by_key(|(at, _)| *at);
        let lanes = (line - 2).max(1);
        GridDay {
            index: 0,
            label: String::new(),
            hours: hour_marks(self.window, self.agenda.event.tz()),
            rooms,
            cells: cells.into_iter().map(|(_, c)| c).collect(),
            grid_columns: format!("4.5rem repeat({lanes}, minmax(8rem, 1fr))"),
            grid_rows: format!("auto repeat({}, 0.9rem)", self.window.rows()),
        }
    }

    fn cell(&self, s: &Session, room: &str, column: String) -> GridCell {
        let a = self.agenda;
        let tz = a.event.tz();
        let (from, to) = self.window.lines(s.starts_at, s.ends_at);
        GridCell {
            url: format!("/events/{}/sessions/{}", a.event.slug, s.id),
            title: self.lang.pick(&s.title_fr, &s.title_en).to_string(),
            times: format!(
                "{}–{}",
                time::clock(s.starts_at, tz),
                time::clock(s.ends_at, tz)
            ),
            room: room.to_string(),
            kind_label: self.lang.t(&format!("kind-{}", s.kind.as_str())),
            is_break: s.kind == SessionKind::Break,
            cancelled: s.status == SessionStatus::Cancelled,
            places: self.places.get(&s.id).cloned(),
            track_color: a.track(s.track_id).map(|t| t.color.clone()),
            row: format!("{} / {}", from + HEADER_ROWS, to + HEADER_ROWS),
            column,
            compact: to - from < 4,
        }
    }
}
