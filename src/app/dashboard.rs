//! The organisers' dashboard numbers: registrations per day, by mode, per ticket, workshop
//! fill, entrance check-ins per hour and gate, online joins, stars per session (interest
//! before the day, to move a popular talk to a bigger room). Each figure is a list of
//! (label, number); labels stay untranslated here (a mode, a session's two titles) so the
//! web layer words them in the visitor's language.

use std::collections::BTreeMap;

use crate::app::roster::Roster;
use crate::domain::{time, Attendance};
use crate::error::Result;
use crate::store::events::Event;
use crate::store::roster::Filter;
use crate::store::{self, Db};

/// What a row of a figure is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Label {
    /// Already readable in every language (a day, a ticket's name, an hour and gate).
    Text(String),
    Mode(Attendance),
    /// A session, by its French and English titles.
    Title {
        fr: String,
        en: String,
    },
    /// Joins of the event's own stream rather than a session's.
    EventStream,
    /// Walk-ins registered at the door: let in (holding a place), or waiting.
    WalkIns {
        let_in: bool,
    },
}

/// One chart: its id (also the CSV's `chart` column; the web layer titles it) and its rows
/// in display order.
pub struct Figure {
    pub id: &'static str,
    pub rows: Vec<(Label, i64)>,
}

/// The event as loaded with the numbers (the page shows that copy) and the figures.
pub struct Dashboard {
    pub event: Event,
    pub figures: Vec<Figure>,
}

pub async fn figures(db: &Db, event: Event) -> Result<Dashboard> {
    let tz = event.tz();
    let (times, checkins, joins, (walked_in, walk_ins), stars) = tokio::try_join!(
        store::stats::registration_times(db, event.id),
        store::stats::entrance_checkins(db, event.id),
        store::joins::counts(db, event.id),
        store::walk_ins::count(db, event.id),
        store::stars::counts(db, event.id),
    )?;
    let roster = Roster::load(db, event, &Filter::default()).await?;
    let figure = |id, rows| Figure { id, rows };
    let figures = vec![
        figure("per-day", per_day(&times, tz)),
        figure("modes", modes(&roster)),
        figure("tickets", tickets(&roster)),
        figure("fill", fill(&roster)),
        figure("checkins", checkins_per_hour(checkins, tz)),
        figure("online", online(&roster, joins)),
        figure("stars", starred(&roster, stars)),
        figure("walk-ins", walk_in_rows(walked_in, walk_ins)),
    ];
    Ok(Dashboard {
        event: roster.agenda.event,
        figures,
    })
}

/// Walk-ins let in and waiting (none: no rows, the figure says "nothing yet").
fn walk_in_rows(let_in: i64, all: i64) -> Vec<(Label, i64)> {
    if all == 0 {
        return Vec::new();
    }
    vec![
        (Label::WalkIns { let_in: true }, let_in),
        (Label::WalkIns { let_in: false }, all - let_in),
    ]
}

/// Registrations per day they were made, in the event's zone.
fn per_day(times: &[i64], tz: chrono_tz::Tz) -> Vec<(Label, i64)> {
    let mut per_day: BTreeMap<String, i64> = BTreeMap::new();
    for t in times {
        *per_day.entry(time::day(*t, tz).to_string()).or_default() += 1;
    }
    per_day
        .into_iter()
        .map(|(l, n)| (Label::Text(l), n))
        .collect()
}

/// Entrance check-ins per hour and gate, in the event's zone.
fn checkins_per_hour(checkins: Vec<(i64, String)>, tz: chrono_tz::Tz) -> Vec<(Label, i64)> {
    let mut per_hour: BTreeMap<(String, String), i64> = BTreeMap::new();
    for (t, gate) in checkins {
        let hour = format!("{} {}h", time::day(t, tz), &time::clock(t, tz)[..2]);
        *per_hour.entry((hour, gate)).or_default() += 1;
    }
    per_hour
        .into_iter()
        .map(|((h, g), n)| (Label::Text(format!("{h} · {g}")), n))
        .collect()
}

/// Online joins per session (or the event's own stream).
fn online(roster: &Roster, joins: Vec<(Option<i64>, i64)>) -> Vec<(Label, i64)> {
    joins
        .into_iter()
        .map(|(session, n)| {
            let label =
                session
                    .and_then(|id| roster.agenda.session(id))
                    .map_or(Label::EventStream, |s| Label::Title {
                        fr: s.title_fr.clone(),
                        en: s.title_en.clone(),
                    });
            (label, n)
        })
        .collect()
}

/// Confirmed registrations per mode the event offers.
fn modes(roster: &Roster) -> Vec<(Label, i64)> {
    let confirmed = |mode: Attendance| -> i64 {
        roster
            .counts
            .iter()
            .filter(|c| c.status == "confirmed" && c.attendance == mode.as_str())
            .map(|c| c.n)
            .sum()
    };
    Attendance::ALL
        .iter()
        .filter(|m| m.fits(roster.agenda.event.format))
        .map(|m| (Label::Mode(*m), confirmed(*m)))
        .collect()
}

/// Confirmed registrations per ticket, in the tickets' order.
fn tickets(roster: &Roster) -> Vec<(Label, i64)> {
    roster
        .tickets
        .iter()
        .map(|t| {
            let n = roster
                .counts
                .iter()
                .filter(|c| c.ticket_type_id == Some(t.id) && c.status == "confirmed")
                .map(|c| c.n)
                .sum();
            (Label::Text(t.name.clone()), n)
        })
        .collect()
}

/// Percent of seats taken in each workshop (sessions needing a signup, or holding some):
/// the session's capacity, else its room's; none or zero reads 0 %.
fn fill(roster: &Roster) -> Vec<(Label, i64)> {
    let agenda = &roster.agenda;
    agenda
        .sessions
        .iter()
        .filter(|s| s.requires_signup.0 || roster.fill.contains_key(&s.id))
        .map(|s| {
            let taken = roster.fill.get(&s.id).map_or(0, |f| f.confirmed);
            let capacity = s
                .capacity
                .or_else(|| agenda.room(s.room_id).and_then(|r| r.capacity))
                .unwrap_or(0);
            let title = Label::Title {
                fr: s.title_fr.clone(),
                en: s.title_en.clone(),
            };
            (title, (taken * 100).checked_div(capacity).unwrap_or(0))
        })
        .collect()
}

/// How many attendees starred each session, most starred first (sessions nobody starred are
/// left out).
fn starred(roster: &Roster, stars: Vec<(i64, i64)>) -> Vec<(Label, i64)> {
    stars
        .into_iter()
        .filter_map(|(id, n)| {
            let s = roster.agenda.session(id)?;
            let title = Label::Title {
                fr: s.title_fr.clone(),
                en: s.title_en.clone(),
            };
            Some((title, n))
        })
        .collect()
}
