//! The document's schemas are the API's answers: real successful answers, from every kind of
//! caller, checked by a real JSON Schema validator (`jsonschema`, which openapi-spec-validator
//! brings) against the schema the document gives their operation and status. The schemas are
//! generated from the views the handlers return, so this fails when either drifts.

use crate::common;

use rocket::http::{ContentType, Method};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};

const EVENT: &str = "bordeaux-nous-les-villes";
const ONLINE_EVENT: &str = "uclg-villes-intelligents";

/// An answer to check: what was asked, the operation's path template, and what came back.
struct Answered {
    asked: String,
    template: &'static str,
    method: &'static str,
    status: u16,
    body: Value,
}

async fn ask(
    client: &Client,
    (method, template): (&'static str, &'static str),
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Answered {
    let mut req = client.req(method.parse::<Method>().unwrap(), path.to_string());
    if let Some(token) = token {
        req = req.header(common::bearer(token));
    }
    if let Some(body) = body {
        req = req.header(ContentType::JSON).body(body.to_string());
    }
    let res = req.dispatch().await;
    let status = res.status().code;
    let text = res.into_string().await.unwrap_or_default();
    Answered {
        asked: format!("{} {path}", method.to_uppercase()),
        template,
        method,
        status,
        body: serde_json::from_str(&text).unwrap_or_else(|_| panic!("{path}: not JSON: {text}")),
    }
}

/// The schema the document gives an answer: its operation's, for its status, as a schema
/// document whose `#/components/...` references resolve (the components travel along).
fn schema_of(doc: &Value, a: &Answered) -> Value {
    let op = &doc["paths"][a.template][a.method];
    let response = &op["responses"][a.status.to_string()];
    let schema = &response["content"]["application/json"]["schema"];
    assert!(
        schema.is_object(),
        "{}: the document has no JSON schema for {}",
        a.asked,
        a.status
    );
    let mut rooted = schema.clone();
    rooted["components"] = doc["components"].clone();
    rooted
}

/// The validator's complaints about each answer, by what was asked.
fn complaints(cases: &[(String, Value, Value)]) -> String {
    let dir = std::env::temp_dir().join("summit-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("answers-{}.json", uuid::Uuid::new_v4().simple()));
    std::fs::write(&file, serde_json::to_string(cases).unwrap()).unwrap();
    let script = "import json, sys, jsonschema\n\
        for asked, schema, answer in json.load(open(sys.argv[1])):\n\
        \x20   v = jsonschema.Draft202012Validator(schema)\n\
        \x20   for e in v.iter_errors(answer):\n\
        \x20       print(asked, '/'.join(map(str, e.absolute_path)), e.message[:300])\n";
    let out = common::python::python()
        .args(["-c", script])
        .arg(&file)
        .output()
        .expect("python3 with jsonschema");
    std::fs::remove_file(&file).ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the validator failed: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[rocket::async_test]
async fn every_kind_of_answer_matches_its_documented_schema() {
    let client = common::demo_client().await;
    let doc: Value =
        serde_json::from_str(&common::text_of(&client, "/api/v1/openapi.json").await).unwrap();
    let orga = common::organiser_token(&client).await;
    let orga = Some(orga.as_str());
    let person = json!({"name": "Awa Diallo", "email": "awa@example.org", "attendance": "online"});
    let (_, token) = common::register_via_api(&client, ONLINE_EVENT, person).await;
    let sessions = common::json_of(
        client
            .get(format!("/api/v1/events/{EVENT}/sessions"))
            .dispatch()
            .await,
    )
    .await;
    let session = sessions["sessions"][0]["id"].as_i64().unwrap();

    let e = |rest: &str| format!("/api/v1/events/{EVENT}{rest}");
    let mut answers = vec![
        ask(
            &client,
            ("get", "/api/v1/events"),
            "/api/v1/events",
            None,
            None,
        )
        .await,
        ask(
            &client,
            ("get", "/api/v1/events/{slug}"),
            &e(""),
            None,
            None,
        )
        .await,
        ask(
            &client,
            ("get", "/api/v1/events/{slug}/sessions"),
            &e("/sessions"),
            None,
            None,
        )
        .await,
        ask(
            &client,
            ("get", "/api/v1/events/{slug}/speakers"),
            &e("/speakers"),
            None,
            None,
        )
        .await,
        ask(
            &client,
            ("get", "/api/v1/events/{slug}/rooms"),
            &e("/rooms"),
            orga,
            None,
        )
        .await,
        ask(
            &client,
            ("get", "/api/v1/events/{slug}/tracks"),
            &e("/tracks"),
            orga,
            None,
        )
        .await,
        ask(
            &client,
            ("get", "/api/v1/events/{slug}/tickets"),
            &e("/tickets"),
            orga,
            None,
        )
        .await,
    ];
    let more = [
        (
            ("get", "/api/v1/events/{slug}/registrations"),
            e("/registrations"),
            None,
        ),
        (
            ("get", "/api/v1/events/{slug}/scan-kit"),
            e("/scan-kit"),
            None,
        ),
        (
            ("get", "/api/v1/events/{slug}/sessions/{id}"),
            e(&format!("/sessions/{session}")),
            None,
        ),
        (
            ("patch", "/api/v1/events/{slug}"),
            e(""),
            Some(json!({"venue": "Hangar 14"})),
        ),
        (
            ("post", "/api/v1/events/{slug}/rooms"),
            e("/rooms"),
            Some(json!({"name": "Salle 3", "capacity": 40})),
        ),
        (
            ("post", "/api/v1/events/{slug}/tracks"),
            e("/tracks"),
            Some(json!({"slug": "eau", "name_fr": "Eau", "name_en": "Water"})),
        ),
        (
            ("post", "/api/v1/events/{slug}/speakers"),
            e("/speakers"),
            Some(json!({"name": "Inès Martin"})),
        ),
        (
            ("post", "/api/v1/checkins"),
            "/api/v1/checkins".into(),
            Some(json!({"code": "not-a-badge"})),
        ),
        (
            ("post", "/api/v1/checkins/batch"),
            "/api/v1/checkins/batch".into(),
            Some(json!({"scans": [{"code": "not-a-badge", "nonce": "n-1"}]})),
        ),
        (
            ("post", "/api/v1/events/{slug}/walk-ins"),
            e("/walk-ins"),
            Some(json!({"name": "Léa Roux", "email": "lea@example.org"})),
        ),
    ];
    for (op, path, body) in more {
        answers.push(ask(&client, op, &path, orga, body).await);
    }
    let t = |rest: &str| format!("/api/v1/registrations/{token}{rest}");
    answers.push(
        ask(
            &client,
            ("get", "/api/v1/registrations/{token}"),
            &t(""),
            None,
            None,
        )
        .await,
    );
    let programme = common::json_of(
        client
            .get(format!("/api/v1/events/{ONLINE_EVENT}/sessions"))
            .dispatch()
            .await,
    )
    .await;
    let online_session = programme["sessions"][0]["id"].as_i64().unwrap();
    answers.push(
        ask(
            &client,
            ("put", "/api/v1/registrations/{token}/starred/{id}"),
            &t(&format!("/starred/{online_session}")),
            None,
            None,
        )
        .await,
    );

    let mut cases = Vec::new();
    for a in &answers {
        assert!(
            a.status < 300,
            "{} answered {}: {}",
            a.asked,
            a.status,
            a.body
        );
        cases.push((a.asked.clone(), schema_of(&doc, a), a.body.clone()));
    }
    let said = complaints(&cases);
    assert!(
        said.is_empty(),
        "answers that differ from the document:\n{said}"
    );

    // And the validator does complain: an answer missing a required member is caught.
    let mut broken = cases[0].clone();
    broken.2 = json!({"evenements": []});
    assert!(
        !complaints(&[broken]).is_empty(),
        "the validator accepts anything"
    );
}

/// What the document adds beyond the handlers' own words: every body an operation reads is
/// required, and a 429 says in `Retry-After` how many whole seconds (at least one) to wait.
#[rocket::async_test]
async fn bodies_are_required_and_a_429_says_how_long_to_wait() {
    let client = common::client_with(common::Backend::Sqlite, false).await;
    let doc: Value =
        serde_json::from_str(&common::text_of(&client, "/api/v1/openapi.json").await).unwrap();
    let mut bodies = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if let Some(body) = op.get("requestBody") {
                bodies += 1;
                assert_eq!(body["required"], true, "{method} {path}");
            }
        }
    }
    assert!(bodies >= 20, "{bodies} request bodies");
    let wait = &doc["components"]["responses"]["TooManyRequests"]["headers"]["Retry-After"];
    assert_eq!(wait["schema"]["type"], "integer", "{wait}");
    assert_eq!(wait["schema"]["minimum"], 1, "{wait}");
}
