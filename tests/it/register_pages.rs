//! Registering as people do it: the form (without JavaScript), the attendee's own page, and
//! the JSON API of CONTRACT.md, through Rocket's local client.

use crate::common;

use common::{client_with, csrf_of, json_of, organiser_token, send_json, Backend};
use rocket::http::{ContentType, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};
use summit::store;

struct Summit {
    client: Client,
    lab: i64,
    clinic: i64,
    talk: i64,
}

/// A hybrid event with two workshops at the same time (one of 1 seat) and a later one.
async fn summit(extra: Value) -> Summit {
    let client = client_with(Backend::Sqlite, false).await;
    let token = organiser_token(&client).await;
    let mut event = json!({"slug": "city-summit", "title": "City summit", "timezone": "Europe/Paris",
        "starts_at": "2027-06-15T08:00", "ends_at": "2027-06-15T18:00", "format": "hybrid",
        "status": "published", "in_person_capacity": 100, "organiser": "Bordeaux Métropole"});
    for (k, v) in extra.as_object().unwrap() {
        event[k] = v.clone();
    }
    let (status, _) = send_json(&client, Method::Post, "/api/v1/events", &token, event).await;
    assert_eq!(status, Status::Created);
    let mut ids = Vec::new();
    for (title, start, end, cap) in [
        ("Open data lab", "10:00", "11:00", 1),
        ("Inclusion clinic", "10:30", "11:30", 20),
        ("Closing talk", "16:00", "17:00", 50),
    ] {
        let body = json!({"title": title, "kind": "workshop", "starts_at": format!("2027-06-15T{start}"),
            "ends_at": format!("2027-06-15T{end}"), "capacity": cap, "requires_signup": true,
            "format": "hybrid", "stream_url": "https://stream.example.org/private-room"});
        let (status, created) = send_json(
            &client,
            Method::Post,
            "/api/v1/events/city-summit/sessions",
            &token,
            body,
        )
        .await;
        assert_eq!(status, Status::Created, "{created}");
        ids.push(created["id"].as_i64().unwrap());
    }
    Summit {
        client,
        lab: ids[0],
        clinic: ids[1],
        talk: ids[2],
    }
}

async fn post_json(client: &Client, path: &str, body: Value) -> (Status, Value) {
    let res = client
        .post(path.to_string())
        .header(ContentType::JSON)
        .body(body.to_string())
        .dispatch()
        .await;
    let status = res.status();
    (status, json_of(res).await)
}

fn token_of(manage_url: &Value) -> String {
    let url = manage_url.as_str().expect("a manage_url");
    assert!(url.starts_with("https://summit.test/r/"), "{url}");
    url.rsplit('/').next().unwrap().to_string()
}

#[rocket::async_test]
async fn the_api_registers_reads_changes_and_cancels() {
    let s = summit(json!({})).await;
    let c = &s.client;
    let (status, body) = post_json(
        c,
        "/api/v1/events/city-summit/registrations",
        json!({"name": "Ana Lima", "email": "ana@example.org", "attendance": "in_person",
               "language": "fr", "sessions": [s.lab]}),
    )
    .await;
    assert_eq!(status, Status::Created, "{body}");
    assert_eq!(body["status"], "confirmed");
    let token = token_of(&body["manage_url"]);
    assert!(token.len() >= 43, "at least 256 bits, base64");
    assert!(!body.to_string().contains("private-room"));

    let res = c
        .get(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    let mine = json_of(res).await;
    assert_eq!(mine["attendance"], "in_person");
    assert_eq!(
        mine["sessions"],
        json!([{"id": s.lab, "status": "confirmed", "waitlist_position": null}])
    );

    // The lab has one seat: Ben waits for it, at position 1.
    let (_, ben) = post_json(
        c,
        "/api/v1/events/city-summit/registrations",
        json!({"name": "Ben", "email": "ben@example.org", "attendance": "online", "language": "en", "sessions": [s.lab]}),
    )
    .await;
    assert_eq!(ben["status"], "confirmed");
    assert_eq!(ben["sessions"][0]["status"], "waitlisted");
    assert_eq!(ben["sessions"][0]["waitlist_position"], 1);
    let ben_token = token_of(&ben["manage_url"]);

    // Ana moves to the later talk; her lab seat goes to Ben.
    let (status, changed) = send_json(
        c,
        Method::Patch,
        &format!("/api/v1/registrations/{token}"),
        "",
        json!({"sessions": [s.talk]}),
    )
    .await;
    assert_eq!(status, Status::Ok, "{changed}");
    assert_eq!(changed["sessions"][0]["id"], s.talk);
    let res = c
        .get(format!("/api/v1/registrations/{ben_token}"))
        .dispatch()
        .await;
    assert_eq!(json_of(res).await["sessions"][0]["status"], "confirmed");

    // Overlapping workshops are refused with a message about the field.
    let (status, err) = send_json(
        c,
        Method::Patch,
        &format!("/api/v1/registrations/{ben_token}"),
        "",
        json!({"sessions": [s.lab, s.clinic]}),
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(err["error"]["fields"]["sessions"]
        .as_str()
        .unwrap()
        .contains("Inclusion clinic"));

    let res = c
        .delete(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(json_of(res).await["status"], "cancelled");
    let res = c
        .delete(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Conflict);
    let res = c.get("/api/v1/registrations/not-a-token").dispatch().await;
    assert_eq!(res.status(), Status::NotFound);
}

#[rocket::async_test]
async fn the_api_refuses_bad_input_and_says_nothing_about_who_is_registered() {
    let s = summit(json!({})).await;
    let c = &s.client;
    let path = "/api/v1/events/city-summit/registrations";
    let (status, err) = post_json(
        c,
        path,
        json!({"name": "", "email": "not-an-address", "attendance": "by-pigeon", "sessions": [99999]}),
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    let fields = err["error"]["fields"].as_object().unwrap();
    for f in ["name", "email", "attendance", "sessions"] {
        assert!(fields.contains_key(f), "{f} in {err}");
    }
    let person = json!({"name": "Ana", "email": "ana@example.org", "attendance": "online"});
    let (first, _) = post_json(c, path, person.clone()).await;
    assert_eq!(first, Status::Created);
    let (again, body) = post_json(c, path, person).await;
    assert_eq!(again, Status::Accepted);
    assert_eq!(body["status"], "check_email");
    assert!(body.get("manage_url").is_none() && body.get("id").is_none());
    let (status, _) = post_json(c, "/api/v1/events/nowhere/registrations", json!({})).await;
    assert_eq!(status, Status::NotFound);
    let res = c
        .post(path)
        .header(ContentType::JSON)
        .body("{not json")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::BadRequest);
}

#[rocket::async_test]
async fn closed_cancelled_and_not_yet_open_events_say_so() {
    let s = summit(json!({"registration_opens_at": "2027-05-01T09:00"})).await;
    let c = &s.client;
    let body = json!({"name": "Ana", "email": "ana@example.org", "attendance": "online"});
    let (status, err) = post_json(c, "/api/v1/events/city-summit/registrations", body).await;
    assert_eq!(status, Status::Conflict);
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("1 mai 2027"),
        "in French by default"
    );
    let page = c
        .get("/events/city-summit/register?lang=fr")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(page.contains("Les inscriptions ouvrent le"), "{page}");
    assert!(!page.contains("name=\"email\""), "no form before opening");
}

#[rocket::async_test]
async fn the_form_works_without_javascript_and_keeps_input_on_errors() {
    let s = summit(json!({})).await;
    let c = &s.client;
    let page = c
        .get("/events/city-summit/register?lang=en")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(page.contains("Open data lab") && page.contains("1 place left"));
    assert!(!page.contains("private-room"));
    let csrf = csrf_of(&page);
    // Without the CSRF token nothing is saved.
    let res = c
        .post("/events/city-summit/register")
        .header(ContentType::Form)
        .body("name=Ana&email=ana%40example.org&attendance=online&consent=on")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::BadRequest);
    let bad = format!(
        "csrf={csrf}&name=Ana+Lima&email=ana%40example&attendance=online&session_{}=on&session_{}=on",
        s.lab, s.clinic
    );
    let res = c
        .post("/events/city-summit/register")
        .header(ContentType::Form)
        .body(bad)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let again = res.into_string().await.unwrap();
    assert!(again.contains("value=\"Ana Lima\""), "input kept");
    assert!(again.contains("Enter an e-mail address such as"));
    assert!(again.contains("both take place at 10:30"));
    assert!(again.contains("Please accept the privacy notice"));
    assert!(again.contains("aria-describedby=\"register-email-error\""));
    let none = store::roster::list(common::db(c), 1, &Default::default())
        .await
        .unwrap();
    assert!(none.is_empty(), "nothing half-saved");

    let good = format!(
        "csrf={csrf}&name=Ana+Lima&email=ana%40example.org&attendance=in_person&language=fr&session_{}=on&accessibility_needs=Step-free+access&consent=on",
        s.lab
    );
    for _ in 0..2 {
        let res = c
            .post("/events/city-summit/register")
            .header(ContentType::Form)
            .body(good.clone())
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::SeeOther);
        assert_eq!(
            res.headers().get_one("Location"),
            Some("/events/city-summit/register/done")
        );
    }
    let done = c
        .get("/events/city-summit/register/done?lang=fr")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(done.contains("Consultez vos e-mails"));
    let saved = store::roster::list(common::db(c), 1, &Default::default())
        .await
        .unwrap();
    assert_eq!(saved.len(), 1, "one registration per address");
    assert_eq!(saved[0].accessibility_needs, "Step-free access");
    assert!(saved[0].consent_at.is_some());
    assert_eq!(saved[0].language, "fr");
}

#[rocket::async_test]
async fn the_attendee_page_changes_workshops_switches_mode_and_cancels() {
    let s = summit(json!({})).await;
    let c = &s.client;
    let (_, body) = post_json(
        c,
        "/api/v1/events/city-summit/registrations",
        json!({"name": "Ana Lima", "email": "ana@example.org", "attendance": "in_person", "sessions": [s.lab]}),
    )
    .await;
    let token = token_of(&body["manage_url"]);
    let page = c
        .get(format!("/r/{token}?lang=en"))
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(page.contains("Ana Lima") && page.contains("Confirmed"));
    assert!(page.contains("Open data lab") && page.contains("Place confirmed"));
    assert!(!page.contains("private-room"));
    let csrf = csrf_of(&page);
    let post = |path: String, body: String| async move {
        c.post(path)
            .header(ContentType::Form)
            .body(body)
            .dispatch()
            .await
    };
    let res = post(
        format!("/r/{token}/sessions"),
        format!("csrf={csrf}&session_{}=on", s.talk),
    )
    .await;
    assert_eq!(res.status(), Status::SeeOther);
    let page = c
        .get(format!("/r/{token}?done=sessions&lang=en"))
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(page.contains("Your workshops have been saved."));
    assert!(page.contains("Closing talk"));
    let res = post(
        format!("/r/{token}/attendance"),
        format!("csrf={csrf}&attendance=online"),
    )
    .await;
    assert_eq!(res.status(), Status::SeeOther);
    let res = post(format!("/r/{token}/cancel"), format!("csrf={csrf}")).await;
    assert_eq!(
        res.status(),
        Status::UnprocessableEntity,
        "needs the box ticked"
    );
    let res = post(
        format!("/r/{token}/cancel"),
        format!("csrf={csrf}&confirm=on"),
    )
    .await;
    assert_eq!(res.status(), Status::SeeOther);
    let res = c
        .get(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    let after = json_of(res).await;
    assert_eq!(after["status"], "cancelled");
    assert_eq!(after["attendance"], "online");
    assert_eq!(
        c.get("/r/unknown-token").dispatch().await.status(),
        Status::NotFound
    );
}

#[rocket::async_test]
async fn a_full_event_says_people_join_the_waiting_list() {
    let s = summit(json!({"in_person_capacity": 1, "online_capacity": 5})).await;
    let c = &s.client;
    let page = common::text_of(c, "/events/city-summit/register?lang=en").await;
    assert!(!page.contains("All places are taken"));
    let (_, body) = post_json(
        c,
        "/api/v1/events/city-summit/registrations",
        json!({"name": "Ana", "email": "ana@example.org", "attendance": "in_person"}),
    )
    .await;
    assert_eq!(body["status"], "confirmed");
    let page = common::text_of(c, "/events/city-summit/register?lang=en").await;
    assert!(
        page.contains("All places are taken for now (In person)"),
        "{page}"
    );
    let (_, body) = post_json(
        c,
        "/api/v1/events/city-summit/registrations",
        json!({"name": "Ben", "email": "ben@example.org", "attendance": "in_person"}),
    )
    .await;
    assert_eq!(body["status"], "waitlisted");
    assert_eq!(body["waitlist_position"], 1);
}
