//! What a certificate of attendance may say someone attended, from what Summit recorded:
//! door check-ins, the entrance check-in and online joins. Pure: the records and the sessions
//! in, the credited time out.
//!
//! The rule, in the words of the README:
//! - a **workshop-door check-in** proves the whole session (door staff let the person in);
//! - an **online join** to a session, or to the event's own stream for a session without its
//!   own, and the **entrance check-in** for the sessions open to all (no sign-up, held in
//!   the room) of the same day, count from the moment the person was let in: let in during
//!   the first quarter of the session (or before it), the whole session; later but before its
//!   middle, the time from then to the end (Summit sees people enter, not leave); after the
//!   middle, nothing. A stream join counts only for sessions starting at most `opens_before`
//!   seconds after it (the join link opens that long before), so one morning click does not
//!   prove a whole day;
//! - time attended is the union of what was credited (two overlapping sessions do not count
//!   twice); the programme's hours are the union of the counting sessions.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::time;

/// A session that counts towards certificates.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    /// Seats are taken at sign-up: only that session's door check-in proves it.
    pub requires_signup: bool,
    /// Held in a room (in person or hybrid).
    pub in_room: bool,
    /// Online (virtual or hybrid).
    pub online: bool,
    /// Has a stream of its own (joins to it, not to the event's stream, prove it).
    pub own_stream: bool,
}

/// One thing Summit recorded about a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// Let in at the event's entrance at this instant.
    Entrance { at: i64 },
    /// Let in at a session's door.
    Door { session_id: i64, at: i64 },
    /// Went through their join link (`None`: the event's own stream).
    Join { session_id: Option<i64>, at: i64 },
}

/// How a session's attendance was proved (the strongest proof wins).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Proof {
    Online,
    Entrance,
    Door,
}

/// A session credited, and the part of it counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub session_id: i64,
    pub from: i64,
    pub to: i64,
    pub proof: Proof,
}

impl Credit {
    pub fn minutes(&self) -> i64 {
        (self.to - self.from) / 60
    }
}

/// The part of `slot` that someone let in at `at` is credited with (see the module's rule).
fn from_arrival(slot: &Slot, at: i64) -> Option<(i64, i64)> {
    let length = slot.ends_at - slot.starts_at;
    if length <= 0 {
        return None;
    }
    if at <= slot.starts_at + length / 4 {
        Some((slot.starts_at, slot.ends_at))
    } else if at < slot.starts_at + length / 2 {
        Some((at, slot.ends_at))
    } else {
        None
    }
}

fn proves(slot: &Slot, record: &Record, opens_before: i64, tz: Tz) -> Option<(i64, i64, Proof)> {
    let (span, proof) = match *record {
        Record::Door { session_id, .. } if session_id == slot.id => {
            (Some((slot.starts_at, slot.ends_at)), Proof::Door)
        }
        Record::Join {
            session_id: Some(id),
            at,
        } if id == slot.id && slot.online => (from_arrival(slot, at), Proof::Online),
        Record::Join {
            session_id: None,
            at,
        } if slot.online && !slot.own_stream && at >= slot.starts_at - opens_before => {
            (from_arrival(slot, at), Proof::Online)
        }
        Record::Entrance { at }
            if slot.in_room && !slot.requires_signup && same_day(at, slot.starts_at, tz) =>
        {
            (from_arrival(slot, at), Proof::Entrance)
        }
        _ => (None, Proof::Online),
    };
    span.map(|(from, to)| (from, to, proof))
}

fn same_day(a: i64, b: i64, tz: Tz) -> bool {
    let day: NaiveDate = time::day(a, tz);
    day == time::day(b, tz)
}

/// What `records` prove of `slots`, one credit per session (the longest part; the strongest
/// proof among equals), in the order of `slots`.
pub fn credits(slots: &[Slot], records: &[Record], opens_before: i64, tz: Tz) -> Vec<Credit> {
    slots
        .iter()
        .filter_map(|slot| {
            records
                .iter()
                .filter_map(|r| proves(slot, r, opens_before, tz))
                .max_by_key(|(from, to, proof)| (to - from, *proof))
                .map(|(from, to, proof)| Credit {
                    session_id: slot.id,
                    from,
                    to,
                    proof,
                })
        })
        .collect()
}

/// The length in seconds of the union of `spans`.
pub fn union_length(spans: impl IntoIterator<Item = (i64, i64)>) -> i64 {
    let mut spans: Vec<(i64, i64)> = spans.into_iter().filter(|(a, b)| b > a).collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut current: Option<(i64, i64)> = None;
    for (from, to) in spans {
        current = match current {
            Some((a, b)) if from <= b => Some((a, b.max(to))),
            Some((a, b)) => {
                total += b - a;
                Some((from, to))
            }
            None => Some((from, to)),
        };
    }
    total + current.map_or(0, |(a, b)| b - a)
}

/// How much of the programme was attended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    /// Seconds attended (union of the credits).
    pub attended: i64,
    /// Seconds of the programme (union of the counting sessions).
    pub programme: i64,
}

impl Share {
    pub fn of(slots: &[Slot], credits: &[Credit]) -> Share {
        Share {
            attended: union_length(credits.iter().map(|c| (c.from, c.to))),
            programme: union_length(slots.iter().map(|s| (s.starts_at, s.ends_at))),
        }
    }

    /// The whole percentage attended (rounded down: 49.9 % is below a 50 % minimum).
    pub fn percent(&self) -> i64 {
        match self.programme {
            0 => 0,
            p => self.attended * 100 / p,
        }
    }

    pub fn meets(&self, min_percent: i64) -> bool {
        self.attended > 0 && self.percent() >= min_percent
    }
}

/// Hours and minutes as a certificate prints them: `3 h 05`, `45 min`.
pub fn hours_text(seconds: i64) -> String {
    let minutes = seconds / 60;
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3600;
    const DAY1: i64 = 1_780_000_000 - 1_780_000_000 % 86_400 + 7 * H; // 09:00 Paris in summer

    fn slot(id: i64, start: i64, hours: i64) -> Slot {
        Slot {
            id,
            starts_at: start,
            ends_at: start + hours * H,
            requires_signup: false,
            in_room: true,
            online: false,
            own_stream: false,
        }
    }

    fn tz() -> Tz {
        chrono_tz::Europe::Paris
    }

    #[test]
    fn a_door_check_in_proves_the_whole_session_whenever_it_was_made() {
        let workshop = Slot {
            requires_signup: true,
            ..slot(7, DAY1, 2)
        };
        let late = Record::Door {
            session_id: 7,
            at: DAY1 + 90 * 60,
        };
        let got = credits(&[workshop], &[late], 900, tz());
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].minutes(), got[0].proof), (120, Proof::Door));
    }

    #[test]
    fn arriving_late_counts_from_then_and_after_the_middle_nothing() {
        let plenary = slot(1, DAY1, 2);
        let at = |minutes: i64| Record::Entrance {
            at: DAY1 + minutes * 60,
        };
        let minutes = |r: Record| {
            credits(std::slice::from_ref(&plenary), &[r], 900, tz())
                .first()
                .map(Credit::minutes)
        };
        assert_eq!(minutes(at(-60)), Some(120), "before: all of it");
        assert_eq!(minutes(at(30)), Some(120), "first quarter: all of it");
        assert_eq!(minutes(at(45)), Some(75), "then: from the arrival");
        assert_eq!(minutes(at(60)), None, "after the middle: nothing");
    }

    #[test]
    fn the_entrance_proves_open_sessions_of_its_day_only() {
        let today = slot(1, DAY1, 1);
        let tomorrow = slot(2, DAY1 + 24 * H, 1);
        let workshop = Slot {
            requires_signup: true,
            ..slot(3, DAY1 + 2 * H, 1)
        };
        let online_only = Slot {
            in_room: false,
            online: true,
            ..slot(4, DAY1 + 3 * H, 1)
        };
        let got = credits(
            &[today, tomorrow, workshop, online_only],
            &[Record::Entrance { at: DAY1 - H }],
            900,
            tz(),
        );
        assert_eq!(got.iter().map(|c| c.session_id).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn a_stream_join_proves_the_session_it_opened_for_not_the_whole_day() {
        let online = |id, start| Slot {
            online: true,
            ..slot(id, start, 1)
        };
        let own = Slot {
            own_stream: true,
            ..online(3, DAY1)
        };
        let slots = [online(1, DAY1), online(2, DAY1 + 4 * H), own];
        let joined = Record::Join {
            session_id: None,
            at: DAY1 - 600,
        };
        let got = credits(&slots, &[joined], 900, tz());
        assert_eq!(got.iter().map(|c| c.session_id).collect::<Vec<_>>(), [1]);
        let own_join = Record::Join {
            session_id: Some(3),
            at: DAY1 + 5 * 60,
        };
        let got = credits(&slots, &[own_join], 900, tz());
        assert_eq!(got.iter().map(|c| c.session_id).collect::<Vec<_>>(), [3]);
    }

    #[test]
    fn the_share_is_the_union_attended_over_the_union_of_the_programme() {
        // Two parallel sessions of 2 h and one of 2 h after: a 4 h programme.
        let slots = [slot(1, DAY1, 2), slot(2, DAY1, 2), slot(3, DAY1 + 2 * H, 2)];
        let doors = [1, 2].map(|id| Record::Door {
            session_id: id,
            at: DAY1,
        });
        let got = credits(&slots, &doors, 900, tz());
        let share = Share::of(&slots, &got);
        assert_eq!((share.attended, share.programme), (2 * H, 4 * H));
        assert_eq!(share.percent(), 50);
        assert!(share.meets(50) && !share.meets(51));
        assert!(
            !Share::of(&slots, &[]).meets(0),
            "nothing attended is never enough"
        );
        assert_eq!(hours_text(3 * H + 300), "3 h 05");
        assert_eq!(hours_text(45 * 60), "45 min");
        assert_eq!(hours_text(2 * H), "2 h");
    }
}
