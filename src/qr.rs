//! QR codes of badge codes, as SVG (pages, printing) and PNG (e-mail, phones).

use qrcode::render::svg;
use qrcode::{Color, EcLevel, QrCode};

use crate::error::{Error, Result};

/// Pixels per module in the PNG, and the quiet zone around the code, in modules.
const PNG_SCALE: usize = 8;
const QUIET: usize = 4;

fn code(text: &str) -> Result<QrCode> {
    // Level M survives a scuffed or folded badge and keeps the code small.
    QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| Error::Internal(format!("QR code: {e}")))
}

/// An SVG document; `inline` leaves out the XML declaration to put it inside a page.
pub fn svg(text: &str, inline: bool) -> Result<String> {
    let image = code(text)?
        .render::<svg::Color>()
        .module_dimensions(PNG_SCALE as u32, PNG_SCALE as u32)
        .quiet_zone(true)
        .build();
    Ok(match (inline, image.find("<svg")) {
        (true, Some(at)) => image[at..].to_string(),
        _ => image,
    })
}

/// A grey-scale PNG, black modules on white.
pub fn png(text: &str) -> Result<Vec<u8>> {
    let code = code(text)?;
    let width = code.width();
    let colors = code.to_colors();
    let side = (width + 2 * QUIET) * PNG_SCALE;
    let mut pixels = vec![255u8; side * side];
    for (i, color) in colors.iter().enumerate() {
        if *color != Color::Dark {
            continue;
        }
        let (x, y) = (
            (i % width + QUIET) * PNG_SCALE,
            (i / width + QUIET) * PNG_SCALE,
        );
        for row in y..y + PNG_SCALE {
            pixels[row * side + x..row * side + x + PNG_SCALE].fill(0);
        }
    }
    let side = u32::try_from(side).map_err(|_| Error::Internal("QR too large".into()))?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let written = encoder
        .write_header()
        .and_then(|mut w| w.write_image_data(&pixels));
    written.map_err(|e| Error::Internal(format!("PNG: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_and_svg_are_made() {
        let png = png("S1.hello").unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let svg = svg("S1.hello", true).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("<path"));
    }
}
