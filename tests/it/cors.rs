//! CORS: any site may read public data; attendee, admin and write endpoints stay closed.

use crate::common;

use common::demo_client;
use rocket::http::{Method, Status};

#[rocket::async_test]
async fn public_reads_allow_any_origin_and_private_paths_do_not() {
    let client = demo_client().await;
    let token = common::organiser_token(&client).await;
    let slug = "wsis-numerique-inclusif";
    for path in [
        "/api/v1/openapi.json".to_string(),
        "/api/v1/events".into(),
        format!("/api/v1/events/{slug}"),
        format!("/api/v1/events/{slug}/sessions"),
        format!("/events/{slug}/schedule.xml"),
        format!("/events/{slug}/schedule.json"),
        format!("/events/{slug}/agenda.csv"),
        format!("/events/{slug}/calendar.ics"),
    ] {
        let res = client.get(path.clone()).dispatch().await;
        assert_eq!(res.status(), Status::Ok, "{path}");
        assert_eq!(
            res.headers().get_one("Access-Control-Allow-Origin"),
            Some("*"),
            "{path}"
        );
    }
    let preflight = client
        .req(Method::Options, format!("/events/{slug}/schedule.json"))
        .dispatch()
        .await;
    assert_eq!(preflight.status(), Status::NoContent);
    assert_eq!(
        preflight.headers().get_one("Access-Control-Allow-Methods"),
        Some("GET, HEAD, OPTIONS")
    );
    for path in [
        "/admin",
        "/admin/events",
        "/r/some-token",
        "/r/some-token/calendar.ics",
        "/login",
    ] {
        let res = client.get(path).dispatch().await;
        assert_eq!(
            res.headers().get_one("Access-Control-Allow-Origin"),
            None,
            "{path}"
        );
    }
    let sessions = common::json_of(
        client
            .get(format!("/api/v1/events/{slug}/sessions"))
            .dispatch()
            .await,
    )
    .await;
    let id = sessions["sessions"][0]["id"].as_i64().unwrap();
    let private = client
        .get(format!("/api/v1/events/{slug}/sessions/{id}"))
        .header(common::bearer(&token))
        .dispatch()
        .await;
    assert_eq!(private.status(), Status::Ok);
    assert_eq!(
        private.headers().get_one("Access-Control-Allow-Origin"),
        None
    );
    let post = client
        .post("/api/v1/events")
        .header(common::bearer(&token))
        .header(rocket::http::ContentType::JSON)
        .body("{}")
        .dispatch()
        .await;
    assert_eq!(post.status(), Status::UnprocessableEntity);
    assert_eq!(post.headers().get_one("Access-Control-Allow-Origin"), None);
    let preflight = client
        .req(Method::Options, "/api/v1/checkins")
        .dispatch()
        .await;
    assert_eq!(
        preflight.headers().get_one("Access-Control-Allow-Origin"),
        None
    );
}

#[rocket::async_test]
async fn every_answer_carries_the_security_headers() {
    let client = common::client_with(common::Backend::Sqlite, true).await;
    for path in [
        "/",
        "/events/bordeaux-nous-les-villes",
        "/scan",
        "/api/v1/events",
        "/r/nope",
    ] {
        let res = client.get(path).dispatch().await;
        let header = |name: &str| res.headers().get_one(name).map(str::to_string);
        let csp = header("Content-Security-Policy").unwrap_or_default();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"));
        assert_eq!(
            header("X-Content-Type-Options").as_deref(),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            header("Referrer-Policy").as_deref(),
            Some("same-origin"),
            "{path}"
        );
    }
}
