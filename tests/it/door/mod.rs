//! Shared by the badge and check-in tests: an event with a workshop, registrations through
//! the public API, door tokens, and reading a badge's QR code back as a phone would.
#![allow(dead_code)]

use rocket::http::{ContentType, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};
use summit::domain::StaffRole;
use summit::store;

use crate::common::{bearer, client_with, db, organiser_token, send_json, Backend};

pub struct Door {
    pub client: Client,
    pub organiser: String,
    pub event_id: i64,
    pub workshop: i64,
}

/// A published hybrid event `slug` with one workshop that needs signing up.
pub async fn event(client: &Client, organiser: &str, slug: &str, capacity: i64) -> (i64, i64) {
    let body = json!({"slug": slug, "title": format!("Summit {slug}"), "timezone": "Europe/Paris",
        "starts_at": "2027-06-15T08:00", "ends_at": "2027-06-15T18:00", "format": "hybrid",
        "status": "published", "in_person_capacity": capacity});
    let (status, created) =
        send_json(client, Method::Post, "/api/v1/events", organiser, body).await;
    assert_eq!(status, Status::Created, "{created}");
    let session = json!({"title": "Open data lab", "kind": "workshop",
        "starts_at": "2027-06-15T10:00", "ends_at": "2027-06-15T11:00", "capacity": 20,
        "requires_signup": true, "format": "in_person"});
    let path = format!("/api/v1/events/{slug}/sessions");
    let (status, created) = send_json(client, Method::Post, &path, organiser, session).await;
    assert_eq!(status, Status::Created, "{created}");
    let event_id = store::events::get(db(client), slug).await.unwrap().id;
    (event_id, created["id"].as_i64().unwrap())
}

pub async fn door(backend: Backend) -> Door {
    let client = client_with(backend, false).await;
    let organiser = organiser_token(&client).await;
    let (event_id, workshop) = event(&client, &organiser, "city-summit", 100).await;
    Door {
        client,
        organiser,
        event_id,
        workshop,
    }
}

/// Registers someone and returns their personal token (as in `/r/TOKEN`) and status.
pub async fn register(
    client: &Client,
    slug: &str,
    name: &str,
    sessions: &[i64],
) -> (String, String) {
    let email = format!("{}@example.org", name.to_lowercase().replace(' ', "."));
    let body = json!({"name": name, "email": email, "attendance": "in_person", "language": "en",
                      "sessions": sessions});
    let (body, token) = crate::common::register_via_api(client, slug, body).await;
    (token, body["status"].as_str().unwrap().to_string())
}

pub async fn door_token(client: &Client, event_id: Option<i64>) -> String {
    store::staff::create_token(db(client), StaffRole::Door, event_id, "door")
        .await
        .unwrap()
}

/// Reads the first QR code in a grey-scale image.
pub fn read_qr(width: usize, height: usize, luma: &[u8]) -> String {
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().expect("a readable QR code").1
}

/// The text of the QR code in a badge's PNG, as a phone camera would read it.
pub async fn badge_text(client: &Client, token: &str) -> String {
    let res = client.get(format!("/r/{token}/badge.png")).dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.content_type(), Some(ContentType::PNG));
    let bytes = res.into_bytes().await.unwrap();
    let decoder = png::Decoder::new(bytes.as_slice());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Grayscale);
    read_qr(
        info.width as usize,
        info.height as usize,
        &buf[..info.buffer_size()],
    )
}

/// POSTs a scan with a token; returns the status and the JSON answer.
pub async fn scan(client: &Client, token: Option<&str>, body: Value) -> (Status, Value) {
    let mut req = client
        .post("/api/v1/checkins")
        .header(ContentType::JSON)
        .body(body.to_string());
    if let Some(t) = token {
        req = req.header(bearer(t));
    }
    let res = req.dispatch().await;
    let status = res.status();
    let text = res.into_string().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// Signs a door-staff person in through their one-time set-up link, as they would.
pub async fn sign_in_door(client: &Client, email: &str, event: Option<i64>) {
    let (_, setup) = store::staff::add_user(db(client), email, StaffRole::Door, event)
        .await
        .unwrap();
    let form = crate::common::text_of(client, &format!("/setup/{setup}")).await;
    let csrf = crate::common::csrf_of(&form);
    let done = client
        .post(format!("/setup/{setup}"))
        .header(ContentType::Form)
        .body(format!(
            "csrf={csrf}&password=une+phrase+assez+longue&confirm=une+phrase+assez+longue"
        ))
        .dispatch()
        .await;
    assert_eq!(done.status(), Status::SeeOther);
}
