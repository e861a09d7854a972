//! What pages show of a registration's payment: "pay now" while its place is held, the
//! refund policy before cancelling.

use serde_json::{json, Value};

use crate::app::attendee::Event;
use crate::app::payment::PaymentState;
use crate::domain::time;
use crate::error::Msg;
use crate::i18n::{money, Lang};

fn when(ts: i64, event: &Event, lang: Lang) -> String {
    let tz = event.tz();
    format!("{} {}", time::long_date(ts, tz, lang), time::clock(ts, tz))
}

/// The attendee page's payment part.
pub fn attendee(state: &PaymentState, event: &Event, lang: Lang) -> Value {
    // Members are present only when they apply, as the template tests them.
    let mut v = json!({});
    if let Some(pending) = &state.pending {
        v["pending"] = json!(true);
        v["url"] = json!(pending.checkout_url);
        if let Some(until) = pending.hold_expires_at {
            let text = Msg::new("pay-pending").arg("until", when(until, event, lang));
            v["held"] = json!(text.render(lang));
        }
    }
    if let Some(refund) = &state.refund {
        let until = when(refund.deadline, event, lang);
        let text = match &refund.amount {
            Some((cents, currency)) => Msg::new("pay-refund-before")
                .arg("until", until)
                .arg("amount", money(*cents, currency, lang)),
            None => Msg::new("pay-refund-none").arg("until", until),
        };
        v["refund"] = json!(text.render(lang));
    }
    v["receipt"] = json!(state.has_receipt);
    v
}
