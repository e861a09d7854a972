//! The subject and first paragraph of each kind of message, by the registration's status.

use crate::domain::RegistrationStatus;
use crate::error::Msg;
use crate::store::outbox;

/// The subject and first paragraph for a kind of message and the registration's status.
pub fn wording(kind: &str, status: RegistrationStatus) -> (Msg, Msg) {
    use RegistrationStatus as S;
    match (kind, status) {
        (outbox::CERTIFICATE, _) => (
            Msg::new("mail-certificate-subject"),
            Msg::new("mail-certificate-intro"),
        ),
        (outbox::REMINDER, _) => (
            Msg::new("mail-reminder-subject"),
            Msg::new("mail-reminder-intro"),
        ),
        (outbox::SESSION_CHANGED, _) => (
            Msg::new("mail-session-changed-subject"),
            Msg::new("mail-session-changed-intro"),
        ),
        (outbox::SESSION_CANCELLED, _) => (
            Msg::new("mail-session-cancelled-subject"),
            Msg::new("mail-session-cancelled-intro"),
        ),
        (outbox::LINK, _) => (Msg::new("mail-link-subject"), Msg::new("mail-link-intro")),
        (outbox::PAYMENT_EXPIRED, _) => (
            Msg::new("mail-payment-expired-subject"),
            Msg::new("mail-payment-expired-intro"),
        ),
        (outbox::REFUNDED, _) => (
            Msg::new("mail-refunded-subject"),
            Msg::new("mail-refunded-intro"),
        ),
        (outbox::CANCELLED, _) => (
            Msg::new("mail-cancelled-subject"),
            Msg::new("mail-cancelled-intro"),
        ),
        (_, S::Rejected) => (
            Msg::new("mail-rejected-subject"),
            Msg::new("mail-rejected-intro"),
        ),
        (_, S::Waitlisted) => (
            Msg::new("mail-waitlisted-subject"),
            Msg::new("mail-waitlisted-intro"),
        ),
        (_, S::PendingApproval) => (
            Msg::new("mail-pending-subject"),
            Msg::new("mail-pending-intro"),
        ),
        (_, S::PendingPayment) => (
            Msg::new("mail-payment-subject"),
            Msg::new("mail-payment-intro"),
        ),
        (outbox::PROMOTED, _) => (
            Msg::new("mail-promoted-subject"),
            Msg::new("mail-promoted-intro"),
        ),
        _ => (
            Msg::new("mail-confirmed-subject"),
            Msg::new("mail-confirmed-intro"),
        ),
    }
}
