//! The subject and first paragraph of each kind of message, by the registration's status.

use crate::app::agenda::Agenda;
use crate::calendar::personal;
use crate::domain::{time, RegistrationStatus};
use crate::error::Msg;
use crate::i18n::Lang;
use crate::store::outbox::{self, Claimed};
use crate::store::registrations::Registration;

use super::view::NoticePayload;

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

/// A message's subject and opening, and for a reminder the session to join, if any.
pub struct Headline {
    pub subject: String,
    pub intro: Msg,
    pub join: Option<i64>,
}

pub fn headline(agenda: &Agenda, r: &Registration, lang: Lang, m: &Claimed) -> Headline {
    let title = lang.pick(&agenda.event.title_fr, &agenda.event.title_en);
    let session = notice_session(m).and_then(|id| agenda.session(id));
    let (subject, mut intro) = wording(&m.message_kind, r.status);
    let tz = agenda.event.tz();
    if let Some(s) = session {
        let when = format!(
            "{} {}",
            time::long_date(s.starts_at, tz, lang),
            time::clock(s.starts_at, tz)
        );
        intro = intro
            .arg("session", lang.pick(&s.title_fr, &s.title_en))
            .arg("session_when", when);
    }
    let subject = subject.arg("event", title).render(lang);
    // A session reminder leads to the stream only for those who may join it; a starred
    // session in a room is a reminder of where and when.
    let joinable =
        session.is_some_and(|s| s.stream_url.is_some() && personal::may_join(agenda, r, s.format));
    let (outbox::REMINDER, Some(s)) = (m.message_kind.as_str(), session) else {
        return Headline {
            subject,
            intro,
            join: None,
        };
    };
    let name = lang.pick(&s.title_fr, &s.title_en);
    let intro = match joinable {
        true => Msg::new("mail-reminder-session-intro").arg("session", name),
        false => {
            let room = agenda.room(s.room_id).map(|r| r.name.clone());
            Msg::new("stars-reminder-intro")
                .arg("session", name)
                .arg("time", time::clock(s.starts_at, tz))
                .arg("room", room.unwrap_or_else(|| lang.t("stars-no-room")))
        }
    };
    Headline {
        subject: Msg::new("mail-reminder-session-subject")
            .arg("session", name)
            .render(lang),
        intro,
        join: joinable.then_some(s.id),
    }
}

/// The session a change notice or a reminder is about.
fn notice_session(m: &Claimed) -> Option<i64> {
    NoticePayload::read(&m.payload).session_id
}
