//! An online attendee joins from their own page: each stream they may enter has a "Join"
//! button while its link is open, says when it opens before, and that it ended after.

use chrono::{Duration, Utc};
use rocket::http::{Method, Status};
use serde_json::json;

use crate::common::{self, organiser_token, send_json, text_of, Backend, BACKENDS};

/// An instant `minutes` from now, to the minute, in UTC (the event's zone is Paris).
fn at(minutes: i64) -> String {
    (Utc::now() + Duration::minutes(minutes))
        .format("%Y-%m-%dT%H:%M:00Z")
        .to_string()
}

#[rocket::async_test]
async fn the_join_button_follows_the_link_window() {
    for backend in BACKENDS {
        the_join_button_follows_the_link_window_on(backend).await;
    }
}

async fn the_join_button_follows_the_link_window_on(backend: Backend) {
    let c = common::client_with(backend, false).await;
    let token = organiser_token(&c).await;
    let (status, body) = send_json(
        &c,
        Method::Post,
        "/api/v1/events",
        &token,
        json!({
        "slug": "atelier-en-ligne", "title": "Atelier en ligne", "timezone": "Europe/Paris",
        "starts_at": at(-180), "ends_at": at(24 * 60), "format": "virtual", "status": "published",
        "online_capacity": 100, "stream_url": "https://stream.example.org/event"}),
    )
    .await;
    assert_eq!(status, Status::Created, "{body}");
    let mut ids = vec![];
    for (title, from, to) in [
        ("Ended talk", -120, -60),
        ("Live talk", -5, 55),
        ("Later talk", 180, 240),
    ] {
        let (status, s) = send_json(&c, Method::Post, "/api/v1/events/atelier-en-ligne/sessions", &token, json!({
            "title": title, "kind": "keynote", "starts_at": at(from), "ends_at": at(to), "format": "virtual",
            "stream_url": format!("https://stream.example.org/{from}")})).await;
        assert_eq!(status, Status::Created, "{s}");
        ids.push(s["id"].as_i64().unwrap());
    }
    let (_, personal) = common::register_via_api(&c, "atelier-en-ligne", json!({
        "name": "Awa Diallo", "email": "awa@example.org", "attendance": "online", "language": "en"})).await;
    let page = text_of(&c, &format!("/r/{personal}?lang=en")).await;
    assert!(page.contains("Join online"), "{page}");
    let row = |title: &str| {
        let start = page
            .find(&format!("<strong>{title}</strong>"))
            .unwrap_or_else(|| panic!("{title} listed"));
        let end = page[start..].find("</li>").unwrap() + start;
        page[start..end].to_string()
    };
    let live = row("Live talk");
    assert!(
        live.contains(&format!("href=\"/r/{personal}/join/{}\"", ids[1]))
            && live.contains("Join now"),
        "{live}"
    );
    let later = row("Later talk");
    assert!(
        later.contains("The link opens on") && !later.contains("Join now"),
        "{later}"
    );
    let ended = row("Ended talk");
    assert!(
        ended.contains("Ended.") && !ended.contains("Join now"),
        "{ended}"
    );
    assert!(
        row("The event&#x27;s live stream").contains("Join now"),
        "the event's own stream is on"
    );
    // The button leads to the stream, as the calendar's link does.
    let go = c
        .get(format!("/r/{personal}/join/{}", ids[1]))
        .dispatch()
        .await;
    assert_eq!(go.status(), Status::SeeOther);
    assert_eq!(
        go.headers().get_one("Location"),
        Some("https://stream.example.org/-5")
    );
    // The same page in French.
    let fr = text_of(&c, &format!("/r/{personal}?lang=fr")).await;
    assert!(fr.contains("Rejoindre en ligne") && fr.contains("Terminé."));

    // Before its window, the later talk's link is a countdown page: the opening in the
    // event's named zone, and a plain link to check again (no self-refresh, WCAG F41).
    let later = format!("/r/{personal}/join/{}", ids[2]);
    let opens = chrono::DateTime::parse_from_rfc3339(&at(180 - 15))
        .unwrap()
        .with_timezone(&chrono_tz::Europe::Paris);
    let clock = opens.format("%H:%M (%Z)").to_string();
    for (lang, zone_label, check_again) in [
        (
            "en",
            "Opening, in the event’s time zone (Europe/Paris)",
            "Check again",
        ),
        (
            "fr",
            "Ouverture, dans le fuseau horaire de l’événement (Europe/Paris)",
            "Vérifier à nouveau",
        ),
    ] {
        let res = c.get(format!("{later}?lang={lang}")).dispatch().await;
        assert_eq!(res.status(), Status::Ok);
        let page = res.into_string().await.unwrap();
        assert!(page.contains(zone_label), "{page}");
        assert!(page.contains(&clock), "{clock} in {page}");
        assert!(
            page.contains(&format!("<a href=\"{later}\">{check_again}</a>")),
            "{page}"
        );
        assert!(!page.contains("http-equiv") && !page.contains("stream.example.org"));
        assert!(page.contains("src=\"/public/countdown.js\""));
    }
    let script = c.get("/public/countdown.js").dispatch().await;
    assert_eq!(script.status(), Status::Ok);
}
