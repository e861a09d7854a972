//! Stripe's webhooks: the `Stripe-Signature` check (HMAC-SHA256 of `"{t}.{payload}"` with the
//! endpoint's secret, compared in constant time, `t` within five minutes) and reading an
//! event into what it means for Summit. Done by hand rather than with `async-stripe-webhook`,
//! which would compile every Stripe object type to read the three fields Summit needs.

use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

use crate::store::payments::Effect;

/// How old a signed event may be, in seconds (Stripe's libraries use the same).
pub const TOLERANCE_SECS: i64 = 300;

/// A `Stripe-Signature` header read: its timestamp and every `v1` signature that is hex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureHeader {
    pub timestamp: i64,
    pub signatures: Vec<Vec<u8>>,
}

/// Reads `t=…,v1=…[,v1=…]` (other schemes ignored); `None` without a timestamp (never panics).
pub fn parse_header(header: &str) -> Option<SignatureHeader> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", t)) => timestamp = t.parse::<i64>().ok(),
            Some(("v1", s)) => signatures.extend(hex::decode(s).ok()),
            _ => {}
        }
    }
    Some(SignatureHeader {
        timestamp: timestamp?,
        signatures,
    })
}

/// Whether `header` signs `payload` with `secret` at a time within the tolerance of `now`.
/// Several `v1` signatures may be given (while a secret is being rolled); one must match.
pub fn verify(payload: &[u8], header: &str, secret: &str, now: i64) -> bool {
    let Some(SignatureHeader {
        timestamp: t,
        signatures,
    }) = parse_header(header)
    else {
        return false;
    };
    // `abs_diff`: a timestamp near `i64::MIN` must not overflow.
    if now.abs_diff(t) > TOLERANCE_SECS.unsigned_abs() {
        return false;
    }
    let signed_prefix = format!("{t}.");
    signatures.iter().any(|sig| {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
            return false;
        };
        mac.update(signed_prefix.as_bytes());
        mac.update(payload);
        // `verify_slice` compares in constant time.
        mac.verify_slice(sig).is_ok()
    })
}

/// A signed event: its id, type and what it means. `None` if it is not a Stripe event.
pub fn read(payload: &[u8]) -> Option<(String, String, Effect)> {
    let v: Value = serde_json::from_slice(payload).ok()?;
    let id = v.get("id")?.as_str()?.to_string();
    let kind = v.get("type")?.as_str()?.to_string();
    let object = v.pointer("/data/object")?;
    let text = |name: &str| object.get(name).and_then(Value::as_str).map(str::to_string);
    // An expandable field is an id, or the object itself when expanded.
    let intent = object.get("payment_intent").and_then(|pi| {
        pi.as_str()
            .or_else(|| pi.get("id").and_then(Value::as_str))
            .map(str::to_string)
    });
    let effect = match kind.as_str() {
        "checkout.session.completed" | "checkout.session.async_payment_succeeded" => {
            Effect::Completed {
                session_id: text("id")?,
                payment_intent: intent,
                paid: text("payment_status").as_deref() == Some("paid"),
            }
        }
        "checkout.session.expired" => Effect::Expired {
            session_id: text("id")?,
        },
        "charge.refunded" => match intent {
            Some(payment_intent) => Effect::Refunded { payment_intent },
            None => Effect::Ignored,
        },
        _ => Effect::Ignored,
    };
    Some((id, kind, effect))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(payload: &str, secret: &str, t: i64) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(format!("{t}.{payload}").as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    #[test]
    fn signatures_are_checked_with_time_tolerance() {
        let body = r#"{"id":"evt_1"}"#;
        let now = 1_800_000_000;
        let good = format!("t={now},v1={}", sign(body, "whsec_a", now));
        assert!(verify(body.as_bytes(), &good, "whsec_a", now + 10));
        assert!(!verify(body.as_bytes(), &good, "whsec_b", now));
        assert!(!verify(b"{\"id\":\"evt_2\"}", &good, "whsec_a", now));
        assert!(
            !verify(body.as_bytes(), &good, "whsec_a", now + 301),
            "stale"
        );
        let rolled = format!(
            "t={now},v1={},v1={}",
            sign(body, "old", now),
            sign(body, "whsec_a", now)
        );
        assert!(verify(body.as_bytes(), &rolled, "whsec_a", now));
        assert!(!verify(body.as_bytes(), "v1=00", "whsec_a", now));
        assert!(!verify(body.as_bytes(), "", "whsec_a", now));
        let extreme = format!("t={},v1=00", i64::MIN);
        assert!(!verify(body.as_bytes(), &extreme, "whsec_a", now));
        assert_eq!(
            parse_header("t=12, v1=zz,v1=0a,v0=ff"),
            Some(SignatureHeader {
                timestamp: 12,
                signatures: vec![vec![10]]
            })
        );
    }

    #[test]
    fn events_are_read_into_effects() {
        let completed = br#"{"id":"evt_1","type":"checkout.session.completed","data":{"object":
            {"id":"cs_1","payment_status":"paid","payment_intent":"pi_1"}}}"#;
        let (id, _, effect) = read(completed).unwrap();
        assert_eq!(id, "evt_1");
        assert_eq!(
            effect,
            Effect::Completed {
                session_id: "cs_1".into(),
                payment_intent: Some("pi_1".into()),
                paid: true
            }
        );
        let other = br#"{"id":"evt_2","type":"customer.created","data":{"object":{"id":"cus_1"}}}"#;
        assert_eq!(read(other).unwrap().2, Effect::Ignored);
        assert!(read(b"not json").is_none());
    }
}
