//! PDF output with krilla: badges for badge and label printers (`badges`). The fonts are
//! DejaVu Sans, regular and bold (`fonts/`, under their licence), embedded and subset by
//! krilla, so names with accents (Kaboré-Sanou, Béouindé) print alike everywhere; their
//! advance widths (ttf-parser) let a long name shrink or wrap to fit the card.

pub mod badges;
pub mod certificate;

use krilla::geom::{PathBuilder, Point, Rect};
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

const SANS: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
const SANS_BOLD: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

/// Points in a millimetre (PDF measures in points, 1/72 in).
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// A font to draw with, and its metrics to measure with.
#[derive(Clone)]
pub struct Face {
    font: Font,
    metrics: ttf_parser::Face<'static>,
}

impl Face {
    fn load(data: &'static [u8]) -> Result<Face, String> {
        Ok(Face {
            font: Font::new(data.into(), 0).ok_or("the font does not load")?,
            metrics: ttf_parser::Face::parse(data, 0).map_err(|e| e.to_string())?,
        })
    }

    pub fn regular() -> Result<Face, String> {
        Face::load(SANS)
    }

    pub fn bold() -> Result<Face, String> {
        Face::load(SANS_BOLD)
    }

    /// The width of `text` at `size` points (advances, no kerning: enough to lay out).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let m = &self.metrics;
        let units: u32 = text
            .chars()
            .map(|c| {
                m.glyph_index(c)
                    .and_then(|g| m.glyph_hor_advance(g))
                    .unwrap_or(m.units_per_em() / 2) as u32
            })
            .sum();
        units as f32 * size / m.units_per_em() as f32
    }
}

/// How a line sits in its box.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
}

/// A rectangle of the page, in points from its top left corner.
#[derive(Clone, Copy, Debug)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// Draws one line of text with its baseline at `baseline`, in `area`'s width.
pub fn line(
    s: &mut Surface,
    face: &Face,
    size: f32,
    text: &str,
    area: Area,
    baseline: f32,
    align: Align,
) {
    let x = match align {
        Align::Left => area.x,
        Align::Centre => area.x + ((area.w - face.width(text, size)) / 2.0).max(0.0),
    };
    s.set_fill(Some(Fill::default()));
    s.draw_text(
        Point::from_xy(x, baseline),
        face.font.clone(),
        size,
        text,
        false,
        TextDirection::Auto,
    );
}

/// The largest size from `max` down to `min` at which `text` fits `width` on one line, or
/// on two lines (split at the space or hyphen nearest the middle), with the lines.
pub fn fit(face: &Face, text: &str, max: f32, min: f32, width: f32) -> (f32, Vec<String>) {
    let one = vec![text.to_string()];
    let fits = |lines: &[String], size: f32| lines.iter().all(|l| face.width(l, size) <= width);
    let mut size = max;
    while size > min {
        if fits(&one, size) {
            return (size, one);
        }
        size -= 0.5;
    }
    let two = split_in_two(text);
    let mut size = max;
    while size > min * 0.6 {
        if fits(&two, size) {
            return (size, two);
        }
        size -= 0.5;
    }
    (size, two)
}

fn split_in_two(text: &str) -> Vec<String> {
    let middle = text.len() / 2;
    let cut = text
        .char_indices()
        .filter(|(_, c)| *c == ' ' || *c == '-')
        .min_by_key(|(i, _)| i.abs_diff(middle));
    match cut {
        Some((i, c)) => {
            // A hyphen stays with the first line; a space goes.
            let end = if c == '-' { i + 1 } else { i };
            vec![
                text[..end].trim().to_string(),
                text[i + 1..].trim().to_string(),
            ]
        }
        None => vec![text.to_string()],
    }
}

/// A QR code of `text` filling the square `area` (with its quiet zone of four modules), drawn
/// as vector squares, so it stays sharp at any printer's resolution.
pub fn qr(s: &mut Surface, text: &str, area: Area) -> Result<(), String> {
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| e.to_string())?;
    let n = code.width();
    let colors = code.to_colors();
    let module = area.w.min(area.h) / (n + 8) as f32;
    let mut path = PathBuilder::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] != qrcode::Color::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < n && colors[row * n + col] == qrcode::Color::Dark {
                col += 1;
            }
            let x = area.x + (start + 4) as f32 * module;
            let y = area.y + (row + 4) as f32 * module;
            if let Some(r) = Rect::from_xywh(x, y, (col - start) as f32 * module, module) {
                path.push_rect(r);
            }
        }
    }
    if let Some(path) = path.finish() {
        s.set_fill(Some(Fill::default()));
        s.draw_path(&path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_shrinks_then_wraps_at_a_hyphen_or_space() {
        let bold = Face::bold().unwrap();
        let (size, lines) = fit(&bold, "Ana Li", 28.0, 12.0, 200.0);
        assert_eq!((size, lines.len()), (28.0, 1));
        let (_, lines) = fit(
            &bold,
            "Aminata Kaboré-Sanou Lacaze-Moreau",
            28.0,
            14.0,
            150.0,
        );
        assert_eq!(lines, vec!["Aminata Kaboré-", "Sanou Lacaze-Moreau"]);
        assert!(bold.width("é", 10.0) > 0.0);
    }
}
