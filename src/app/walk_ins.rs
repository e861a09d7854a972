//! Walk-ins: door staff (or organisers) register someone who turned up unregistered and let
//! them in at that gate at once. Places and the waiting list hold exactly as for a registration
//! made online (the same use case, under the same event lock), so twenty doors registering at
//! once for the last five places admit five. An address already registered is found and that
//! registration checked in, never a second one. Without an e-mail address the registration
//! gets a placeholder one that is never written to (`domain::walk_in`).

use crate::app::checkin::{self, Outcome, Scan};
use crate::app::registering::{self, Channel};
use crate::app::{doors, Db, Registration};
use crate::auth::Staff;
use crate::domain::validate::{Checker, Input};
use crate::domain::{secret, walk_in, RegistrationStatus};
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::{self, registrations};

/// What came of a walk-in: the registration (new, or the one of an address already
/// registered) and whether the person went in.
pub struct WalkedIn {
    pub registration: Box<Registration>,
    /// Registered just now (not an address already registered).
    pub new: bool,
    pub entry: Entry,
}

pub enum Entry {
    /// Checked in at the gate; `code` is the badge's code to print.
    In { outcome: Box<Outcome>, code: String },
    /// The event is full: on the waiting list, not let in.
    Waiting { position: Option<i64> },
    /// A registration holding no place (awaiting approval or payment): not let in; the
    /// organisers' page settles it.
    NoPlace,
}

/// Registers `input` (`name`, optional `email`, `organisation`, `gate`, `ticket`) at the
/// door of the event `slug`, in person, and checks the person in.
pub async fn walk_in(
    db: &Db,
    who: &Staff,
    slug: &str,
    input: &Input,
    lang: Lang,
) -> Result<WalkedIn> {
    let event = doors::event_for(db, who, slug).await?;
    let mut c = Checker::default();
    let gate = c.optional(input, "gate", 60).unwrap_or_default();
    c.finish()?;
    let mut input = input.clone();
    input.values.insert("attendance".into(), "in_person".into());
    let no_email = input.get("email").is_none_or(|e| e.trim().is_empty());
    if no_email {
        let nonce = secret::new_token();
        let nonce: String = nonce
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .take(20)
            .collect();
        input
            .values
            .insert("email".into(), walk_in::placeholder(&nonce));
    }
    let registered = registering::register(db, &event, &input, lang, Channel::Door).await?;
    let new = matches!(registered, store::registrations::Registered::New { .. });
    let registration = Box::new(registrations::get(db, registered.id()).await?);
    let entry = match registration.status {
        RegistrationStatus::Confirmed => {
            let code = checkin::code_for(db, &registration).await?;
            let scan = Scan {
                code: code.clone(),
                gate,
                event: Some(slug.to_string()),
                ..Scan::default()
            };
            let outcome = checkin::check_in(db, who, &scan).await?;
            Entry::In {
                outcome: Box::new(outcome),
                code,
            }
        }
        RegistrationStatus::Waitlisted => Entry::Waiting {
            position: registrations::waitlist_position(db, &registration).await?,
        },
        _ => Entry::NoPlace,
    };
    Ok(WalkedIn {
        registration,
        new,
        entry,
    })
}

/// Walk-ins of an event: still holding their place, and all.
pub async fn count(db: &Db, event_id: i64) -> Result<(i64, i64)> {
    Ok(store::walk_ins::count(db, event_id).await?)
}
