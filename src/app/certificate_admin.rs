//! The organisers' side of certificates of attendance: the settings (from the workspace's
//! form or the API), who attended what, sending the certificates, withdrawing or re-issuing
//! one, and the list as CSV. What counts and issuing are `app::certificates`.

use std::collections::HashMap;

use crate::app::certificates::{Certificate, Frame};
use crate::app::{Db, Event, Registration};
use crate::domain::attendance::{Credit, Record, Share};
use crate::domain::certificate::{self, Settings, Unavailable};
use crate::domain::validate::Input;
use crate::domain::{time, RegistrationStatus};
use crate::error::{Error, Result};
use crate::store;

/// The settings from an API patch (`certificates`, `certificate_min_percent`, …) laid over
/// `stored`, validated; `None` when the patch names none of them.
pub fn settings_patch(stored: &Settings, patch: &Input) -> Result<Option<Settings>> {
    if !certificate::FIELDS.iter().any(|f| patch.has(f)) {
        return Ok(None);
    }
    let only = Input::from_pairs(
        certificate::FIELDS
            .iter()
            .filter_map(|f| patch.get(f).map(|v| (*f, v.to_string()))),
    );
    Ok(Some(certificate::validate_settings(
        &stored.input().overlay(only),
    )?))
}

/// The event's stored settings.
pub async fn settings(db: &Db, event: &Event) -> Result<Settings> {
    Ok(store::certificates::settings(db, event.id).await?)
}

/// Saves settings already validated, with which sessions count when given.
pub async fn save(
    db: &Db,
    actor: &str,
    event: &Event,
    settings: &Settings,
    counting: Option<&[i64]>,
) -> Result<()> {
    store::certificates::save(db, event.id, settings, counting).await?;
    store::audit::record(db, actor, "certificates.settings", &event.slug).await?;
    Ok(())
}

/// Validates the organisers' form and saves it.
pub async fn save_form(
    db: &Db,
    actor: &str,
    event: &Event,
    input: &Input,
    counting: &[i64],
) -> Result<()> {
    let settings = certificate::validate_settings(input)?;
    save(db, actor, event, &settings, Some(counting)).await
}

/// One registration as the organisers' list shows it.
pub struct Person {
    pub registration: Registration,
    /// What was recorded of them (kept to issue their certificate without reading it again).
    pub records: Vec<Record>,
    pub credits: Vec<Credit>,
    pub share: Share,
    pub certificate: Option<Certificate>,
}

/// Where someone stands, as the organisers' page and the CSV say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Issued,
    Withdrawn,
    /// No certificate yet, and the minimum reached.
    Eligible,
    BelowMinimum,
}

impl Standing {
    /// The CSV's word (and the page's CSS class).
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Issued => "issued",
            Standing::Withdrawn => "withdrawn",
            Standing::Eligible => "eligible",
            Standing::BelowMinimum => "below_minimum",
        }
    }
}

impl Person {
    pub fn standing(&self, min_percent: i64) -> Standing {
        match &self.certificate {
            Some(c) if c.withdrawn_at.is_some() => Standing::Withdrawn,
            Some(_) => Standing::Issued,
            None if self.share.meets(min_percent) => Standing::Eligible,
            None => Standing::BelowMinimum,
        }
    }
}

/// The organisers' view: the frame and every confirmed registration with what was recorded
/// or a certificate, by name.
pub struct Overview {
    pub frame: Frame,
    pub people: Vec<Person>,
}

pub async fn overview(db: &Db, event: Event, opens_minutes: i64) -> Result<Overview> {
    let event_id = event.id;
    let frame = Frame::load(db, event, opens_minutes).await?;
    let filter = store::roster::Filter {
        status: Some(RegistrationStatus::Confirmed.as_str().to_string()),
        ..Default::default()
    };
    let (registrations, mut records, mut certificates) = tokio::try_join!(
        store::roster::list(db, event_id, &filter),
        store::certificates::records(db, event_id, None),
        store::certificates::latest_of_event(db, event_id),
    )?;
    let mut people: Vec<Person> = registrations
        .into_iter()
        .filter_map(|r| {
            let recorded = records.remove(&r.id).unwrap_or_default();
            let certificate = certificates.remove(&r.id);
            if recorded.is_empty() && certificate.is_none() {
                return None;
            }
            let (credits, share) = frame.assess(&recorded);
            Some(Person {
                registration: r,
                records: recorded,
                credits,
                share,
                certificate,
            })
        })
        .collect();
    people.sort_by(|a, b| a.registration.name.cmp(&b.registration.name));
    Ok(Overview { frame, people })
}

/// What sending did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sent {
    pub issued: usize,
    pub queued: u64,
}

/// Issues the certificates of everyone who reaches the minimum and has none yet, and queues
/// the e-mail of every certificate in force that has not been sent.
pub async fn send(db: &Db, actor: &str, event: Event, opens_minutes: i64) -> Result<Sent> {
    let overview = overview(db, event, opens_minutes).await?;
    let frame = &overview.frame;
    if let Some(why) = frame.closed(time::now()) {
        return Err(refused(frame, why));
    }
    let mut sent = Sent::default();
    let mut to_mail = Vec::new();
    for p in &overview.people {
        let id = p.registration.id;
        match (p.standing(frame.settings.min_percent), &p.certificate) {
            (Standing::Issued, Some(c)) => to_mail.push((id, c.id)),
            (Standing::Eligible, _) => {
                if let Ok(c) = frame.issue(db, &p.registration, &p.records, false).await? {
                    sent.issued += 1;
                    to_mail.push((id, c.id));
                }
            }
            _ => {}
        }
    }
    sent.queued = store::certificates::queue_mail(db, &to_mail).await?;
    let subject = format!(
        "{} ({} issued, {} queued)",
        frame.agenda.event.slug, sent.issued, sent.queued
    );
    store::audit::record(db, actor, "certificates.send", &subject).await?;
    Ok(sent)
}

/// Withdraws a registration's certificate; 404 if it has none in force.
pub async fn withdraw(db: &Db, actor: &str, event: &Event, registration_id: i64) -> Result<()> {
    if !store::certificates::withdraw(db, event.id, registration_id).await? {
        return Err(Error::NotFound);
    }
    let subject = format!("{}/{registration_id}", event.slug);
    store::audit::record(db, actor, "certificates.withdraw", &subject).await?;
    Ok(())
}

/// Issues a registration's certificate again from what is recorded now (after a corrected
/// check-in, a renamed person), replacing the one in force; a refusal says why.
pub async fn reissue(
    db: &Db,
    actor: &str,
    event: Event,
    registration_id: i64,
    opens_minutes: i64,
) -> Result<Certificate> {
    let r = store::roster::get(db, event.id, registration_id).await?;
    let frame = Frame::load(db, event, opens_minutes).await?;
    if let Some(why) = frame.refusal(&r, time::now()) {
        return Err(refused(&frame, why));
    }
    let records = store::certificates::records_of(db, r.event_id, r.id).await?;
    match frame.issue(db, &r, &records, true).await? {
        Ok(c) => {
            let subject = format!("{}/{registration_id}", frame.agenda.event.slug);
            store::audit::record(db, actor, "certificates.reissue", &subject).await?;
            Ok(c)
        }
        Err(why) => Err(refused(&frame, why)),
    }
}

fn refused(frame: &Frame, why: Unavailable) -> Error {
    let mut message = why.message();
    if let Unavailable::NotYet { from } = why {
        message = message.arg("from", time::to_rfc3339(from, frame.agenda.event.tz()));
    }
    Error::Conflict {
        message,
        fields: Default::default(),
    }
}

/// The overview for the CSV export: personal data, so the download is audited first.
pub async fn export(db: &Db, actor: &str, event: Event, opens_minutes: i64) -> Result<Overview> {
    store::audit::record(db, actor, "certificates.export", &event.slug).await?;
    overview(db, event, opens_minutes).await
}

/// Who attended what, as organisers export it: one line per person of the overview.
pub fn rows(overview: &Overview, lang: crate::domain::lang::Lang) -> Vec<Vec<String>> {
    let titles: HashMap<i64, String> = overview
        .frame
        .agenda
        .sessions
        .iter()
        .map(|s| (s.id, lang.pick(&s.title_fr, &s.title_en).to_string()))
        .collect();
    let event_title = {
        let e = &overview.frame.agenda.event;
        lang.pick(&e.title_fr, &e.title_en).to_string()
    };
    let min = overview.frame.settings.min_percent;
    overview
        .people
        .iter()
        .map(|p| {
            let r = &p.registration;
            let attended: Vec<String> = p
                .credits
                .iter()
                .map(|c| {
                    titles
                        .get(&c.session_id)
                        .cloned()
                        .unwrap_or(event_title.clone())
                })
                .collect();
            vec![
                r.name.clone(),
                r.organisation.clone(),
                r.email.clone(),
                attended.join("; "),
                format!("{:.2}", p.share.attended as f64 / 3600.0),
                p.share.percent().to_string(),
                p.standing(min).as_str().to_string(),
                p.certificate
                    .as_ref()
                    .map(|c| c.id.to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect()
}
