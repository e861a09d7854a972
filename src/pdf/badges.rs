//! Badges as a PDF, one per page at the printer's size (`domain::badge_size`): the event's
//! name small at the top, the person's name as large as fits, their organisation, the badge
//! role, and the QR code of the badge code as large as the card allows (at least about 40 mm
//! on the smallest cards, which phones read from 30 cm and more).

use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::Document;

use super::{fit, line, qr, Align, Area, Face, PT_PER_MM};
use crate::domain::badge_size::BadgeSize;

/// What one badge shows, already in the reader's language.
#[derive(Debug, Clone)]
pub struct BadgeFace {
    pub event_title: String,
    pub name: String,
    pub organisation: String,
    pub role: String,
    pub ticket: Option<String>,
    /// The badge code, the QR code's text.
    pub code: String,
}

/// The badges of `faces` at `size`, one per page; `title` names the document.
pub fn render(faces: &[BadgeFace], size: BadgeSize, title: &str) -> Result<Vec<u8>, String> {
    let regular = Face::regular()?;
    let bold = Face::bold()?;
    let (w_mm, h_mm) = size.millimetres();
    let (w, h) = (w_mm * PT_PER_MM, h_mm * PT_PER_MM);
    let mut doc = Document::new();
    doc.set_metadata(Metadata::new().title(title.to_string()));
    for face in faces {
        let settings = PageSettings::from_wh(w, h).ok_or("a badge size of no area")?;
        let mut page = doc.start_page_with(settings);
        let mut s = page.surface();
        let card = Card {
            regular: &regular,
            bold: &bold,
            w,
            h,
        };
        card.draw(&mut s, face)?;
        s.finish();
        page.finish();
    }
    doc.finish().map_err(|e| format!("{e:?}"))
}

struct Card<'a> {
    regular: &'a Face,
    bold: &'a Face,
    w: f32,
    h: f32,
}

impl Card<'_> {
    fn draw(&self, s: &mut krilla::surface::Surface, face: &BadgeFace) -> Result<(), String> {
        let m = 5.0 * PT_PER_MM;
        let (text, code, align) = if self.w > self.h {
            // Landscape (4 × 3 in): the words on the left, the code on the right.
            let side = (self.h - 2.0 * m).min(self.w * 0.42);
            let code = Area {
                x: self.w - m - side,
                y: (self.h - side) / 2.0,
                w: side,
                h: side,
            };
            let text = Area {
                x: m,
                y: m,
                w: self.w - 3.0 * m - side,
                h: self.h - 2.0 * m,
            };
            (text, code, Align::Left)
        } else {
            let side = (self.w - 2.0 * m).min(self.h * 0.42);
            let code = Area {
                x: (self.w - side) / 2.0,
                y: self.h - m - side,
                w: side,
                h: side,
            };
            let text = Area {
                x: m,
                y: m,
                w: self.w - 2.0 * m,
                h: self.h - 3.0 * m - side,
            };
            (text, code, Align::Centre)
        };
        self.words(s, face, text, align);
        qr(s, &face.code, code)
    }

    /// The event at the top; name, organisation and role centred in what is left.
    fn words(&self, s: &mut krilla::surface::Surface, face: &BadgeFace, area: Area, align: Align) {
        let small = (area.w / PT_PER_MM * 0.09).clamp(6.0, 10.0);
        let (event_size, event_lines) = fit(self.regular, &face.event_title, small, 6.0, area.w);
        let mut y = area.y;
        for l in &event_lines {
            y += event_size * 1.2;
            line(s, self.regular, event_size, l, area, y, align);
        }
        let name_max = (area.w / PT_PER_MM * 0.3).clamp(14.0, 30.0);
        let (name_size, name_lines) = fit(self.bold, &face.name, name_max, 12.0, area.w);
        let org_size = (name_size * 0.5).clamp(8.0, 14.0);
        let (org_size, org_lines) = match face.organisation.trim() {
            "" => (org_size, Vec::new()),
            org => fit(self.regular, org, org_size, 6.0, area.w),
        };
        let role = face.role.to_uppercase();
        let role_size = (org_size * 0.95).clamp(7.0, 12.0);
        let ticket_size = role_size * 0.9;
        let block = name_lines.len() as f32 * name_size * 1.15
            + org_lines.len() as f32 * org_size * 1.3
            + role_size * 1.8
            + face.ticket.as_ref().map_or(0.0, |_| ticket_size * 1.4);
        // Centred in the space under the event's name.
        let free = area.y + area.h - y;
        y += ((free - block) / 2.0).max(event_size * 0.6);
        for l in &name_lines {
            y += name_size * 1.15;
            line(s, self.bold, name_size, l, area, y, align);
        }
        for l in &org_lines {
            y += org_size * 1.3;
            line(s, self.regular, org_size, l, area, y, align);
        }
        y += role_size * 1.8;
        line(s, self.bold, role_size, &role, area, y, align);
        if let Some(ticket) = &face.ticket {
            y += ticket_size * 1.4;
            line(s, self.regular, ticket_size, ticket, area, y, align);
        }
    }
}
