//! What a registration may be: the fields people send, checked against what the event
//! offers (its format, ticket types and sessions), and when registration is open.

use chrono_tz::Tz;

use super::lang::Lang;
use super::problem::{FieldErrors, Msg, Problem, Result};
use super::validate::{Checker, Input};
use super::{secret, time, Attendance, EventStatus, Format};

/// A ticket type as the registration rules see it.
#[derive(Debug, Clone)]
pub struct TicketOffer {
    pub id: i64,
    pub price_cents: i64,
    pub attendance: Option<Attendance>,
    pub sales_start: Option<i64>,
    pub sales_end: Option<i64>,
}

/// A session people may add to their registration.
#[derive(Debug, Clone)]
pub struct SessionOffer {
    pub id: i64,
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub format: Format,
    pub cancelled: bool,
}

/// What an event offers at the moment of registering.
#[derive(Debug, Clone)]
pub struct Offer {
    pub format: Format,
    pub tz: Tz,
    pub tickets: Vec<TicketOffer>,
    pub sessions: Vec<SessionOffer>,
    pub now: i64,
}

#[derive(Debug, Clone)]
pub struct RegistrationDraft {
    pub name: String,
    pub email: String,
    pub email_normalized: String,
    pub organisation: String,
    pub role_title: String,
    pub attendance: Attendance,
    pub language: Lang,
    pub ticket_id: Option<i64>,
    pub sessions: Vec<i64>,
    pub accessibility_needs: String,
    pub consent: bool,
}

/// Whether an event takes registrations now (a draft never reaches here: it is not found).
pub fn check_window(
    status: EventStatus,
    opens_at: Option<i64>,
    closes_at: Option<i64>,
    ends_at: i64,
    tz: Tz,
    now: i64,
    lang: Lang,
) -> Result<()> {
    let refuse = |message: Msg| Problem::Conflict {
        message,
        fields: FieldErrors::new(),
    };
    if status == EventStatus::Cancelled {
        return Err(refuse(Msg::new("register-event-cancelled")));
    }
    if let Some(opens) = opens_at.filter(|o| now < *o) {
        let when = format!(
            "{} {}",
            time::long_date(opens, tz, lang),
            time::clock(opens, tz)
        );
        return Err(refuse(Msg::new("register-not-open").arg("when", when)));
    }
    if now >= closes_at.unwrap_or(ends_at) {
        return Err(refuse(Msg::new("register-closed")));
    }
    Ok(())
}

/// Session ids from a JSON `sessions` array or from form checkboxes named `session_ID`.
pub fn chosen_sessions(input: &Input, c: &mut Checker) -> Vec<i64> {
    let mut ids = Vec::new();
    if let Some(list) = input.nested.get("sessions") {
        let Some(items) = list.as_array() else {
            c.fail("sessions", Msg::new("register-sessions-list"));
            return ids;
        };
        for item in items {
            match item
                .as_i64()
                .or_else(|| item.as_str().and_then(|s| s.parse().ok()))
            {
                Some(id) => ids.push(id),
                None => c.fail("sessions", Msg::new("register-sessions-list")),
            }
        }
    } else if let Some(text) = input.get("sessions") {
        // A single id or a comma-separated list, as a CSV import or a query may give.
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.parse() {
                Ok(id) => ids.push(id),
                Err(_) => c.fail("sessions", Msg::new("register-sessions-list")),
            }
        }
    }
    for (key, value) in &input.values {
        if let Some(id) = key.strip_prefix("session_").and_then(|n| n.parse().ok()) {
            if matches!(value.as_str(), "on" | "true" | "1") {
                ids.push(id);
            }
        }
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Checks a registration against the offer: one message per bad field, nothing saved.
pub fn validate(input: &Input, offer: &Offer, default_lang: Lang) -> Result<RegistrationDraft> {
    let mut c = Checker::default();
    let name = c.required(input, "name", 120);
    let email = c.required(input, "email", 254);
    if c.ok("email") && !secret::is_email(&email) {
        c.fail("email", Msg::new("field-email"));
    }
    let organisation = c.optional(input, "organisation", 160).unwrap_or_default();
    let role_title = c.optional(input, "role", 120).unwrap_or_default();
    let accessibility_needs = c
        .optional(input, "accessibility_needs", 2000)
        .unwrap_or_default();
    let consent = c.flag(input, "consent");
    let language = match input.get("language") {
        None => default_lang,
        Some(code) => Lang::parse(code).unwrap_or_else(|| {
            c.fail("language", Msg::new("field-choice"));
            default_lang
        }),
    };
    let attendance = attendance_for(input, offer.format, &mut c);
    let ticket_id = ticket_for(input, offer, attendance, &mut c);
    let sessions = chosen_sessions(input, &mut c);
    if c.ok("sessions") {
        check_sessions(&sessions, offer, attendance, &mut c);
    }
    c.finish()?;
    Ok(RegistrationDraft {
        email_normalized: secret::normalize_email(&email),
        name,
        email: email.trim().to_string(),
        organisation,
        role_title,
        attendance: attendance.unwrap_or(Attendance::InPerson),
        language,
        ticket_id,
        sessions,
        accessibility_needs,
        consent,
    })
}

/// The attendance mode: fixed by an in-person or virtual event, chosen for a hybrid one.
fn attendance_for(input: &Input, format: Format, c: &mut Checker) -> Option<Attendance> {
    let fixed = match format {
        Format::InPerson => Some(Attendance::InPerson),
        Format::Virtual => Some(Attendance::Online),
        Format::Hybrid => None,
    };
    match (c.choice(input, "attendance", Attendance::parse), fixed) {
        (None, None) if c.ok("attendance") => {
            c.fail("attendance", Msg::new("field-required"));
            None
        }
        (Some(chosen), Some(only)) if chosen != only => {
            c.fail("attendance", Msg::new("register-attendance-format"));
            None
        }
        (chosen, fixed) => chosen.or(fixed),
    }
}

fn ticket_for(
    input: &Input,
    offer: &Offer,
    attendance: Option<Attendance>,
    c: &mut Checker,
) -> Option<i64> {
    let fits = |t: &TicketOffer| t.attendance.is_none() || t.attendance == attendance;
    let Some(text) = input.get("ticket") else {
        // With one ticket type that fits, choosing it is implied.
        let fitting: Vec<_> = offer.tickets.iter().filter(|t| fits(t)).collect();
        return match fitting.as_slice() {
            [] if offer.tickets.is_empty() => None,
            [only] => Some(only.id),
            _ => {
                c.fail("ticket", Msg::new("field-required"));
                None
            }
        };
    };
    let Some(ticket) = text
        .parse::<i64>()
        .ok()
        .and_then(|id| offer.tickets.iter().find(|t| t.id == id))
    else {
        c.fail("ticket", Msg::new("register-ticket-unknown"));
        return None;
    };
    if !fits(ticket) {
        c.fail("ticket", Msg::new("register-ticket-attendance"));
    } else if ticket.sales_start.is_some_and(|s| offer.now < s)
        || ticket.sales_end.is_some_and(|e| offer.now >= e)
    {
        c.fail("ticket", Msg::new("register-ticket-not-on-sale"));
    }
    Some(ticket.id)
}

fn check_sessions(ids: &[i64], offer: &Offer, attendance: Option<Attendance>, c: &mut Checker) {
    let mut chosen: Vec<&SessionOffer> = Vec::with_capacity(ids.len());
    for id in ids {
        match offer.sessions.iter().find(|s| s.id == *id) {
            None => {
                c.fail("sessions", Msg::new("register-session-unknown"));
                return;
            }
            Some(s) if s.cancelled => {
                let msg = Msg::new("register-session-cancelled").arg("title", &s.title);
                c.fail("sessions", msg);
                return;
            }
            Some(s) if s.format == Format::InPerson && attendance == Some(Attendance::Online) => {
                let msg = Msg::new("register-session-in-person").arg("title", &s.title);
                c.fail("sessions", msg);
                return;
            }
            Some(s) => chosen.push(s),
        }
    }
    for (i, a) in chosen.iter().enumerate() {
        if let Some(b) = chosen[i + 1..]
            .iter()
            .find(|b| a.starts_at < b.ends_at && b.starts_at < a.ends_at)
        {
            let msg = Msg::new("register-sessions-overlap")
                .arg("first", &a.title)
                .arg("second", &b.title)
                .arg("time", time::clock(a.starts_at.max(b.starts_at), offer.tz));
            c.fail("sessions", msg);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn offer(format: Format) -> Offer {
        let session = |id, starts_at, ends_at, format| SessionOffer {
            id,
            title: format!("S{id}"),
            starts_at,
            ends_at,
            format,
            cancelled: false,
        };
        Offer {
            format,
            tz: chrono_tz::Europe::Paris,
            tickets: vec![],
            sessions: vec![
                session(1, 1000, 2000, Format::InPerson),
                session(2, 1500, 2500, Format::Hybrid),
                session(3, 2000, 3000, Format::Virtual),
            ],
            now: 0,
        }
    }

    fn input(v: serde_json::Value) -> Input {
        Input::from_json(&v).unwrap()
    }

    fn fields(r: Result<RegistrationDraft>) -> Vec<String> {
        match r {
            Err(Problem::Unprocessable { fields }) => fields.into_keys().collect(),
            other => panic!("expected 422, got {other:?}"),
        }
    }

    #[test]
    fn a_good_registration_is_normalised() {
        let body = json!({"name": " Ana ", "email": "Ana@Example.ORG ", "sessions": [3, 1]});
        let d = validate(&input(body), &offer(Format::InPerson), Lang::En).unwrap();
        assert_eq!(d.name, "Ana");
        assert_eq!(d.email_normalized, "ana@example.org");
        assert_eq!(d.attendance, Attendance::InPerson);
        assert_eq!(d.language, Lang::En);
        assert_eq!(d.sessions, [1, 3]);
    }

    #[test]
    fn bad_fields_are_named() {
        let body = json!({"email": "nope", "attendance": "online", "language": "de"});
        let got = fields(validate(&input(body), &offer(Format::InPerson), Lang::Fr));
        assert_eq!(got, ["attendance", "email", "language", "name"]);
    }

    #[test]
    fn hybrid_events_need_a_mode_and_online_people_skip_in_person_sessions() {
        let body = json!({"name": "A", "email": "a@b.org"});
        assert_eq!(
            fields(validate(&input(body), &offer(Format::Hybrid), Lang::Fr)),
            ["attendance"]
        );
        let body =
            json!({"name": "A", "email": "a@b.org", "attendance": "online", "sessions": [1]});
        assert_eq!(
            fields(validate(&input(body), &offer(Format::Hybrid), Lang::Fr)),
            ["sessions"]
        );
    }

    #[test]
    fn overlapping_unknown_and_cancelled_sessions_are_refused() {
        let mut o = offer(Format::Hybrid);
        for sessions in [json!([1, 2]), json!([99]), json!("x")] {
            let body = json!({"name": "A", "email": "a@b.org", "attendance": "in_person", "sessions": sessions});
            assert_eq!(fields(validate(&input(body), &o, Lang::Fr)), ["sessions"]);
        }
        o.sessions[2].cancelled = true;
        let body =
            json!({"name": "A", "email": "a@b.org", "attendance": "in_person", "sessions": [3]});
        assert_eq!(fields(validate(&input(body), &o, Lang::Fr)), ["sessions"]);
        // Back to back is not an overlap.
        let body =
            json!({"name": "A", "email": "a@b.org", "attendance": "in_person", "session_1": "on"});
        assert!(validate(&input(body), &offer(Format::Hybrid), Lang::Fr).is_ok());
    }

    #[test]
    fn tickets_must_exist_fit_the_mode_and_be_on_sale() {
        let mut o = offer(Format::Hybrid);
        let ticket = |id, attendance, sales_end| TicketOffer {
            id,
            price_cents: 0,
            attendance,
            sales_start: None,
            sales_end,
        };
        o.tickets = vec![
            ticket(7, Some(Attendance::Online), None),
            ticket(8, Some(Attendance::InPerson), Some(-1)),
        ];
        let base = |t: serde_json::Value| json!({"name": "A", "email": "a@b.org", "attendance": "online", "ticket": t});
        assert_eq!(
            validate(&input(base(json!(null))), &o, Lang::Fr)
                .unwrap()
                .ticket_id,
            Some(7)
        );
        for bad in [json!(99), json!(8)] {
            assert_eq!(
                fields(validate(&input(base(bad)), &o, Lang::Fr)),
                ["ticket"]
            );
        }
        let late = json!({"name": "A", "email": "a@b.org", "attendance": "in_person", "ticket": 8});
        assert_eq!(fields(validate(&input(late), &o, Lang::Fr)), ["ticket"]);
    }

    #[test]
    fn registration_window() {
        let tz = chrono_tz::Europe::Paris;
        let open = |status, opens, closes, now| {
            check_window(status, opens, closes, 1000, tz, now, Lang::En).is_ok()
        };
        assert!(open(EventStatus::Published, None, None, 10));
        assert!(!open(EventStatus::Published, Some(20), None, 10));
        assert!(!open(EventStatus::Published, None, Some(5), 10));
        assert!(!open(EventStatus::Published, None, None, 1000));
        assert!(!open(EventStatus::Cancelled, None, None, 10));
    }
}
