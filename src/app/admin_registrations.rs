//! What organisers do with registrations beside registering someone: read the list and the
//! CSV (both audited, since they hold personal data), approve or reject, cancel with the
//! refund policy (saying first what it will do), import a guest list.

use crate::app::roster::Roster;
use crate::domain::capacity::{self, Limits, Taken, TicketLimit};
use crate::domain::validate::Input;
use crate::domain::{time, RegistrationStatus};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::payments::Stripe;
use crate::store::events::Event;
use crate::store::registrations::Registration;
use crate::store::{self, Db};

pub use crate::store::imports::Import;
pub use crate::store::roster::Filter;

/// The list as the organiser filtered it, after noting in the audit log who looked.
pub async fn list(db: &Db, actor: &str, event: Event, filter: &Filter) -> Result<Roster> {
    store::audit::record(db, actor, "view-registrations", &event.slug).await?;
    Roster::load(db, event, filter).await
}

/// The same rows for the CSV export, audited as an export.
pub async fn export(db: &Db, actor: &str, event: Event, filter: &Filter) -> Result<Roster> {
    store::audit::record(db, actor, "export-registrations", &event.slug).await?;
    Roster::load(db, event, filter).await
}

/// What cancelling a registration will do, said to the organiser before they confirm.
pub struct CancelPlan {
    pub person: Registration,
    /// Whether the person holds a place (confirmed or holding it while paying) that frees.
    pub frees_place: bool,
    /// Those waiting who would get the freed place, in queue order (usually one).
    pub next: Vec<Registration>,
    /// A paid ticket's refund: the amount in cents and its currency.
    pub refund: Option<(i64, String)>,
    /// A paid ticket cancelled after the refund deadline: nothing is given back.
    pub too_late_to_refund: bool,
}

/// Looks at the registration and the queue as they are now and says what cancelling would do
/// (the same rule of places, `domain::capacity`, as the cancellation itself).
pub async fn cancel_plan(db: &Db, event: Event, id: i64) -> Result<CancelPlan> {
    let now = time::now();
    let terms = store::payments::terms(db, event.id).await?;
    let refundable = crate::payments::policy::refund_applies(&event, terms.refund_until, now);
    let roster = Roster::load(db, event, &Filter::default()).await?;
    let person = roster
        .rows
        .iter()
        .find(|r| r.id == id && !r.status.is_over())
        .cloned()
        .ok_or(Error::NotFound)?;
    let paid = roster
        .payments
        .get(&id)
        .filter(|p| p.status == crate::domain::PaymentStatus::Paid);
    let frees_place = holds_place_now(&person, now);
    let next_ids = if frees_place {
        next_in_line(&roster, &person, now)
    } else {
        Vec::new()
    };
    let next = next_ids
        .iter()
        .filter_map(|id| roster.rows.iter().find(|r| r.id == *id).cloned())
        .collect();
    Ok(CancelPlan {
        frees_place,
        next,
        refund: paid
            .filter(|_| refundable)
            .map(|p| (p.amount_cents, p.currency.clone())),
        too_late_to_refund: paid.is_some() && !refundable,
        person,
    })
}

/// Counts toward capacity: confirmed, or a payment hold that has not run out.
fn holds_place_now(r: &Registration, now: i64) -> bool {
    r.status == RegistrationStatus::Confirmed
        || (r.status == RegistrationStatus::PendingPayment
            && r.hold_expires_at.is_some_and(|t| t > now))
}

/// Who of those waiting would get a place once `leaving` gives theirs up.
fn next_in_line(roster: &Roster, leaving: &Registration, now: i64) -> Vec<i64> {
    let event = &roster.agenda.event;
    let limits = Limits {
        in_person: event.in_person_capacity,
        online: event.online_capacity,
        tickets: roster
            .tickets
            .iter()
            .map(|t| {
                let limit = TicketLimit {
                    quota: t.quota,
                    price_cents: t.price_cents,
                };
                (t.id, limit)
            })
            .collect(),
    };
    let mut taken = Taken::default();
    for r in roster.rows.iter().filter(|r| holds_place_now(r, now)) {
        taken.take(r.attendance, r.ticket_type_id);
    }
    taken.release(leaving.attendance, leaving.ticket_type_id);
    let mut waiting: Vec<&Registration> = roster
        .rows
        .iter()
        .filter(|r| r.status == RegistrationStatus::Waitlisted)
        .collect();
    waiting.sort_by_key(|r| r.waitlist_seq);
    let queue: Vec<_> = waiting
        .iter()
        .map(|r| (r.id, r.attendance, r.ticket_type_id))
        .collect();
    capacity::promote(&limits, &mut taken, &queue)
}

/// What a cancellation did: who of those waiting got a place through it.
pub struct Cancelled {
    pub promoted: Vec<i64>,
    pub freed_place: bool,
}

/// Cancels one of the event's registrations (404 if it is another event's), refunding a
/// paid ticket when the policy says so; audited. Answers who was promoted, read back from
/// the database after the cancellation committed, so the organiser is told what happened.
pub async fn cancel(
    db: &Db,
    stripe: &Stripe,
    actor: &str,
    event: &Event,
    id: i64,
) -> Result<Cancelled> {
    let r = store::roster::get(db, event.id, id).await?;
    let waiting = Filter {
        status: Some(RegistrationStatus::Waitlisted.as_str().to_string()),
        ..Filter::default()
    };
    let before: Vec<i64> = store::roster::list(db, event.id, &waiting)
        .await?
        .iter()
        .map(|w| w.id)
        .collect();
    let freed_place = holds_place_now(&r, time::now());
    crate::payments::policy::cancel(db, stripe, event, &r).await?;
    store::audit::record(db, actor, "cancel-registration", &r.id.to_string()).await?;
    let promoted = store::roster::list(db, event.id, &Filter::default())
        .await?
        .iter()
        .filter(|w| before.contains(&w.id) && w.status.holds_place())
        .map(|w| w.id)
        .collect();
    Ok(Cancelled {
        promoted,
        freed_place,
    })
}

/// Approves or rejects a registration waiting for the organisers.
pub async fn decide(db: &Db, event: &Event, id: i64, approve: bool) -> Result<()> {
    let r = store::roster::get(db, event.id, id).await?;
    Ok(store::registrations::decide(db, &r, approve).await?)
}

/// Starts importing a read guest list in the background and answers the import's id, whose
/// progress page the organiser is sent to.
pub async fn start_import(
    db: &Db,
    actor: &str,
    event: Event,
    rows: Vec<(usize, Input)>,
    lang: Lang,
) -> Result<i64> {
    let id = store::imports::start(db, event.id, rows.len() as i64).await?;
    store::audit::record(db, actor, "import-registrations", &event.slug).await?;
    tokio::spawn(crate::jobs::import::run(db.clone(), event, id, rows, lang));
    Ok(id)
}

/// An import of this event, as far as it has got.
pub async fn import(db: &Db, event: &Event, id: i64) -> Result<Import> {
    Ok(store::imports::get(db, event.id, id).await?)
}
