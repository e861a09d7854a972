//! The organisers' side of certificates of attendance: the settings (from the workspace's
//! form or the API), who attended what, sending the certificates, withdrawing or re-issuing
//! one, and the list as CSV. What counts and issuing are `app::certificates`.

use std::collections::HashMap;

use crate::app::certificates::{Certificate, Frame};
use crate::app::{Db, Event, Registration};
use crate::domain::attendance::{Credit, Share};
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
    pub credits: Vec<Credit>,
    pub share: Share,
    pub certificate: Option<Certificate>,
}

impl Person {
    pub fn meets(&self, min_percent: i64) -> bool {
        self.share.meets(min_percent)
    }
}

/// The organisers' view: the frame and every confirmed registration with what was recorded
/// or a certificate, by name.
pub struct Overview {
    pub frame: Frame,
    pub counting: Vec<i64>,
    pub people: Vec<Person>,
}

pub async fn overview(db: &Db, event: Event, opens_minutes: i64) -> Result<Overview> {
    let counting = store::certificates::counting(db, event.id).await?;
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
                credits,
                share,
                certificate,
            })
        })
        .collect();
    people.sort_by(|a, b| a.registration.name.cmp(&b.registration.name));
    Ok(Overview {
        frame,
        counting,
        people,
    })
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
    if !frame.settings.enabled {
        return Err(Error::Conflict {
            message: Unavailable::NotOffered.message(),
            fields: Default::default(),
        });
    }
    if time::now() < frame.available_from {
        let when = time::to_rfc3339(frame.available_from, frame.agenda.event.tz());
        return Err(Error::Conflict {
            message: Unavailable::NotYet {
                from: frame.available_from,
            }
            .message()
            .arg("from", when),
            fields: Default::default(),
        });
    }
    let records = store::certificates::records(db, frame.agenda.event.id, None).await?;
    let mut sent = Sent::default();
    let mut to_mail = Vec::new();
    for p in &overview.people {
        let id = p.registration.id;
        match &p.certificate {
            Some(c) if c.withdrawn_at.is_none() => to_mail.push((id, c.id)),
            Some(_) => {}
            None if p.meets(frame.settings.min_percent) => {
                let own = records.get(&id).map(Vec::as_slice).unwrap_or_default();
                if let Ok(c) = frame.issue(db, &p.registration, own, false).await? {
                    sent.issued += 1;
                    to_mail.push((id, c.id));
                }
            }
            None => {}
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
    let records = store::certificates::records(db, r.event_id, Some(r.id)).await?;
    let own = records.get(&r.id).map(Vec::as_slice).unwrap_or_default();
    match frame.issue(db, &r, own, true).await? {
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
            let status = match &p.certificate {
                Some(c) if c.withdrawn_at.is_some() => "withdrawn",
                Some(_) => "issued",
                None if p.meets(min) => "eligible",
                None => "below_minimum",
            };
            vec![
                r.name.clone(),
                r.organisation.clone(),
                r.email.clone(),
                attended.join("; "),
                format!("{:.2}", p.share.attended as f64 / 3600.0),
                p.share.percent().to_string(),
                status.to_string(),
                p.certificate
                    .as_ref()
                    .map(|c| c.id.to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect()
}
