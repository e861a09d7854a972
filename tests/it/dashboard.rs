//! The organisers' dashboard: charts drawn on the server with their numbers beside them.

use crate::common;

use common::{
    client_with, json_of, organiser_token, send_json, sign_in_organiser, text_of, Backend,
};
use rocket::http::{ContentType, Method, Status};
use serde_json::json;
use summit::store;

#[rocket::async_test]
async fn the_dashboard_shows_and_exports_the_numbers() {
    let c = client_with(Backend::Sqlite, false).await;
    let token = organiser_token(&c).await;
    let event = json!({"slug": "forum", "title": "Forum", "timezone": "Europe/Paris",
        "starts_at": "2027-05-04T09:00", "ends_at": "2027-05-04T17:00", "format": "in_person",
        "status": "published"});
    send_json(&c, Method::Post, "/api/v1/events", &token, event).await;
    let lab = json!({"title": "Open lab", "kind": "workshop", "starts_at": "2027-05-04T10:00",
        "ends_at": "2027-05-04T11:00", "capacity": 4, "requires_signup": true});
    let (_, lab) = send_json(
        &c,
        Method::Post,
        "/api/v1/events/forum/sessions",
        &token,
        lab,
    )
    .await;
    let mut manage = vec![];
    for (n, sessions) in [
        (1, json!([lab["id"]])),
        (2, json!([lab["id"]])),
        (3, json!([])),
    ] {
        let res = c
            .post("/api/v1/events/forum/registrations")
            .header(ContentType::JSON)
            .body(json!({"name": format!("P{n}"), "email": format!("p{n}@example.org"), "sessions": sessions}).to_string())
            .dispatch()
            .await;
        manage.push(
            json_of(res).await["manage_url"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    let token1 = manage[0].rsplit('/').next().unwrap();
    let r = store::registrations::by_token(common::db(&c), token1)
        .await
        .unwrap();
    let code = summit::app::checkin::code_for(common::db(&c), &r)
        .await
        .unwrap();
    let (_, v) = send_json(
        &c,
        Method::Post,
        "/api/v1/checkins",
        &token,
        json!({"code": code, "gate": "North"}),
    )
    .await;
    assert_eq!(v["verdict"], "admitted");

    assert_eq!(
        c.get("/admin/events/forum/dashboard")
            .dispatch()
            .await
            .status(),
        Status::SeeOther,
        "organisers only"
    );
    sign_in_organiser(&c, "orga@forum.org", None).await;
    let page = text_of(&c, "/admin/events/forum/dashboard?lang=en").await;
    assert!(page.contains("role=\"img\" aria-label=\"Registrations per day\""));
    assert!(
        page.contains("<th scope=\"row\">In person</th><td>3</td>"),
        "{page}"
    );
    assert!(page.contains("<th scope=\"row\">Open lab</th><td>50</td>"));
    assert!(page.contains("· North</th><td>1</td>"));
    let csv = c
        .get("/admin/events/forum/dashboard.csv?lang=en")
        .dispatch()
        .await;
    assert_eq!(csv.content_type(), Some(ContentType::CSV));
    let text = csv.into_string().await.unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect();
    let find = |chart: &str| {
        rows.iter()
            .find(|r| &r[0] == chart)
            .map(|r| r[2].to_string())
    };
    assert_eq!(find("per-day").as_deref(), Some("3"));
    assert_eq!(find("fill").as_deref(), Some("50"));
    assert_eq!(find("checkins").as_deref(), Some("1"));
}
