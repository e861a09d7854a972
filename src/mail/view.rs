//! What a message's templates receive (`templates/email/`), one typed shape for the plain
//! text and the HTML part; and the outbox payloads read back as the types they were written as.

use serde::{Deserialize, Serialize};

/// One message, in the reader's language.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MailView {
    pub lang: &'static str,
    pub subject: String,
    pub greeting: String,
    pub intro: String,
    pub sessions_heading: String,
    /// The workshops the registration chose, with their standing (empty: no list).
    pub sessions: Vec<MailSession>,
    pub link_label: String,
    pub link: String,
    pub footer: String,
    /// The inline badge's text alternative, when the message carries the badge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub badge_alt: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MailSession {
    pub title: String,
    pub when: String,
    pub status: String,
}

/// An announcement's payload: the organiser's subject and text; for a test copy, also the
/// event and the language to write it in.
#[derive(Debug, Clone, Deserialize)]
pub struct AnnouncementPayload {
    pub subject: String,
    pub body: String,
    #[serde(default)]
    pub event: String,
    #[serde(default)]
    pub lang: String,
}

/// A notice's payload: the session it is about, or the sessions a registration held when it
/// ended (see `store::outbox`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NoticePayload {
    pub session_id: Option<i64>,
    #[serde(default)]
    pub sessions: Vec<i64>,
}

impl AnnouncementPayload {
    pub fn read(payload: &str) -> Option<AnnouncementPayload> {
        serde_json::from_str(payload).ok()
    }
}

impl NoticePayload {
    /// The payload as written; a reminder's is `session-ID` text, not JSON.
    pub fn read(payload: &str) -> NoticePayload {
        if let Some(id) = payload.strip_prefix("session-") {
            return NoticePayload {
                session_id: id.parse().ok(),
                sessions: Vec::new(),
            };
        }
        serde_json::from_str(payload).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_read_back_as_written() {
        assert_eq!(NoticePayload::read("session-12").session_id, Some(12));
        let ended = NoticePayload::read(r#"{"sessions": [3, 4]}"#);
        assert_eq!((ended.session_id, ended.sessions), (None, vec![3, 4]));
        assert_eq!(NoticePayload::read("42").session_id, None);
        let a = AnnouncementPayload::read(r#"{"subject": "S", "body": "B"}"#).unwrap();
        assert_eq!((a.subject.as_str(), a.event.as_str()), ("S", ""));
        assert!(AnnouncementPayload::read("session-1").is_none());
    }
}
