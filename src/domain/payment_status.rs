//! A payment's states (one payment per Stripe Checkout Session), stored as text.

use super::kinds::string_enum;
use serde::{Deserialize, Serialize};

string_enum!(PaymentStatus {
    // The Checkout Session is open: the attendee may still pay.
    Open => "open",
    Paid => "paid",
    // The Checkout Session ended unpaid (Stripe said so, or the hold ran out).
    Expired => "expired",
    // The registration was cancelled before it was paid.
    Cancelled => "cancelled",
    Refunded => "refunded",
    // A refund Summit asked Stripe for failed: organisers refund by hand.
    RefundFailed => "refund_failed",
});

impl PaymentStatus {
    /// Money that came in: what receipts and the organisers' figures count.
    pub const RECEIVED: [PaymentStatus; 3] = [
        PaymentStatus::Paid,
        PaymentStatus::Refunded,
        PaymentStatus::RefundFailed,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_through_their_stored_text() {
        for status in PaymentStatus::ALL {
            assert_eq!(PaymentStatus::parse(status.as_str()), Some(*status));
        }
        assert_eq!(PaymentStatus::RefundFailed.as_str(), "refund_failed");
        assert_eq!(PaymentStatus::parse("settled"), None);
    }
}
