//! Property tests: arbitrary JSON bodies and form fields sent to every JSON endpoint and form
//! never produce a server error (5xx); the answer is a 2xx or a clear 4xx.

use crate::common;

use common::{client_with, csrf_of, organiser_token, Backend};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use rocket::http::{ContentType, Header, Method};
use serde_json::{json, Value};

/// Cases per endpoint (small in CI; raise with PROPTEST_CASES).
fn cases() -> usize {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{0,12}",
        "\\PC{0,40}",
        Just("2027-06-15T10:00".to_string()),
        Just("-1".to_string()),
        Just("99999999999999999999".to_string()),
        Just("S1.AAAA".to_string()),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,18}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// An object using the endpoints' own field names, with arbitrary values.
fn body() -> impl Strategy<Value = Value> {
    let names = prop::sample::select(vec![
        "name",
        "email",
        "title",
        "slug",
        "timezone",
        "starts_at",
        "ends_at",
        "format",
        "status",
        "kind",
        "room_id",
        "capacity",
        "speakers",
        "sessions",
        "attendance",
        "language",
        "ticket",
        "price_cents",
        "quota",
        "code",
        "gate",
        "session_id",
        "nonce",
        "in_person_capacity",
        "requires_signup",
        "stream_url",
        "color",
        "name_fr",
        "consent",
    ]);
    prop_oneof![
        json_value(),
        prop::collection::btree_map(names, json_value(), 0..8)
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
    ]
}

fn form() -> impl Strategy<Value = String> {
    let names = prop::sample::select(vec![
        "name",
        "email",
        "attendance",
        "language",
        "session_1",
        "session_99",
        "consent",
        "ticket",
        "confirm",
        "title",
        "starts_at",
        "ends_at",
        "room_id",
        "kind",
        "capacity",
        "q",
        "subject",
        "body",
    ]);
    prop::collection::vec((names, text()), 0..8).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| {
                format!(
                    "{k}={}",
                    url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
                )
            })
            .collect::<Vec<_>>()
            .join("&")
    })
}

#[rocket::async_test]
async fn no_json_endpoint_answers_a_server_error() {
    let c = client_with(Backend::Sqlite, true).await;
    let token = organiser_token(&c).await;
    let person = json!({"name": "A", "email": "a@example.org", "attendance": "online"});
    let (_, mine) = common::register_via_api(&c, "uclg-villes-intelligents", person).await;
    let endpoints = [
        (Method::Post, "/api/v1/events".to_string()),
        (
            Method::Patch,
            "/api/v1/events/wsis-numerique-inclusif".to_string(),
        ),
        (
            Method::Post,
            "/api/v1/events/wsis-numerique-inclusif/rooms".to_string(),
        ),
        (
            Method::Post,
            "/api/v1/events/wsis-numerique-inclusif/tracks".to_string(),
        ),
        (
            Method::Post,
            "/api/v1/events/wsis-numerique-inclusif/speakers".to_string(),
        ),
        (
            Method::Post,
            "/api/v1/events/wsis-numerique-inclusif/sessions".to_string(),
        ),
        (
            Method::Patch,
            "/api/v1/events/wsis-numerique-inclusif/sessions/1".to_string(),
        ),
        (
            Method::Post,
            "/api/v1/events/wsis-numerique-inclusif/tickets".to_string(),
        ),
        (
            Method::Post,
            "/api/v1/events/uclg-villes-intelligents/registrations".to_string(),
        ),
        (Method::Patch, format!("/api/v1/registrations/{mine}")),
        (Method::Post, "/api/v1/checkins".to_string()),
        (Method::Post, "/api/v1/checkins/batch".to_string()),
    ];
    // Bytes that are not UTF-8 (a lone continuation byte, an overlong form, a cut-off
    // character, Latin-1 from an old tool): a 400 that says so, from every JSON endpoint.
    let bad_bytes: [&[u8]; 4] = [
        b"{\"name\": \"\x80\"}",
        b"{\"name\": \"\xc0\xaf\"}",
        b"{\"name\": \"caf\xc3",
        b"{\"name\": \"Fran\xe7oise\"}",
    ];
    for (method, path) in &endpoints {
        for bytes in bad_bytes {
            let res = c
                .req(*method, format!("{path}?lang=en"))
                .header(ContentType::JSON)
                .header(Header::new("Authorization", format!("Bearer {token}")))
                .body(bytes)
                .dispatch()
                .await;
            let status = res.status();
            let answer = common::json_of(res).await;
            assert_eq!(
                status,
                rocket::http::Status::BadRequest,
                "{method} {path}: {answer}"
            );
            assert_eq!(answer["error"]["code"], "bad_request", "{method} {path}");
            let message = answer["error"]["message"].as_str().unwrap_or_default();
            assert!(message.contains("UTF-8"), "{method} {path}: {message}");
        }
    }
    let mut runner = TestRunner::new(Config::default());
    let strategy = body();
    for (method, path) in endpoints {
        for _ in 0..cases() {
            let value = strategy.new_tree(&mut runner).unwrap().current();
            let res = c
                .req(method, path.clone())
                .header(ContentType::JSON)
                .header(Header::new("Authorization", format!("Bearer {token}")))
                .body(value.to_string())
                .dispatch()
                .await;
            let status = res.status().code;
            assert!(
                status < 500,
                "{method} {path} with {value} answered {status}"
            );
        }
    }
}

#[rocket::async_test]
async fn no_form_answers_a_server_error() {
    let c = client_with(Backend::Sqlite, true).await;
    common::sign_in_organiser(&c, "orga@example.org", None).await;
    let page = common::text_of(&c, "/events/bordeaux-nous-les-villes/register").await;
    let csrf = csrf_of(&page);
    let person = json!({"name": "A", "email": "a@example.org", "attendance": "online"});
    let (_, mine) = common::register_via_api(&c, "uclg-villes-intelligents", person).await;
    let forms = [
        "/events/bordeaux-nous-les-villes/register".to_string(),
        "/events/bordeaux-nous-les-villes/resend".to_string(),
        format!("/r/{mine}/sessions"),
        format!("/r/{mine}/attendance"),
        format!("/r/{mine}/cancel"),
        "/admin/events/bordeaux-nous-les-villes/sessions".to_string(),
        "/admin/events/bordeaux-nous-les-villes/rooms".to_string(),
        "/admin/events/bordeaux-nous-les-villes/registrations".to_string(),
        "/admin/events/bordeaux-nous-les-villes/announcements".to_string(),
        "/scan".to_string(),
    ];
    let mut runner = TestRunner::new(Config::default());
    let strategy = form();
    for path in forms {
        for i in 0..cases() {
            let fields = strategy.new_tree(&mut runner).unwrap().current();
            // Half the time with this browser's CSRF token, so validation itself is reached.
            let body = if i % 2 == 0 {
                format!("csrf={csrf}&{fields}")
            } else {
                fields.clone()
            };
            let res = c
                .post(path.clone())
                .header(ContentType::Form)
                .body(body)
                .dispatch()
                .await;
            let status = res.status().code;
            assert!(status < 500, "POST {path} with {fields} answered {status}");
        }
    }
}
