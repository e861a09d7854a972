//! The organisers' timetable, as rules: which sessions clash (a room or a speaker in two
//! overlapping sessions, the same rule as `schedule::find_clash`, but every clash of every
//! session rather than the first of one draft), which lie outside the event, where a session
//! sits on a day's grid (rows of five minutes), side-by-side lanes for sessions that overlap in
//! one column, and the empty stretches between sessions. Instants are UTC seconds.

use std::collections::BTreeMap;

/// One grid row: five minutes, so every time the programmes use (:05, :10, :25…) has its line.
pub const ROW_SECONDS: i64 = 300;
/// Empty stretches are cut at each hour, so each hour of a room has its own "new session" link.
pub const SLOT_SECONDS: i64 = 3600;
/// A free stretch shorter than this (the five minutes between two sessions) stays blank: too
/// short for a session, and too small to click.
pub const MIN_GAP_SECONDS: i64 = 600;

/// A session as the timetable sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub room_id: Option<i64>,
    pub speaker_ids: Vec<i64>,
    pub cancelled: bool,
}

/// Why a session clashes with another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    Room { other: i64 },
    Speaker { speaker_id: i64, other: i64 },
}

fn overlap(a: &Item, b: &Item) -> bool {
    a.starts_at < b.ends_at && b.starts_at < a.ends_at
}

fn conflicts_between(a: &Item, b: &Item) -> Vec<(i64, Conflict)> {
    let mut found = Vec::new();
    if a.room_id.is_some() && a.room_id == b.room_id {
        found.push((a.id, Conflict::Room { other: b.id }));
        found.push((b.id, Conflict::Room { other: a.id }));
    }
    for speaker_id in a.speaker_ids.iter().filter(|s| b.speaker_ids.contains(s)) {
        let speaker_id = *speaker_id;
        found.push((
            a.id,
            Conflict::Speaker {
                speaker_id,
                other: b.id,
            },
        ));
        found.push((
            b.id,
            Conflict::Speaker {
                speaker_id,
                other: a.id,
            },
        ));
    }
    found
}

/// Every clash of each session, both ways round. A cancelled session clashes with nothing, as
/// the double-booking check ignores it.
pub fn clashes(items: &[Item]) -> BTreeMap<i64, Vec<Conflict>> {
    let mut live: Vec<&Item> = items.iter().filter(|i| !i.cancelled).collect();
    live.sort_by_key(|i| (i.starts_at, i.id));
    let mut out: BTreeMap<i64, Vec<Conflict>> = BTreeMap::new();
    for (n, a) in live.iter().enumerate() {
        // Sorted by start: once one starts after `a` ends, none of the later ones overlap it.
        for b in live[n + 1..].iter().take_while(|b| b.starts_at < a.ends_at) {
            if overlap(a, b) {
                for (id, conflict) in conflicts_between(a, b) {
                    out.entry(id).or_default().push(conflict);
                }
            }
        }
    }
    out
}

/// Whether a session starts before the event or ends after it (an event whose dates moved
/// after its programme was made leaves such sessions behind).
pub fn outside_event(item: &Item, event_starts_at: i64, event_ends_at: i64) -> bool {
    item.starts_at < event_starts_at || item.ends_at > event_ends_at
}

/// The stretch of one day the grid shows: whole hours around its sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub starts_at: i64,
    pub ends_at: i64,
}

impl Window {
    /// From the day's sessions (and the event's own start or end when they fall that day), to
    /// the hour before and after; a day without any shows 09:00 to 18:00. `midnight` is the
    /// day's first instant, `next_midnight` the next day's.
    pub fn of_day(midnight: i64, next_midnight: i64, spans: &[(i64, i64)]) -> Window {
        let floor = |t: i64| midnight + (t - midnight).div_euclid(SLOT_SECONDS) * SLOT_SECONDS;
        let ceil = |t: i64| floor(t + SLOT_SECONDS - 1);
        let first = spans.iter().map(|s| s.0).min();
        let last = spans.iter().map(|s| s.1).max();
        match (first, last) {
            (Some(first), Some(last)) => Window {
                starts_at: floor(first.max(midnight)),
                ends_at: ceil(last.min(next_midnight))
                    .max(floor(first.max(midnight)) + SLOT_SECONDS),
            },
            _ => Window {
                starts_at: midnight + 9 * SLOT_SECONDS,
                ends_at: midnight + 18 * SLOT_SECONDS,
            },
        }
    }

    /// Number of five-minute rows.
    pub fn rows(&self) -> i64 {
        (self.ends_at - self.starts_at + ROW_SECONDS - 1) / ROW_SECONDS
    }

    /// The grid lines a span runs between (1 is the top of the first row), clamped to the
    /// window; a span always covers at least one row.
    pub fn lines(&self, starts_at: i64, ends_at: i64) -> (i64, i64) {
        let line = |t: i64| (t.clamp(self.starts_at, self.ends_at) - self.starts_at) / ROW_SECONDS;
        let start = line(starts_at).min(self.rows() - 1);
        let end = ((line(ends_at - 1) + 1).max(start + 1)).min(self.rows());
        (start + 1, end + 1)
    }

    /// The start of each hour inside the window.
    pub fn hours(&self) -> Vec<i64> {
        (self.starts_at..self.ends_at)
            .step_by(SLOT_SECONDS as usize)
            .collect()
    }
}

/// Where a session goes among the lanes of its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lane {
    pub index: usize,
    /// Overlaps nothing in its column: it may take the column's whole width.
    pub alone: bool,
}

/// Lanes side by side in one column, so that sessions overlapping there (a clash, or online
/// sessions at once) all stay visible: each takes the first lane free when it starts. Spans
/// in any order; answers each one's lane, and how many lanes the column needs (at least 1).
pub fn lanes(spans: &[(i64, i64)]) -> (Vec<Lane>, usize) {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i]);
    let mut lane_ends: Vec<i64> = Vec::new();
    let mut out = vec![
        Lane {
            index: 0,
            alone: true
        };
        spans.len()
    ];
    for &i in &order {
        let (start, end) = spans[i];
        let index = match lane_ends.iter().position(|&e| e <= start) {
            Some(free) => free,
            None => {
                lane_ends.push(i64::MIN);
                lane_ends.len() - 1
            }
        };
        lane_ends[index] = end;
        let alone = spans
            .iter()
            .enumerate()
            .all(|(j, &(s, e))| j == i || e <= start || s >= end);
        out[i] = Lane { index, alone };
    }
    (out, lane_ends.len().max(1))
}

/// The empty stretches of a column inside the window, cut at each hour, so that each can be a
/// link to a new session at that time (those under [`MIN_GAP_SECONDS`] left out); `busy` in
/// any order.
pub fn gaps(busy: &[(i64, i64)], window: Window) -> Vec<(i64, i64)> {
    let mut busy: Vec<(i64, i64)> = busy.to_vec();
    busy.sort_unstable();
    let mut free = Vec::new();
    let mut cursor = window.starts_at;
    for (start, end) in busy.into_iter().chain([(window.ends_at, window.ends_at)]) {
        let mut from = cursor;
        while from < start.min(window.ends_at) {
            let next_hour =
                window.starts_at + ((from - window.starts_at) / SLOT_SECONDS + 1) * SLOT_SECONDS;
            let to = next_hour.min(start).min(window.ends_at);
            if to - from >= MIN_GAP_SECONDS {
                free.push((from, to));
            }
            from = to;
        }
        cursor = cursor.max(end);
    }
    free
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3600;
    const M: i64 = 60;

    fn item(id: i64, start: i64, end: i64, room: Option<i64>, speakers: Vec<i64>) -> Item {
        Item {
            id,
            starts_at: start,
            ends_at: end,
            room_id: room,
            speaker_ids: speakers,
            cancelled: false,
        }
    }

    #[test]
    fn room_and_speaker_clashes_are_found_both_ways() {
        let items = vec![
            item(1, 9 * H, 10 * H, Some(1), vec![7]),
            item(2, 9 * H + 30 * M, 11 * H, Some(1), vec![]),
            item(3, 9 * H + 45 * M, 10 * H + 30 * M, Some(2), vec![7]),
            // Back to back is not a clash.
            item(4, 11 * H, 12 * H, Some(1), vec![7]),
            // Two online sessions at once are not a clash either.
            item(5, 9 * H, 10 * H, None, vec![]),
            item(6, 9 * H, 10 * H, None, vec![]),
        ];
        let found = clashes(&items);
        assert_eq!(
            found[&1],
            vec![
                Conflict::Room { other: 2 },
                Conflict::Speaker {
                    speaker_id: 7,
                    other: 3
                }
            ]
        );
        assert_eq!(found[&2], vec![Conflict::Room { other: 1 }]);
        assert_eq!(
            found[&3],
            vec![Conflict::Speaker {
                speaker_id: 7,
                other: 1
            }]
        );
        assert!(!found.contains_key(&4) && !found.contains_key(&5));
    }

    #[test]
    fn a_cancelled_session_clashes_with_nothing() {
        let mut cancelled = item(2, 9 * H, 10 * H, Some(1), vec![]);
        cancelled.cancelled = true;
        let found = clashes(&[item(1, 9 * H, 10 * H, Some(1), vec![]), cancelled]);
        assert!(found.is_empty());
    }

    #[test]
    fn outside_means_before_the_start_or_after_the_end() {
        let s = |a, b| item(1, a, b, None, vec![]);
        assert!(!outside_event(&s(9 * H, 10 * H), 9 * H, 18 * H));
        assert!(outside_event(&s(8 * H, 10 * H), 9 * H, 18 * H));
        assert!(outside_event(&s(17 * H, 19 * H), 9 * H, 18 * H));
    }

    #[test]
    fn the_window_runs_from_the_hour_before_to_the_hour_after() {
        let w = Window::of_day(
            0,
            24 * H,
            &[(8 * H + 30 * M, 9 * H), (16 * H, 17 * H + 5 * M)],
        );
        assert_eq!(
            w,
            Window {
                starts_at: 8 * H,
                ends_at: 18 * H
            }
        );
        assert_eq!(w.rows(), 120);
        assert_eq!(w.hours().len(), 10);
        let empty = Window::of_day(0, 24 * H, &[]);
        assert_eq!((empty.starts_at, empty.ends_at), (9 * H, 18 * H));
    }

    #[test]
    fn lines_place_a_session_at_its_time_and_height() {
        let w = Window {
            starts_at: 8 * H,
            ends_at: 18 * H,
        };
        // 09:00–10:15 starts 12 rows down and is 15 rows tall.
        assert_eq!(w.lines(9 * H, 10 * H + 15 * M), (13, 28));
        // Past the window's end it is cut there; before its start too; never empty.
        assert_eq!(w.lines(17 * H, 20 * H), (109, 121));
        assert_eq!(w.lines(7 * H, 8 * H + 5 * M), (1, 2));
        assert_eq!(w.lines(9 * H, 9 * H + M), (13, 14));
    }

    #[test]
    fn overlapping_sessions_get_lanes_side_by_side() {
        let (lanes, count) = lanes(&[(9 * H, 10 * H), (11 * H, 12 * H), (9 * H + 30 * M, 11 * H)]);
        assert_eq!(count, 2);
        assert_eq!(
            lanes[0],
            Lane {
                index: 0,
                alone: false
            }
        );
        assert_eq!(
            lanes[2],
            Lane {
                index: 1,
                alone: false
            }
        );
        // 11:00–12:00 touches but overlaps nothing: first lane, and the column's whole width.
        assert_eq!(
            lanes[1],
            Lane {
                index: 0,
                alone: true
            }
        );
        let (single, count) = super::lanes(&[(9 * H, 10 * H)]);
        assert_eq!((single[0].alone, count), (true, 1));
        assert_eq!(super::lanes(&[]).1, 1);
    }

    #[test]
    fn gaps_are_the_free_time_cut_at_each_hour() {
        let w = Window {
            starts_at: 9 * H,
            ends_at: 12 * H,
        };
        let free = gaps(&[(9 * H + 30 * M, 10 * H + 15 * M)], w);
        assert_eq!(
            free,
            vec![
                (9 * H, 9 * H + 30 * M),
                (10 * H + 15 * M, 11 * H),
                (11 * H, 12 * H)
            ]
        );
        assert_eq!(gaps(&[(8 * H, 13 * H)], w), vec![]);
        // Overlapping busy spans do not open a false gap.
        let free = gaps(&[(9 * H, 11 * H), (9 * H, 10 * H)], w);
        assert_eq!(free, vec![(11 * H, 12 * H)]);
        // Five minutes between two sessions is no slot.
        let free = gaps(&[(9 * H, 9 * H + 55 * M), (10 * H, 12 * H)], w);
        assert_eq!(free, vec![]);
    }
}
