//! Certificates of attendance: the organiser's choices, what a certificate states, and its
//! verification code.
//!
//! The code is `C1.` + base64url (no padding) of `version (1) | event id | certificate id |
//! minutes | issue day (days since 1970-01-01) | digest (16) | signature (64)`, the numbers as
//! LEB128 varints, as badge codes are. The digest is the first 16 bytes of the SHA-256 of the
//! certificate's [`Statement::canonical`] text, which names the person; the signature is the
//! event's Ed25519 key (the badges' key) over [`CONTEXT`] followed by every byte before it.
//! The context keeps the two kinds apart: no badge signature is a certificate's, nor the
//! reverse. Anyone with the event's public key can check a code offline, and with the
//! canonical text (shown on the verify page) that it names this person.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{Datelike, NaiveDate};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey, SIGNATURE_LENGTH};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::attendance::Proof;
use super::badge::{self, put_varint, take_varint};
use super::problem::{Msg, Result};
use super::validate::{Checker, Input};

pub const PREFIX: &str = "C1.";
const VERSION: u8 = 1;
/// What the signature covers before the code's own bytes.
pub const CONTEXT: &[u8] = b"summit-certificate:";
/// Longer texts are refused before any decoding.
pub const MAX_LEN: usize = 200;
const DIGEST_LEN: usize = 16;

/// The organiser's choices for an event's certificates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    pub enabled: bool,
    /// The share of the programme's hours someone must have attended.
    pub min_percent: i64,
    /// The certificate's sentence; empty: Summit's standard wording.
    pub wording_fr: String,
    pub wording_en: String,
    pub signatory_name: String,
    pub signatory_title: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: false,
            min_percent: 50,
            wording_fr: String::new(),
            wording_en: String::new(),
            signatory_name: String::new(),
            signatory_title: String::new(),
        }
    }
}

/// The fields the settings are read from, as the form and the API name them.
pub const FIELDS: [&str; 6] = [
    "certificates",
    "certificate_min_percent",
    "certificate_wording_fr",
    "certificate_wording_en",
    "certificate_signatory",
    "certificate_signatory_title",
];

impl Settings {
    /// The settings as input, so a patch can be laid over them and validated whole.
    pub fn input(&self) -> Input {
        Input::from_pairs([
            (FIELDS[0], self.enabled.to_string()),
            (FIELDS[1], self.min_percent.to_string()),
            (FIELDS[2], self.wording_fr.clone()),
            (FIELDS[3], self.wording_en.clone()),
            (FIELDS[4], self.signatory_name.clone()),
            (FIELDS[5], self.signatory_title.clone()),
        ])
    }
}

/// Reads the settings; a percentage outside 0–100 or an over-long text names its field.
pub fn validate_settings(input: &Input) -> Result<Settings> {
    let mut c = Checker::default();
    let enabled = c.flag(input, FIELDS[0]);
    let min_percent = match input.get(FIELDS[1]).map(|t| t.trim().parse::<i64>()) {
        None => 50,
        Some(Ok(n)) if (0..=100).contains(&n) => n,
        Some(_) => {
            c.fail(FIELDS[1], Msg::new("field-percent"));
            50
        }
    };
    let mut text = |field: &str, max| c.optional(input, field, max).unwrap_or_default();
    let wording_fr = text(FIELDS[2], 600);
    let wording_en = text(FIELDS[3], 600);
    let signatory_name = text(FIELDS[4], 120);
    let signatory_title = text(FIELDS[5], 160);
    c.finish()?;
    Ok(Settings {
        enabled,
        min_percent,
        wording_fr: wording_fr.trim().to_string(),
        wording_en: wording_en.trim().to_string(),
        signatory_name: signatory_name.trim().to_string(),
        signatory_title: signatory_title.trim().to_string(),
    })
}

/// One session a certificate lists, as it was when the certificate was issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attended {
    pub session_id: i64,
    pub title_fr: String,
    pub title_en: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub minutes: i64,
    pub proof: Proof,
}

/// What a certificate says. Kept as issued: a session renamed later does not change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub event_slug: String,
    pub certificate_id: i64,
    pub name: String,
    /// Minutes attended (the union of the sessions' credited time).
    pub minutes: i64,
    /// Minutes of the programme that counted.
    pub programme_minutes: i64,
    pub issued: NaiveDate,
    pub sessions: Vec<Attended>,
}

impl Statement {
    /// The text the code's digest is taken of: one fact per line, times in UTC, so anyone can
    /// write it out again from the verify page.
    pub fn canonical(&self) -> String {
        let mut text = format!(
            "summit-certificate 1\nevent: {}\ncertificate: {}\nname: {}\nminutes: {}\nissued: {}\n",
            self.event_slug, self.certificate_id, self.name, self.minutes, self.issued
        );
        for s in &self.sessions {
            let start = chrono::DateTime::from_timestamp(s.starts_at, 0)
                .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                .unwrap_or_default();
            text.push_str(&format!(
                "session: {} {} {}\n",
                s.session_id, start, s.minutes
            ));
        }
        text
    }

    pub fn digest(&self) -> [u8; DIGEST_LEN] {
        let full = Sha256::digest(self.canonical().as_bytes());
        let mut out = [0u8; DIGEST_LEN];
        out.copy_from_slice(&full[..DIGEST_LEN]);
        out
    }

    pub fn claim(&self, event_id: i64) -> Claim {
        Claim {
            event_id,
            certificate_id: self.certificate_id,
            minutes: self.minutes,
            issued_day: day_number(self.issued),
            digest: self.digest(),
        }
    }
}

fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - 719_163
}

/// What a verification code carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub event_id: i64,
    pub certificate_id: i64,
    pub minutes: i64,
    pub issued_day: i64,
    pub digest: [u8; DIGEST_LEN],
}

impl Claim {
    pub fn issued(&self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(self.issued_day + 719_163).ok()?)
    }
}

/// A code read from text, its signature not yet checked.
#[derive(Debug, Clone)]
pub struct SignedCode {
    pub claim: Claim,
    signed: Vec<u8>,
    signature: Signature,
}

impl SignedCode {
    pub fn verify(&self, key: &VerifyingKey) -> bool {
        key.verify_strict(&self.signed, &self.signature).is_ok()
    }
}

fn payload(claim: &Claim) -> Option<Vec<u8>> {
    let mut out = vec![VERSION];
    for n in [
        claim.event_id,
        claim.certificate_id,
        claim.minutes,
        claim.issued_day,
    ] {
        put_varint(&mut out, u64::try_from(n).ok()?);
    }
    out.extend_from_slice(&claim.digest);
    Some(out)
}

fn with_context(bytes: &[u8]) -> Vec<u8> {
    [CONTEXT, bytes].concat()
}

/// The verification code of a claim, signed with the event's key.
pub fn encode(claim: &Claim, key: &SigningKey) -> Option<String> {
    let mut bytes = payload(claim)?;
    let signature = key.sign(&with_context(&bytes));
    bytes.extend_from_slice(&signature.to_bytes());
    Some(format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes)))
}

/// Reads a code; `None` for anything that is not one (never panics).
pub fn decode(text: &str) -> Option<SignedCode> {
    let bytes = badge::code_bytes(text, PREFIX, MAX_LEN, VERSION)?;
    let mut rest = &bytes[1..];
    let event_id = take_varint(&mut rest)?;
    let certificate_id = take_varint(&mut rest)?;
    let minutes = take_varint(&mut rest)?;
    let issued_day = take_varint(&mut rest)?;
    if rest.len() != DIGEST_LEN + SIGNATURE_LENGTH {
        return None;
    }
    let digest: [u8; DIGEST_LEN] = rest[..DIGEST_LEN].try_into().ok()?;
    let signature: [u8; SIGNATURE_LENGTH] = rest[DIGEST_LEN..].try_into().ok()?;
    let signed = with_context(&bytes[..bytes.len() - SIGNATURE_LENGTH]);
    Some(SignedCode {
        claim: Claim {
            event_id,
            certificate_id,
            minutes,
            issued_day,
            digest,
        },
        signed,
        signature: Signature::from_bytes(&signature),
    })
}

/// Why someone has no certificate (yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// The organisers issue none for this event.
    NotOffered,
    /// The counting sessions have not all ended: from this instant.
    NotYet { from: i64 },
    /// The registration does not hold a place (cancelled, waiting, unpaid).
    NotAttending,
    /// Nothing was recorded.
    NothingRecorded,
    /// Attended, below the minimum: the percentage and the minimum.
    BelowMinimum { percent: i64, min: i64 },
    /// The organisers withdrew it.
    Withdrawn,
}

impl Unavailable {
    /// Why, as a message (the instant is formatted at the edge: `from` is an argument).
    pub fn message(self) -> Msg {
        match self {
            Unavailable::NotOffered => Msg::new("certificate-not-offered"),
            Unavailable::NotYet { .. } => Msg::new("certificate-not-yet"),
            Unavailable::NotAttending => Msg::new("certificate-not-attending"),
            Unavailable::NothingRecorded => Msg::new("certificate-nothing-recorded"),
            Unavailable::BelowMinimum { percent, min } => Msg::new("certificate-below-minimum")
                .arg("percent", percent.to_string())
                .arg("min", min.to_string()),
            Unavailable::Withdrawn => Msg::new("certificate-withdrawn"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement() -> Statement {
        Statement {
            event_slug: "bordeaux-2026".into(),
            certificate_id: 42,
            name: "Aminata Kaboré-Sanou".into(),
            minutes: 300,
            programme_minutes: 480,
            issued: NaiveDate::from_ymd_opt(2026, 6, 13).unwrap(),
            sessions: vec![Attended {
                session_id: 12,
                title_fr: "Atelier".into(),
                title_en: "Workshop".into(),
                starts_at: 1_781_161_200,
                ends_at: 1_781_168_400,
                minutes: 120,
                proof: Proof::Door,
            }],
        }
    }

    #[test]
    fn a_code_round_trips_names_its_statement_and_fits_a_small_qr_code() {
        let (public, private) = badge::new_keys();
        let (key, verify) = (
            badge::signing_key(&private).unwrap(),
            badge::verifying_key(&public).unwrap(),
        );
        let s = statement();
        let code = encode(&s.claim(3), &key).unwrap();
        assert!(code.starts_with(PREFIX) && code.len() < 140, "{code}");
        let read = decode(&code).unwrap();
        assert!(read.verify(&verify));
        assert_eq!(read.claim, s.claim(3));
        assert_eq!(read.claim.issued(), Some(s.issued));
        assert!(s.canonical().contains("name: Aminata Kaboré-Sanou\n"));
        let renamed = Statement {
            name: "Someone Else".into(),
            ..s.clone()
        };
        assert_ne!(renamed.digest(), read.claim.digest);
    }

    #[test]
    fn a_flipped_character_or_a_badge_signature_does_not_verify() {
        let (public, private) = badge::new_keys();
        let key = badge::signing_key(&private).unwrap();
        let verify = badge::verifying_key(&public).unwrap();
        let code = encode(&statement().claim(3), &key).unwrap();
        for i in PREFIX.len()..code.len() {
            let mut chars: Vec<char> = code.chars().collect();
            chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
            let tampered: String = chars.into_iter().collect();
            assert!(
                decode(&tampered).is_none_or(|c| !c.verify(&verify)),
                "position {i}"
            );
        }
        assert!(decode(&code[..code.len() - 4]).is_none(), "truncated");
        // The same key's badge code is not a certificate, whatever its bytes.
        let claim = badge::Claim {
            event_id: 3,
            registration_id: 42,
            badge_version: 1,
        };
        let badge_code = badge::encode(&claim, &key).unwrap();
        let as_cert = format!("{PREFIX}{}", &badge_code[badge::PREFIX.len()..]);
        assert!(decode(&as_cert).is_none_or(|c| !c.verify(&verify)));
    }

    #[test]
    fn settings_name_the_field_that_is_wrong() {
        let ok = validate_settings(&Input::from_pairs([
            ("certificates", "true"),
            ("certificate_min_percent", "75"),
        ]))
        .unwrap();
        assert!(ok.enabled);
        assert_eq!(ok.min_percent, 75);
        let bad = validate_settings(&Input::from_pairs([("certificate_min_percent", "150")]));
        let err = format!("{:?}", bad.unwrap_err());
        assert!(err.contains("certificate_min_percent"), "{err}");
        let back = validate_settings(&ok.input()).unwrap();
        assert_eq!(back, ok);
    }
}
