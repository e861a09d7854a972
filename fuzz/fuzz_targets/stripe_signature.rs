//! Any `Stripe-Signature` header and body are judged without panicking, and a header that
//! really signs the body (with extra junk around it) is accepted: the parser is not too strict.
#![no_main]

use hmac::{Hmac, Mac};
use libfuzzer_sys::fuzz_target;
use sha2::Sha256;
use summit::payments::webhook;

const SECRET: &str = "whsec_fuzz";
const NOW: i64 = 1_800_000_000;

fuzz_target!(|data: &[u8]| {
    // The first line is the header, the rest the body.
    let split = data.iter().position(|b| *b == b'\n').unwrap_or(data.len());
    let header = String::from_utf8_lossy(&data[..split]);
    let payload = data.get(split + 1..).unwrap_or_default();
    let _ = webhook::parse_header(&header);
    let _ = webhook::verify(payload, &header, SECRET, NOW);
    let _ = webhook::read(payload);

    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(format!("{NOW}.").as_bytes());
    mac.update(payload);
    let good = hex::encode(mac.finalize().into_bytes());
    let junk: String = header.chars().filter(|c| *c != ',' && *c != 't').collect();
    let signed = format!("{junk},t={NOW},v1={good}");
    assert!(webhook::verify(payload, &signed, SECRET, NOW + 10));
    assert!(!webhook::verify(payload, &signed, "whsec_other", NOW));
});
