//! What an attendee does with their personal link (the token is the secret): their page,
//! changes to their registration, their calendar feed, their badge.

use crate::app::agenda::Agenda;
use crate::app::checkin;
use crate::app::choices::{self, Choices};
use crate::app::payment::{self, PaymentState};
use crate::app::registering;
use crate::calendar::{self, personal};
use crate::domain::validate::Input;
use crate::domain::RegistrationStatus;
use crate::error::{Error, FieldErrors, Msg, Result};
use crate::i18n::Lang;
use crate::payments::Stripe;
use crate::store::registrations;
use crate::store::{self, Db};

use crate::app::{Event, Registration, Signup, TicketType};

/// The registration behind a personal link, or 404.
pub async fn by_token(db: &Db, token: &str) -> Result<Registration> {
    Ok(registrations::by_token(db, token).await?)
}

/// The name of the registration's ticket type, if it has one, in the language it reads.
pub async fn ticket_name(db: &Db, r: &Registration) -> Result<Option<String>> {
    let Some(id) = r.ticket_type_id else {
        return Ok(None);
    };
    let lang =
        crate::domain::lang::Lang::parse(&r.language).unwrap_or(crate::domain::lang::Lang::Fr);
    let tickets = store::tickets::list(db, r.event_id).await?;
    Ok(tickets
        .into_iter()
        .find(|t| t.id == id)
        .map(|t| t.name_in(lang).to_string()))
}

/// Everything the attendee's page shows.
pub struct Personal {
    pub agenda: Agenda,
    pub signups: Vec<Signup>,
    /// Place in the event's waitlist, while waiting.
    pub position: Option<i64>,
    pub ticket: Option<String>,
    /// What the form to change workshops offers.
    pub choices: Choices,
    pub payment: PaymentState,
    /// The organisers issue certificates of attendance, the event has ended and this
    /// registration holds its place: the page links to the certificate.
    pub certificate: bool,
}

pub async fn personal(db: &Db, r: &Registration) -> Result<Personal> {
    let event = store::events::by_id(db, r.event_id).await?;
    let agenda = Agenda::load(db, event).await?;
    let signups = registrations::signups(db, r.id).await?;
    let position = registrations::waitlist_position(db, r).await?;
    let ticket = ticket_name(db, r).await?;
    let choices = choices::choices(db, &agenda).await?;
    let payment = payment::state(db, &agenda.event, r).await?;
    let certificate = r.status == crate::domain::RegistrationStatus::Confirmed
        && crate::domain::time::now() >= agenda.event.ends_at
        && store::certificates::settings(db, r.event_id).await?.enabled;
    Ok(Personal {
        certificate,
        agenda,
        signups,
        position,
        ticket,
        choices,
        payment,
    })
}

/// A change the attendee asks for on their page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Sessions,
    Attendance,
    Cancel,
}

/// Makes the change. Cancelling needs the `confirm` box ticked, and follows the event's
/// refund policy (a paid ticket is refunded when it says so).
pub async fn change(
    db: &Db,
    stripe: &Stripe,
    r: &Registration,
    change: Change,
    input: &Input,
    lang: Lang,
) -> Result<()> {
    let event = store::events::by_id(db, r.event_id).await?;
    match change {
        Change::Sessions => registering::change_sessions(db, &event, r, input, lang).await,
        Change::Attendance => registering::switch_attendance(db, &event, r, input, lang).await,
        Change::Cancel if input.get("confirm").is_none() => {
            Err(Error::field("confirm", Msg::new("attendee-confirm-cancel")))
        }
        Change::Cancel => crate::payments::policy::cancel(db, stripe, &event, r).await,
    }
}

/// The attendee's own calendar (iCalendar text), in the language they registered in: the
/// event, the sessions they hold a seat in and those they starred, with their personal join
/// links.
pub async fn calendar_feed(db: &Db, token: &str, public_url: &str) -> Result<String> {
    let r = by_token(db, token).await?;
    let lang = Lang::parse(&r.language).unwrap_or(Lang::Fr);
    let event = store::events::by_id(db, r.event_id).await?;
    let agenda = Agenda::load(db, event).await?;
    let signups = registrations::signups(db, r.id).await?;
    let stars = store::stars::of_registration(db, r.id).await?;
    let mut entries = personal::entries(&agenda, &r, &signups, token, public_url, lang);
    personal::add_stars(&mut entries, &agenda, &r, &stars, token, public_url, lang);
    let name = lang.pick(&agenda.event.title_fr, &agenda.event.title_en);
    Ok(calendar::render(name, &entries))
}

/// The registration behind a personal link, if it has a badge: only a confirmed one does
/// (409 otherwise).
async fn badge_holder(db: &Db, token: &str) -> Result<Registration> {
    let r = by_token(db, token).await?;
    if r.status != RegistrationStatus::Confirmed {
        return Err(Error::Conflict {
            message: Msg::new("badge-not-confirmed"),
            fields: FieldErrors::new(),
        });
    }
    Ok(r)
}

/// The text of the attendee's badge QR code (what the check-in API takes).
pub async fn badge_code(db: &Db, token: &str) -> Result<String> {
    let r = badge_holder(db, token).await?;
    checkin::code_for(db, &r).await
}

/// What the printable badge page needs.
pub struct Badge {
    pub registration: Registration,
    pub event: Event,
    pub tickets: Vec<TicketType>,
}

pub async fn badge(db: &Db, token: &str) -> Result<Badge> {
    let registration = badge_holder(db, token).await?;
    let event = store::events::by_id(db, registration.event_id).await?;
    let tickets = store::tickets::list(db, event.id).await?;
    Ok(Badge {
        registration,
        event,
        tickets,
    })
}
