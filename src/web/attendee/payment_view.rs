//! What pages show of a registration's payment: "pay now" while its place is held, the
//! refund policy before cancelling.

use serde_json::{json, Value};

use crate::domain::{time, RegistrationStatus};
use crate::error::{Msg, Result};
use crate::i18n::{money, Lang};
use crate::payments::policy;
use crate::store::events::Event;
use crate::store::payments::{self, PAID};
use crate::store::registrations::Registration;
use crate::store::{self, Db};

fn when(ts: i64, event: &Event, lang: Lang) -> String {
    let tz = event.tz();
    format!("{} {}", time::long_date(ts, tz, lang), time::clock(ts, tz))
}

/// The attendee page's payment part.
pub async fn attendee(db: &Db, event: &Event, r: &Registration, lang: Lang) -> Result<Value> {
    let now = time::now();
    let mut v = json!({});
    if r.status == RegistrationStatus::PendingPayment {
        let open = payments::open_checkout(db, r.id, now).await?;
        v["pending"] = json!(true);
        v["url"] = json!(open.and_then(|p| p.checkout_url));
        if let Some(until) = r.hold_expires_at {
            let text = Msg::new("pay-pending").arg("until", when(until, event, lang));
            v["held"] = json!(text.render(lang));
        }
    }
    let paid = payments::latest(db, r.id)
        .await?
        .filter(|p| p.status == PAID && !r.status.is_over());
    if let Some(p) = paid {
        let terms = payments::terms(db, event.id).await?;
        let deadline = policy::refund_deadline(event, terms.refund_until);
        let until = when(deadline, event, lang);
        let text = if policy::refund_applies(event, terms.refund_until, now) {
            Msg::new("pay-refund-before")
                .arg("until", until)
                .arg("amount", money(p.amount_cents, &p.currency, lang))
        } else {
            Msg::new("pay-refund-none").arg("until", until)
        };
        v["refund"] = json!(text.render(lang));
    }
    v["receipt"] = json!(store::receipts::paid(db, r.id).await?.is_some());
    Ok(v)
}
