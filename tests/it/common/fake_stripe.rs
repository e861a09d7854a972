//! A fake Stripe API on loopback: raw HTTP/1.1 over TCP, answering like Stripe's API with its
//! documented object shapes (Checkout Session, Refund), and recording every request so tests
//! can check what Summit sent. Like Stripe, the same Idempotency-Key gets the same object.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rocket::tokio::io::{AsyncReadExt, AsyncWriteExt};
use rocket::tokio::net::{TcpListener, TcpStream};
use serde_json::{json, Value};

#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    /// The form body, decoded (`line_items[0][price_data][unit_amount]` → value).
    pub form: HashMap<String, String>,
}

#[derive(Default)]
struct State {
    requests: Vec<Recorded>,
    by_key: HashMap<String, Value>,
    sessions: usize,
    fail: bool,
}

#[derive(Clone)]
pub struct FakeStripe {
    pub port: u16,
    state: Arc<Mutex<State>>,
}

impl FakeStripe {
    pub async fn start() -> FakeStripe {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        rocket::tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = shared.clone();
                rocket::tokio::spawn(async move {
                    let _ = serve(stream, state).await;
                });
            }
        });
        FakeStripe { port, state }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// From now on every request answers 500 (Stripe down).
    pub fn fail(&self, fail: bool) {
        self.state.lock().unwrap().fail = fail;
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state.lock().unwrap().requests.clone()
    }

    /// Requests to a path (exact) with a method.
    pub fn to(&self, method: &str, path: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == method && r.path == path)
            .collect()
    }
}

async fn serve(mut stream: TcpStream, state: Arc<Mutex<State>>) -> std::io::Result<()> {
    loop {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        let head_end = loop {
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                return Ok(());
            }
            buf.extend_from_slice(&chunk[..n]);
            if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break at + 4;
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let mut lines = head.split("\r\n");
        let mut first = lines.next().unwrap_or_default().split(' ');
        let method = first.next().unwrap_or_default().to_string();
        let path = first.next().unwrap_or_default().to_string();
        let headers: HashMap<String, String> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
            .collect();
        let length: usize = headers
            .get("content-length")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        while buf.len() < head_end + length {
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        let body = &buf[head_end..(head_end + length).min(buf.len())];
        let form: HashMap<String, String> =
            url::form_urlencoded::parse(body).into_owned().collect();
        let recorded = Recorded {
            method,
            path,
            headers,
            form,
        };
        let (status, answer) = answer(&recorded, &state);
        state.lock().unwrap().requests.push(recorded);
        let text = answer.to_string();
        let reply = format!(
            "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
             request-id: req_fake\r\n\r\n{text}",
            text.len()
        );
        stream.write_all(reply.as_bytes()).await?;
    }
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn answer(r: &Recorded, state: &Mutex<State>) -> (&'static str, Value) {
    let mut st = state.lock().unwrap();
    if st.fail {
        let error = json!({"error": {"type": "api_error", "message": "Something went wrong."}});
        return ("500 Internal Server Error", error);
    }
    let key = r.headers.get("idempotency-key").cloned();
    if let Some(v) = key.as_ref().and_then(|k| st.by_key.get(k)) {
        return ("200 OK", v.clone());
    }
    let f = |name: &str| r.form.get(name).cloned();
    let value = if r.method == "POST" && r.path == "/v1/checkout/sessions" {
        st.sessions += 1;
        let id = format!("cs_test_a1{:04}", st.sessions);
        session(&id, r, "open", "unpaid")
    } else if let Some(id) = r
        .path
        .strip_prefix("/v1/checkout/sessions/")
        .and_then(|p| p.strip_suffix("/expire"))
    {
        session(id, r, "expired", "unpaid")
    } else if r.method == "POST" && r.path == "/v1/refunds" {
        json!({"id": format!("re_test_{}", st.requests.len()), "object": "refund", "amount": 4500,
               "balance_transaction": null, "charge": "ch_test_1", "created": now(),
               "currency": "eur", "metadata": {}, "payment_intent": f("payment_intent"),
               "reason": null, "receipt_number": null, "source_transfer_reversal": null,
               "status": "succeeded", "transfer_reversal": null})
    } else {
        let error = json!({"error": {"type": "invalid_request_error",
                                      "message": format!("Unrecognized request URL ({} {})", r.method, r.path)}});
        return ("404 Not Found", error);
    };
    if let Some(k) = key {
        st.by_key.insert(k, value.clone());
    }
    ("200 OK", value)
}

/// A Checkout Session as Stripe's API documents it.
fn session(id: &str, r: &Recorded, status: &str, payment_status: &str) -> Value {
    let f = |name: &str| r.form.get(name).cloned();
    let amount: Option<i64> =
        f("line_items[0][price_data][unit_amount]").and_then(|v| v.parse().ok());
    json!({
        "id": id,
        "object": "checkout.session",
        "after_expiration": null,
        "allow_promotion_codes": null,
        "amount_subtotal": amount,
        "amount_total": amount,
        "automatic_tax": {"enabled": false, "liability": null, "provider": null, "status": null},
        "billing_address_collection": null,
        "cancel_url": f("cancel_url"),
        "client_reference_id": f("client_reference_id"),
        "client_secret": null,
        "consent": null,
        "consent_collection": null,
        "created": now(),
        "currency": f("line_items[0][price_data][currency]"),
        "custom_fields": [],
        "custom_text": {"after_submit": null, "shipping_address": null, "submit": null,
                        "terms_of_service_acceptance": null},
        "customer": null,
        "customer_creation": "if_required",
        "customer_details": null,
        "customer_email": f("customer_email"),
        "expires_at": f("expires_at").and_then(|v| v.parse::<i64>().ok()).unwrap_or(now() + 86400),
        "invoice": null,
        "invoice_creation": null,
        "livemode": false,
        "locale": null,
        "metadata": {},
        "mode": "payment",
        "payment_intent": null,
        "payment_link": null,
        "payment_method_collection": "if_required",
        "payment_method_options": {},
        "payment_method_types": ["card"],
        "payment_status": payment_status,
        "phone_number_collection": {"enabled": false},
        "recovered_from": null,
        "setup_intent": null,
        "shipping_address_collection": null,
        "shipping_cost": null,
        "shipping_options": [],
        "status": status,
        "submit_type": null,
        "subscription": null,
        "success_url": f("success_url"),
        "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
        "ui_mode": "hosted",
        "url": if status == "open" { json!(format!("https://checkout.stripe.com/c/pay/{id}")) } else { Value::Null },
    })
}
