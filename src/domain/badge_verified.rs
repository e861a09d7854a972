//! Badge codes whose signature was already checked. A door sees the same badge many times (the
//! entrance, then each workshop door, and a scanner that retries), and checking an ed25519
//! signature is most of what a repeat scan costs. An event's key never changes once made, so
//! a code that verified once verifies forever: it is remembered whole (claim and signature,
//! with the key that verified it), and a code differing in any byte is checked afresh. Only codes that verified are kept,
//! so garbage cannot fill the set; when full it starts over.

use std::collections::HashSet;
use std::sync::Mutex;

use ed25519_dalek::VerifyingKey;

use super::badge::SignedClaim;

/// Codes remembered before the set starts over (about 150 bytes each).
const MAX_CODES: usize = 50_000;

#[derive(Default)]
pub struct VerifiedCodes(Mutex<HashSet<Vec<u8>>>);

impl VerifiedCodes {
    /// Whether `key` signed `code`, checking the signature only for a code not seen before.
    pub fn verify(&self, key: &VerifyingKey, code: &SignedClaim) -> bool {
        let mut bytes = key.as_bytes().to_vec();
        bytes.extend(code.to_bytes());
        if self.0.lock().is_ok_and(|seen| seen.contains(&bytes)) {
            return true;
        }
        if !code.verify(key) {
            return false;
        }
        if let Ok(mut seen) = self.0.lock() {
            if seen.len() >= MAX_CODES {
                seen.clear();
            }
            seen.insert(bytes);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::badge::{decode, encode, new_keys, signing_key, verifying_key, Claim};
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    #[test]
    fn a_remembered_code_lends_its_signature_to_no_other_claim() {
        let (public, private) = new_keys();
        let (sign, key) = (
            signing_key(&private).unwrap(),
            verifying_key(&public).unwrap(),
        );
        let claim = Claim {
            event_id: 3,
            registration_id: 41,
            badge_version: 1,
        };
        let genuine = encode(&claim, &sign).unwrap();
        let codes = VerifiedCodes::default();
        let read = decode(&genuine).unwrap();
        assert!(codes.verify(&key, &read));
        assert!(codes.verify(&key, &read), "remembered");
        // The same signature under another registration number (41 → 42, one byte).
        let mut bytes = URL_SAFE_NO_PAD.decode(&genuine[3..]).unwrap();
        bytes[2] += 1;
        let forged = format!("S1.{}", URL_SAFE_NO_PAD.encode(bytes));
        let forged = decode(&forged).unwrap();
        assert_eq!(forged.claim.registration_id, 42);
        assert!(!codes.verify(&key, &forged));
        // Another key does not verify the remembered code.
        let (other, _) = new_keys();
        assert!(!codes.verify(&verifying_key(&other).unwrap(), &read));
    }
}
