//! The calendar invite an e-mail carries (iTIP): which entries, and which method.

use super::compose::Composer;
use super::view::NoticePayload;
use crate::app::agenda::Agenda;
use crate::calendar::{self, personal};
use crate::domain::{SessionStatus, SignupStatus};
use crate::i18n::Lang;
use crate::store::outbox::{self, Claimed};
use crate::store::registrations::{self, Registration};

impl Composer {
    /// The invite for people who hold a place; a cancellation withdraws it. iTIP allows one
    /// UID per `REQUEST` or `CANCEL`, so a message about one thing (the event alone, one
    /// session that moved or was cancelled) is a `REQUEST`/`CANCEL` naming the organiser and
    /// the attendee; the event with workshops is one `PUBLISH` of them all (cancelled ones
    /// marked), which calendars import whole. A registration that ends withdraws the event
    /// and every workshop it held a seat in, all marked cancelled.
    pub(super) fn invite(
        &self,
        agenda: &Agenda,
        r: &Registration,
        signups: &[registrations::Signup],
        token: &str,
        lang: Lang,
        m: &Claimed,
    ) -> Option<(&'static str, String)> {
        let withdraws = match m.message_kind.as_str() {
            outbox::ANNOUNCEMENT | outbox::REMINDER => return None,
            outbox::CANCELLED
            | outbox::SESSION_CANCELLED
            | outbox::PAYMENT_EXPIRED
            | outbox::REFUNDED => true,
            _ if r.status.holds_place() => false,
            _ => return None,
        };
        // The seats of a registration that is over are gone: its message names them. A
        // session cancelled before was withdrawn then.
        let mut signups = signups.to_vec();
        if withdraws && m.message_kind != outbox::SESSION_CANCELLED {
            for session_id in NoticePayload::read(&m.payload).sessions {
                if !signups.iter().any(|s| s.session_id == session_id) {
                    signups.push(registrations::Signup {
                        session_id,
                        status: SignupStatus::Confirmed,
                        position: None,
                    });
                }
            }
            signups.retain(|s| {
                agenda
                    .session(s.session_id)
                    .is_some_and(|s| s.status != SessionStatus::Cancelled)
            });
        }
        let mut entries = personal::entries(agenda, r, &signups, token, &self.public_url, lang);
        if withdraws {
            for e in &mut entries {
                e.cancelled = true;
            }
        }
        if matches!(
            m.message_kind.as_str(),
            outbox::SESSION_CANCELLED | outbox::SESSION_CHANGED
        ) {
            // Just that session in the attendee's calendar.
            let uid = calendar::session_uid(
                NoticePayload::read(&m.payload).session_id?,
                &calendar::uid_host(&self.public_url),
            );
            entries.retain(|e| e.uid == uid);
        }
        let method = match (entries.len(), withdraws) {
            (0, _) => return None,
            (1, true) => "CANCEL",
            (1, false) => "REQUEST",
            _ => "PUBLISH",
        };
        let organiser = if agenda.event.organiser.trim().is_empty() {
            self.from.name.clone().unwrap_or_default()
        } else {
            agenda.event.organiser.clone()
        };
        let itip = calendar::Itip {
            method,
            organizer: (organiser, self.from.email.to_string()),
            attendee: (method != "PUBLISH").then(|| (r.name.clone(), r.email.clone())),
        };
        let name = lang.pick(&agenda.event.title_fr, &agenda.event.title_en);
        Some((method, calendar::render_invite(name, &entries, &itip)))
    }
}
