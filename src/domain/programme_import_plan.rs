//! The planner of `programme_import`: goes through a sheet's rows in order, turning each into
//! a checked session draft (or a rejection), finding the rooms, tracks and speakers to create,
//! and what an update would change.

use super::*;

/// Names to create, in the order first met, each with its placeholder id.
#[derive(Default)]
struct ToCreate {
    names: Vec<String>,
    index: HashMap<String, i64>,
}

impl ToCreate {
    fn id_for(&mut self, existing: &[Named], name: &str) -> i64 {
        let key = name_key(name);
        if let Some(found) = existing
            .iter()
            .find(|n| n.names.iter().any(|m| name_key(m) == key))
        {
            return found.id;
        }
        if let Some(id) = self.index.get(&key) {
            return *id;
        }
        let id = placeholder(self.names.len());
        self.names.push(name.trim().to_string());
        self.index.insert(key, id);
        id
    }
}

/// Goes through the rows in order, keeping what the rows above have booked.
pub(super) struct Planner<'a> {
    ctx: &'a Context,
    frame: EventFrame,
    rooms: ToCreate,
    tracks: ToCreate,
    speakers: ToCreate,
    seen_ids: HashSet<i64>,
    booked: Vec<Booked>,
    report: Report,
}

impl<'a> Planner<'a> {
    pub(super) fn new(ctx: &'a Context) -> Planner<'a> {
        Planner {
            ctx,
            frame: ctx.frame.clone(),
            rooms: ToCreate::default(),
            tracks: ToCreate::default(),
            speakers: ToCreate::default(),
            seen_ids: HashSet::new(),
            booked: Vec::new(),
            report: Report::default(),
        }
    }

    pub(super) fn plan(mut self, rows: &[(u64, Cells)]) -> Report {
        self.book_sessions_left_alone(rows);
        for (line, cells) in rows {
            match self.row(*line, cells) {
                Ok(planned) => self.keep(planned),
                Err(rejected) => self.report.rejected.push(rejected),
            }
        }
        self.report.rooms_to_create = self.rooms.names;
        self.report.tracks_to_create = self.tracks.names;
        self.report.speakers_to_create = self.speakers.names;
        self.report
    }

    /// Existing sessions the sheet does not name keep their place: rows are checked
    /// against them. Sessions the sheet names are checked in their new place instead.
    fn book_sessions_left_alone(&mut self, rows: &[(u64, Cells)]) {
        let named: HashSet<i64> = rows
            .iter()
            .filter_map(|(_, c)| c.get("id")?.parse().ok())
            .collect();
        for s in &self.ctx.sessions {
            if !named.contains(&s.id) && s.status == SessionStatus::Scheduled {
                self.booked.push(booked(s.id, &s.draft));
            }
        }
    }

    fn keep(&mut self, planned: Planned) {
        if planned.status == SessionStatus::Scheduled {
            let id = planned.id.unwrap_or(-(planned.line as i64) - 1_000_000);
            self.booked.push(booked(id, &planned.draft));
        }
        match planned.id {
            None => self.report.to_add.push(planned),
            Some(_) if planned.changes.is_empty() => self.report.unchanged += 1,
            Some(_) => self.report.to_update.push(planned),
        }
    }

    fn row(&mut self, line: u64, cells: &Cells) -> Result<Planned, Rejected> {
        let reject = |column: &'static str, reason: Msg| Rejected {
            line,
            column,
            reason,
        };
        let existing = self.existing_for(cells).map_err(|m| reject("id", m))?;
        let status = match cells.get("status").map(String::as_str) {
            None | Some("") => existing.map_or(SessionStatus::Scheduled, |e| e.status),
            Some(text) => SessionStatus::parse(text)
                .ok_or_else(|| reject("status", Msg::new("field-choice")))?,
        };
        let input = self.input(cells, existing).map_err(|(c, m)| reject(c, m))?;
        let draft = validate_session(&input, &self.frame).map_err(|p| first_fault(line, &p))?;
        if status == SessionStatus::Scheduled {
            self.check_clash(&draft, existing.map(|e| e.id))
                .map_err(|m| reject("start", m))?;
        }
        let changes = existing
            .map(|e| changes(e, &draft, status))
            .unwrap_or_default();
        Ok(Planned {
            line,
            id: existing.map(|e| e.id),
            draft,
            status,
            changes,
            guid: cells.get("guid").cloned(),
        })
    }

    /// The session a row's `id` names in this event; an id from elsewhere (a sheet exported
    /// from another event) is a new session; the same id twice is refused.
    fn existing_for(&mut self, cells: &Cells) -> Result<Option<&'a Existing>, Msg> {
        let Some(text) = cells.get("id").filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        let id: i64 = text.parse().map_err(|_| Msg::new("progimport-bad-id"))?;
        let found = self.ctx.sessions.iter().find(|s| s.id == id);
        if found.is_some() && !self.seen_ids.insert(id) {
            return Err(Msg::new("progimport-id-twice"));
        }
        Ok(found)
    }

    fn check_clash(&self, draft: &SessionDraft, own: Option<i64>) -> Result<(), Msg> {
        let Some(clash) = find_clash(draft, own, &self.booked) else {
            return Ok(());
        };
        let other_id = match clash {
            Clash::Room { other } | Clash::Speaker { other, .. } => other,
        };
        let other = self.booked.iter().find(|b| b.id == other_id);
        let msg = match clash {
            Clash::Room { .. } => Msg::new("progimport-clash-room"),
            Clash::Speaker { .. } => Msg::new("progimport-clash-speaker"),
        };
        let tz = self.frame.tz;
        Err(match other {
            None => msg,
            // A title given in one language only names the session in both.
            Some(o) => msg
                .arg("title_fr", either(&o.title_fr, &o.title_en))
                .arg("title_en", either(&o.title_en, &o.title_fr))
                .arg(
                    "times",
                    format!(
                        "{}–{}",
                        crate::domain::time::clock(o.starts_at, tz),
                        crate::domain::time::clock(o.ends_at, tz)
                    ),
                ),
        })
    }
}

fn either(first: &str, other: &str) -> String {
    if first.is_empty() { other } else { first }.to_string()
}

fn booked(id: i64, d: &SessionDraft) -> Booked {
    Booked {
        id,
        title_fr: d.title_fr.clone(),
        title_en: d.title_en.clone(),
        starts_at: d.starts_at,
        ends_at: d.ends_at,
        room_id: d.room_id,
        speaker_ids: d.speakers.iter().map(|(s, _)| *s).collect(),
    }
}

/// The validator's first complaint, named by the sheet's column.
fn first_fault(line: u64, problem: &Problem) -> Rejected {
    let (field, reason) = match problem {
        Problem::BadRequest(m) | Problem::Conflict { message: m, .. } => ("", m.clone()),
        Problem::Unprocessable { fields } => fields
            .iter()
            .next()
            .map(|(f, m)| (f.as_str(), m.clone()))
            .unwrap_or(("", Msg::new("field-choice"))),
    };
    let column = match field {
        "title" | "title_fr" => "title_fr",
        "title_en" => "title_en",
        "starts_at" => "start",
        "ends_at" => "end",
        "room_id" => "room",
        "track_id" => "track",
        "requires_signup" => "signup",
        "description_fr" => "description_fr",
        "description_en" => "description_en",
        "kind" => "kind",
        "format" => "format",
        "capacity" => "capacity",
        "speakers" => "speakers",
        _ => "id",
    };
    Rejected {
        line,
        column,
        reason,
    }
}

type Fault = (&'static str, Msg);

impl Planner<'_> {
    /// The row as the session form's input; for an update, laid over the session as it is,
    /// so a column the sheet leaves out (or the stream link, never in a sheet) is kept.
    fn input(&mut self, cells: &Cells, existing: Option<&Existing>) -> Result<Input, Fault> {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for key in [
            "title_fr",
            "title_en",
            "description_fr",
            "description_en",
            "kind",
            "format",
            "capacity",
        ] {
            if let Some(v) = cells.get(key) {
                pairs.push((key, v.clone()));
            }
        }
        if let Some(v) = cells.get("signup") {
            pairs.push(("requires_signup", signup(v).ok_or(signup_fault())?.into()));
        }
        let (starts_at, ends_at) = times(cells)?;
        pairs.push(("starts_at", starts_at));
        pairs.push(("ends_at", ends_at));
        self.references(cells, &mut pairs);
        let mut input = Input::from_pairs(pairs);
        if let Some(cell) = cells.get("speakers") {
            input
                .nested
                .insert("speakers".into(), self.speakers_value(cell)?);
        }
        Ok(match existing {
            Some(e) => as_input(&e.draft).overlay(input),
            None => input,
        })
    }

    fn references(&mut self, cells: &Cells, pairs: &mut Vec<(&str, String)>) {
        if let Some(name) = cells.get("room") {
            let id = (!name.is_empty()).then(|| self.rooms.id_for(&self.ctx.rooms, name));
            self.frame.room_ids.extend(id);
            pairs.push(("room_id", id.map(|i| i.to_string()).unwrap_or_default()));
        }
        if let Some(name) = cells.get("track") {
            let id = (!name.is_empty()).then(|| self.tracks.id_for(&self.ctx.tracks, name));
            self.frame.track_ids.extend(id);
            pairs.push(("track_id", id.map(|i| i.to_string()).unwrap_or_default()));
        }
    }

    /// `Ana Lima (moderator); Jon Doe` as the API's `[{speaker_id, role}]`.
    fn speakers_value(&mut self, cell: &str) -> Result<Value, Fault> {
        let mut items = Vec::new();
        for part in cell.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, role) = match part.strip_suffix(')').and_then(|p| p.rsplit_once('(')) {
                Some((name, role)) => (name.trim(), role.trim()),
                None => (part, "speaker"),
            };
            if name.is_empty() {
                return Err(("speakers", Msg::new("field-speakers")));
            }
            let id = self.speakers.id_for(&self.ctx.speakers, name);
            self.frame.speaker_ids.insert(id);
            items.push(json!({"speaker_id": id.to_string(), "role": role}));
        }
        Ok(Value::Array(items))
    }
}

fn signup(text: &str) -> Option<&'static str> {
    match name_key(text).as_str() {
        "" | "non" | "no" | "false" | "0" => Some("false"),
        "oui" | "yes" | "true" | "1" => Some("true"),
        _ => None,
    }
}

fn signup_fault() -> Fault {
    ("signup", Msg::new("field-flag"))
}

/// The row's start and end as local wall-clock times (`2027-06-15T09:00`) the validator reads;
/// the end from the `end` column, or failing that from the start and `duration`.
fn times(cells: &Cells) -> Result<(String, String), Fault> {
    let text = |k: &str| cells.get(k).map(String::as_str).unwrap_or_default();
    let date = NaiveDate::parse_from_str(text("date"), "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text("date"), "%d/%m/%Y"))
        .map_err(|_| ("date", Msg::new("progimport-bad-date")))?;
    let clock = |k: &'static str| {
        NaiveTime::parse_from_str(text(k), "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(text(k), "%H:%M:%S"))
            .map_err(|_| (k, Msg::new("progimport-bad-time")))
    };
    let start = date.and_time(clock("start")?);
    let end = if text("end").is_empty() && cells.contains_key("duration") {
        let minutes = crate::domain::time::length_minutes(text("duration"))
            .ok_or(("duration", Msg::new("progimport_page-bad-duration")))?;
        start + chrono::Duration::minutes(minutes)
    } else {
        date.and_time(clock("end")?)
    };
    let at = |t: chrono::NaiveDateTime| t.format("%Y-%m-%dT%H:%M").to_string();
    Ok((at(start), at(end)))
}

/// A stored session as the form's input, so a row's cells can be laid over it.
fn as_input(d: &SessionDraft) -> Input {
    let speakers: Vec<Value> = d
        .speakers
        .iter()
        .map(|(id, role)| json!({"speaker_id": id.to_string(), "role": role.as_str()}))
        .collect();
    let opt = |v: Option<i64>| v.map(|i| i.to_string()).unwrap_or_default();
    let mut input = Input::from_pairs([
        ("title_fr", d.title_fr.clone()),
        ("title_en", d.title_en.clone()),
        ("description_fr", d.description_fr.clone()),
        ("description_en", d.description_en.clone()),
        ("kind", d.kind.as_str().to_string()),
        ("room_id", opt(d.room_id)),
        ("track_id", opt(d.track_id)),
        ("format", d.format.as_str().to_string()),
        ("capacity", opt(d.capacity)),
        ("requires_signup", d.requires_signup.to_string()),
        ("stream_url", d.stream_url.clone().unwrap_or_default()),
    ]);
    input
        .nested
        .insert("speakers".into(), Value::Array(speakers));
    input
}

/// The fields of an existing session that the row changes.
fn changes(e: &Existing, d: &SessionDraft, status: SessionStatus) -> Vec<&'static str> {
    let o = &e.draft;
    let mut same_speakers = o.speakers.clone();
    let mut new_speakers = d.speakers.clone();
    same_speakers.sort_by_key(|(id, _)| *id);
    new_speakers.sort_by_key(|(id, _)| *id);
    [
        ("title_fr", o.title_fr == d.title_fr),
        ("title_en", o.title_en == d.title_en),
        ("description_fr", o.description_fr == d.description_fr),
        ("description_en", o.description_en == d.description_en),
        ("kind", o.kind == d.kind),
        ("room", o.room_id == d.room_id),
        ("track", o.track_id == d.track_id),
        ("starts_at", o.starts_at == d.starts_at),
        ("ends_at", o.ends_at == d.ends_at),
        ("format", o.format == d.format),
        ("capacity", o.capacity == d.capacity),
        ("signup", o.requires_signup == d.requires_signup),
        ("speakers", same_speakers == new_speakers),
        ("status", e.status == status),
    ]
    .into_iter()
    .filter(|(_, same)| !same)
    .map(|(field, _)| field)
    .collect()
}
