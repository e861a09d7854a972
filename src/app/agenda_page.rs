//! What the public agenda adds to the agenda itself: the places left in sign-up workshops
//! (from the same counts as the registration form, via `seats_board`), and "now and next"
//! while the event is on. The grid view is `agenda_grid`.

use std::collections::HashMap;

use serde::Serialize;

use crate::app::agenda::{Agenda, Day, SessionView};
use crate::app::choices::Workshop;
use crate::app::Event;
use crate::domain::agenda_filter::AgendaFilter;
use crate::domain::now_next::{self, Span};
use crate::domain::{time, SessionStatus};
use crate::i18n::Lang;

/// "Now and next" shows from this long before the event's start.
const NOW_NEXT_BEFORE_SECONDS: i64 = 30 * 60;

/// A sign-up workshop's places, in words.
#[derive(Debug, Clone, Serialize)]
pub struct Places {
    pub left: i64,
    pub full: bool,
    pub label: String,
}

/// The places of each limited workshop, by session id.
pub fn places(workshops: &[Workshop], lang: Lang) -> HashMap<i64, Places> {
    workshops
        .iter()
        .filter_map(|w| {
            let left = w.left?;
            let label = match w.full {
                true => lang.t("agenda-places-full"),
                false => lang.t_args("register-places-left", &[("n", left.to_string())]),
            };
            Some((
                w.session_id,
                Places {
                    left,
                    full: w.full,
                    label,
                },
            ))
        })
        .collect()
}

/// Puts each workshop's places on its row.
pub fn mark_places(days: &mut [Day], places: &HashMap<i64, Places>) {
    for s in days.iter_mut().flat_map(|d| d.sessions.iter_mut()) {
        s.places = places.get(&s.id).cloned();
    }
}

/// What is on and what starts next, among the sessions the filter keeps.
#[derive(Debug, Serialize)]
pub struct NowNext {
    /// The time now, in the event's zone.
    pub at: String,
    pub on: Vec<SessionView>,
    pub next: Vec<SessionView>,
}

/// Whether "now and next" is shown at `now`: from a little before the event until its end.
pub fn during(e: &Event, now: i64) -> bool {
    e.starts_at - NOW_NEXT_BEFORE_SECONDS <= now && now < e.ends_at
}

/// "Now and next" at `now`, or nothing outside the event or when nothing is on or coming today.
pub fn now_and_next(
    agenda: &Agenda,
    filter: &AgendaFilter,
    places: &HashMap<i64, Places>,
    now: i64,
    lang: Lang,
) -> Option<NowNext> {
    if !during(&agenda.event, now) {
        return None;
    }
    let tz = agenda.event.tz();
    let today = time::day(now, tz);
    let until = time::start_of_day(today.succ_opt().unwrap_or(today), tz);
    let spans: Vec<Span> = agenda
        .sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Scheduled && agenda.keeps(filter, s))
        .map(|s| Span {
            id: s.id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
        })
        .collect();
    let (on, next) = now_next::now_and_next(&spans, now, until);
    if on.is_empty() && next.is_empty() {
        return None;
    }
    let views = |ids: Vec<i64>| -> Vec<SessionView> {
        ids.into_iter()
            .filter_map(|id| agenda.session(id))
            .map(|s| {
                let mut v = agenda.session_view(s, lang);
                v.places = places.get(&s.id).cloned();
                v
            })
            .collect()
    };
    Some(NowNext {
        at: time::clock(now, tz),
        on: views(on),
        next: views(next),
    })
}
