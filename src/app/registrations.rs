//! Registrations as the API handles them: registering, with the badge role an event's
//! organisers may choose; and an attendee's own registration reached by its secret token
//! (read, change, cancel).

use crate::app::registering::{self, Channel};
use crate::app::Db;
use crate::domain::badge_role;
use crate::domain::validate::Input;
use crate::domain::BadgeRole;
use crate::error::Result;
use crate::i18n::Lang;
use crate::payments::{policy, Stripe};
use crate::store::{badges, events, registrations};

use crate::app::{Event, Registered, Registration};

/// Registers through `channel`. Only organisers (`Channel::Organiser`) may give a
/// `badge_role`; it is checked first, so a bad one (or one from any other channel) stores
/// nothing, then set just after registering (see "Badge roles" in docs/ARCHITECTURE.md).
/// Answers the chosen role too (`None`: none given).
pub async fn register(
    db: &Db,
    event: &Event,
    input: &Input,
    lang: Lang,
    channel: Channel,
) -> Result<(Registered, Option<BadgeRole>)> {
    let role = match channel {
        Channel::Organiser => badge_role::chosen(input)?,
        _ => badge_role::refuse_if_given(input).map(|()| None)?,
    };
    let registered = registering::register(db, event, input, lang, channel).await?;
    if let Some(role) = role {
        badges::set_role(db, registered.id(), role.as_str()).await?;
    }
    Ok((registered, role))
}

/// A registration found by its attendee's token, with its event.
pub struct Own {
    pub registration: Registration,
    pub event: Event,
}

/// The registration this token is for (`NotFound` for any other text).
pub async fn find(db: &Db, token: &str) -> Result<Registration> {
    Ok(registrations::by_token(db, token).await?)
}

/// The registration this token is for, with its event.
pub async fn by_token(db: &Db, token: &str) -> Result<Own> {
    let registration = registrations::by_token(db, token).await?;
    let event = events::by_id(db, registration.event_id).await?;
    Ok(Own {
        registration,
        event,
    })
}

/// Changes the attendance mode (`attendance`) and/or the chosen sessions (`sessions`), in
/// that order; answers the registration as it now stands.
pub async fn change(db: &Db, own: &Own, input: &Input, lang: Lang) -> Result<Registration> {
    let (event, id) = (&own.event, own.registration.id);
    if input.has("attendance") {
        registering::switch_attendance(db, event, &own.registration, input, lang).await?;
    }
    if input.has("sessions") {
        // Read again: the switch above may have changed it.
        let r = registrations::get(db, id).await?;
        registering::change_sessions(db, event, &r, input, lang).await?;
    }
    Ok(registrations::get(db, id).await?)
}

/// Cancels the registration this token is for, refunding a paid ticket when the policy says
/// so; answers the registration as it now stands.
pub async fn cancel(db: &Db, stripe: &Stripe, token: &str) -> Result<Registration> {
    let own = by_token(db, token).await?;
    policy::cancel(db, stripe, &own.event, &own.registration).await?;
    Ok(registrations::get(db, own.registration.id).await?)
}
