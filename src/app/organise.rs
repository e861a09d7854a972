//! What organisers do, shared by the admin pages and the JSON API: validate the input against
//! the event, then store it.

use std::collections::HashSet;

use crate::app::agenda::Agenda;
use crate::domain::event::validate_event;
use crate::domain::schedule::{validate_session, EventFrame};
use crate::domain::time;
use crate::domain::validate::Input;
use crate::error::{Error, Result};
use crate::store::events::Event;
use crate::store::sessions::Session;
pub use crate::store::tickets::TicketType;
use crate::store::{self, Db};

pub async fn create_event(db: &Db, input: &Input) -> Result<Event> {
    Ok(store::events::create(db, &validate_event(input)?).await?)
}

/// The API's POST: the event and, when named, its certificate settings (both validated
/// before anything is written).
pub async fn create_with_certificates(
    db: &Db,
    actor: &str,
    input: &Input,
) -> Result<(Event, Option<crate::domain::certificate::Settings>)> {
    let certificates = crate::app::certificate_admin::settings_patch(&Default::default(), input)?;
    let event = create_event(db, input).await?;
    if let Some(s) = &certificates {
        crate::app::certificate_admin::save(db, actor, &event, s, None).await?;
    }
    Ok((event, certificates))
}

/// The stored event as input, so a PATCH can be laid over it and validated whole.
pub fn event_input(e: &Event) -> Input {
    let tz = e.tz();
    let local = |ts: Option<i64>| ts.map(|t| time::local_input(t, tz)).unwrap_or_default();
    let count = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    Input::from_pairs([
        ("slug", e.slug.clone()),
        ("title_fr", e.title_fr.clone()),
        ("title_en", e.title_en.clone()),
        ("description_fr", e.description_fr.clone()),
        ("description_en", e.description_en.clone()),
        ("organiser", e.organiser.clone()),
        ("timezone", e.timezone.clone()),
        ("starts_at", time::local_input(e.starts_at, tz)),
        ("ends_at", time::local_input(e.ends_at, tz)),
        ("format", e.format.as_str().to_string()),
        ("venue", e.venue.clone().unwrap_or_default()),
        ("in_person_capacity", count(e.in_person_capacity)),
        ("online_capacity", count(e.online_capacity)),
        ("registration_opens_at", local(e.registration_opens_at)),
        ("registration_closes_at", local(e.registration_closes_at)),
        ("status", e.status.as_str().to_string()),
        ("stream_url", e.stream_url.clone().unwrap_or_default()),
        ("requires_approval", e.requires_approval.0.to_string()),
        ("online_for_in_person", e.online_for_in_person.0.to_string()),
        ("license", e.license.clone()),
        ("illustrative_note_fr", e.illustrative_note_fr.clone()),
        ("illustrative_note_en", e.illustrative_note_en.clone()),
        ("privacy_notice_fr", e.privacy_notice_fr.clone()),
        ("privacy_notice_en", e.privacy_notice_en.clone()),
        ("refund_until", local(e.refund_until)),
        ("legal_details", e.legal_details.clone()),
    ])
}

/// Changes an event. Times in the patch are read in the (possibly new) zone; the stored
/// times are first written in the old zone so they keep their instant.
pub async fn update_event(db: &Db, event: &Event, patch: Input) -> Result<Event> {
    let mut base = event_input(event);
    if patch.get("timezone").is_some() {
        let tz = event.tz();
        base.values
            .insert("starts_at".into(), time::to_rfc3339(event.starts_at, tz));
        base.values
            .insert("ends_at".into(), time::to_rfc3339(event.ends_at, tz));
    }
    let draft = validate_event(&base.overlay(patch))?;
    refuse_below_held(db, event, &draft).await?;
    Ok(store::events::update(db, event.id, &draft).await?)
}

/// The API's PATCH: the event's fields and, when named (`certificates`,
/// `certificate_min_percent`, …), its certificate settings. Both are validated before
/// either is written, so a refusal of one changes neither.
pub async fn patch_event(
    db: &Db,
    actor: &str,
    event: &Event,
    patch: Input,
) -> Result<(Event, Option<crate::domain::certificate::Settings>)> {
    let stored = crate::app::certificate_admin::settings(db, event).await?;
    let certificates = crate::app::certificate_admin::settings_patch(&stored, &patch)?;
    let event = update_event(db, event, patch).await?;
    if let Some(s) = &certificates {
        crate::app::certificate_admin::save(db, actor, &event, s, None).await?;
    }
    Ok((event, certificates))
}

/// Places are never lowered below what people already hold (confirmed, or paying): the
/// field is named with the count.
async fn refuse_below_held(
    db: &Db,
    event: &Event,
    draft: &crate::domain::event::EventDraft,
) -> Result<()> {
    use crate::domain::Attendance;
    let counts = store::roster::counts(db, event.id).await?;
    let taken = store::roster::Count::taken(&counts);
    let limits = [
        (
            "in_person_capacity",
            draft.in_person_capacity,
            Attendance::InPerson,
        ),
        ("online_capacity", draft.online_capacity, Attendance::Online),
    ];
    for (field, capacity, mode) in limits {
        let n = taken.in_mode(mode);
        if capacity.is_some_and(|c| c < n) {
            let message =
                crate::error::Msg::new("event-capacity-below-held").arg("count", n.to_string());
            let mut fields = crate::domain::problem::FieldErrors::new();
            fields.insert(field.to_string(), message.clone());
            return Err(Error::Conflict { message, fields });
        }
    }
    Ok(())
}

pub fn frame(agenda: &Agenda) -> EventFrame {
    let ids = |it: &mut dyn Iterator<Item = i64>| it.collect::<HashSet<i64>>();
    EventFrame {
        tz: agenda.event.tz(),
        starts_at: agenda.event.starts_at,
        ends_at: agenda.event.ends_at,
        format: agenda.event.format,
        room_ids: ids(&mut agenda.rooms.iter().map(|r| r.id)),
        track_ids: ids(&mut agenda.tracks.iter().map(|t| t.id)),
        speaker_ids: ids(&mut agenda.speakers.iter().map(|s| s.id)),
    }
}

pub async fn create_session(db: &Db, agenda: &Agenda, input: &Input) -> Result<Session> {
    let draft = validate_session(input, &frame(agenda))?;
    Ok(store::sessions::create(db, &agenda.event, &draft).await?)
}

/// The stored session as input, for a PATCH or the edit form.
pub fn session_input(agenda: &Agenda, s: &Session) -> Input {
    let tz = agenda.event.tz();
    let opt = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    let mut input = Input::from_pairs([
        ("title_fr", s.title_fr.clone()),
        ("title_en", s.title_en.clone()),
        ("description_fr", s.description_fr.clone()),
        ("description_en", s.description_en.clone()),
        ("kind", s.kind.as_str().to_string()),
        ("room_id", opt(s.room_id)),
        ("track_id", opt(s.track_id)),
        ("starts_at", time::to_rfc3339(s.starts_at, tz)),
        ("ends_at", time::to_rfc3339(s.ends_at, tz)),
        ("format", s.format.as_str().to_string()),
        ("capacity", opt(s.capacity)),
        ("requires_signup", s.requires_signup.0.to_string()),
        ("stream_url", s.stream_url.clone().unwrap_or_default()),
    ]);
    let speakers: Vec<_> = agenda
        .people(s.id)
        .into_iter()
        .map(|(sp, r)| serde_json::json!({"speaker_id": sp.id, "role": r.role}))
        .collect();
    input
        .nested
        .insert("speakers".into(), serde_json::Value::Array(speakers));
    input
}

pub async fn update_session(db: &Db, agenda: &Agenda, id: i64, patch: Input) -> Result<Session> {
    let session = agenda.session(id).ok_or(Error::NotFound)?;
    let mut base = session_input(agenda, session);
    if patch.values.keys().any(|k| k.starts_with("speaker_id_")) {
        base.nested.remove("speakers");
    }
    let draft = validate_session(&base.overlay(patch), &frame(agenda))?;
    Ok(store::sessions::update(db, &agenda.event, id, &draft).await?)
}
