//! Any text after `/verify/` is read by `certificate::decode` without panicking; whatever it
//! reads can be checked against a key; a claim it reads encodes and decodes back to itself.
#![no_main]

use ed25519_dalek::SigningKey;
use libfuzzer_sys::fuzz_target;
use summit::domain::certificate;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let key = SigningKey::from_bytes(&[9; 32]);
    let Some(signed) = certificate::decode(&text) else {
        return;
    };
    let _ = signed.verify(&key.verifying_key());
    let claim = signed.claim;
    let _ = claim.issued();
    let code = certificate::encode(&claim, &key).expect("decoded numbers are never negative");
    let again = certificate::decode(&code).expect("an encoded certificate code decodes");
    assert_eq!(again.claim, claim);
    assert!(again.verify(&key.verifying_key()));
});
