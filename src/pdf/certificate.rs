//! A certificate of attendance as an A4 PDF: who, which event, the sessions attended with
//! their dates and hours, the total, the signatory, and the verification QR code. A long list
//! of sessions goes on to further pages; the code and the signatory close the last one.

use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::Document;

use super::{fit, line, qr, Align, Area, Face, PT_PER_MM};

/// What the certificate says, already in the reader's language.
#[derive(Debug, Clone)]
pub struct CertificateFace {
    pub document_title: String,
    pub event_title: String,
    pub heading: String,
    pub certify: String,
    pub name: String,
    pub organisation: String,
    /// The sentence after the name (the organisers' wording or Summit's).
    pub body: String,
    pub columns: [String; 3],
    /// Date and time, title, duration.
    pub rows: Vec<[String; 3]>,
    pub total: String,
    pub signatory: Vec<String>,
    pub issued: String,
    pub verify_label: String,
    pub verify_url: String,
    /// Said beside the code: how to check it offline.
    pub verify_note: String,
}

const W: f32 = 210.0 * PT_PER_MM;
const H: f32 = 297.0 * PT_PER_MM;
const MARGIN: f32 = 20.0 * PT_PER_MM;
/// Room kept at the bottom of the last page for the signatory and the code.
const CLOSING: f32 = 62.0 * PT_PER_MM;

/// Greedy word wrap of `text` at `size` in `width`.
pub fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = match current.is_empty() {
            true => word.to_string(),
            false => format!("{current} {word}"),
        };
        if face.width(&candidate, size) <= width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

struct Writer<'a> {
    regular: &'a Face,
    bold: &'a Face,
    y: f32,
}

fn content() -> Area {
    Area {
        x: MARGIN,
        y: MARGIN,
        w: W - 2.0 * MARGIN,
        h: H - 2.0 * MARGIN,
    }
}

impl Writer<'_> {
    fn text(&mut self, s: &mut Surface, bold: bool, size: f32, text: &str, align: Align) {
        let face = if bold { self.bold } else { self.regular };
        for l in wrap(face, text, size, content().w) {
            self.y += size * 1.35;
            line(s, face, size, &l, content(), self.y, align);
        }
    }

    /// One row of the sessions' table: the date and time, the title wrapped, the duration.
    fn row(&mut self, s: &mut Surface, cells: &[String; 3], bold: bool, size: f32) {
        let face = if bold { self.bold } else { self.regular };
        let a = content();
        let when_w = 48.0 * PT_PER_MM;
        let length_w = 22.0 * PT_PER_MM;
        let title_area = Area {
            x: a.x + when_w,
            w: a.w - when_w - length_w,
            ..a
        };
        let titles = wrap(face, &cells[1], size, title_area.w - 3.0 * PT_PER_MM);
        let baseline = self.y + size * 1.35;
        line(s, face, size, &cells[0], a, baseline, Align::Left);
        let length_area = Area {
            x: a.x + a.w - length_w,
            w: length_w,
            ..a
        };
        line(s, face, size, &cells[2], length_area, baseline, Align::Left);
        for (i, t) in titles.iter().enumerate() {
            line(
                s,
                face,
                size,
                t,
                title_area,
                baseline + i as f32 * size * 1.3,
                Align::Left,
            );
        }
        self.y = baseline + (titles.len().max(1) - 1) as f32 * size * 1.3 + size * 0.5;
    }
}

pub fn render(face: &CertificateFace) -> Result<Vec<u8>, String> {
    let regular = Face::regular()?;
    let bold = Face::bold()?;
    let mut doc = Document::new();
    doc.set_metadata(Metadata::new().title(face.document_title.clone()));
    let settings = || PageSettings::from_wh(W, H).ok_or("an A4 page of no area");
    let mut page = doc.start_page_with(settings()?);
    let mut s = page.surface();
    let mut w = Writer {
        regular: &regular,
        bold: &bold,
        y: MARGIN,
    };
    w.text(&mut s, false, 11.0, &face.event_title, Align::Centre);
    w.y += 8.0 * PT_PER_MM;
    w.text(&mut s, true, 24.0, &face.heading, Align::Centre);
    w.y += 6.0 * PT_PER_MM;
    w.text(&mut s, false, 12.0, &face.certify, Align::Centre);
    let (name_size, name_lines) = fit(&bold, &face.name, 26.0, 14.0, content().w);
    for l in &name_lines {
        w.y += name_size * 1.3;
        line(&mut s, &bold, name_size, l, content(), w.y, Align::Centre);
    }
    if !face.organisation.trim().is_empty() {
        w.text(&mut s, false, 12.0, &face.organisation, Align::Centre);
    }
    w.y += 4.0 * PT_PER_MM;
    w.text(&mut s, false, 11.5, &face.body, Align::Left);
    w.y += 4.0 * PT_PER_MM;
    w.row(&mut s, &face.columns, true, 10.0);
    for cells in &face.rows {
        // A row that would run into the page's end starts a new page (with the header).
        if w.y + 14.0 * PT_PER_MM > H - MARGIN {
            s.finish();
            page.finish();
            page = doc.start_page_with(settings()?);
            s = page.surface();
            w.y = MARGIN;
            w.row(&mut s, &face.columns, true, 10.0);
        }
        w.row(&mut s, cells, false, 10.0);
    }
    w.y += 3.0 * PT_PER_MM;
    w.text(&mut s, true, 12.0, &face.total, Align::Left);
    if w.y > H - MARGIN - CLOSING {
        s.finish();
        page.finish();
        page = doc.start_page_with(settings()?);
        s = page.surface();
    }
    closing(&mut s, &regular, &bold, face)?;
    s.finish();
    page.finish();
    doc.finish().map_err(|e| format!("{e:?}"))
}

/// The signatory on the left, the QR code of the verify address on the right, at the bottom.
fn closing(
    s: &mut Surface,
    regular: &Face,
    bold: &Face,
    face: &CertificateFace,
) -> Result<(), String> {
    let side = 42.0 * PT_PER_MM;
    let top = H - MARGIN - side;
    let code = Area {
        x: W - MARGIN - side,
        y: top,
        w: side,
        h: side,
    };
    qr(s, &face.verify_url, code)?;
    let left = Area {
        x: MARGIN,
        y: top,
        w: W - 2.0 * MARGIN - side - 6.0 * PT_PER_MM,
        h: side,
    };
    let mut y = top + 4.0 * PT_PER_MM;
    y += 11.0 * 1.3;
    line(s, regular, 11.0, &face.issued, left, y, Align::Left);
    for (i, l) in face.signatory.iter().enumerate() {
        y += 11.0 * 1.4;
        let f = if i == 0 { bold } else { regular };
        line(s, f, 11.0, l, left, y, Align::Left);
    }
    y += 8.0 * PT_PER_MM;
    line(s, bold, 8.5, &face.verify_label, left, y, Align::Left);
    for l in wrap_anywhere(regular, &face.verify_url, 7.0, left.w) {
        y += 7.0 * 1.3;
        line(s, regular, 7.0, &l, left, y, Align::Left);
    }
    for l in wrap(regular, &face.verify_note, 7.0, left.w) {
        y += 7.0 * 1.3;
        line(s, regular, 7.0, &l, left, y, Align::Left);
    }
    Ok(())
}

/// Wraps a text without spaces (an address with its code) wherever the width ends.
fn wrap_anywhere(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if face.width(&current, size) > width {
            current.pop();
            lines.push(std::mem::take(&mut current));
            current.push(c);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_within_the_width_and_a_long_address_anywhere() {
        let face = Face::regular().unwrap();
        let lines = wrap(
            &face,
            "Atelier : données ouvertes et solidarité numérique",
            10.0,
            90.0,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| face.width(l, 10.0) <= 90.0));
        let url = "https://summit.example/verify/C1.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
        let lines = wrap_anywhere(&face, url, 7.0, 100.0);
        assert_eq!(lines.concat(), url);
        assert!(lines.len() > 1);
    }
}
