//! The organisers' JSON API: tokens, validation, double bookings. Runs on both databases.

use crate::common;

use common::{send_json, Backend, BACKENDS};
use rocket::http::{ContentType, Header, Method, Status};
use serde_json::json;
use summit::domain::StaffRole;

async fn setup(backend: Backend) -> (rocket::local::asynchronous::Client, String) {
    let client = common::client_with(backend, false).await;
    let token = common::organiser_token(&client).await;
    let (status, body) = send_json(
        &client,
        Method::Post,
        "/api/v1/events",
        &token,
        json!({
            "slug": "open-cities", "title": "Open cities", "timezone": "Europe/Paris",
            "starts_at": "2027-06-15T08:00", "ends_at": "2027-06-15T19:00", "format": "hybrid",
            "status": "published", "in_person_capacity": 300, "online_capacity": 1000,
            "stream_url": "https://meet.example.org/open-cities"
        }),
    )
    .await;
    assert_eq!(status, Status::Created, "{body}");
    assert_eq!(body["starts_at"], "2027-06-15T08:00:00+02:00");
    (client, token)
}

#[rocket::async_test]
async fn organisers_schedule_and_double_bookings_answer_409() {
    for backend in BACKENDS {
        let (client, token) = setup(backend).await;
        let (s, room) = send_json(
            &client,
            Method::Post,
            "/api/v1/events/open-cities/rooms",
            &token,
            json!({"name": "Garonne", "capacity": 300}),
        )
        .await;
        assert_eq!(s, Status::Created, "{backend:?} {room}");
        let room_id = room["id"].as_i64().unwrap();
        let (_, speaker) = send_json(
            &client,
            Method::Post,
            "/api/v1/events/open-cities/speakers",
            &token,
            json!({"name": "Inès Moreau", "affiliation": "Maire adjointe"}),
        )
        .await;
        let speaker_id = speaker["id"].as_i64().unwrap();
        let (s, first) = send_json(&client, Method::Post, "/api/v1/events/open-cities/sessions", &token, json!({
            "title": "Open data for all", "kind": "workshop", "starts_at": "2027-06-15T10:00:00+02:00",
            "ends_at": "2027-06-15T11:30:00+02:00", "room_id": room_id, "capacity": 40, "requires_signup": true,
            "speakers": [{"speaker_id": speaker_id, "role": "host"}]
        })).await;
        assert_eq!(s, Status::Created, "{first}");
        assert_eq!(first["speakers"][0]["role"], "host");
        assert_eq!(first["format"], "in_person");

        let (s, clash) = send_json(&client, Method::Post, "/api/v1/events/open-cities/sessions", &token, json!({
            "title": "Ethical AI", "kind": "panel", "starts_at": "2027-06-15T11:00", "ends_at": "2027-06-15T12:00", "room_id": room_id
        })).await;
        assert_eq!(s, Status::Conflict, "{backend:?}");
        assert_eq!(clash["error"]["code"], "conflict");
        assert!(
            clash["error"]["message"]
                .as_str()
                .unwrap()
                .contains("Open data for all"),
            "{clash}"
        );
        assert!(clash["error"]["fields"]["room_id"].is_string());

        let (s, second) = send_json(&client, Method::Post, "/api/v1/events/open-cities/sessions", &token, json!({
            "title": "Ethical AI", "kind": "panel", "starts_at": "2027-06-15T11:30", "ends_at": "2027-06-15T12:30",
            "format": "hybrid", "stream_url": "https://meet.example.org/ai",
            "speakers": [{"speaker_id": speaker_id, "role": "panelist"}]
        })).await;
        assert_eq!(s, Status::Created, "{second}");
        assert_eq!(
            second["stream_url"], "https://meet.example.org/ai",
            "organisers see the link"
        );
        let second_id = second["id"].as_i64().unwrap();
        let path = format!("/api/v1/events/open-cities/sessions/{second_id}");
        let (s, moved) = send_json(
            &client,
            Method::Patch,
            &path,
            &token,
            json!({"starts_at": "2027-06-15T11:00"}),
        )
        .await;
        assert_eq!(s, Status::Conflict, "moving re-checks the speaker: {moved}");
        assert!(moved["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Inès Moreau"));
        let (s, moved) = send_json(
            &client,
            Method::Patch,
            &path,
            &token,
            json!({"starts_at": "2027-06-15T14:00", "ends_at": "2027-06-15T15:00"}),
        )
        .await;
        assert_eq!(s, Status::Ok, "{moved}");
        assert_eq!(moved["starts_at"], "2027-06-15T14:00:00+02:00");
        assert_eq!(moved["sequence"], 1);

        let public = common::json_of(
            client
                .get("/api/v1/events/open-cities/sessions")
                .dispatch()
                .await,
        )
        .await;
        assert_eq!(public["sessions"].as_array().unwrap().len(), 2);
        assert!(
            !public.to_string().contains("meet.example.org"),
            "no streaming URL in public answers"
        );

        let del = client
            .delete(path.clone())
            .header(common::bearer(&token))
            .dispatch()
            .await;
        assert_eq!(del.status(), Status::NoContent);
        let gone = client
            .delete(path)
            .header(common::bearer(&token))
            .dispatch()
            .await;
        assert_eq!(gone.status(), Status::NotFound);

        let (s, ticket) = send_json(
            &client,
            Method::Post,
            "/api/v1/events/open-cities/tickets",
            &token,
            json!({"name": "Online", "price_cents": 0, "attendance": "online"}),
        )
        .await;
        assert_eq!(s, Status::Created, "{ticket}");
    }
}

#[rocket::async_test]
async fn bad_input_gets_a_clear_4xx_in_the_callers_language() {
    let (client, token) = setup(Backend::Sqlite).await;
    let (s, body) = send_json(&client, Method::Post, "/api/v1/events/open-cities/sessions", &token, json!({
        "title": "", "kind": "party", "starts_at": "2027-06-15T12:00", "ends_at": "2027-06-15T11:00", "room_id": 999
    })).await;
    assert_eq!(s, Status::UnprocessableEntity);
    let fields = body["error"]["fields"].as_object().unwrap();
    for f in ["title", "kind", "ends_at", "room_id"] {
        assert!(fields.contains_key(f), "{f} in {body}");
    }
    let (s, body) = send_json(&client, Method::Post, "/api/v1/events/open-cities/sessions", &token, json!({
        "title": "Late", "kind": "panel", "starts_at": "2027-06-15T18:30", "ends_at": "2027-06-15T20:00"
    })).await;
    assert_eq!(s, Status::UnprocessableEntity);
    assert!(
        body["error"]["fields"]["ends_at"].is_string(),
        "outside the event: {body}"
    );

    let res = client
        .post("/api/v1/events")
        .header(ContentType::JSON)
        .header(common::bearer(&token))
        .header(Header::new("Accept-Language", "fr"))
        .body("{\"slug\": ")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::BadRequest);
    let body = common::json_of(res).await;
    assert_eq!(body["error"]["message"], "Le JSON est mal formé.");

    let res = client
        .post("/api/v1/events")
        .header(common::bearer(&token))
        .body("slug=x")
        .dispatch()
        .await;
    assert!(res.status().code >= 400 && res.status().code < 500);

    let (s, body) = send_json(
        &client,
        Method::Post,
        "/api/v1/events",
        &token,
        json!({"slug": "Not A Slug", "timezone": "Mars/Base", "format": "in_person"}),
    )
    .await;
    assert_eq!(s, Status::UnprocessableEntity);
    for f in ["slug", "timezone", "title", "starts_at", "ends_at"] {
        assert!(body["error"]["fields"][f].is_string(), "{f} in {body}");
    }
    let (s, _) = send_json(
        &client,
        Method::Post,
        "/api/v1/events/nowhere/rooms",
        &token,
        json!({"name": "A"}),
    )
    .await;
    assert_eq!(s, Status::NotFound);
}

#[rocket::async_test]
async fn the_api_needs_an_organiser_token() {
    let (client, _) = setup(Backend::Sqlite).await;
    let body = json!({"name": "Hall"}).to_string();
    let res = client
        .post("/api/v1/events/open-cities/rooms")
        .header(ContentType::JSON)
        .body(&body)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Unauthorized);
    assert_eq!(common::json_of(res).await["error"]["code"], "unauthorized");
    let res = client
        .post("/api/v1/events/open-cities/rooms")
        .header(ContentType::JSON)
        .header(common::bearer("forged"))
        .body(&body)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Unauthorized);
    let door =
        summit::store::staff::create_token(common::db(&client), StaffRole::Door, None, "door")
            .await
            .unwrap();
    let res = client
        .post("/api/v1/events/open-cities/rooms")
        .header(ContentType::JSON)
        .header(common::bearer(&door))
        .body(&body)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Forbidden);
}

#[rocket::async_test]
async fn event_scoped_organisers_reach_only_their_event() {
    let (client, token) = setup(Backend::Sqlite).await;
    let (s, _) = send_json(&client, Method::Post, "/api/v1/events", &token, json!({
        "slug": "other-summit", "title": "Other", "timezone": "UTC", "starts_at": "2027-01-10T09:00",
        "ends_at": "2027-01-10T17:00", "format": "virtual"})).await;
    assert_eq!(s, Status::Created);
    let db = common::db(&client);
    let other = summit::store::events::get(db, "other-summit")
        .await
        .unwrap();
    let scoped =
        summit::store::staff::create_token(db, StaffRole::Organiser, Some(other.id), "scoped")
            .await
            .unwrap();
    let (s, _) = send_json(
        &client,
        Method::Post,
        "/api/v1/events/open-cities/rooms",
        &scoped,
        json!({"name": "Hall"}),
    )
    .await;
    assert_eq!(s, Status::Forbidden);
    let (s, _) = send_json(
        &client,
        Method::Post,
        "/api/v1/events/other-summit/speakers",
        &scoped,
        json!({"name": "Lina Haddad"}),
    )
    .await;
    assert_eq!(s, Status::Created);
    let (s, _) = send_json(
        &client,
        Method::Post,
        "/api/v1/events",
        &scoped,
        json!({"slug": "x"}),
    )
    .await;
    assert_eq!(s, Status::Forbidden);
}
