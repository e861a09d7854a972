//! Door scanning without the network. A scanner downloads the event's kit (public key, valid
//! and revoked badges, workshop seats, who is in) and decides alone while offline; later it
//! uploads what it decided. The upload is idempotent by each scan's nonce, and a badge that
//! two offline scanners both let in at one door is recorded as a conflict for the organisers.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::app::checkin::{self, Scan};
use crate::auth::Staff;
use crate::domain::badge::{self, Verdict};
use crate::domain::time;
use crate::domain::validate::{Checker, Input};
use crate::error::{Error, Msg, Result};
use crate::store::conflicts::{self, NewConflict};
use crate::store::events::Event;
use crate::store::{self, event_cache, scan_kit, Db};

/// Most scans one upload may carry; a scanner with more sends several.
pub const MAX_UPLOAD: usize = 500;

/// Registrations younger than this may still be committing when the kit is read, so the kit
/// does not vouch for their absence (see [`kit`]'s `known_up_to`).
const SETTLING_SECS: i64 = 60;

/// Everything a scanner needs to judge this event's badges alone. `known_up_to`: a badge of a
/// registration id up to it that is in neither list was erased; above it, it is newer than
/// the kit (the scanner lets it in on its signature and the upload settles it).
pub async fn kit(db: &Db, event: &Event) -> Result<Value> {
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
    let tz = event.tz();
    Ok(json!({
        "event": {"id": event.id, "slug": event.slug,
                  "title_fr": event.title_fr, "title_en": event.title_en},
        "public_key": badge::public_text(&key),
        "generated_at": time::to_rfc3339(now, tz),
        "known_up_to": known_up_to,
        "badges": valid.iter().map(|b| json!({
            "id": b.id, "version": b.badge_version, "name": b.name,
            "organisation": b.organisation, "ticket": b.ticket.clone().unwrap_or_default(),
            "attendance": b.attendance, "badge_role": b.badge_role,
            "sessions": seats_of.get(&b.id).cloned().unwrap_or_default(),
        })).collect::<Vec<_>>(),
        "revoked": revoked,
        "sessions": sessions.iter().map(|s| json!({"id": s.id,
            "requires_signup": s.requires_signup.0})).collect::<Vec<_>>(),
        "checked_in": inside.iter().map(|(id, scope, gate, at)| json!({"id": id,
            "scope": scope, "gate": gate, "at": time::to_rfc3339(*at, tz)}))
            .collect::<Vec<_>>(),
    }))
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
pub async fn upload(db: &Db, staff: &Staff, scans: &[OfflineScan]) -> Result<Vec<Value>> {
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
        let mut body = outcome.to_json();
        body["nonce"] = json!(one.nonce);
        body["conflict"] = json!(conflict);
        results.push(body);
    }
    Ok(results)
}
