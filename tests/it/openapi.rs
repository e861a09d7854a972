//! The served OpenAPI document: valid for a real validator, and it describes every route the
//! app mounts under `/api/v1`.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

use rocket::http::{ContentType, Method, Status};
use serde_json::Value;
use summit::domain::StaffRole;
use summit::store;

/// `/events/<slug>` → `/events/{slug}`.
fn openapi_path(rocket_path: &str) -> String {
    rocket_path.replace('<', "{").replace('>', "}")
}

/// Runs `openapi-spec-validator` (from PyPI, see `common::python`) on a document.
fn validator_errors(doc: &str) -> Option<String> {
    let dir = std::env::temp_dir().join("summit-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("openapi-{}.json", uuid::Uuid::new_v4().simple()));
    std::fs::write(&file, doc).unwrap();
    let out = common::python::python()
        .args(["-m", "openapi_spec_validator"])
        .arg(&file)
        .output()
        .expect("python3 with openapi-spec-validator");
    std::fs::remove_file(&file).ok();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !said.contains("No module named"),
        "openapi-spec-validator missing: {said}"
    );
    (!out.status.success()).then_some(said)
}

#[rocket::async_test]
async fn the_openapi_document_is_valid_and_describes_every_api_route() {
    let client = common::client_with(common::Backend::Sqlite, false).await;
    let res = client.get("/api/v1/openapi.json").dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.content_type().unwrap().to_string(), "application/json");
    let text = res.into_string().await.unwrap();
    if let Some(errors) = validator_errors(&text) {
        panic!("openapi.json is not valid OpenAPI: {errors}");
    }
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));

    let mut broken = doc.clone();
    broken["paths"]["/api/v1/events"]["get"]["responses"] = Value::Null;
    assert!(
        validator_errors(&broken.to_string()).is_some(),
        "the validator rejects a bad document"
    );

    // Every route, as (method, path): the document may describe routes outside /api/v1 (Stripe's
    // webhook, the attendee's data), never one that is not mounted.
    let every_route: BTreeSet<(String, String)> = client
        .rocket()
        .routes()
        .map(|r| {
            (
                r.method.as_str().to_ascii_lowercase(),
                openapi_path(r.uri.path()),
            )
        })
        .collect();
    let mounted: BTreeSet<(String, String)> = every_route
        .iter()
        .filter(|(_, path)| path.starts_with("/api/v1"))
        .cloned()
        .collect();
    assert!(mounted.len() >= 14, "{mounted:?}");
    let paths = doc["paths"].as_object().unwrap();
    for (method, path) in &mounted {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is mounted but not described"
        );
    }
    let methods = ["get", "put", "post", "delete", "patch", "options", "head"];
    for (path, item) in paths {
        for method in methods.iter().filter(|m| item.get(**m).is_some()) {
            let key = (method.to_string(), path.clone());
            assert!(
                every_route.contains(&key),
                "{method} {path} is described but not mounted"
            );
            let op = &item[*method];
            for (code, response) in op["responses"].as_object().unwrap() {
                if code.starts_with('4') {
                    assert_eq!(
                        response["$ref"]
                            .as_str()
                            .map(|r| r.starts_with("#/components/responses/")),
                        Some(true),
                        "{method} {path} {code} answers the error shape"
                    );
                }
            }
        }
    }
    let error = &doc["components"]["schemas"]["Error"]["properties"]["error"]["properties"];
    for member in ["code", "message", "fields"] {
        assert!(error.get(member).is_some(), "error.{member}");
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["bearerAuth"]["scheme"],
        "bearer"
    );
}

/// A demo event, and another one that the scoped tokens below are limited to.
const DEMO_EVENT: &str = "bordeaux-nous-les-villes";
const OTHER_EVENT: &str = "wsis-numerique-inclusif";
const UNKNOWN_SLUG: &str = "no-such-event";
/// As long as a real attendee token (32 random bytes, base64url), and nobody's.
const BOGUS_TOKEN: &str = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
/// The calls that count against a scanner's rate limit (`checkin::ScanLimit`).
const SCANNER_PATHS: [&str; 2] = ["/api/v1/checkins", "/api/v1/checkins/batch"];

/// Every concrete path of a templated one (`/events/{slug}` → one per value of `slug`), or
/// the parameter that has no values.
fn concrete_paths(
    template: &str,
    values: &BTreeMap<&str, Vec<String>>,
) -> Result<Vec<String>, String> {
    let Some(open) = template.find('{') else {
        return Ok(vec![template.to_string()]);
    };
    let close = open + template[open..].find('}').unwrap();
    let name = &template[open + 1..close];
    let rest = concrete_paths(&template[close + 1..], values)?;
    let mut paths = Vec::new();
    for value in values.get(name).ok_or_else(|| name.to_string())? {
        paths.extend(
            rest.iter()
                .map(|r| format!("{}{value}{r}", &template[..open])),
        );
    }
    Ok(paths)
}

/// A body to send: its name (for the report), its content type, its bytes.
struct Body {
    name: String,
    content_type: Option<ContentType>,
    bytes: Vec<u8>,
}

impl Body {
    fn new(name: &str, content_type: Option<ContentType>, bytes: impl Into<Vec<u8>>) -> Body {
        Body {
            name: name.to_string(),
            content_type,
            bytes: bytes.into(),
        }
    }

    fn none() -> Body {
        Body::new("none", None, "")
    }

    fn json(name: &str, value: Value) -> Body {
        Body::new(name, Some(ContentType::JSON), value.to_string())
    }
}

/// A body shaped like a scan (and an upload of one) at the door of `event`.
fn scan_body(event: &str) -> Body {
    Body::json(
        &format!("scan at {event}"),
        serde_json::json!({
            "code": "not-a-badge",
            "event": event,
            "scans": [{"code": "not-a-badge", "nonce": "n-1", "event": event}],
        }),
    )
}

/// The bad bodies: none, empty, not JSON, not UTF-8, not said to be JSON, not an object,
/// too large, and well-formed ones naming a real and an unknown event.
fn bad_bodies() -> Vec<Body> {
    vec![
        Body::none(),
        Body::json("{}", serde_json::json!({})),
        Body::new("not json", Some(ContentType::JSON), "not json"),
        Body::new("invalid UTF-8", Some(ContentType::JSON), &b"\xff\xfe{"[..]),
        Body::new("text/plain", Some(ContentType::Plain), "{}"),
        Body::json("an array", serde_json::json!([{"code": "x"}])),
        Body::new(
            "300 KiB",
            Some(ContentType::JSON),
            format!("{{\"name\": \"{}\"}}", "x".repeat(300 * 1024)),
        ),
        scan_body(DEMO_EVENT),
        scan_body(UNKNOWN_SLUG),
    ]
}

/// Bodies sent where the document expects none: a program may still send one.
fn stray_bodies() -> Vec<Body> {
    vec![
        Body::json("{} (none expected)", serde_json::json!({})),
        Body::new("text/plain (none expected)", Some(ContentType::Plain), "x"),
    ]
}

/// `#/components/responses/X` → the response it names.
fn resolve<'a>(doc: &'a Value, response: &'a Value) -> &'a Value {
    match response["$ref"].as_str() {
        Some(r) => doc
            .pointer(r.trim_start_matches('#'))
            .unwrap_or(&Value::Null),
        None => response,
    }
}

/// An answer, as received.
struct Answer {
    status: u16,
    media_type: Option<String>,
    retry_after: Option<String>,
    body: Vec<u8>,
}

/// What is wrong with an answer, by what the operation's description says it may answer:
/// its status, media type, error code, and Retry-After on 429; and never a server error.
fn undescribed(doc: &Value, op: &Value, error_codes: &BTreeSet<String>, a: &Answer) -> Vec<String> {
    let mut wrong = Vec::new();
    if a.status >= 500 {
        wrong.push(format!("a server error {}", a.status));
    }
    let code = a.status.to_string();
    let range = format!("{}XX", &code[..1]);
    let Some(response) = [code.as_str(), range.as_str(), "default"]
        .iter()
        .find_map(|k| op["responses"].get(*k))
    else {
        wrong.push(format!("status {code} is not among the responses"));
        return wrong;
    };
    let response = resolve(doc, response);
    if let (Some(content), false) = (response["content"].as_object(), a.body.is_empty()) {
        let media = a.media_type.clone().unwrap_or_default();
        if !content.contains_key(&media) {
            let described: Vec<_> = content.keys().collect();
            wrong.push(format!("answered {media:?}, described as {described:?}"));
        }
    }
    let json = serde_json::from_slice::<Value>(&a.body).ok();
    if let Some(error) = json.as_ref().and_then(|j| j.get("error")) {
        match error["code"].as_str() {
            Some(c) if error_codes.contains(c) => {}
            other => wrong.push(format!("error.code {other:?} is not in the Error enum")),
        }
    } else if a.status >= 400 && !a.body.is_empty() {
        wrong.push("an error without the Error shape".into());
    }
    if a.status == 429 {
        if a.retry_after
            .as_deref()
            .and_then(|s| s.parse::<u64>().ok())
            .is_none()
        {
            wrong.push(format!("Retry-After is {:?}", a.retry_after));
        }
        if response["headers"].get("Retry-After").is_none() {
            wrong.push("its 429 response does not describe Retry-After".into());
        }
    }
    wrong
}

async fn send(
    client: &rocket::local::asynchronous::Client,
    method: Method,
    path: &str,
    auth: Option<&str>,
    body: &Body,
) -> Answer {
    let mut req = client.req(method, path.to_string());
    if let Some(token) = auth {
        req = req.header(common::bearer(token));
    }
    if let Some(ct) = &body.content_type {
        req = req.header(ct.clone());
    }
    if !body.bytes.is_empty() {
        req = req.body(&body.bytes);
    }
    let res = req.dispatch().await;
    Answer {
        status: res.status().code,
        media_type: res
            .content_type()
            .map(|c| format!("{}/{}", c.top(), c.sub())),
        retry_after: res.headers().get_one("Retry-After").map(str::to_string),
        body: res.into_bytes().await.unwrap_or_default(),
    }
}

/// The document and what it says, and the mismatches found so far.
struct Check<'a> {
    client: &'a rocket::local::asynchronous::Client,
    doc: Value,
    error_codes: BTreeSet<String>,
    sent: usize,
    /// A set: a mismatch met again (in a burst) is said once.
    mismatches: BTreeSet<String>,
}

impl Check<'_> {
    async fn try_one(
        &mut self,
        (method, template): (&str, &str),
        path: &str,
        (who, auth): (&str, Option<&str>),
        body: &Body,
    ) -> Answer {
        let answer = send(self.client, method.parse().unwrap(), path, auth, body).await;
        self.sent += 1;
        let op = &self.doc["paths"][template][method];
        for wrong in undescribed(&self.doc, op, &self.error_codes, &answer) {
            self.mismatches.insert(format!(
                "{} {path} [credentials: {who}; body: {}] → {}: {wrong}",
                method.to_uppercase(),
                body.name,
                answer.status
            ));
        }
        answer
    }

    /// Every operation, on every concrete path: each credential with an empty body (or
    /// none), then, with `bodies_by`, each bad body with those credentials.
    async fn every_operation(
        &mut self,
        values: &BTreeMap<&str, Vec<String>>,
        credentials: &[(&str, Option<&str>)],
        bodies_by: &[(&str, Option<&str>)],
    ) {
        let methods = ["get", "put", "post", "delete", "patch"];
        let mut operations = Vec::new();
        for (template, item) in self.doc["paths"].as_object().unwrap() {
            for method in methods.iter().filter(|m| item.get(**m).is_some()) {
                let op = &item[*method];
                let door = op["tags"].as_array().unwrap().contains(&"door".into());
                operations.push((
                    *method,
                    template.clone(),
                    op.get("requestBody").is_some(),
                    door,
                ));
            }
        }
        for (method, template, takes_body, door) in operations {
            let paths = match concrete_paths(&template, values) {
                Ok(paths) => paths,
                Err(name) => {
                    self.mismatches
                        .insert(format!("{template}: no test values for {{{name}}}"));
                    continue;
                }
            };
            let plain = match takes_body {
                true => Body::json("{}", serde_json::json!({})),
                false => Body::none(),
            };
            let bodies = match takes_body {
                true => bad_bodies(),
                false => stray_bodies(),
            };
            for path in &paths {
                for who in credentials {
                    self.try_one((method, &template), path, *who, &plain).await;
                }
                for who in bodies_by
                    .iter()
                    .filter(|(w, _)| door || !w.starts_with("door"))
                {
                    for body in &bodies {
                        self.try_one((method, &template), path, *who, body).await;
                    }
                }
            }
        }
    }
}

/// Every operation in the served document, driven with malformed and unknown ids, tokens and
/// bodies, with no, bogus, an organiser's, a door's and another event's credentials, and with
/// a staff cookie but no CSRF header: each answer must be one the operation describes (its
/// status, media type, error code, and Retry-After on 429), and none a server error. A client
/// generated from the document then understands every answer the API gives.
#[rocket::async_test]
async fn every_answer_to_bad_input_is_one_the_document_describes() {
    let client = common::demo_client().await;
    let text = common::text_of(&client, "/api/v1/openapi.json").await;
    let doc: Value = serde_json::from_str(&text).unwrap();
    let error_codes = doc["components"]["schemas"]["Error"]["properties"]["error"]["properties"]
        ["code"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();

    let db = common::db(&client);
    let other = store::events::get(db, OTHER_EVENT).await.unwrap();
    let organiser = common::organiser_token(&client).await;
    let token = |role, event| store::staff::create_token(db, role, event, "openapi test");
    let organiser_elsewhere = token(StaffRole::Organiser, Some(other.id)).await.unwrap();
    let door_elsewhere = token(StaffRole::Door, Some(other.id)).await.unwrap();
    let door = token(StaffRole::Door, None).await.unwrap();
    // A real attendee: cancelled, changed and erased along the way.
    let person = serde_json::json!({"name": "A", "email": "a@example.org", "attendance": "online"});
    let (_, attendee) = common::register_via_api(&client, "uclg-villes-intelligents", person).await;
    let values = BTreeMap::from([
        ("slug", vec![DEMO_EVENT.into(), UNKNOWN_SLUG.into()]),
        ("id", vec!["abc".into(), "999999".into()]),
        ("token", vec!["abc".into(), BOGUS_TOKEN.into(), attendee]),
    ]);

    let mut check = Check {
        client: &client,
        doc,
        error_codes,
        sent: 0,
        mismatches: BTreeSet::new(),
    };
    let bearers = [
        ("bogus token", Some(BOGUS_TOKEN)),
        ("organiser", Some(organiser.as_str())),
        (
            "organiser of another event",
            Some(organiser_elsewhere.as_str()),
        ),
        ("door", Some(door.as_str())),
        ("door of another event", Some(door_elsewhere.as_str())),
    ];
    let mut credentials = vec![("none", None)];
    credentials.extend(bearers);
    let bodies_by = [bearers[1], bearers[4]];
    check
        .every_operation(&values, &credentials, &bodies_by)
        .await;

    // A scanner going faster than its limit is told to wait, in words the document has.
    for path in SCANNER_PATHS {
        let burst = token(StaffRole::Door, None).await.unwrap();
        let body = Body::json(
            "a burst of scans",
            serde_json::json!({"code": "x", "scans": []}),
        );
        // Until the first 429 (the limit is per second: a slow machine may need more).
        let mut limited = false;
        for _ in 0..10 * summit::app::checkin::SCANS_PER_SECOND {
            let who = ("door", Some(burst.as_str()));
            let answer = check.try_one(("post", path), path, who, &body).await;
            limited = answer.status == 429;
            if limited {
                break;
            }
        }
        if !limited {
            check
                .mismatches
                .insert(format!("POST {path}: a burst of scans was never limited"));
        }
    }

    // Signed in, a page's script must send the CSRF header with every change.
    common::sign_in_organiser(&client, "orga@example.org", None).await;
    let cookie = [("staff cookie, no CSRF header", None)];
    check.every_operation(&values, &cookie, &[]).await;

    let Check {
        sent, mismatches, ..
    } = check;
    assert!(sent > 300, "only {sent} requests");
    assert!(
        mismatches.is_empty(),
        "{} undescribed answers to {sent} requests:\n{}",
        mismatches.len(),
        mismatches.into_iter().collect::<Vec<_>>().join("\n")
    );
}
