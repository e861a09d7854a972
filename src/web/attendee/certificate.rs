//! The attendee's certificate of attendance: a printable page and an A4 PDF, from their
//! personal link. Before the end, below the minimum or withdrawn, the page says why.

use rocket::http::{ContentType, Header, Status};
use rocket::{get, routes, Responder, Route, State};
use rocket_dyn_templates::Template;

use crate::app::certificate_document::{self, Document};
use crate::app::certificates::{self, Mine};
use crate::app::Db;
use crate::config::Settings;
use crate::domain::certificate::Unavailable;
use crate::domain::time;
use crate::error::Result;
use crate::i18n::Lang;
use crate::qr;
use crate::web::attendee::views::CertificatePage;
use crate::web::page;
use crate::web::public::views::{page_data, EventSummary};
use crate::web::security_headers::PRIVATE_NO_STORE;

pub fn routes() -> Vec<Route> {
    routes![certificate_page, certificate_pdf]
}

/// Why there is no certificate, in the visitor's language (with the instant it opens).
pub fn why(mine: &Mine, unavailable: Unavailable, lang: Lang) -> String {
    let mut message = unavailable.message();
    if let Unavailable::NotYet { from } = unavailable {
        let tz = mine.frame.agenda.event.tz();
        let when = format!(
            "{} {}",
            time::long_date(from, tz, lang),
            time::clock(from, tz)
        );
        message = message.arg("from", when);
    }
    message.render(lang)
}

fn document(mine: &Mine, public_url: &str, lang: Lang) -> Option<Document> {
    let issued = mine.answer.as_ref().ok()?;
    Some(certificate_document::document(
        &mine.frame.agenda.event,
        &mine.frame.settings,
        &issued.certificate,
        &issued.code,
        public_url,
        lang,
    ))
}

fn shown(mine: &Mine, token: &str, public_url: &str, lang: Lang) -> Result<(Status, Template)> {
    let document = document(mine, public_url, lang);
    let qr = match &document {
        Some(d) => Some(qr::svg(&d.verify_url, true)?),
        None => None,
    };
    let (status, message) = match &mine.answer {
        Ok(_) => (Status::Ok, None),
        Err(Unavailable::NotOffered) => (
            Status::NotFound,
            Some(why(mine, Unavailable::NotOffered, lang)),
        ),
        Err(u) => (Status::Conflict, Some(why(mine, *u, lang))),
    };
    let view = CertificatePage {
        token: token.to_string(),
        event: EventSummary::new(&mine.frame.agenda.event, lang),
        document,
        qr,
        message,
    };
    let path = format!("/r/{token}/certificate");
    Ok((status, page("certificate", lang, &path, page_data(&view))))
}

#[get("/<token>/certificate")]
async fn certificate_page(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    token: &str,
) -> Result<(Status, Template)> {
    let mine = certificates::mine(db, token, settings.join_opens_minutes).await?;
    shown(&mine, token, &settings.public_url, lang)
}

#[derive(Responder)]
pub enum Answer {
    Pdf(Vec<u8>, ContentType, Header<'static>, Header<'static>),
    Page((Status, Template)),
}

#[get("/<token>/certificate.pdf")]
async fn certificate_pdf(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    token: &str,
) -> Result<Answer> {
    let mine = certificates::mine(db, token, settings.join_opens_minutes).await?;
    let Some(d) = document(&mine, &settings.public_url, lang) else {
        return Ok(Answer::Page(shown(
            &mine,
            token,
            &settings.public_url,
            lang,
        )?));
    };
    let bytes = certificate_document::pdf(&d, &mine.registration.organisation)?;
    let name = format!(
        "attachment; filename=\"certificate-{}-{}.pdf\"",
        mine.frame.agenda.event.slug, d.id
    );
    Ok(Answer::Pdf(
        bytes,
        ContentType::PDF,
        Header::new("Content-Disposition", name),
        Header::new("Cache-Control", PRIVATE_NO_STORE),
    ))
}
