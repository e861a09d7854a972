//! Certificates of attendance: what an attendee may be given (`domain::attendance` decides
//! what counts), issuing it once, and verifying a code; the organisers' side is
//! `certificate_admin`. Codes are signed with the event's badge key (`domain::certificate`
//! and ARCHITECTURE.md say why one key serves both).

use crate::app::agenda::Agenda;
use crate::app::{Db, Event, Registration};
use crate::domain::attendance::{credits, Credit, Record, Share, Slot};
use crate::domain::certificate::{self, Attended, Settings, Statement, Unavailable};
use crate::domain::{time, Format, RegistrationStatus, SessionKind, SessionStatus};
use crate::error::{Error, Result};
use crate::store;
pub use crate::store::certificates::Certificate;

/// What counts at an event: its settings and the sessions that count.
pub struct Frame {
    pub agenda: Agenda,
    pub settings: Settings,
    pub slots: Vec<Slot>,
    /// When the last counting session ends: certificates are given from then.
    pub available_from: i64,
    /// How long before a session its join link opens (seconds).
    pub opens_before: i64,
    /// The ids of the sessions the organisers left counting (breaks included: the slots
    /// leave them out).
    pub counting: Vec<i64>,
}

/// Stands for the event itself when no session counts (a one-session online workshop).
pub const WHOLE_EVENT: i64 = 0;

impl Frame {
    pub async fn load(db: &Db, event: Event, opens_minutes: i64) -> Result<Frame> {
        let settings = store::certificates::settings(db, event.id).await?;
        let counting = store::certificates::counting(db, event.id).await?;
        let agenda = Agenda::load(db, event).await?;
        let mut slots: Vec<Slot> = agenda
            .sessions
            .iter()
            .filter(|s| s.status == SessionStatus::Scheduled && s.kind != SessionKind::Break)
            .filter(|s| counting.contains(&s.id))
            .map(|s| Slot {
                id: s.id,
                starts_at: s.starts_at,
                ends_at: s.ends_at,
                requires_signup: s.requires_signup.0,
                in_room: s.format != Format::Virtual,
                online: s.format != Format::InPerson,
                own_stream: s.stream_url.is_some(),
            })
            .collect();
        if slots.is_empty() {
            let e = &agenda.event;
            slots.push(Slot {
                id: WHOLE_EVENT,
                starts_at: e.starts_at,
                ends_at: e.ends_at,
                requires_signup: false,
                in_room: e.format != Format::Virtual,
                online: e.format != Format::InPerson,
                own_stream: false,
            });
        }
        let available_from = slots.iter().map(|s| s.ends_at).max().unwrap_or_default();
        Ok(Frame {
            agenda,
            settings,
            slots,
            available_from,
            opens_before: opens_minutes * 60,
            counting,
        })
    }

    /// What `records` are worth here.
    pub fn assess(&self, records: &[Record]) -> (Vec<Credit>, Share) {
        let got = credits(
            &self.slots,
            records,
            self.opens_before,
            self.agenda.event.tz(),
        );
        let share = Share::of(&self.slots, &got);
        (got, share)
    }

    /// Why nobody may have a certificate now: none issued, or the programme not over.
    pub(crate) fn closed(&self, now: i64) -> Option<Unavailable> {
        if !self.settings.enabled {
            Some(Unavailable::NotOffered)
        } else if now < self.available_from {
            Some(Unavailable::NotYet {
                from: self.available_from,
            })
        } else {
            None
        }
    }

    /// Why `r` may not have a certificate now, if it may not (before any certificate is read).
    pub(crate) fn refusal(&self, r: &Registration, now: i64) -> Option<Unavailable> {
        match self.closed(now) {
            None if r.status != RegistrationStatus::Confirmed => Some(Unavailable::NotAttending),
            closed => closed,
        }
    }

    fn statement(&self, r: &Registration, got: &[Credit], share: Share, id: i64) -> Statement {
        let e = &self.agenda.event;
        let sessions = got
            .iter()
            .map(|c| {
                let (title_fr, title_en) = match self.agenda.session(c.session_id) {
                    Some(s) => (s.title_fr.clone(), s.title_en.clone()),
                    None => (e.title_fr.clone(), e.title_en.clone()),
                };
                let slot = self.slots.iter().find(|s| s.id == c.session_id);
                Attended {
                    session_id: c.session_id,
                    title_fr,
                    title_en,
                    starts_at: slot.map_or(c.from, |s| s.starts_at),
                    ends_at: slot.map_or(c.to, |s| s.ends_at),
                    minutes: c.minutes(),
                    proof: c.proof,
                }
            })
            .collect();
        Statement {
            event_slug: e.slug.clone(),
            certificate_id: id,
            name: r.name.clone(),
            minutes: share.attended / 60,
            programme_minutes: share.programme / 60,
            issued: time::day(time::now(), e.tz()),
            sessions,
        }
    }

    /// Issues `r`'s certificate if what was recorded reaches the minimum.
    pub(crate) async fn issue(
        &self,
        db: &Db,
        r: &Registration,
        records: &[Record],
        replacing: bool,
    ) -> Result<std::result::Result<Certificate, Unavailable>> {
        let (got, share) = self.assess(records);
        if got.is_empty() {
            return Ok(Err(Unavailable::NothingRecorded));
        }
        if !share.meets(self.settings.min_percent) {
            return Ok(Err(Unavailable::BelowMinimum {
                percent: share.percent(),
                min: self.settings.min_percent,
            }));
        }
        let event_id = self.agenda.event.id;
        let issued = store::certificates::issue(db, event_id, r.id, replacing, |id| {
            self.statement(r, &got, share, id)
        })
        .await?;
        Ok(Ok(issued))
    }
}

/// An attendee's certificate, or why there is none.
pub struct Mine {
    pub frame: Frame,
    pub registration: Registration,
    pub answer: std::result::Result<Issued, Unavailable>,
}

/// A certificate in force, with its verification code.
pub struct Issued {
    pub certificate: Certificate,
    pub code: String,
}

async fn with_code(db: &Db, certificate: Certificate) -> Result<Issued> {
    let key = store::badges::keys(db, certificate.event_id).await?;
    let claim = certificate.statement.claim(certificate.event_id);
    let code = certificate::encode(&claim, &key)
        .ok_or_else(|| Error::Internal("a certificate of negative numbers".into()))?;
    Ok(Issued { certificate, code })
}

/// The certificate of the registration behind `token`: the one in force, or one issued now
/// if the event has ended and what was recorded reaches the minimum.
pub async fn mine(db: &Db, token: &str, opens_minutes: i64) -> Result<Mine> {
    let r = store::registrations::by_token(db, token).await?;
    let event = store::events::by_id(db, r.event_id).await?;
    let frame = Frame::load(db, event, opens_minutes).await?;
    let answer = answer(db, &frame, &r).await?;
    Ok(Mine {
        frame,
        registration: r,
        answer,
    })
}

async fn answer(
    db: &Db,
    frame: &Frame,
    r: &Registration,
) -> Result<std::result::Result<Issued, Unavailable>> {
    if let Some(why) = frame.refusal(r, time::now()) {
        return Ok(Err(why));
    }
    let certificate = match store::certificates::latest(db, r.id).await? {
        Some(c) if c.withdrawn_at.is_some() => return Ok(Err(Unavailable::Withdrawn)),
        Some(c) => c,
        None => {
            let records = store::certificates::records_of(db, r.event_id, r.id).await?;
            match frame.issue(db, r, &records, false).await? {
                Ok(c) => c,
                Err(why) => return Ok(Err(why)),
            }
        }
    };
    Ok(Ok(with_code(db, certificate).await?))
}

/// What a verification code is found to be.
pub enum Verification {
    Valid(Box<Verified>),
    /// Signed by the event, withdrawn by its organisers (or replaced by a newer one).
    Withdrawn(Box<Verified>),
    /// Signed by the event, but no longer held (the person had their data erased).
    NoLongerHeld(Box<Event>),
    Invalid,
}

pub struct Verified {
    pub event: Event,
    pub settings: Settings,
    pub certificate: Certificate,
    pub public_key: String,
}

/// Checks a code as anyone would offline (the event's public key), then against what is
/// held (withdrawn, erased). Anything malformed, tampered or from another event is invalid.
pub async fn verify(db: &Db, code: &str) -> Result<Verification> {
    let Some(signed) = certificate::decode(code) else {
        return Ok(Verification::Invalid);
    };
    let claim = signed.claim;
    let key = match store::badges::public_key(db, claim.event_id).await {
        Ok(Some(key)) => key,
        Ok(None) | Err(store::error::Error::NotFound) => return Ok(Verification::Invalid),
        Err(e) => return Err(e.into()),
    };
    if !signed.verify(&key) {
        return Ok(Verification::Invalid);
    }
    let event = store::events::by_id(db, claim.event_id).await?;
    let Some(certificate) = store::certificates::by_id(db, claim.certificate_id).await? else {
        return Ok(Verification::NoLongerHeld(Box::new(event)));
    };
    if certificate.event_id != claim.event_id
        || certificate.statement.claim(claim.event_id) != claim
    {
        return Ok(Verification::Invalid);
    }
    let verified = Box::new(Verified {
        settings: store::certificates::settings(db, event.id).await?,
        event,
        public_key: crate::domain::badge::public_key_text(&key),
        certificate,
    });
    Ok(match verified.certificate.withdrawn_at {
        Some(_) => Verification::Withdrawn(verified),
        None => Verification::Valid(verified),
    })
}

/// The event's public key as text (base64url of the 32 bytes), made if it was not yet.
pub async fn public_key(db: &Db, event: &Event) -> Result<String> {
    let key = store::badges::keys(db, event.id).await?;
    Ok(crate::domain::badge::public_text(&key))
}

/// The certificate of `r` in force, for the e-mail (none if withdrawn or erased).
pub async fn in_force(db: &Db, registration_id: i64, id: i64) -> Result<Option<Issued>> {
    match store::certificates::by_id(db, id).await? {
        Some(c) if c.registration_id == registration_id && c.withdrawn_at.is_none() => {
            Ok(Some(with_code(db, c).await?))
        }
        _ => Ok(None),
    }
}
