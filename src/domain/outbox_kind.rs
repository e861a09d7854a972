//! The kinds of messages the outbox holds, stored as text in `outbox.message_kind`.

use super::kinds::string_enum;
use serde::{Deserialize, Serialize};

string_enum!(OutboxKind {
    Registered => "registered",
    Link => "link",
    Promoted => "promoted",
    Cancelled => "cancelled",
    Decided => "decided",
    SessionChanged => "session_changed",
    SessionCancelled => "session_cancelled",
    // A paid ticket's payment went through: the registration is confirmed.
    Paid => "paid",
    // A payment hold ran out (or the payment came too late): the place was released.
    PaymentExpired => "payment_expired",
    // Cancelled with the ticket's price refunded.
    Refunded => "refunded",
    // An organiser's own subject and text.
    Announcement => "announcement",
    Reminder => "reminder",
    // A certificate of attendance is ready (the payload is its id).
    Certificate => "certificate",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_stored_text() {
        for kind in OutboxKind::ALL {
            assert_eq!(OutboxKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(OutboxKind::PaymentExpired.as_str(), "payment_expired");
        assert_eq!(OutboxKind::parse("newsletter"), None);
    }
}
