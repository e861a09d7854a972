//! Turning an outbox row into an e-mail in the attendee's language: plain text and HTML, a
//! fresh personal link, and the invite (`METHOD:REQUEST`, or `CANCEL`) as a calendar part.

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use rocket_dyn_templates::handlebars::Handlebars;

use crate::app::agenda::Agenda;
use crate::calendar::{self, personal};
use crate::config::Settings;
use crate::domain::{time, RegistrationStatus, SessionStatus, SignupStatus};
use crate::error::Msg;
use crate::i18n::Lang;
use crate::store::outbox::{self, Claimed};
use crate::store::registrations::{self, Registration};
use crate::store::{self, Db};

use super::view::{AnnouncementPayload, MailSession, MailView};
use super::wording::headline;

pub struct Composer {
    /// Plain text is not HTML-escaped; the HTML registry escapes everything it inserts.
    text: Handlebars<'static>,
    hbs: Handlebars<'static>,
    pub(super) from: Mailbox,
    pub(super) public_url: String,
}

impl Composer {
    pub fn new(settings: &Settings) -> Result<Composer, String> {
        let mut text = Handlebars::new();
        let plain = include_str!("../../templates/email/message_text.txt.hbs");
        text.register_template_string("text", plain)
            .map_err(|e| e.to_string())?;
        text.register_escape_fn(rocket_dyn_templates::handlebars::no_escape);
        let mut hbs = Handlebars::new();
        let html = include_str!("../../templates/email/message.html.hbs");
        hbs.register_template_string("html", html)
            .map_err(|e| e.to_string())?;
        let from = settings
            .mail_from
            .parse()
            .map_err(|e| format!("MAIL_FROM: {e}"))?;
        Ok(Composer {
            text,
            hbs,
            from,
            public_url: settings.public_url.trim_end_matches('/').to_string(),
        })
    }

    /// The e-mail for an outbox row, or `None` when its registration no longer exists.
    pub async fn compose(&self, db: &Db, m: &Claimed) -> Result<Option<Message>, String> {
        let Some(id) = m.registration_id else {
            return self.announcement_test(m);
        };
        let Some(reader) = Reader::load(db, id).await.map_err(|e| e.to_string())? else {
            return Ok(None);
        };
        let (subject, mut data) = self.view(&reader, m);
        let Reader {
            r,
            lang,
            agenda,
            signups,
            token,
        } = &reader;
        let lang = *lang;
        let certificate = match m.message_kind.as_str() {
            outbox::CERTIFICATE => {
                let attached = crate::app::certificate_document::attachment(
                    db,
                    &agenda.event,
                    r,
                    &m.payload,
                    &self.public_url,
                    lang,
                );
                let Some(pdf) = attached.await.map_err(|e| e.to_string())? else {
                    // Withdrawn or erased since it was queued: nothing to send.
                    return Ok(None);
                };
                data.link = format!("{}/r/{token}/certificate", self.public_url);
                data.link_label = lang.t("mail-certificate-link");
                // The certificate lists what was attended; the seats held do not matter now.
                data.sessions.clear();
                Some(pdf)
            }
            _ => None,
        };
        let badge = badge_png(db, r, &m.message_kind)
            .await
            .map_err(|e| e.to_string())?;
        if badge.is_some() {
            data.badge_alt = Some(Msg::new("badge-qr-alt").arg("name", &r.name).render(lang));
        }
        let mut mixed = MultiPart::mixed().multipart(self.body(&data, badge)?);
        if let Some((name, pdf)) = certificate {
            let kind = ContentType::parse("application/pdf").map_err(|e| e.to_string())?;
            mixed = mixed.singlepart(Attachment::new(name).body(pdf, kind));
        }
        if let Some((method, ics)) = self.invite(agenda, r, signups, token, lang, m) {
            let kind = format!("text/calendar; method={method}; charset=utf-8");
            let kind = ContentType::parse(&kind).map_err(|e| e.to_string())?;
            mixed = mixed.singlepart(invite_part(ics, kind));
        }
        self.envelope(m, subject)?
            .multipart(mixed)
            .map(Some)
            .map_err(|e| e.to_string())
    }

    /// The message's subject and what its templates receive, by its kind: an announcement's
    /// own words, a reminder's join link.
    fn view(&self, reader: &Reader, m: &Claimed) -> (String, MailView) {
        let Reader {
            r,
            lang,
            agenda,
            signups,
            token,
        } = reader;
        let lang = *lang;
        let headline = headline(agenda, r, lang, m);
        let mut subject = headline.subject;
        let mut data = self.data(agenda, r, signups, token, lang, &subject, headline.intro);
        if let Some((own_subject, text)) =
            announcement(m).filter(|_| m.message_kind == outbox::ANNOUNCEMENT)
        {
            subject = own_subject;
            data.subject = subject.clone();
            data.intro = text;
        }
        if let (outbox::REMINDER, Some(id)) = (m.message_kind.as_str(), headline.join) {
            data.link = personal::join_url(&self.public_url, token, id);
            data.link_label = lang.t("calendar-join-link");
        }
        (subject, data)
    }

    /// Plain text and HTML; with the badge as an inline image the HTML part shows (cid:badge).
    fn body(&self, data: &MailView, badge: Option<Vec<u8>>) -> Result<MultiPart, String> {
        let text = self.text.render("text", data).map_err(|e| e.to_string())?;
        let html = (self.hbs.render("html", data)).map_err(|e| e.to_string())?;
        Ok(match badge {
            Some(png) => MultiPart::alternative()
                .singlepart(SinglePart::plain(text))
                .multipart(
                    MultiPart::related()
                        .singlepart(SinglePart::html(html))
                        .singlepart(Attachment::new_inline("badge".into()).body(
                            png,
                            ContentType::parse("image/png").map_err(|e| e.to_string())?,
                        )),
                ),
            None => MultiPart::alternative_plain_html(text, html),
        })
    }

    /// From, to, subject and the headers every message carries.
    fn envelope(
        &self,
        m: &Claimed,
        subject: String,
    ) -> Result<lettre::message::MessageBuilder, String> {
        let to: Mailbox = m.recipient.parse().map_err(|e| format!("recipient: {e}"))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            // One id per outbox row: a message sent twice (delivery is at least once) is
            // seen by mail systems as the same message.
            .message_id(Some(format!(
                "<outbox-{}@{}>",
                m.id,
                calendar::uid_host(&self.public_url)
            )))
            .date_now()
            .raw_header(header("Auto-Submitted", "auto-generated".into())?);
        if m.message_kind == outbox::ANNOUNCEMENT {
            // Announcements go to many at once: a way to ask the organisers to stop them.
            let stop = format!("<mailto:{}?subject=unsubscribe>", self.from.email);
            builder = builder.raw_header(header("List-Unsubscribe", stop)?);
        }
        Ok(builder)
    }

    #[allow(clippy::too_many_arguments)]
    fn data(
        &self,
        agenda: &Agenda,
        r: &Registration,
        signups: &[registrations::Signup],
        token: &str,
        lang: Lang,
        subject: &str,
        intro: Msg,
    ) -> MailView {
        let tz = agenda.event.tz();
        let title = lang.pick(&agenda.event.title_fr, &agenda.event.title_en);
        let when = format!(
            "{} {}",
            time::long_date(agenda.event.starts_at, tz, lang),
            time::clock(agenda.event.starts_at, tz)
        );
        let sessions: Vec<MailSession> = signups
            .iter()
            .filter_map(|s| {
                let session = agenda.session(s.session_id)?;
                // A cancelled workshop keeps its signup row, but no place is held in it.
                let status = match (session.status, s.status) {
                    (SessionStatus::Cancelled, _) => lang.t("session-cancelled"),
                    (_, SignupStatus::Confirmed) => lang.t("signup-confirmed"),
                    _ => lang.t("signup-waitlisted"),
                };
                let starts = session.starts_at;
                Some(MailSession {
                    title: lang.pick(&session.title_fr, &session.title_en).to_string(),
                    when: format!(
                        "{} {}",
                        time::long_date(starts, tz, lang),
                        time::clock(starts, tz)
                    ),
                    status,
                })
            })
            .collect();
        MailView {
            lang: lang.code(),
            subject: subject.to_string(),
            greeting: Msg::new("mail-greeting").arg("name", &r.name).render(lang),
            intro: intro.arg("event", title).arg("when", when).render(lang),
            sessions_heading: lang.t("attendee-sessions-heading"),
            sessions,
            link_label: lang.t("mail-link-label"),
            link: format!("{}/r/{token}", self.public_url),
            footer: lang.t("mail-footer"),
            badge_alt: None,
        }
    }
}

impl Composer {
    /// An organiser's test of an announcement, to their own address: the attendees' message
    /// with a sample name, and the event's page where attendees find their personal link.
    fn announcement_test(&self, m: &Claimed) -> Result<Option<Message>, String> {
        let Some(payload) = AnnouncementPayload::read(&m.payload)
            .filter(|_| m.message_kind == outbox::ANNOUNCEMENT)
        else {
            return Ok(None);
        };
        let lang = Lang::parse(&payload.lang).unwrap_or(Lang::Fr);
        let slug = payload.event;
        let body = payload.body;
        let subject = Msg::new("forms-test-subject")
            .arg("subject", &payload.subject)
            .render(lang);
        let greeting = Msg::new("mail-greeting").arg("name", lang.t("forms-sample-name"));
        let data = MailView {
            lang: lang.code(),
            subject: subject.clone(),
            greeting: greeting.render(lang),
            intro: body,
            link_label: lang.t("forms-test-link-label"),
            link: format!("{}/events/{slug}", self.public_url),
            footer: lang.t("forms-test-footer"),
            ..MailView::default()
        };
        let text = self.text.render("text", &data).map_err(|e| e.to_string())?;
        let html = self.hbs.render("html", &data).map_err(|e| e.to_string())?;
        let to: Mailbox = m.recipient.parse().map_err(|e| format!("recipient: {e}"))?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(format!(
                "<outbox-{}@{}>",
                m.id,
                calendar::uid_host(&self.public_url)
            )))
            .date_now()
            .raw_header(header("Auto-Submitted", "auto-generated".into())?)
            .multipart(MultiPart::alternative_plain_html(text, html))
            .map(Some)
            .map_err(|e| e.to_string())
    }
}

/// The registration a message goes to, with what its words are made of.
struct Reader {
    r: Registration,
    lang: Lang,
    agenda: Agenda,
    signups: Vec<registrations::Signup>,
    /// A fresh personal link's token (no token is stored in the clear).
    token: String,
}

impl Reader {
    /// `None` when the registration is gone, or is a walk-in's without an address.
    async fn load(db: &Db, id: i64) -> crate::store::error::Result<Option<Reader>> {
        let r = match registrations::get(db, id).await {
            Ok(r) => r,
            Err(crate::store::error::Error::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        if crate::domain::walk_in::is_placeholder(&r.email) {
            return Ok(None);
        }
        let event = store::events::by_id(db, r.event_id).await?;
        let agenda = Agenda::load(db, event).await?;
        let signups = registrations::signups(db, r.id).await?;
        let token = registrations::issue_token(db, r.id).await?;
        Ok(Some(Reader {
            lang: Lang::parse(&r.language).unwrap_or(Lang::Fr),
            r,
            agenda,
            signups,
            token,
        }))
    }
}

fn header(name: &str, value: String) -> Result<HeaderValue, String> {
    let name = HeaderName::new_from_ascii(name.to_string()).map_err(|e| e.to_string())?;
    Ok(HeaderValue::new(name, value))
}

fn invite_part(ics: String, kind: ContentType) -> SinglePart {
    Attachment::new("invite.ics".into()).body(ics, kind)
}

/// The QR badge for messages that confirm a place.
async fn badge_png(db: &Db, r: &Registration, kind: &str) -> crate::Result<Option<Vec<u8>>> {
    let confirms = matches!(
        kind,
        outbox::REGISTERED | outbox::PROMOTED | outbox::DECIDED | outbox::LINK
    );
    if !confirms || r.status != RegistrationStatus::Confirmed {
        return Ok(None);
    }
    let code = crate::app::checkin::code_for(db, r).await?;
    crate::qr::png(&code).map(Some)
}

/// An organiser's announcement: their own subject and text.
fn announcement(m: &Claimed) -> Option<(String, String)> {
    AnnouncementPayload::read(&m.payload).map(|a| (a.subject, a.body))
}
