//! Badge codes: the text of a badge's QR code, signed with the event's Ed25519 key so that
//! anyone holding the event's public key can check a badge, even offline.
//!
//! Format: `S1.` + base64url (no padding) of `version (1) | event id | registration id |
//! badge version | signature (64)`, the three numbers as LEB128 varints. The signature
//! covers every byte before it. A typical code is under 100 characters: a small QR code.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey, SIGNATURE_LENGTH};

/// What every badge code starts with.
pub const PREFIX: &str = "S1.";
const VERSION: u8 = 1;
/// Longer texts are refused before any decoding.
pub const MAX_LEN: usize = 160;

/// What the door says about a scanned badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Admitted,
    AlreadyCheckedIn,
    Revoked,
    NotRegisteredForSession,
    WrongEvent,
    Invalid,
}

impl Verdict {
    pub const ALL: [Verdict; 6] = [
        Verdict::Admitted,
        Verdict::AlreadyCheckedIn,
        Verdict::Revoked,
        Verdict::NotRegisteredForSession,
        Verdict::WrongEvent,
        Verdict::Invalid,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Admitted => "admitted",
            Verdict::AlreadyCheckedIn => "already_checked_in",
            Verdict::Revoked => "revoked",
            Verdict::NotRegisteredForSession => "not_registered_for_session",
            Verdict::WrongEvent => "wrong_event",
            Verdict::Invalid => "invalid",
        }
    }
}

/// Who a badge is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub event_id: i64,
    pub registration_id: i64,
    pub badge_version: i64,
}

/// A badge code read from text, its signature not yet checked.
#[derive(Debug, Clone)]
pub struct SignedClaim {
    pub claim: Claim,
    signed: Vec<u8>,
    signature: Signature,
}

impl SignedClaim {
    /// Whether the event's public key signed this code.
    pub fn verify(&self, key: &VerifyingKey) -> bool {
        key.verify_strict(&self.signed, &self.signature).is_ok()
    }
}

/// Appends `n` as an LEB128 varint (shared with certificate codes).
pub fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A varint that fits an `i64`; `None` on truncation or overflow.
pub fn take_varint(bytes: &mut &[u8]) -> Option<i64> {
    let mut n: u64 = 0;
    for shift in (0..63).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u64::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return i64::try_from(n).ok();
        }
    }
    None
}

fn payload(claim: &Claim) -> Option<Vec<u8>> {
    let mut out = vec![VERSION];
    for n in [claim.event_id, claim.registration_id, claim.badge_version] {
        put_varint(&mut out, u64::try_from(n).ok()?);
    }
    Some(out)
}

/// The badge code of a claim, signed with the event's key (numbers must not be negative).
pub fn encode(claim: &Claim, key: &SigningKey) -> Option<String> {
    let mut bytes = payload(claim)?;
    let signature = key.sign(&bytes);
    bytes.extend_from_slice(&signature.to_bytes());
    Some(format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes)))
}

/// The bytes of a signed code (badge or certificate): `prefix` then base64url, at most
/// `max_len` characters, the bytes starting with `version`; `None` for anything else.
pub fn code_bytes(text: &str, prefix: &str, max_len: usize, version: u8) -> Option<Vec<u8>> {
    let text = text.trim();
    if text.len() > max_len {
        return None;
    }
    let bytes = URL_SAFE_NO_PAD.decode(text.strip_prefix(prefix)?).ok()?;
    (bytes.first() == Some(&version)).then_some(bytes)
}

/// Reads a badge code; `None` for anything that is not one (never panics).
pub fn decode(text: &str) -> Option<SignedClaim> {
    let bytes = code_bytes(text, PREFIX, MAX_LEN, VERSION)?;
    let mut rest = &bytes[1..];
    let event_id = take_varint(&mut rest)?;
    let registration_id = take_varint(&mut rest)?;
    let badge_version = take_varint(&mut rest)?;
    let signature: [u8; SIGNATURE_LENGTH] = rest.try_into().ok()?;
    let signed = bytes[..bytes.len() - SIGNATURE_LENGTH].to_vec();
    Some(SignedClaim {
        claim: Claim {
            event_id,
            registration_id,
            badge_version,
        },
        signed,
        signature: Signature::from_bytes(&signature),
    })
}

/// A new key pair as text (base64url): (public, private).
pub fn new_keys() -> (String, String) {
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    (
        URL_SAFE_NO_PAD.encode(key.verifying_key().to_bytes()),
        URL_SAFE_NO_PAD.encode(key.to_bytes()),
    )
}

/// The public half of a signing key, as scanners receive it (base64url of the 32 bytes).
pub fn public_text(key: &SigningKey) -> String {
    public_key_text(&key.verifying_key())
}

/// A public key as text (base64url of the 32 bytes), as it is published.
pub fn public_key_text(key: &VerifyingKey) -> String {
    URL_SAFE_NO_PAD.encode(key.to_bytes())
}

pub fn signing_key(text: &str) -> Option<SigningKey> {
    let bytes: [u8; 32] = URL_SAFE_NO_PAD.decode(text).ok()?.try_into().ok()?;
    Some(SigningKey::from_bytes(&bytes))
}

pub fn verifying_key(text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = URL_SAFE_NO_PAD.decode(text).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> (SigningKey, VerifyingKey) {
        let (public, private) = new_keys();
        (
            signing_key(&private).unwrap(),
            verifying_key(&public).unwrap(),
        )
    }

    const CLAIM: Claim = Claim {
        event_id: 3,
        registration_id: 123_456,
        badge_version: 2,
    };

    #[test]
    fn a_code_round_trips_and_is_short() {
        let (sign, verify) = keys();
        let code = encode(&CLAIM, &sign).unwrap();
        assert!(code.starts_with("S1."));
        assert!(code.len() < 100, "{} characters", code.len());
        let read = decode(&code).unwrap();
        assert_eq!(read.claim, CLAIM);
        assert!(read.verify(&verify));
    }

    #[test]
    fn another_key_or_a_changed_character_fails() {
        let (sign, verify) = keys();
        let (_, other) = keys();
        let code = encode(&CLAIM, &sign).unwrap();
        assert!(!decode(&code).unwrap().verify(&other));
        for i in 3..code.len() {
            let mut chars: Vec<char> = code.chars().collect();
            chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
            let tampered: String = chars.into_iter().collect();
            assert!(
                decode(&tampered).is_none_or(|c| !c.verify(&verify)),
                "position {i}"
            );
        }
    }

    #[test]
    fn garbage_truncation_and_huge_inputs_are_refused() {
        let (sign, _) = keys();
        let code = encode(&CLAIM, &sign).unwrap();
        for n in 0..code.len() {
            assert!(decode(&code[..n]).is_none(), "truncated to {n}");
        }
        let long = format!("{code}{}", "A".repeat(10_000));
        for text in [
            "",
            "S1.",
            "S1.!!!",
            "hello",
            "S2.AAAA",
            long.as_str(),
            "S1.é",
        ] {
            assert!(decode(text).is_none(), "{text:.20}");
        }
        let overflow = format!("S1.{}", URL_SAFE_NO_PAD.encode([1u8; 80]));
        assert!(decode(&overflow).is_none());
        let big = format!("S1.{}", URL_SAFE_NO_PAD.encode([0xffu8; 90]));
        assert!(decode(&big).is_none());
    }

    #[test]
    fn varints_cover_the_whole_range() {
        for n in [0, 1, 127, 128, 300, i64::MAX] {
            let mut out = Vec::new();
            put_varint(&mut out, n as u64);
            assert_eq!(take_varint(&mut out.as_slice()), Some(n));
        }
        assert!(encode(
            &Claim {
                event_id: -1,
                ..CLAIM
            },
            &keys().0
        )
        .is_none());
    }
}
