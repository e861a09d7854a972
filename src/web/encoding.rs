//! The few HTTP rules that make a cached answer light on the wire: a strong validator made
//! from the bytes themselves (so every instance gives the same one), revalidation
//! (`If-None-Match`), and which content coding a client takes (`Accept-Encoding`).

use std::io::Write;

use base64::Engine;
use flate2::write::GzEncoder;
use flate2::Compression;
use sha2::{Digest, Sha256};

/// A strong entity tag for these bytes: the first 128 bits of their SHA-256, quoted.
pub fn etag_of(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let tag = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16]);
    format!("\"{tag}\"")
}

/// The tag of the gzip form: another representation, so another strong tag (RFC 9110 §8.8.3).
pub fn gzip_etag(plain_etag: &str) -> String {
    format!("{}-gz\"", plain_etag.trim_end_matches('"'))
}

/// The gzip form of `bytes` at the best ratio (done once per cached body, so time is cheap),
/// or `None` when it would not save at least a tenth (images, already packed files).
pub fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 4), Compression::best());
    encoder.write_all(bytes).ok()?;
    let packed = encoder.finish().ok()?;
    (packed.len() < bytes.len() - bytes.len() / 10).then_some(packed)
}

/// Whether an `If-None-Match` header names `etag` (weak comparison, as RFC 9110 §13.1.2 asks:
/// `W/` prefixes are ignored) or is `*`.
pub fn none_match_hits(header: &str, etag: &str) -> bool {
    header.split(',').map(str::trim).any(|tag| {
        tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag.trim_start_matches("W/")
    })
}

/// Whether an `Accept-Encoding` header takes gzip: named (or `*`) with a quality above 0,
/// and not refused by name (`gzip;q=0` wins over `*`).
pub fn accepts_gzip(header: &str) -> bool {
    let mut wildcard = false;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .filter_map(|q| q.trim().parse::<f32>().ok())
            .next()
            .unwrap_or(1.0);
        match coding.as_str() {
            "gzip" | "x-gzip" => return quality > 0.0,
            "*" => wildcard = quality > 0.0,
            _ => {}
        }
    }
    wildcard
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_same_bytes_give_the_same_strong_tag_and_others_another() {
        let a = etag_of(b"<html>agenda</html>");
        assert_eq!(a, etag_of(b"<html>agenda</html>"));
        assert_ne!(a, etag_of(b"<html>agenda!</html>"));
        assert!(
            a.starts_with('"') && a.ends_with('"') && a.len() == 24,
            "{a}"
        );
        assert_eq!(gzip_etag("\"abc\""), "\"abc-gz\"");
    }

    #[test]
    fn revalidation_compares_tags_weakly() {
        assert!(none_match_hits("\"abc\"", "\"abc\""));
        assert!(none_match_hits("\"x\", W/\"abc\"", "\"abc\""));
        assert!(none_match_hits("*", "\"abc\""));
        assert!(!none_match_hits("\"abcd\"", "\"abc\""));
        assert!(!none_match_hits("", "\"abc\""));
    }

    #[test]
    fn gzip_is_taken_when_named_or_wildcarded_and_not_refused() {
        assert!(accepts_gzip("gzip, deflate, br, zstd"));
        assert!(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
        assert!(accepts_gzip("*"));
        assert!(!accepts_gzip("gzip;q=0, *"));
        assert!(!accepts_gzip("identity"));
        assert!(!accepts_gzip(""));
    }

    #[test]
    fn text_shrinks_and_comes_back_whole() {
        let page = "<li class=\"session\">Atelier</li>\n".repeat(500);
        let packed = gzip(page.as_bytes()).expect("text compresses");
        assert!(packed.len() * 10 < page.len());
        let mut back = String::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, page);
        assert_eq!(gzip(b"x"), None, "a tiny body is not worth it");
    }
}
