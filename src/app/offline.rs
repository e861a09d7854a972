//! Door scanning without the network. A scanner downloads the event's kit (public key, valid
//! and revoked badges, workshop seats, who is in) and decides alone while offline; later it
//! uploads what it decided. The upload is idempotent by each scan's nonce, and a badge that
//! two offline scanners both let in at one door is recorded as a conflict for the organisers.

use std::collections::HashMap;

use serde_json::Value;

use crate::app::checkin::{self, Outcome, Scan};
use crate::auth::Staff;
use crate::domain::badge::{self, Verdict};
use crate::domain::time;
use crate::domain::validate::{Checker, Input};
use crate::error::{Error, Msg, Result};
use crate::store::conflicts::{self, NewConflict};
use crate::store::events::Event;
use crate::store::scan_kit::KitBadge;
use crate::store::{self, event_cache, scan_kit, Db};

/// Most scans one upload may carry; a scanner with more sends several.
pub const MAX_UPLOAD: usize = 500;

/// Registrations younger than this may still be committing when the kit is read, so the kit
/// does not vouch for their absence (see [`kit`]'s `known_up_to`).
const SETTLING_SECS: i64 = 60;

/// Everything a scanner needs to judge this event's badges alone. `known_up_to`: a badge of a
/// registration id up to it that is in neither list was erased; above it, it is newer than
/// the kit (the scanner lets it in on its signature and the upload settles it).
pub async fn kit(db: &Db, event: &Event) -> Result<ScanKit> {
    let key = store::badges::keys(db, event.id).await?;
    let now = time::now();
    let (valid, revoked, known_up_to, seats, inside, sessions) = tokio::try_join!(
        scan_kit::valid_badges(db, event.id),
        scan_kit::revoked(db, event.id),
        scan_kit::registrations_before(db, now - SETTLING_SECS),
        scan_kit::seats(db, event.id),
        scan_kit::checked_in(db, event.id),
        store::sessions::list(db, event.id),
    )?;
    let mut seats_of: HashMap<i64, Vec<i64>> = HashMap::new();
    for (registration, session) in seats {
        seats_of.entry(registration).or_default().push(session);
    }
    Ok(ScanKit {
        event: event.clone(),
        public_key: badge::public_text(&key),
        generated_at: now,
        known_up_to,
        badges: valid
            .into_iter()
            .map(|badge| KitHolder {
                sessions: seats_of.remove(&badge.id).unwrap_or_default(),
                badge,
            })
            .collect(),
        revoked,
        sessions: sessions
            .iter()
            .map(|s| KitSession {
                id: s.id,
                requires_signup: s.requires_signup.0,
            })
            .collect(),
        checked_in: inside
            .into_iter()
            .map(|(registration_id, scope, gate, at)| Inside {
                registration_id,
                scope,
                gate,
                at,
            })
            .collect(),
    })
}

/// What [`kit`] gives a scanner (times are UTC seconds; the event's time zone is `event.tz()`).
#[derive(Debug, Clone)]
pub struct ScanKit {
    pub event: Event,
    pub public_key: String,
    pub generated_at: i64,
    pub known_up_to: i64,
    pub badges: Vec<KitHolder>,
    pub revoked: Vec<i64>,
    pub sessions: Vec<KitSession>,
    pub checked_in: Vec<Inside>,
}

/// A valid badge and the sessions its holder has a seat in.
#[derive(Debug, Clone)]
pub struct KitHolder {
    pub badge: KitBadge,
    pub sessions: Vec<i64>,
}

#[derive(Debug, Clone)]
pub struct KitSession {
    pub id: i64,
    pub requires_signup: bool,
}

/// Someone already in at a door (`scope` 0: the entrance, else the session id).
#[derive(Debug, Clone)]
pub struct Inside {
    pub registration_id: i64,
    pub scope: i64,
    pub gate: String,
    pub at: i64,
}

/// The server's verdict on one uploaded scan, and whether it was a conflict.
#[derive(Debug, Clone)]
pub struct Settled {
    pub outcome: Outcome,
    pub nonce: String,
    pub conflict: bool,
}

/// One scan a scanner decided while offline.
#[derive(Debug, Clone)]
pub struct OfflineScan {
    pub scan: Scan,
    pub nonce: String,
    /// Whether the scanner let the person in (so a later "already" is a conflict).
    pub admitted: bool,
    /// A lost badge: the registration staff found by name (then `scan.code` is empty).
    pub registration: Option<i64>,
}

/// Reads an upload `{"scans": [{code | registration_id, nonce, gate?, session_id?,
/// scanned_at?, event?, admitted?}]}`; any bad scan refuses the whole upload with the scan's
/// index in the field.
pub fn parse_upload(input: &Input) -> Result<Vec<OfflineScan>> {
    let Some(Value::Array(items)) = input.nested.get("scans") else {
        return Err(Error::field("scans", Msg::new("field-required")));
    };
    if items.len() > MAX_UPLOAD {
        return Err(Error::field("scans", Msg::new("error-upload-too-many")));
    }
    let mut c = Checker::default();
    let mut scans = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Ok(one) = Input::from_json(item) else {
            c.fail(&format!("scans[{i}]"), Msg::new("error-json-object"));
            continue;
        };
        let mut own = Checker::default();
        let admitted = own.flag(&one, "admitted");
        if one.get("nonce").is_none_or(|n| n.trim().is_empty()) {
            own.fail("nonce", Msg::new("field-required"));
        }
        let registration = lost_badge(&one, &mut own);
        match (Scan::read(&one, registration.is_none()), own.finish()) {
            (Ok(scan), Ok(())) => scans.push(OfflineScan {
                nonce: scan.nonce.clone().unwrap_or_default(),
                scan,
                admitted,
                registration,
            }),
            (scan, own) => {
                for err in [scan.err(), own.err().map(Error::from)]
                    .into_iter()
                    .flatten()
                {
                    if let Error::Unprocessable { fields } = err {
                        for (field, msg) in fields {
                            c.fail(&format!("scans[{i}].{field}"), msg);
                        }
                    }
                }
            }
        }
    }
    c.finish()?;
    Ok(scans)
}

/// `registration_id` of a lost badge, which needs the scanner's `event` and no `code`.
fn lost_badge(one: &Input, c: &mut Checker) -> Option<i64> {
    let text = one.get("registration_id")?;
    let Some(id) = text.parse::<i64>().ok().filter(|id| *id > 0) else {
        c.fail("registration_id", Msg::new("field-count"));
        return None;
    };
    if !one.has("event") {
        c.fail("event", Msg::new("field-required"));
    }
    if one.has("code") {
        c.fail("code", Msg::new("error-code-or-registration"));
    }
    Some(id)
}

/// The badge code a lost badge stands for: that of the registration staff found by name in
/// the scanner's event (an unknown one gets a code no badge has, judged `invalid`).
async fn code_of_lost(db: &Db, staff: &Staff, slug: &str, id: i64) -> Result<String> {
    let event = event_cache::find(db, slug).await?.ok_or(Error::NotFound)?;
    if !staff.may_access_event(event.id) {
        return Err(Error::Forbidden);
    }
    match store::roster::get(db, event.id, id).await {
        Ok(r) => checkin::code_for(db, &r).await,
        Err(store::error::Error::NotFound) => Ok(String::new()),
        Err(e) => Err(e.into()),
    }
}

/// Checks each uploaded scan in as if it had just arrived, in the order sent; answers the
/// server's verdict for each, and whether it was a conflict. Every scan is screened first
/// (unknown event, another event's badge for a scoped token): one that may not be checked in
/// here refuses the whole upload before anything is written, never half of it.
pub async fn upload(db: &Db, staff: &Staff, scans: &[OfflineScan]) -> Result<Vec<Settled>> {
    let mut screened = Vec::with_capacity(scans.len());
    for one in scans {
        let mut scan = one.scan.clone();
        if let (Some(id), Some(slug)) = (one.registration, &scan.event) {
            scan.code = code_of_lost(db, staff, slug, id).await?;
        }
        let _verdict_later = checkin::screen(db, staff, &scan).await?;
        screened.push(scan);
    }
    let mut results = Vec::with_capacity(scans.len());
    for (one, scan) in scans.iter().zip(&screened) {
        let outcome = checkin::check_in(db, staff, scan).await?;
        let mut conflict = false;
        if let (true, Verdict::AlreadyCheckedIn, Some(first), Some(a)) = (
            one.admitted,
            outcome.verdict,
            &outcome.first,
            &outcome.attendee,
        ) {
            let r = &a.registration;
            conflicts::record(
                db,
                &NewConflict {
                    event_id: r.event_id,
                    registration_id: r.id,
                    scope: one.scan.session_id.unwrap_or(0),
                    gate: &one.scan.gate,
                    scanned_at: one.scan.scanned_at.unwrap_or_else(time::now),
                    first_gate: &first.gate,
                    first_scanned_at: first.scanned_at,
                    nonce: &one.nonce,
                },
            )
            .await?;
            conflict = true;
        }
        results.push(Settled {
            outcome,
            nonce: one.nonce.clone(),
            conflict,
        });
    }
    Ok(results)
}
