//! Any text a scanner may send is read by `badge::decode` without panicking; whatever it
//! reads can be checked against a key; a claim it reads encodes and decodes back to itself.
#![no_main]

use ed25519_dalek::SigningKey;
use libfuzzer_sys::fuzz_target;
use summit::domain::badge;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let key = SigningKey::from_bytes(&[7; 32]);
    let Some(signed) = badge::decode(&text) else {
        return;
    };
    let _ = signed.verify(&key.verifying_key());
    let claim = signed.claim;
    let code = badge::encode(&claim, &key).expect("decoded numbers are never negative");
    let again = badge::decode(&code).expect("an encoded badge decodes");
    assert_eq!(again.claim, claim);
    assert!(again.verify(&key.verifying_key()));
});
