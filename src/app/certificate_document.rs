//! What a certificate reads, in one language: the same words for the printable page, the
//! PDF and the verify page, from the certificate as issued (not the programme as it is now).

use serde::Serialize;

use crate::app::certificates::{Certificate, WHOLE_EVENT};
use crate::app::Event;
use crate::domain::attendance::hours_text;
use crate::domain::certificate::{Settings, Statement};
use crate::domain::time;
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::pdf::certificate::{self as pdf, CertificateFace};

/// One session attended, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub when: String,
    pub title: String,
    pub length: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: i64,
    pub heading: String,
    pub event_title: String,
    pub certify: String,
    pub name: String,
    pub body: String,
    pub columns: [String; 3],
    pub lines: Vec<Line>,
    pub total: String,
    pub signatory: Vec<String>,
    pub issued: String,
    pub verify_label: String,
    pub verify_url: String,
    pub verify_note: String,
    pub code: String,
}

fn dates(event: &Event, lang: Lang) -> String {
    let tz = event.tz();
    let (a, b) = (time::day(event.starts_at, tz), time::day(event.ends_at, tz));
    match a == b {
        true => time::long_date(event.starts_at, tz, lang),
        false => format!(
            "{} – {}",
            time::long_date(event.starts_at, tz, lang),
            time::long_date(event.ends_at, tz, lang)
        ),
    }
}

/// The certificate's words in `lang`; `public_url` makes the verify address of `code`.
pub fn document(
    event: &Event,
    settings: &Settings,
    c: &Certificate,
    code: &str,
    public_url: &str,
    lang: Lang,
) -> Document {
    let st = &c.statement;
    let tz = event.tz();
    let event_title = lang.pick(&event.title_fr, &event.title_en).to_string();
    let certify = match event.organiser.trim() {
        "" => lang.t("certificate-certify"),
        who => Msg::new("certificate-certify-by")
            .arg("organiser", who)
            .render(lang),
    };
    let wording = lang.pick(&settings.wording_fr, &settings.wording_en).trim();
    let body = match wording {
        "" => Msg::new("certificate-body")
            .arg("event", &event_title)
            .arg("dates", dates(event, lang))
            .render(lang),
        own => own.to_string(),
    };
    let signatory = [&settings.signatory_name, &settings.signatory_title]
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .cloned()
        .collect();
    let issued = Msg::new("certificate-issued")
        .arg("date", time::long_date(c.issued_at, tz, lang))
        .arg("id", c.id.to_string())
        .render(lang);
    let base = public_url.trim_end_matches('/');
    Document {
        id: c.id,
        heading: lang.t("certificate-heading"),
        event_title,
        certify,
        name: st.name.clone(),
        body,
        columns: [
            lang.t("certificate-col-when"),
            lang.t("certificate-col-session"),
            lang.t("certificate-col-length"),
        ],
        lines: lines(event, st, lang),
        total: total(st, lang),
        signatory,
        issued,
        verify_label: lang.t("certificate-verify-label"),
        verify_url: format!("{base}/verify/{code}"),
        verify_note: Msg::new("certificate-verify-note")
            .arg("key", format!("{base}/events/{}/verifying-key", event.slug))
            .render(lang),
        code: code.to_string(),
    }
}

/// One line per session attended: when (in the event's zone), what, how long.
fn lines(event: &Event, st: &Statement, lang: Lang) -> Vec<Line> {
    let tz = event.tz();
    st.sessions
        .iter()
        .map(|s| Line {
            when: match s.session_id {
                WHOLE_EVENT => dates(event, lang),
                _ => format!(
                    "{} {}–{}",
                    time::day(s.starts_at, tz).format("%d/%m/%Y"),
                    time::clock(s.starts_at, tz),
                    time::clock(s.ends_at, tz)
                ),
            },
            title: lang.pick(&s.title_fr, &s.title_en).to_string(),
            length: hours_text(s.minutes * 60),
        })
        .collect()
}

/// "Total attended: 6 h of the 8 h of the programme (75 %)".
fn total(st: &Statement, lang: Lang) -> String {
    let percent = match st.programme_minutes {
        0 => 0,
        p => st.minutes * 100 / p,
    };
    Msg::new("certificate-total")
        .arg("hours", hours_text(st.minutes * 60))
        .arg("programme", hours_text(st.programme_minutes * 60))
        .arg("percent", percent.to_string())
        .render(lang)
}

/// The document as an A4 PDF.
pub fn pdf(d: &Document, organisation: &str) -> Result<Vec<u8>> {
    let face = CertificateFace {
        document_title: format!("{} — {}", d.heading, d.name),
        event_title: d.event_title.clone(),
        heading: d.heading.clone(),
        certify: d.certify.clone(),
        name: d.name.clone(),
        organisation: organisation.to_string(),
        body: d.body.clone(),
        columns: d.columns.clone(),
        rows: d
            .lines
            .iter()
            .map(|l| [l.when.clone(), l.title.clone(), l.length.clone()])
            .collect(),
        total: d.total.clone(),
        signatory: d.signatory.clone(),
        issued: d.issued.clone(),
        verify_label: d.verify_label.clone(),
        verify_url: d.verify_url.clone(),
        verify_note: d.verify_note.clone(),
    };
    pdf::render(&face).map_err(Error::Internal)
}

/// The certificate an outbox row announces (its id is the row's `payload`), as a PDF with its
/// file name, for the e-mail; `None` if it was withdrawn or erased since it was queued.
pub async fn attachment(
    db: &crate::app::Db,
    event: &Event,
    r: &crate::app::Registration,
    payload: &str,
    public_url: &str,
    lang: Lang,
) -> Result<Option<(String, Vec<u8>)>> {
    let Ok(id) = payload.parse::<i64>() else {
        return Ok(None);
    };
    let Some(issued) = crate::app::certificates::in_force(db, r.id, id).await? else {
        return Ok(None);
    };
    let settings = crate::store::certificates::settings(db, event.id).await?;
    let d = document(
        event,
        &settings,
        &issued.certificate,
        &issued.code,
        public_url,
        lang,
    );
    let pdf = pdf(&d, &r.organisation)?;
    Ok(Some((format!("certificate-{}-{id}.pdf", event.slug), pdf)))
}
