//! The check-in API and the scanner page, on SQLite and PostgreSQL: verdicts for good,
//! used, forged, revoked and misplaced badges, exactly one admission under concurrency,
//! idempotent retries, and what door staff see.

use crate::common;
use crate::door;

use std::sync::Arc;

use common::{db, text_of, Backend, BACKENDS};
use door::{badge_text, door, door_token, register, scan};
use rocket::http::{ContentType, Method, Status};
use serde_json::json;
use summit::store;

#[rocket::async_test]
async fn verdicts_for_every_kind_of_badge() {
    for backend in BACKENDS {
        let d = door(backend).await;
        let c = &d.client;
        let staff = door_token(c, Some(d.event_id)).await;
        let (ana, _) = register(c, "city-summit", "Ana Lima", &[d.workshop]).await;
        let code = badge_text(c, &ana).await;
        assert!(code.starts_with("S1.") && code.len() < 100, "{code}");

        let (status, first) = scan(c, Some(&staff), json!({"code": code, "gate": "North"})).await;
        assert_eq!(status, Status::Ok);
        assert_eq!(first["verdict"], "admitted", "{backend:?}: {first}");
        assert_eq!(first["attendee"]["name"], "Ana Lima");
        assert_eq!(first["attendee"]["attendance"], "in_person");
        let (_, again) = scan(c, Some(&staff), json!({"code": code, "gate": "South"})).await;
        assert_eq!(again["verdict"], "already_checked_in");
        assert_eq!(again["gate"], "North", "the first gate is named");
        let at = again["first_checkin_at"].as_str().unwrap();
        assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");

        // The workshop door is another door: Ana has a seat there, Ben has none.
        let at_lab = json!({"code": code, "session_id": d.workshop});
        assert_eq!(scan(c, Some(&staff), at_lab).await.1["verdict"], "admitted");
        let (ben, _) = register(c, "city-summit", "Ben Okafor", &[]).await;
        let ben_code = badge_text(c, &ben).await;
        let (_, no_seat) = scan(
            c,
            Some(&staff),
            json!({"code": ben_code, "session_id": d.workshop}),
        )
        .await;
        assert_eq!(no_seat["verdict"], "not_registered_for_session");

        // Forged, truncated, garbage and huge codes: `invalid`, never an error.
        // One character changed: in what it claims, and in its signature (after the good code
        // was checked).
        let flip = |at: usize| -> String {
            let mut chars: Vec<char> = code.chars().collect();
            chars[at] = if chars[at] == 'x' { 'y' } else { 'x' };
            chars.into_iter().collect()
        };
        let (tampered, forged) = (flip(10), flip(code.len() - 6));
        let huge = "S1.".to_string() + &"A".repeat(10 * 1024);
        for bad in [
            tampered.as_str(),
            forged.as_str(),
            &code[..code.len() - 5],
            "hello",
            "S1.",
            "",
            &huge,
            "S1.%%%",
        ] {
            let (status, body) = scan(c, Some(&staff), json!({"code": bad})).await;
            if bad.is_empty() {
                assert_eq!(
                    status,
                    Status::UnprocessableEntity,
                    "an empty code is missing"
                );
                continue;
            }
            assert_eq!(status, Status::Ok, "{bad:.20}");
            assert_eq!(body["verdict"], "invalid", "{bad:.20}");
            assert!(body.get("attendee").is_none());
        }
        let (status, _) = scan(c, Some(&staff), json!({"code": 42, "session_id": "x"})).await;
        assert_eq!(status, Status::UnprocessableEntity);

        // A cancelled registration's badge is revoked.
        let res = c
            .delete(format!("/api/v1/registrations/{ben}"))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Ok);
        let (_, revoked) = scan(c, Some(&staff), json!({"code": ben_code})).await;
        assert_eq!(revoked["verdict"], "revoked");

        // A re-issued badge: the old code is revoked, the new one opens the door.
        let (cleo, _) = register(c, "city-summit", "Cleo Martin", &[]).await;
        let old = badge_text(c, &cleo).await;
        let r = store::registrations::by_token(db(c), &cleo).await.unwrap();
        store::badges::reissue(db(c), r.id).await.unwrap();
        let new = badge_text(c, &cleo).await;
        assert_ne!(old, new);
        assert_eq!(
            scan(c, Some(&staff), json!({"code": old})).await.1["verdict"],
            "revoked"
        );
        assert_eq!(
            scan(c, Some(&staff), json!({"code": new})).await.1["verdict"],
            "admitted"
        );
    }
}

#[rocket::async_test]
async fn tokens_and_events_are_checked() {
    let d = door(Backend::Sqlite).await;
    let c = &d.client;
    let (other_id, _) = door::event(c, &d.organiser, "other-summit", 50).await;
    let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
    let code = badge_text(c, &ana).await;

    let (status, body) = scan(c, None, json!({"code": code})).await;
    assert_eq!(status, Status::Unauthorized);
    assert_eq!(body["error"]["code"], "unauthorized");
    let (status, _) = scan(c, Some("not-a-token"), json!({"code": code})).await;
    assert_eq!(status, Status::Unauthorized);

    let elsewhere = door_token(c, Some(other_id)).await;
    let (status, body) = scan(c, Some(&elsewhere), json!({"code": code})).await;
    assert_eq!(status, Status::Forbidden, "{body}");
    // The scanner set to the other event says so, without naming the person.
    let (status, body) = scan(
        c,
        Some(&elsewhere),
        json!({"code": code, "event": "other-summit"}),
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(body["verdict"], "wrong_event");
    assert!(body.get("attendee").is_none());
    let anywhere = door_token(c, None).await;
    let (_, body) = scan(
        c,
        Some(&anywhere),
        json!({"code": code, "event": "other-summit"}),
    )
    .await;
    assert_eq!(body["verdict"], "wrong_event");
    let (_, body) = scan(
        c,
        Some(&anywhere),
        json!({"code": code, "event": "city-summit"}),
    )
    .await;
    assert_eq!(body["verdict"], "admitted");
}

#[rocket::async_test]
async fn a_retried_scan_keeps_its_verdict_and_scanning_is_rate_limited() {
    let d = door(Backend::Sqlite).await;
    let c = &d.client;
    let staff = door_token(c, None).await;
    let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
    let code = badge_text(c, &ana).await;
    let first = json!({"code": code, "gate": "A", "nonce": "dev1-0001", "scanned_at": "2026-01-15T08:30:00+01:00"});
    let (_, one) = scan(c, Some(&staff), first.clone()).await;
    assert_eq!(one["verdict"], "admitted");
    let (_, retry) = scan(c, Some(&staff), first).await;
    assert_eq!(retry["verdict"], "admitted", "the same scan uploaded again");
    let (_, other) = scan(c, Some(&staff), json!({"code": code, "nonce": "dev2-0001"})).await;
    assert_eq!(other["verdict"], "already_checked_in");
    assert_eq!(other["first_checkin_at"], "2026-01-15T08:30:00+01:00");

    let mut limited = 0;
    for _ in 0..45 {
        let (status, body) = scan(c, Some(&staff), json!({"code": "garbage"})).await;
        if status == Status::TooManyRequests {
            assert_eq!(body["error"]["code"], "too_many_requests");
            limited += 1;
        }
    }
    assert!(limited > 0, "45 scans at once go over 20 a second");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_doors_scanning_one_badge_at_once_admit_it_once() {
    for backend in BACKENDS {
        let d = door(backend).await;
        let code = badge_text(
            &d.client,
            &register(&d.client, "city-summit", "Ana Lima", &[]).await.0,
        )
        .await;
        let doors = [
            door_token(&d.client, None).await,
            door_token(&d.client, None).await,
        ];
        let client = Arc::new(d.client);
        let scans: Vec<_> = (0..16)
            .map(|i| {
                let (client, code, token) = (client.clone(), code.clone(), doors[i % 2].clone());
                tokio::spawn(async move {
                    let gate = format!("gate-{}", i % 2);
                    scan(&client, Some(&token), json!({"code": code, "gate": gate}))
                        .await
                        .1["verdict"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
            })
            .collect();
        let mut verdicts = Vec::new();
        for s in scans {
            verdicts.push(s.await.unwrap());
        }
        let admitted = verdicts.iter().filter(|v| *v == "admitted").count();
        assert_eq!(admitted, 1, "{backend:?}: {verdicts:?}");
        assert!(verdicts
            .iter()
            .all(|v| v == "admitted" || v == "already_checked_in"));
        let counts = store::checkins::counts(db(&client), d.event_id)
            .await
            .unwrap();
        assert_eq!(
            counts.by_attendance,
            vec![("in_person".to_string(), 1)],
            "{backend:?}"
        );
    }
}

#[rocket::async_test]
async fn door_staff_scan_and_find_lost_badges_on_the_page() {
    let d = door(Backend::Sqlite).await;
    let c = &d.client;
    let res = c.get("/scan").dispatch().await;
    assert_eq!(res.status(), Status::SeeOther);
    assert!(res
        .headers()
        .get_one("Location")
        .unwrap()
        .starts_with("/login"));

    let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
    register(c, "city-summit", "Ben Okafor", &[]).await;
    let code = badge_text(c, &ana).await;
    door::sign_in_door(c, "door@example.org", Some(d.event_id)).await;
    let page = text_of(c, "/scan?gate=North&lang=en").await;
    assert!(
        page.contains("Summit city-summit") && page.contains("gate: North"),
        "{page}"
    );
    let csrf = common::csrf_of(&page);
    let post = |body: String| {
        c.post("/scan")
            .header(ContentType::Form)
            .body(body)
            .dispatch()
    };
    let form = format!("csrf={csrf}&event=city-summit&gate=North&code={code}");
    let shown = post(form.clone()).await.into_string().await.unwrap();
    assert!(shown.contains("role=\"status\""));
    assert!(shown.contains("data-verdict=\"admitted\""));
    assert!(
        shown.contains("✓</span> Admitted") && shown.contains("Ana Lima"),
        "{shown}"
    );
    let shown = post(form).await.into_string().await.unwrap();
    assert!(
        shown.contains("Already checked in") && shown.contains("gate: North"),
        "{shown}"
    );
    let refused = post(format!("code={code}&event=city-summit")).await;
    assert_eq!(refused.status(), Status::BadRequest, "no CSRF token");

    // Ben lost his badge: found by name, checked in with one button.
    let found = text_of(c, "/scan?event=city-summit&gate=North&q=okafor").await;
    assert!(found.contains("Ben Okafor") && !found.contains("Ana Lima</strong>"));
    let at = found.find("name=\"registration\" value=\"").unwrap() + 27;
    let id = &found[at..at + found[at..].find('"').unwrap()];
    let form = format!("csrf={csrf}&event=city-summit&gate=North&registration={id}");
    let shown = post(form).await.into_string().await.unwrap();
    assert!(shown.contains("data-verdict=\"admitted\"") && shown.contains("Ben Okafor"));
    let shown = post(format!("csrf={csrf}&event=city-summit&code=S1.forged")).await;
    let shown = shown.into_string().await.unwrap();
    assert!(shown.contains("data-verdict=\"invalid\"") && shown.contains("Unreadable or forged"));

    // Organisers see the counts: 2 of 2 in, at gate North.
    let organiser = common::organiser_token(c).await;
    let res = c
        .get("/admin/events/city-summit/checkins?lang=en")
        .header(common::bearer(&organiser))
        .dispatch()
        .await;
    let counts = res.into_string().await.unwrap();
    assert!(
        counts.contains("2 people checked in at the entrance"),
        "{counts}"
    );
    assert!(
        counts.contains("<th scope=\"row\">North</th><td>2</td>"),
        "{counts}"
    );
    let (status, _) = common::send_json(
        c,
        Method::Get,
        "/admin/events/city-summit/checkins",
        "x",
        json!({}),
    )
    .await;
    assert_ne!(status, Status::Ok);
}

#[rocket::async_test]
async fn a_badge_of_the_old_attendance_mode_is_revoked() {
    for backend in BACKENDS {
        let d = door(backend).await;
        let c = &d.client;
        let staff = door_token(c, Some(d.event_id)).await;
        let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
        let in_person = badge_text(c, &ana).await;
        let res = c
            .patch(format!("/api/v1/registrations/{ana}"))
            .header(ContentType::JSON)
            .body(json!({"attendance": "online"}).to_string())
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Ok, "{backend:?}");
        let online = badge_text(c, &ana).await;
        assert_ne!(in_person, online, "a new badge for the new mode");
        let (_, old) = scan(c, Some(&staff), json!({"code": in_person})).await;
        assert_eq!(old["verdict"], "revoked", "{backend:?}: {old}");
        let (_, new) = scan(c, Some(&staff), json!({"code": online})).await;
        assert_eq!(new["verdict"], "admitted");
        assert_eq!(new["attendee"]["attendance"], "online");
    }
}
