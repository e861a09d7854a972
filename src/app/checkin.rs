//! Letting people in: a scanned badge code becomes a verdict, shared by the check-in API and
//! the door staff's scanner page; and the badge code of a registration.

use std::sync::Mutex;

use crate::auth::Staff;
use crate::domain::badge::{self, Claim, Verdict};
use crate::domain::rate::Windows;
use crate::domain::validate::{Checker, Input};
use crate::domain::{time, RegistrationStatus};
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::store::checkins::{self, First, NewCheckin, Recorded};
use crate::store::events::Event;
use crate::store::registrations::Registration;
use crate::store::{self, event_cache, Db};

/// Scans allowed per staff identity per second.
pub const SCANS_PER_SECOND: u32 = 20;

/// One scan, as the API or the scanner page sends it.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub code: String,
    pub gate: String,
    /// A session's door; `None`: the event's entrance.
    pub session_id: Option<i64>,
    /// Set by a device that may send the same scan twice (offline upload retries).
    pub nonce: Option<String>,
    pub scanned_at: Option<i64>,
    /// The event the scanner is set to, by its slug.
    pub event: Option<String>,
}

impl Scan {
    pub fn parse(input: &Input) -> Result<Scan> {
        Scan::read(input, true)
    }

    /// A scan whose `code` may be missing when `code_required` is false (a lost badge named
    /// by its registration instead; the code is then empty until looked up).
    pub fn read(input: &Input, code_required: bool) -> Result<Scan> {
        let mut c = Checker::default();
        // A code of any length is read (and judged `invalid`), never refused as input.
        let code = match input.get("code") {
            Some(code) => code.to_string(),
            None => {
                if code_required {
                    c.fail("code", Msg::new("field-required"));
                }
                String::new()
            }
        };
        let gate = c.optional(input, "gate", 60).unwrap_or_default();
        let nonce = c.optional(input, "nonce", 100);
        let event = c.optional(input, "event", 100);
        let session_id = input.get("session_id").and_then(|v| {
            let id = v.parse::<i64>().ok().filter(|n| *n > 0);
            if id.is_none() {
                c.fail("session_id", Msg::new("field-count"));
            }
            id
        });
        let scanned_at = input.get("scanned_at").and_then(|v| {
            let at = v.parse::<i64>().ok().or_else(|| {
                chrono::DateTime::parse_from_rfc3339(v)
                    .ok()
                    .map(|t| t.timestamp())
            });
            if at.is_none() {
                c.fail("scanned_at", Msg::new("field-datetime"));
            }
            at
        });
        c.finish()?;
        Ok(Scan {
            code,
            gate,
            session_id,
            nonce,
            scanned_at,
            event,
        })
    }
}

/// A verdict, with who the badge is for when the staff may see it.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub verdict: Verdict,
    pub attendee: Option<Attendee>,
    pub first: Option<First>,
    pub event: Option<Event>,
}

#[derive(Debug, Clone)]
pub struct Attendee {
    pub registration: Registration,
    pub ticket: String,
}

impl Outcome {
    fn bare(verdict: Verdict) -> Outcome {
        Outcome {
            verdict,
            attendee: None,
            first: None,
            event: None,
        }
    }
}

/// What a scan is before anything is read about its holder or written: an error when this
/// staff member may not scan there (unknown event, another event's token), a verdict for a
/// badge that is not one of this event's, or the badge's claim. Reads only what is cached, so
/// a batch can be screened whole before any of it is written.
pub async fn screen(
    db: &Db,
    staff: &Staff,
    scan: &Scan,
) -> Result<std::result::Result<badge::Claim, Verdict>> {
    let scanner_event = match &scan.event {
        Some(slug) => {
            let event = event_cache::find(db, slug).await?.ok_or(Error::NotFound)?;
            if !staff.may_access_event(event.id) {
                return Err(Error::Forbidden);
            }
            Some(event.id)
        }
        None => None,
    };
    let Some(signed) = badge::decode(&scan.code) else {
        return Ok(Err(Verdict::Invalid));
    };
    if !store::badges::signed_by_event(db, &scan.code, &signed).await? {
        return Ok(Err(Verdict::Invalid));
    }
    let claim = signed.claim;
    if scanner_event.is_some_and(|id| id != claim.event_id) {
        return Ok(Err(Verdict::WrongEvent));
    }
    if !staff.may_access_event(claim.event_id) {
        return Err(Error::Forbidden);
    }
    Ok(Ok(claim))
}

/// Judges a scan and, when the badge is good, records the check-in.
/// A staff member limited to one event asking about another gets 403.
///
/// The hot path of the doors: the signature is checked (with the event's public key, kept in
/// memory) before anything is read; the event comes from the short-lived event cache, the
/// registration and its ticket's name from one read; the write is one `INSERT`.
pub async fn check_in(db: &Db, staff: &Staff, scan: &Scan) -> Result<Outcome> {
    let claim = match screen(db, staff, scan).await? {
        Ok(claim) => claim,
        Err(verdict) => return Ok(Outcome::bare(verdict)),
    };
    let event = event_cache::by_id(db, claim.event_id).await?;
    let door = scan.session_id.unwrap_or(0);
    let (r, ticket, already) = match store::badges::holder(db, claim.registration_id, door).await? {
        Some(h) if h.registration.event_id == claim.event_id => (h.registration, h.ticket, h.first),
        // Erased since the badge was made.
        None => return Ok(Outcome::bare(Verdict::Revoked)),
        Some(_) => return Ok(Outcome::bare(Verdict::Invalid)),
    };
    let standing = standing(claim.badge_version, &r);
    // The door's rule is read only for a badge that could go in.
    let enters =
        standing == Standing::Current && may_enter(db, event.id, r.id, scan.session_id).await?;
    let (verdict, first) = match decide(standing, enters, already, scan.nonce.as_deref()) {
        Decision::Unknown => return Ok(Outcome::bare(Verdict::Invalid)),
        Decision::Answer(verdict, first) => (verdict, first),
        Decision::Record => match record(db, event.id, &r, scan).await? {
            Recorded::Already(at) => (Verdict::AlreadyCheckedIn, Some(at)),
            Recorded::Admitted(_) => (Verdict::Admitted, None),
        },
    };
    Ok(Outcome {
        verdict,
        attendee: Some(Attendee {
            registration: r,
            ticket,
        }),
        first,
        event: Some(Event::clone(&event)),
    })
}

/// A badge's version against its registration's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// Newer than the registration: not a badge Summit made for it.
    Newer,
    /// Re-issued since, or the registration no longer confirmed.
    Outdated,
    Current,
}

fn standing(badge_version: i64, r: &Registration) -> Standing {
    if badge_version > r.badge_version {
        Standing::Newer
    } else if badge_version < r.badge_version || r.status != RegistrationStatus::Confirmed {
        Standing::Outdated
    } else {
        Standing::Current
    }
}

/// What a scan comes to, decided from what was read.
#[derive(Debug, PartialEq)]
enum Decision<F> {
    /// Answered `invalid`, with nothing about anyone.
    Unknown,
    /// Answered at once (with the earlier check-in when they are in already).
    Answer(Verdict, Option<F>),
    /// Admitted: the check-in is to be written.
    Record,
}

/// The check-in decision: the badge's standing, whether the door lets its holder in, and
/// their check-in at this door, if any, with the nonce of the scan that made it.
fn decide<F>(
    standing: Standing,
    enters: bool,
    already: Option<(F, Option<String>)>,
    nonce: Option<&str>,
) -> Decision<F> {
    match (standing, already) {
        (Standing::Newer, _) => Decision::Unknown,
        (Standing::Outdated, _) => Decision::Answer(Verdict::Revoked, None),
        _ if !enters => Decision::Answer(Verdict::NotRegisteredForSession, None),
        // Already in at this door: nothing to write, unless this is the very scan that let
        // them in, sent again (same nonce), which keeps its answer.
        (_, Some((_, made_by))) if made_by.is_some() && made_by.as_deref() == nonce => {
            Decision::Answer(Verdict::Admitted, None)
        }
        (_, Some((at, _))) => Decision::Answer(Verdict::AlreadyCheckedIn, Some(at)),
        (_, None) => Decision::Record,
    }
}

/// Writes the check-in of an admitted scan (the database keeps one per badge per door).
async fn record(db: &Db, event_id: i64, r: &Registration, scan: &Scan) -> Result<Recorded> {
    let now = time::now();
    // A device clock far ahead is not believed.
    let scanned_at = scan.scanned_at.filter(|t| *t <= now + 300).unwrap_or(now);
    let new = NewCheckin {
        event_id,
        registration_id: r.id,
        session_id: scan.session_id,
        attendance: r.attendance.as_str(),
        gate: &scan.gate,
        nonce: scan.nonce.as_deref(),
        scanned_at,
    };
    Ok(checkins::record(db, &new).await?)
}

/// Whether the door lets this registration in: the entrance always; a session's door if the
/// session is open to all or the registration holds a seat in it.
async fn may_enter(
    db: &Db,
    event_id: i64,
    registration_id: i64,
    door: Option<i64>,
) -> Result<bool> {
    let Some(session_id) = door else {
        return Ok(true);
    };
    match store::sessions::get(db, event_id, session_id).await {
        Ok(s) if !s.requires_signup.0 => Ok(true),
        Ok(_) => Ok(checkins::has_seat(db, registration_id, session_id).await?),
        Err(_) => Ok(false),
    }
}

/// The badge code of a registration (its QR code's text), signed with the event's key.
pub async fn code_for(db: &Db, r: &Registration) -> Result<String> {
    let key = store::badges::keys(db, r.event_id).await?;
    let claim = Claim {
        event_id: r.event_id,
        registration_id: r.id,
        badge_version: r.badge_version,
    };
    badge::encode(&claim, &key).ok_or_else(|| Error::Internal("badge of negative ids".into()))
}

/// How many scans each staff identity may send (per app instance).
pub struct ScanLimit(Mutex<Windows>);

impl Default for ScanLimit {
    fn default() -> Self {
        ScanLimit(Mutex::new(Windows::new(SCANS_PER_SECOND, 1000)))
    }
}

impl ScanLimit {
    /// Counts a scan by this staff member; 429 when they go over the limit.
    pub fn check(&self, staff: &Staff) -> Result<()> {
        let now_ms = u64::try_from(chrono::Utc::now().timestamp_millis()).unwrap_or_default();
        let allowed = self
            .0
            .lock()
            .map(|mut w| w.allow(&staff.key, now_ms))
            .unwrap_or(true);
        if allowed {
            Ok(())
        } else {
            Err(Error::TooManyRequests(1))
        }
    }
}

/// The verdict in words for the scanner page: a headline and what to do.
pub fn verdict_text(v: Verdict, lang: Lang) -> (String, String) {
    let (title, help) = match v {
        Verdict::Admitted => (
            Msg::new("verdict-admitted"),
            Msg::new("verdict-admitted-help"),
        ),
        Verdict::AlreadyCheckedIn => (
            Msg::new("verdict-already"),
            Msg::new("verdict-already-help"),
        ),
        Verdict::Revoked => (
            Msg::new("verdict-revoked"),
            Msg::new("verdict-revoked-help"),
        ),
        Verdict::NotRegisteredForSession => (
            Msg::new("verdict-no-seat"),
            Msg::new("verdict-no-seat-help"),
        ),
        Verdict::WrongEvent => (
            Msg::new("verdict-wrong-event"),
            Msg::new("verdict-wrong-event-help"),
        ),
        Verdict::Invalid => (
            Msg::new("verdict-invalid"),
            Msg::new("verdict-invalid-help"),
        ),
    };
    (title.render(lang), help.render(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nonce(n: &str) -> Option<String> {
        Some(n.to_string())
    }

    #[test]
    fn a_current_badge_goes_in_once_per_door_and_its_own_retry_keeps_its_answer() {
        use Decision::*;
        let current = Standing::Current;
        assert_eq!(decide::<i64>(current, true, None, None), Record);
        assert_eq!(
            decide(current, true, Some((10, None)), None),
            Answer(Verdict::AlreadyCheckedIn, Some(10))
        );
        assert_eq!(
            decide(current, true, Some((10, nonce("a"))), Some("a")),
            Answer(Verdict::Admitted, None)
        );
        assert_eq!(
            decide(current, true, Some((10, nonce("a"))), Some("b")),
            Answer(Verdict::AlreadyCheckedIn, Some(10))
        );
        assert_eq!(
            decide(current, false, Some((10, None)), None),
            Answer(Verdict::NotRegisteredForSession, None)
        );
    }

    #[test]
    fn an_outdated_badge_is_revoked_and_a_newer_one_unknown_whatever_the_door() {
        for enters in [true, false] {
            assert_eq!(
                decide(Standing::Outdated, enters, Some((10, None)), None),
                Decision::Answer(Verdict::Revoked, None)
            );
            assert_eq!(
                decide::<i64>(Standing::Newer, enters, None, None),
                Decision::Unknown
            );
        }
    }
}
