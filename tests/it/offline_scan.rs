//! Scanners without the network, on SQLite and PostgreSQL: the kit lets a scanner judge
//! badges alone (key, valid and revoked badges, seats, who is in), uploads of what it decided
//! are idempotent, and a badge two offline scanners both let in reaches the organisers.

use crate::common;
use crate::door;

use common::{bearer, db, json_of, sign_in_organiser, text_of, Backend, BACKENDS};
use door::{badge_text, door, door_token, register, scan};
use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};
use summit::domain::badge;
use summit::store;

async fn fetch_kit(client: &Client, token: Option<&str>, slug: &str) -> (Status, Value, String) {
    let mut req = client.get(format!("/api/v1/events/{slug}/scan-kit"));
    if let Some(t) = token {
        req = req.header(bearer(t));
    }
    let res = req.dispatch().await;
    let status = res.status();
    let text = res.into_string().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status, body, text)
}

async fn upload(client: &Client, token: &str, scans: Value) -> (Status, Value) {
    let res = client
        .post("/api/v1/checkins/batch")
        .header(ContentType::JSON)
        .header(bearer(token))
        .body(json!({ "scans": scans }).to_string())
        .dispatch()
        .await;
    (res.status(), json_of(res).await)
}

async fn registration_id(client: &Client, token: &str) -> i64 {
    store::registrations::by_token(db(client), token)
        .await
        .unwrap()
        .id
}

#[rocket::async_test]
async fn the_kit_lets_a_scanner_judge_badges_alone() {
    for backend in BACKENDS {
        let d = door(backend).await;
        let c = &d.client;
        let staff = door_token(c, Some(d.event_id)).await;
        let (ana, _) = register(c, "city-summit", "Ana Lima", &[d.workshop]).await;
        let (ben, _) = register(c, "city-summit", "Ben Okafor", &[]).await;
        let ana_code = badge_text(c, &ana).await;
        let ana_id = registration_id(c, &ana).await;
        let ben_id = registration_id(c, &ben).await;
        c.delete(format!("/api/v1/registrations/{ben}"))
            .dispatch()
            .await;
        scan(c, Some(&staff), json!({"code": ana_code, "gate": "North"})).await;

        let (status, kit, text) = fetch_kit(c, Some(&staff), "city-summit").await;
        assert_eq!(status, Status::Ok, "{backend:?}: {text}");
        // The scanner's own check: the kit's key verifies a real badge and refuses a forgery.
        let key = badge::verifying_key(kit["public_key"].as_str().unwrap()).expect("a key");
        let signed = badge::decode(&ana_code).unwrap();
        assert!(signed.verify(&key));
        assert_eq!(signed.claim.event_id, kit["event"]["id"].as_i64().unwrap());
        let forged = ana_code.replace(&ana_code[12..14], "zz");
        assert!(badge::decode(&forged).is_none_or(|f| !f.verify(&key)));

        let badges = kit["badges"].as_array().unwrap();
        assert_eq!(badges.len(), 1, "only Ana holds a valid badge: {kit}");
        assert_eq!(badges[0]["id"], ana_id);
        assert_eq!(badges[0]["name"], "Ana Lima");
        assert_eq!(badges[0]["version"], signed.claim.badge_version);
        assert_eq!(badges[0]["sessions"], json!([d.workshop]));
        assert_eq!(kit["revoked"], json!([ben_id]), "Ben cancelled");
        let inside = &kit["checked_in"][0];
        assert_eq!(
            (inside["id"].as_i64(), inside["scope"].as_i64()),
            (Some(ana_id), Some(0))
        );
        assert_eq!(inside["gate"], "North");
        assert!(kit["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == d.workshop && s["requires_signup"] == true));
        assert!(
            !text.contains("@example.org"),
            "no e-mail addresses at the door"
        );

        // Who may have it.
        assert_eq!(
            fetch_kit(c, None, "city-summit").await.0,
            Status::Unauthorized
        );
        assert_eq!(
            fetch_kit(c, Some(&staff), "no-such").await.0,
            Status::NotFound
        );
        let (other, _) = door::event(c, &d.organiser, "other-summit", 10).await;
        let elsewhere = door_token(c, Some(other)).await;
        assert_eq!(
            fetch_kit(c, Some(&elsewhere), "city-summit").await.0,
            Status::Forbidden
        );
    }
}

#[rocket::async_test]
async fn offline_scans_upload_once_and_conflicts_reach_the_organisers() {
    for backend in BACKENDS {
        let d = door(backend).await;
        let c = &d.client;
        let north = door_token(c, Some(d.event_id)).await;
        let south = door_token(c, Some(d.event_id)).await;
        let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
        let (ben, _) = register(c, "city-summit", "Ben Okafor", &[]).await;
        let ana_code = badge_text(c, &ana).await;
        let ben_code = badge_text(c, &ben).await;
        let now = chrono::Utc::now().timestamp();

        // Both doors lost the network and let Ana in; North also let Ben in.
        let from_north = json!([
            {"code": ana_code, "gate": "North", "nonce": "n-1", "scanned_at": now - 120,
             "event": "city-summit", "admitted": true},
            {"code": ben_code, "gate": "North", "nonce": "n-2", "scanned_at": now - 100,
             "event": "city-summit", "admitted": true},
        ]);
        let from_south = json!([
            {"code": ana_code, "gate": "South", "nonce": "s-1", "scanned_at": now - 60,
             "event": "city-summit", "admitted": true},
        ]);
        for round in 0..2 {
            let (status, north_said) = upload(c, &north, from_north.clone()).await;
            assert_eq!(status, Status::Ok, "{backend:?}: {north_said}");
            let results = north_said["results"].as_array().unwrap();
            assert_eq!(results.len(), 2);
            assert!(
                results.iter().all(|r| r["verdict"] == "admitted"),
                "{north_said}"
            );
            assert!(results.iter().all(|r| r["conflict"] == false));
            assert_eq!(results[0]["nonce"], "n-1");

            let (_, south_said) = upload(c, &south, from_south.clone()).await;
            let ana_south = &south_said["results"][0];
            assert_eq!(ana_south["verdict"], "already_checked_in", "round {round}");
            assert_eq!(ana_south["conflict"], true);
            assert_eq!(ana_south["gate"], "North");
            let first = chrono::DateTime::parse_from_rfc3339(
                ana_south["first_checkin_at"].as_str().unwrap(),
            )
            .unwrap();
            assert_eq!(
                first.timestamp(),
                now - 120,
                "the door's own scan time is kept"
            );
        }
        let counts = store::checkins::counts(db(c), d.event_id).await.unwrap();
        assert_eq!(
            counts.by_gate,
            vec![("North".to_string(), 2)],
            "uploaded twice, counted once"
        );
        let conflicts = store::conflicts::list(db(c), d.event_id).await.unwrap();
        assert_eq!(
            conflicts.len(),
            1,
            "one conflict however often it is uploaded"
        );
        assert_eq!(conflicts[0].name.as_deref(), Some("Ana Lima"));
        assert_eq!(
            (conflicts[0].first_gate.as_str(), conflicts[0].gate.as_str()),
            ("North", "South")
        );

        // The organisers see it beside the counts.
        sign_in_organiser(c, "org@example.org", None).await;
        let page = text_of(c, "/admin/events/city-summit/checkins?lang=en").await;
        let section = &page[page
            .find("Badges let in twice while offline")
            .expect("the section")..];
        assert!(
            section.contains("Ana Lima") && section.contains("North") && section.contains("South")
        );
        assert!(!section.contains("Ben Okafor"), "Ben came in once");
    }
}

#[rocket::async_test]
async fn a_bad_upload_is_refused_whole_and_records_nothing() {
    let d = door(Backend::Sqlite).await;
    let c = &d.client;
    let staff = door_token(c, Some(d.event_id)).await;
    let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
    let code = badge_text(c, &ana).await;

    let (status, body) = upload(
        c,
        &staff,
        json!([{"code": code, "nonce": "a"}, {"code": code, "admitted": "perhaps"}]),
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity, "{body}");
    let fields = &body["error"]["fields"];
    assert!(fields.get("scans[1].nonce").is_some(), "{body}");
    assert!(fields.get("scans[1].admitted").is_some(), "{body}");
    let too_many: Vec<Value> = (0..501)
        .map(|i| json!({"code": code, "nonce": format!("x{i}")}))
        .collect();
    let (status, body) = upload(c, &staff, json!(too_many)).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(body["error"]["fields"]["scans"]
        .as_str()
        .unwrap()
        .contains("500"));
    let (status, _) = upload(c, &staff, json!("nope")).await;
    assert_eq!(status, Status::UnprocessableEntity);
    let counts = store::checkins::counts(db(c), d.event_id).await.unwrap();
    assert!(counts.by_gate.is_empty(), "nothing was checked in");

    // Garbage and other events' codes in a good upload get their verdicts, not an error.
    let (status, body) = upload(
        c,
        &staff,
        json!([{"code": "S1.AAAA", "nonce": "g1", "admitted": true},
               {"code": code, "nonce": "g2", "event": "city-summit"}]),
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(body["results"][0]["verdict"], "invalid");
    assert_eq!(body["results"][0]["conflict"], false);
    assert_eq!(body["results"][1]["verdict"], "admitted");
}

#[rocket::async_test]
async fn a_page_script_needs_the_csrf_token_to_check_in_with_the_cookie() {
    let d = door(Backend::Sqlite).await;
    let c = &d.client;
    let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
    let code = badge_text(c, &ana).await;
    sign_in_organiser(c, "door@example.org", None).await;
    let page = text_of(c, "/scan?event=city-summit&gate=North").await;
    let csrf = common::csrf_of(&page);
    assert!(page.contains("/public/scanner.js") && page.contains("id=\"camera\""));

    let body = json!({"code": code, "gate": "North"}).to_string();
    let forged = c
        .post("/api/v1/checkins")
        .header(ContentType::JSON)
        .body(body.clone())
        .dispatch()
        .await;
    assert_eq!(forged.status(), Status::BadRequest);
    let said = json_of(forged).await;
    assert!(
        said["error"]["message"].as_str().unwrap().contains("expir"),
        "{said}"
    );
    let counts = store::checkins::counts(db(c), d.event_id).await.unwrap();
    assert!(
        counts.by_gate.is_empty(),
        "the forged request let nobody in"
    );

    let res = c
        .post("/api/v1/checkins")
        .header(ContentType::JSON)
        .header(Header::new("X-CSRF-Token", csrf))
        .body(body)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(json_of(res).await["verdict"], "admitted");
    // Reading needs no token: the kit is a GET.
    let res = c
        .get("/api/v1/events/city-summit/scan-kit")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
}

#[rocket::async_test]
async fn a_lost_badge_found_by_name_offline_is_uploaded_by_registration() {
    for backend in BACKENDS {
        let d = door(backend).await;
        let c = &d.client;
        let staff = door_token(c, Some(d.event_id)).await;
        let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
        let ana_id = registration_id(c, &ana).await;
        let lost = json!([{"registration_id": ana_id, "event": "city-summit", "gate": "Desk",
                           "nonce": "lost-1", "admitted": true}]);
        for _ in 0..2 {
            let (status, body) = upload(c, &staff, lost.clone()).await;
            assert_eq!(status, Status::Ok, "{backend:?}: {body}");
            assert_eq!(body["results"][0]["verdict"], "admitted", "{body}");
            assert_eq!(body["results"][0]["attendee"]["name"], "Ana Lima");
        }
        let code = badge_text(c, &ana).await;
        let (_, again) = scan(c, Some(&staff), json!({"code": code, "gate": "North"})).await;
        assert_eq!(again["verdict"], "already_checked_in");
        assert_eq!(again["gate"], "Desk");

        // Nobody of that number in this event: refused, not an error.
        door::event(c, &d.organiser, "other-summit", 10).await;
        let (zoe, _) = register(c, "other-summit", "Zoe Elsewhere", &[]).await;
        let zoe_id = registration_id(c, &zoe).await;
        let (status, body) = upload(
            c,
            &staff,
            json!([{"registration_id": zoe_id, "event": "city-summit", "nonce": "lost-2"},
                   {"registration_id": 999_999, "event": "city-summit", "nonce": "lost-3"}]),
        )
        .await;
        assert_eq!(status, Status::Ok, "{body}");
        assert_eq!(body["results"][0]["verdict"], "invalid");
        assert_eq!(body["results"][1]["verdict"], "invalid");

        // A registration needs the scanner's event, and not a code as well.
        let (status, body) = upload(
            c,
            &staff,
            json!([{"registration_id": ana_id, "nonce": "lost-4"},
                   {"registration_id": ana_id, "event": "city-summit", "code": code,
                    "nonce": "lost-5"}]),
        )
        .await;
        assert_eq!(status, Status::UnprocessableEntity);
        let fields = &body["error"]["fields"];
        assert!(
            fields.get("scans[0].event").is_some() && fields.get("scans[1].code").is_some(),
            "{body}"
        );
    }
}
