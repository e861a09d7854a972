//! What pages show of a registration's payment: "pay now" while its place is held, the
//! refund policy before cancelling.

use crate::app::payment::PaymentState;
use crate::app::Event;
use crate::domain::time;
use crate::error::Msg;
use crate::i18n::{money, Lang};
use crate::web::attendee::views::PaymentView;

fn when(ts: i64, event: &Event, lang: Lang) -> String {
    let tz = event.tz();
    format!("{} {}", time::long_date(ts, tz, lang), time::clock(ts, tz))
}

/// The attendee page's payment part.
pub fn attendee(state: &PaymentState, event: &Event, lang: Lang) -> PaymentView {
    // Members are present only when they apply, as the template tests them.
    let mut v = PaymentView::default();
    if let Some(pending) = &state.pending {
        v.pending = Some(true);
        v.url = Some(pending.checkout_url.clone());
        if let Some(until) = pending.hold_expires_at {
            let text = Msg::new("pay-pending").arg("until", when(until, event, lang));
            v.held = Some(text.render(lang));
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
        v.refund = Some(text.render(lang));
    }
    v.receipt = state.has_receipt;
    v
}
