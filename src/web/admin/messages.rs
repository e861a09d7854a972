//! The messages page: an organiser writes to attendees in French and English, previews the
//! message in both languages, sends a test to themselves, and confirms who gets it before
//! it goes (all without JavaScript: each step is a form submission).

use std::collections::HashMap;

use rocket::form::Form;
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;
use serde::Serialize;

use crate::app::announcements::{self, Announcement, Audience, Filter, FIELDS};
use crate::app::Db;
use crate::app::Event;
use crate::auth::{Csrf, Organiser};
use crate::domain::validate::Input;
use crate::domain::Attendance;
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{checked, shown, Done, Page};
use crate::web::admin::views::{render, Choice, Fields};

pub fn routes() -> Vec<Route> {
    routes![page, step, send]
}

/// `admin/messages`: the form, with what the last step showed.
#[derive(Serialize)]
struct MessagesPage<'a> {
    csrf: &'a str,
    event: crate::web::public::views::EventSummary,
    statuses: Vec<Choice>,
    modes: Vec<Choice>,
    values: Fields,
    errors: Fields,
    problem: Option<String>,
    /// What is wrong, each naming its field ("Subject in English: …").
    problem_fields: Vec<String>,
    notice: Option<String>,
    previews: Vec<Preview>,
}

/// The message as people reading one language will get it.
#[derive(Serialize)]
struct Preview {
    lang: &'static str,
    heading: String,
    /// Said when nobody wrote this language: these readers get the other one.
    note: Option<String>,
    subject: String,
    greeting: String,
    lines: Vec<String>,
    link_label: String,
    footer: String,
}

/// `admin/messages_confirm`: who the message will reach, before it goes.
#[derive(Serialize)]
struct ConfirmPage<'a> {
    csrf: &'a str,
    event: crate::web::public::views::EventSummary,
    /// The form's fields, carried as hidden fields to "Confirm" and "Back".
    carried: Vec<Carried>,
    reach: String,
    who: Vec<String>,
    languages: Option<String>,
    fallback: Option<String>,
    nobody: bool,
}

/// A hidden field.
#[derive(Serialize)]
struct Carried {
    name: &'static str,
    value: String,
}

/// The fields a message form carries from one step to the next.
const CARRIED: [&str; 6] = [
    "status",
    "attendance",
    "subject_fr",
    "body_fr",
    "subject_en",
    "body_en",
];

fn filter_of(input: &Input) -> Filter {
    Filter {
        status: input.get("status").map(str::to_string),
        attendance: input.get("attendance").map(str::to_string),
        ..Filter::default()
    }
}

/// What the page shows besides the form: a notice, a refusal, previews.
#[derive(Default)]
struct Shown {
    notice: Option<String>,
    refused: Option<Error>,
    previews: Vec<Preview>,
}

fn messages_page(lang: Lang, csrf: &Csrf, event: &Event, input: &Input, shown: Shown) -> Template {
    let label = |field: &str| field_label(field, lang);
    let (errors, problem, problem_fields) = match &shown.refused {
        Some(e) => {
            let errors = e.field_messages(lang);
            let listed = errors
                .iter()
                .map(|(k, m)| format!("{}{}{m}", label(k), separator(lang)))
                .collect();
            (errors, Some(e.message().render(lang)), listed)
        }
        None => (Fields::new(), None, Vec::new()),
    };
    let view = MessagesPage {
        csrf: &csrf.0,
        event: crate::web::public::pages::event_summary(event, lang),
        statuses: statuses(lang),
        modes: Attendance::ALL
            .iter()
            .map(|a| Choice::new(a.as_str(), lang.t(&format!("attendance-{}", a.as_str()))))
            .collect(),
        values: input.values.clone(),
        errors,
        problem,
        problem_fields,
        notice: shown.notice,
        previews: shown.previews,
    };
    let path = format!("/admin/events/{}/messages", event.slug);
    render("admin/messages", lang, &path, &view)
}

/// "Label: message" with the language's own spacing (French puts a space before the colon).
fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " : ",
        Lang::En => ": ",
    }
}

/// The visible label of a message form's field, to name it in the list of what is wrong.
fn field_label(field: &str, lang: Lang) -> String {
    match field {
        "subject_fr" => lang.t("forms-subject-fr"),
        "body_fr" => lang.t("forms-body-fr"),
        "subject_en" => lang.t("forms-subject-en"),
        "body_en" => lang.t("forms-body-en"),
        other => other.to_string(),
    }
}

fn statuses(lang: Lang) -> Vec<Choice> {
    crate::domain::RegistrationStatus::ALL
        .iter()
        .filter(|s| !s.is_over())
        .map(|s| Choice::new(s.as_str(), lang.t(&format!("reg-status-{}", s.as_str()))))
        .collect()
}

#[get("/events/<slug>/messages?<sent>")]
async fn page(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    sent: Option<usize>,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let notice = sent.map(|n| Msg::new("forms-sent").arg("n", n.to_string()).render(lang));
    let shown = Shown {
        notice,
        ..Shown::default()
    };
    Ok(messages_page(lang, &csrf, &event, &Input::default(), shown))
}

/// One step of writing a message, by the button pressed: `preview`, `test` (a copy to
/// me), `review` (the confirmation before sending), `edit` (back from the confirmation).
#[post("/events/<slug>/messages", data = "<form>")]
async fn step(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Page> {
    let mut input = checked(&csrf, form.into_inner())?;
    let action = input.values.remove("action").unwrap_or_default();
    let event = who.event(db, slug).await?;
    if action == "edit" {
        let page = messages_page(lang, &csrf, &event, &input, Shown::default());
        return Ok(Ok(page));
    }
    let message = match announcements::read(&input) {
        Ok(m) => m,
        Err(e) => return Ok(Err(refused(lang, &csrf, &event, &input, e)?)),
    };
    match action.as_str() {
        "test" => {
            let email = who.0.email.as_deref();
            let actor = who.0.actor();
            match announcements::send_test(db, &actor, email, &event, &message, lang).await {
                Ok(to) => {
                    let notice = Msg::new("forms-test-sent").arg("email", to).render(lang);
                    let shown = Shown {
                        notice: Some(notice),
                        ..Shown::default()
                    };
                    Ok(Ok(messages_page(lang, &csrf, &event, &input, shown)))
                }
                Err(e) => Ok(Err(refused(lang, &csrf, &event, &input, e)?)),
            }
        }
        "review" => {
            let audience = announcements::audience(db, &event, &filter_of(&input)).await?;
            Ok(Ok(confirm_page(
                lang, &csrf, &event, &input, &message, &audience,
            )))
        }
        _ => {
            let shown = Shown {
                previews: previews(&message, lang),
                ..Shown::default()
            };
            Ok(Ok(messages_page(lang, &csrf, &event, &input, shown)))
        }
    }
}

/// The form again with what is wrong (4xx), the input kept.
fn refused(
    lang: Lang,
    csrf: &Csrf,
    event: &Event,
    input: &Input,
    e: Error,
) -> Result<(Status, Template)> {
    let e = shown(e)?;
    let status = e.status();
    let shown = Shown {
        refused: Some(e),
        ..Shown::default()
    };
    Ok((status, messages_page(lang, csrf, event, input, shown)))
}

/// The message as recipients will see it, in French and in English.
fn previews(message: &Announcement, lang: Lang) -> Vec<Preview> {
    FIELDS
        .iter()
        .map(|(reader, _, _)| {
            let text = message.for_lang(*reader);
            let name = reader.t("forms-sample-name");
            Preview {
                lang: reader.code(),
                heading: match reader {
                    Lang::Fr => lang.t("forms-preview-fr"),
                    Lang::En => lang.t("forms-preview-en"),
                },
                note: message
                    .falls_back(*reader)
                    .then(|| fallback_note(*reader, lang)),
                subject: text.subject.clone(),
                greeting: Msg::new("mail-greeting").arg("name", name).render(*reader),
                lines: text.body.lines().map(str::to_string).collect(),
                link_label: reader.t("mail-link-label"),
                footer: reader.t("mail-footer"),
            }
        })
        .collect()
}

/// Said when nobody wrote `reader`'s language: they get the other one.
fn fallback_note(reader: Lang, lang: Lang) -> String {
    match reader {
        Lang::Fr => lang.t("forms-preview-fr-fallback"),
        Lang::En => lang.t("forms-preview-en-fallback"),
    }
}

fn confirm_page(
    lang: Lang,
    csrf: &Csrf,
    event: &Event,
    input: &Input,
    message: &Announcement,
    audience: &Audience,
) -> Template {
    let n = audience.ids.len();
    let who = audience
        .by_status
        .iter()
        .map(|(status, count)| {
            Msg::new("forms-confirm-status")
                .arg("status", lang.t(&format!("reg-status-{}", status.as_str())))
                .arg("n", count.to_string())
                .render(lang)
        })
        .collect();
    let languages = Msg::new("forms-confirm-languages")
        .arg("fr", audience.french.to_string())
        .arg("en", audience.english.to_string())
        .render(lang);
    let fallback = FIELDS
        .iter()
        .find(|(reader, _, _)| message.falls_back(*reader))
        .map(|(reader, _, _)| fallback_note(*reader, lang));
    let view = ConfirmPage {
        csrf: &csrf.0,
        event: crate::web::public::pages::event_summary(event, lang),
        carried: CARRIED
            .iter()
            .filter_map(|k| {
                let value = input.values.get(*k)?.clone();
                Some(Carried { name: k, value })
            })
            .collect(),
        reach: Msg::new("forms-confirm-reach")
            .arg("n", n.to_string())
            .render(lang),
        who,
        languages: (n > 0).then_some(languages),
        fallback,
        nobody: n == 0,
    };
    let path = format!("/admin/events/{}/messages", event.slug);
    render("admin/messages_confirm", lang, &path, &view)
}

/// Sends: the confirmation's "Confirm" button, and the older form's target, so this URL
/// keeps working for anything that posts to it. Audited; back to the messages page with
/// the number of people it went to.
#[post("/events/<slug>/announcements", data = "<form>")]
async fn send(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let message = match announcements::read(&input) {
        Ok(m) => m,
        Err(e) => return Ok(Err(refused(lang, &csrf, &event, &input, e)?)),
    };
    let n = announcements::send(db, &who.0.actor(), &event, &filter_of(&input), &message).await?;
    Ok(Ok(Redirect::to(format!(
        "/admin/events/{slug}/messages?sent={n}"
    ))))
}
