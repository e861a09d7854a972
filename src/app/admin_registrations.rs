//! What organisers do with registrations beside registering someone: read the list and the
//! CSV (both audited, since they hold personal data), approve or reject, cancel with the
//! refund policy, import a guest list, write to attendees.

use crate::app::roster::Roster;
use crate::domain::validate::Input;
use crate::error::Result;
use crate::i18n::Lang;
use crate::payments::Stripe;
use crate::store::events::Event;
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

/// Cancels one of the event's registrations (404 if it is another event's), refunding a
/// paid ticket when the policy says so.
pub async fn cancel(db: &Db, stripe: &Stripe, event: &Event, id: i64) -> Result<()> {
    let r = store::roster::get(db, event.id, id).await?;
    crate::payments::policy::cancel(db, stripe, event, &r).await
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

/// Queues an organiser's message to the registrations matching the filter that are not
/// over (cancelled, rejected), like every other e-mail through the outbox.
pub async fn announce(
    db: &Db,
    actor: &str,
    event: &Event,
    filter: &Filter,
    subject: &str,
    body: &str,
) -> Result<()> {
    let ids: Vec<i64> = store::roster::list(db, event.id, filter)
        .await?
        .iter()
        .filter(|r| !r.status.is_over())
        .map(|r| r.id)
        .collect();
    store::outbox::announce(db, &ids, subject, body).await?;
    store::audit::record(db, actor, "announce", &event.slug).await?;
    Ok(())
}
