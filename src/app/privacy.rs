//! The attendee's own data: everything Summit holds on them, to download, and erasing it.

use crate::error::{Error, Msg, Result};
use crate::payments::Stripe;
use crate::store::registrations;
use crate::store::{self, Db};

use crate::app::Event;

/// Everything stored about the registration behind this link, as pretty-printed JSON text
/// (the file the attendee downloads).
pub async fn export(db: &Db, token: &str) -> Result<String> {
    let r = registrations::by_token(db, token).await?;
    let export = store::privacy::export(db, &r).await?;
    // Through a JSON value, whose members are sorted at every level: the file keeps the
    // order it has always had, the registration's fields included.
    let sorted = serde_json::to_value(&export).unwrap_or_default();
    Ok(serde_json::to_string_pretty(&sorted).unwrap_or_default())
}

/// Erases the registration behind this link; `confirmed`: the attendee ticked the box (a
/// program with the token has nothing to tick). The registration is cancelled first under
/// the event's refund policy (a paid ticket is refunded when it says so), then its data is
/// erased, with the copies of e-mails sent to it left in the outbox folder. The link leads
/// nowhere after. Answers the event, for the page that says it is done.
pub async fn erase(
    db: &Db,
    stripe: &Stripe,
    outbox_dir: &str,
    token: &str,
    confirmed: bool,
) -> Result<Event> {
    let r = registrations::by_token(db, token).await?;
    if !confirmed {
        return Err(Error::field("confirm", Msg::new("erase-confirm")));
    }
    let event = store::events::by_id(db, r.event_id).await?;
    if !r.status.is_over() {
        crate::payments::policy::cancel(db, stripe, &event, &r).await?;
    }
    // Cancelling changed the row: erase what it is now.
    let r = registrations::get(db, r.id).await?;
    store::privacy::erase(db, &r).await?;
    crate::mail::forget_files(outbox_dir, &r.email);
    Ok(event)
}
