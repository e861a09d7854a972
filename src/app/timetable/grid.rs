//! One day's columns: each room's sessions in lanes side by side where they overlap, its free
//! stretches as links to a new session there, and the sessions without a room apart.

use serde::Serialize;

use super::{room_name, session_href, times, Flags, HEADER_ROWS, TIME_COLUMNS};
use crate::app::agenda::Agenda;
use crate::app::Session;
use crate::domain::timetable::{self as rules, Window};
use crate::domain::{time, SessionStatus};
use crate::i18n::Lang;

/// A room's column (or the sessions without a room), its sessions and free slots in order.
#[derive(Debug, Serialize)]
pub struct Column {
    pub name: String,
    pub anchor: String,
    pub column: String,
    pub cells: Vec<Cell>,
}

/// A session, or a free stretch of a room, where it sits on the grid.
#[derive(Debug, Serialize)]
pub struct Cell {
    pub session: bool,
    pub href: String,
    pub title: String,
    pub times: String,
    pub room: String,
    pub row: String,
    pub column: String,
    /// Under twenty minutes: the title alone fits.
    pub compact: bool,
    pub cancelled: bool,
    pub outside: bool,
    /// One sentence per clash, naming the other session.
    pub clashes: Vec<String>,
    pub track_color: Option<String>,
}

/// The day's columns, laid out.
pub(super) struct Grid {
    pub(super) columns: Vec<Column>,
    pub(super) lanes: usize,
}

impl Grid {
    pub(super) fn build(
        agenda: &Agenda,
        flags: &Flags,
        on_day: &[&Session],
        window: Window,
        lang: Lang,
    ) -> Grid {
        let mut grid = Grid {
            columns: Vec::new(),
            lanes: 0,
        };
        for room in &agenda.rooms {
            let here: Vec<&Session> = on_day
                .iter()
                .copied()
                .filter(|s| s.room_id == Some(room.id))
                .collect();
            let place = Place {
                agenda,
                flags,
                window,
                lang,
            };
            let column = place.column(
                &room.name,
                Some(room.id),
                &here,
                TIME_COLUMNS + grid.lanes + 1,
            );
            grid.push(column);
        }
        let roomless: Vec<&Session> = on_day
            .iter()
            .copied()
            .filter(|s| agenda.room(s.room_id).is_none())
            .collect();
        if !roomless.is_empty() {
            let place = Place {
                agenda,
                flags,
                window,
                lang,
            };
            let start = TIME_COLUMNS + grid.lanes + 1;
            grid.push(place.column(&lang.t("tt-no-room"), None, &roomless, start));
        }
        grid
    }

    fn push(&mut self, (column, lanes): (Column, usize)) {
        self.columns.push(column);
        self.lanes += lanes;
    }
}

/// What placing one column needs.
struct Place<'a> {
    agenda: &'a Agenda,
    flags: &'a Flags,
    window: Window,
    lang: Lang,
}

impl Place<'_> {
    /// A column from grid line `start`, as wide as its overlapping sessions need.
    fn column(
        &self,
        name: &str,
        room_id: Option<i64>,
        here: &[&Session],
        start: usize,
    ) -> (Column, usize) {
        let spans: Vec<(i64, i64)> = here.iter().map(|s| (s.starts_at, s.ends_at)).collect();
        let (lanes, count) = rules::lanes(&spans);
        let mut cells: Vec<(i64, Cell)> = here
            .iter()
            .zip(&lanes)
            .map(|(s, lane)| {
                let column = match lane.alone {
                    true => format!("{start} / span {count}"),
                    false => format!("{} / span 1", start + lane.index),
                };
                (s.starts_at, self.session_cell(s, column))
            })
            .collect();
        if let Some(room_id) = room_id {
            // Before the event starts and after it ends nothing can be added: no slot there.
            let mut busy = spans.clone();
            let event = &self.agenda.event;
            busy.push((i64::MIN, event.starts_at));
            busy.push((event.ends_at, i64::MAX));
            for (from, to) in rules::gaps(&busy, self.window) {
                let column = format!("{start} / span {count}");
                cells.push((from, self.gap_cell(name, room_id, (from, to), column)));
            }
        }
        cells.sort_by_key(|(at, _)| *at);
        let anchor = room_id.map_or("tt-no-room".to_string(), |id| format!("tt-room-{id}"));
        let column = Column {
            name: name.to_string(),
            anchor,
            column: format!("{start} / span {count}"),
            cells: cells.into_iter().map(|(_, c)| c).collect(),
        };
        (column, count)
    }

    fn rows(&self, starts_at: i64, ends_at: i64) -> (String, bool) {
        let (a, b) = self.window.lines(starts_at, ends_at);
        (
            format!("{} / {}", a + HEADER_ROWS, b + HEADER_ROWS),
            b - a < 4,
        )
    }

    fn session_cell(&self, s: &Session, column: String) -> Cell {
        let (row, compact) = self.rows(s.starts_at, s.ends_at);
        Cell {
            session: true,
            href: session_href(self.agenda, s.id),
            title: self.lang.pick(&s.title_fr, &s.title_en).to_string(),
            times: times(self.agenda, s),
            room: room_name(self.agenda, s, self.lang),
            row,
            column,
            compact,
            cancelled: s.status == SessionStatus::Cancelled,
            outside: self.flags.outside(self.agenda, s),
            clashes: self.flags.clash_texts(self.agenda, s, self.lang),
            track_color: self.agenda.track(s.track_id).map(|t| t.color.clone()),
        }
    }

    fn gap_cell(&self, room: &str, room_id: i64, (from, to): (i64, i64), column: String) -> Cell {
        let tz = self.agenda.event.tz();
        let (row, compact) = self.rows(from, to);
        let href = format!(
            "/admin/events/{}/programme?room_id={room_id}&starts_at={}&ends_at={}#new-session",
            self.agenda.event.slug,
            time::local_input(from, tz),
            time::local_input(to, tz)
        );
        Cell {
            session: false,
            href,
            title: self.lang.t_args(
                "tt-new-session",
                &[("room", room.to_string()), ("time", time::clock(from, tz))],
            ),
            times: format!("{}–{}", time::clock(from, tz), time::clock(to, tz)),
            room: room.to_string(),
            row,
            column,
            compact,
            cancelled: false,
            outside: false,
            clashes: Vec::new(),
            track_color: None,
        }
    }
}
