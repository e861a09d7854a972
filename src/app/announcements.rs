//! An organiser's message to attendees: written in French and in English (each person gets
//! their own language; when only one is written, everybody gets that one), previewed, tried
//! on the organiser's own address, then queued in the outbox once they confirm who gets it.

use crate::domain::validate::{Checker, Input};
use crate::domain::RegistrationStatus;
use crate::error::{Error, FieldErrors, Msg, Result};
use crate::i18n::Lang;
use crate::store::events::Event;
use crate::store::{self, Db};

pub use crate::store::roster::Filter;

/// One language's subject and text.
#[derive(Debug, Clone)]
pub struct Text {
    pub subject: String,
    pub body: String,
}

/// The message as written: at least one language.
#[derive(Debug, Clone)]
pub struct Announcement {
    pub fr: Option<Text>,
    pub en: Option<Text>,
}

impl Announcement {
    /// What a person reading `lang` gets: their language, else the one written.
    pub fn for_lang(&self, lang: Lang) -> &Text {
        let (own, other) = match lang {
            Lang::Fr => (&self.fr, &self.en),
            Lang::En => (&self.en, &self.fr),
        };
        own.as_ref()
            .or(other.as_ref())
            .expect("an announcement has at least one language")
    }

    /// Whether people reading `lang` get the other language's text (theirs is not written).
    pub fn falls_back(&self, lang: Lang) -> bool {
        match lang {
            Lang::Fr => self.fr.is_none(),
            Lang::En => self.en.is_none(),
        }
    }
}

/// The form's field names, per language.
pub const FIELDS: [(Lang, &str, &str); 2] = [
    (Lang::Fr, "subject_fr", "body_fr"),
    (Lang::En, "subject_en", "body_en"),
];

/// Reads the form. The older form's single `subject` and `body` (still accepted by
/// `POST /admin/events/SLUG/announcements`) are read as the French fields, so a message
/// written that way goes to everybody as before.
pub fn read(input: &Input) -> Result<Announcement> {
    let input = with_legacy_fields(input);
    let mut c = Checker::default();
    let mut texts = [None, None];
    for (n, (_, subject_field, body_field)) in FIELDS.iter().enumerate() {
        let subject = c.optional(&input, subject_field, 200);
        let body = c.optional(&input, body_field, 10_000);
        match (subject, body) {
            (Some(subject), Some(body)) => texts[n] = Some(Text { subject, body }),
            (Some(_), None) => c.fail(body_field, Msg::new("field-required")),
            (None, Some(_)) => c.fail(subject_field, Msg::new("field-required")),
            (None, None) => {}
        }
    }
    if c.errors.is_empty() && texts.iter().all(Option::is_none) {
        c.fail("subject_fr", Msg::new("forms-announce-one-language"));
        c.fail("body_fr", Msg::new("field-required"));
    }
    c.finish()?;
    let [fr, en] = texts;
    Ok(Announcement { fr, en })
}

fn with_legacy_fields(input: &Input) -> Input {
    let new_form = FIELDS.iter().any(|(_, s, b)| input.has(s) || input.has(b));
    let mut input = input.clone();
    if !new_form {
        for (old, new) in [("subject", "subject_fr"), ("body", "body_fr")] {
            if let Some(v) = input.values.remove(old) {
                input.values.insert(new.to_string(), v);
            }
        }
    }
    input
}

/// Who a message to the filtered registrations reaches: those not over (cancelled,
/// rejected), counted by status and by the language they read.
#[derive(Debug, Clone, Default)]
pub struct Audience {
    pub ids: Vec<i64>,
    /// Statuses in `RegistrationStatus::ALL` order, those with nobody left out.
    pub by_status: Vec<(RegistrationStatus, usize)>,
    pub french: usize,
    pub english: usize,
}

pub async fn audience(db: &Db, event: &Event, filter: &Filter) -> Result<Audience> {
    let rows: Vec<_> = store::roster::list(db, event.id, filter)
        .await?
        .into_iter()
        .filter(|r| !r.status.is_over())
        .collect();
    let by_status = RegistrationStatus::ALL
        .iter()
        .map(|s| (*s, rows.iter().filter(|r| r.status == *s).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let english = rows.iter().filter(|r| r.language == "en").count();
    Ok(Audience {
        ids: rows.iter().map(|r| r.id).collect(),
        by_status,
        french: rows.len() - english,
        english,
    })
}

/// Queues the message to everyone in the audience, each in their language; audited with
/// the number of people. Answers that number.
pub async fn send(
    db: &Db,
    actor: &str,
    event: &Event,
    filter: &Filter,
    a: &Announcement,
) -> Result<usize> {
    let people = audience(db, event, filter).await?;
    let fr = a.for_lang(Lang::Fr);
    let en = a.for_lang(Lang::En);
    let texts = store::outbox::AnnouncementTexts {
        fr: (&fr.subject, &fr.body),
        en: (&en.subject, &en.body),
    };
    let n = store::outbox::announce(db, &people.ids, &texts).await?;
    let subject = format!("{} ({n})", event.slug);
    store::audit::record(db, actor, "announce", &subject).await?;
    Ok(n)
}

/// Queues one copy, in `lang`, to the organiser's own address. An API token has no
/// address: refused with a message that says so.
pub async fn send_test(
    db: &Db,
    actor: &str,
    email: Option<&str>,
    event: &Event,
    a: &Announcement,
    lang: Lang,
) -> Result<String> {
    let Some(email) = email else {
        return Err(Error::Conflict {
            message: Msg::new("forms-test-no-email"),
            fields: FieldErrors::new(),
        });
    };
    let text = a.for_lang(lang);
    let test = store::outbox::AnnouncementTest {
        recipient: email,
        event: &event.slug,
        lang: lang.code(),
        subject: &text.subject,
        body: &text.body,
    };
    store::outbox::announce_test(db, &test).await?;
    store::audit::record(db, actor, "announce-test", &event.slug).await?;
    Ok(email.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(pairs: &[(&str, &str)]) -> Input {
        Input::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    #[test]
    fn one_language_goes_to_everybody() {
        let a = read(&input(&[("subject_en", "Hi"), ("body_en", "Text")])).unwrap();
        assert_eq!(a.for_lang(Lang::Fr).subject, "Hi");
        assert!(a.falls_back(Lang::Fr) && !a.falls_back(Lang::En));
    }

    #[test]
    fn each_language_needs_its_subject_and_body() {
        let Err(Error::Unprocessable { fields }) =
            read(&input(&[("subject_fr", "Salut"), ("body_en", "Text")]))
        else {
            panic!("refused")
        };
        let names: Vec<_> = fields.keys().map(String::as_str).collect();
        assert_eq!(names, ["body_fr", "subject_en"]);
        assert!(read(&input(&[("subject_fr", " "), ("body_fr", "")])).is_err());
    }

    #[test]
    fn the_older_single_fields_still_work() {
        let a = read(&input(&[("subject", "Room change"), ("body", "B")])).unwrap();
        assert_eq!(a.for_lang(Lang::En).subject, "Room change");
    }
}
