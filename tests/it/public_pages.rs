//! The public agenda through Rocket's local client, on the demo events.

use crate::common;

use common::demo_client;
use icalendar::{Calendar, CalendarComponent, Component};
use rocket::http::{Header, Status};

#[rocket::async_test]
async fn a_visitor_sees_the_five_events_in_their_language() {
    let client = demo_client().await;
    let fr = client
        .get("/")
        .header(Header::new("Accept-Language", "fr-FR,fr;q=0.9"))
        .dispatch()
        .await;
    assert_eq!(fr.status(), Status::Ok);
    let html = fr.into_string().await.unwrap();
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("Événements à venir"));
    for slug in [
        "bordeaux-nous-les-villes",
        "uclg-villes-intelligents",
        "villes-internet-saint-raphael",
        "wsis-numerique-inclusif",
        "bordeaux-conseil-numerique",
    ] {
        assert!(html.contains(&format!("/events/{slug}")), "{slug} listed");
    }
    let en = client
        .get("/?lang=en")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(en.contains("<html lang=\"en\">") && en.contains("Upcoming events"));
    // The choice sticks (cookie) and beats Accept-Language.
    let next = client
        .get("/")
        .header(Header::new("Accept-Language", "fr"))
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(next.contains("<html lang=\"en\">"));
}

#[rocket::async_test]
async fn the_bordeaux_agenda_is_laid_out_by_day_in_the_event_zone() {
    let client = demo_client().await;
    let res = client
        .get("/events/bordeaux-nous-les-villes?lang=fr")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let html = res.into_string().await.unwrap();
    for day in [
        "mardi 15 juin 2027",
        "mercredi 16 juin 2027",
        "jeudi 17 juin 2027",
    ] {
        assert!(html.contains(day), "day heading {day}");
    }
    assert!(html.contains("Europe/Paris"));
    assert!(html.matches("<tr").count() > 150, "every session is a row");
    let en = client
        .get("/events/bordeaux-nous-les-villes?lang=en")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(en.contains("Tuesday 15 June 2027"));
}

#[rocket::async_test]
async fn the_uclg_debate_names_its_moderator_and_speakers() {
    let client = demo_client().await;
    let res = client
        .get("/api/v1/events/uclg-villes-intelligents/sessions")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let body = common::json_of(res).await;
    let sessions = body["sessions"].as_array().unwrap();
    let debate = sessions
        .iter()
        .find(|s| s["speakers"].as_array().unwrap().len() == 7)
        .expect("the debate");
    assert_eq!(debate["starts_at"], "2027-11-17T12:00:00+01:00");
    assert_eq!(debate["ends_at"], "2027-11-17T13:00:00+01:00");
    let people = debate["speakers"].as_array().unwrap();
    let moderator: Vec<_> = people.iter().filter(|p| p["role"] == "moderator").collect();
    assert_eq!(moderator.len(), 1);
    assert_eq!(moderator[0]["name"], "Emilia Saiz");
    for name in [
        "Mohamed Boudra",
        "Carola Gunnarsson",
        "Berry Vrbanovic",
        "Gissela Chala",
    ] {
        assert!(people.iter().any(|p| p["name"] == name), "{name}");
    }
}

#[rocket::async_test]
async fn session_and_speaker_pages() {
    let client = demo_client().await;
    let body = common::json_of(
        client
            .get("/api/v1/events/wsis-numerique-inclusif/sessions")
            .dispatch()
            .await,
    )
    .await;
    let session = &body["sessions"][0];
    assert_eq!(session["starts_at"], "2027-05-04T13:00:00+02:00");
    assert_eq!(session["format"], "virtual");
    let id = session["id"].as_i64().unwrap();
    let page = client
        .get(format!(
            "/events/wsis-numerique-inclusif/sessions/{id}?lang=en"
        ))
        .dispatch()
        .await;
    assert_eq!(page.status(), Status::Ok);
    let html = page.into_string().await.unwrap();
    assert!(html.contains("Sami Kanaan") && html.contains("Host"));
    let speakers = client
        .get("/events/wsis-numerique-inclusif/speakers")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(speakers.contains("Malcolm Johnson") && speakers.contains("Guiako Obin"));
    let missing = client
        .get("/events/wsis-numerique-inclusif/sessions/999999")
        .dispatch()
        .await;
    assert_eq!(missing.status(), Status::NotFound);
    let unknown = client.get("/events/nowhere?lang=en").dispatch().await;
    assert_eq!(unknown.status(), Status::NotFound);
    assert!(unknown
        .into_string()
        .await
        .unwrap()
        .contains("Page not found"));
}

#[rocket::async_test]
async fn public_calendars_parse_and_nothing_public_carries_a_streaming_url() {
    let client = demo_client().await;
    let res = client
        .get("/events/bordeaux-nous-les-villes/calendar.ics")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(
        res.content_type().unwrap().to_string(),
        "text/calendar; charset=utf-8"
    );
    let text = res.into_string().await.unwrap();
    let cal: Calendar = text.parse().expect("valid iCalendar");
    let events: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert!(events.len() >= 150);
    let uid = events[0].get_uid().unwrap().to_string();
    assert!(uid.starts_with("session-") && uid.ends_with("@summit.test"));
    let again = client
        .get("/events/bordeaux-nous-les-villes/calendar.ics")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(again.contains(&format!("UID:{uid}")), "UIDs are stable");

    for slug in [
        "wsis-numerique-inclusif",
        "uclg-villes-intelligents",
        "bordeaux-conseil-numerique",
    ] {
        let feed = client
            .get(format!("/events/{slug}/calendar.ics"))
            .dispatch()
            .await
            .into_string()
            .await
            .unwrap();
        let sessions = common::json_of(
            client
                .get(format!("/api/v1/events/{slug}/sessions"))
                .dispatch()
                .await,
        )
        .await;
        let id = sessions["sessions"][0]["id"].as_i64().unwrap();
        let one = client
            .get(format!("/events/{slug}/sessions/{id}/calendar.ics"))
            .dispatch()
            .await
            .into_string()
            .await
            .unwrap();
        let page = client
            .get(format!("/events/{slug}"))
            .dispatch()
            .await
            .into_string()
            .await
            .unwrap();
        let api = client
            .get(format!("/api/v1/events/{slug}"))
            .dispatch()
            .await
            .into_string()
            .await
            .unwrap();
        let mut open_data = Vec::new();
        for file in ["schedule.xml", "schedule.json", "agenda.csv"] {
            let res = client
                .get(format!("/events/{slug}/{file}"))
                .dispatch()
                .await;
            assert_eq!(res.status(), Status::Ok, "{slug}/{file}");
            open_data.push(res.into_string().await.unwrap());
        }
        // Every other public page and answer of the event is swept too.
        for path in [
            format!("/events/{slug}/sessions/{id}"),
            format!("/events/{slug}/speakers"),
            format!("/events/{slug}/register"),
            format!("/events/{slug}/resend"),
            format!("/events/{slug}/privacy"),
            format!("/events/{slug}?tz=Asia/Tokyo"),
            format!("/api/v1/events/{slug}/sessions"),
            format!("/api/v1/events/{slug}/speakers"),
            "/".to_string(),
            "/api/v1/events".to_string(),
            "/api/v1/openapi.json".to_string(),
        ] {
            let res = client.get(path.clone()).dispatch().await;
            assert_eq!(res.status(), Status::Ok, "{path}");
            open_data.push(res.into_string().await.unwrap());
        }
        let db = common::db(&client);
        let event = summit::store::events::get(db, slug).await.unwrap();
        let mut secrets: Vec<String> = event.stream_url.into_iter().collect();
        secrets.extend(
            summit::store::sessions::list(db, event.id)
                .await
                .unwrap()
                .into_iter()
                .filter_map(|s| s.stream_url),
        );
        assert!(
            !secrets.is_empty(),
            "{slug} has a streaming URL in the demo"
        );
        for secret in &secrets {
            for public in [&feed, &one, &page, &api].into_iter().chain(&open_data) {
                assert!(
                    !public.contains(secret.as_str()),
                    "{slug}: streaming URL leaked"
                );
            }
        }
    }
}

#[rocket::async_test]
async fn drafts_are_not_public() {
    let client = demo_client().await;
    let token = common::organiser_token(&client).await;
    let (status, _) = common::send_json(&client, rocket::http::Method::Post, "/api/v1/events", &token, serde_json::json!({
        "slug": "secret-plan", "title": "Secret", "timezone": "Europe/Paris",
        "starts_at": "2027-09-01T09:00", "ends_at": "2027-09-01T17:00", "format": "in_person", "status": "draft"
    })).await;
    assert_eq!(status, Status::Created);
    assert_eq!(
        client.get("/events/secret-plan").dispatch().await.status(),
        Status::NotFound
    );
    assert_eq!(
        client
            .get("/api/v1/events/secret-plan")
            .dispatch()
            .await
            .status(),
        Status::NotFound
    );
    let home = client
        .get("/")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(!home.contains("secret-plan"));
    let as_organiser = client
        .get("/api/v1/events/secret-plan")
        .header(common::bearer(&token))
        .dispatch()
        .await;
    assert_eq!(as_organiser.status(), Status::Ok);
}

#[rocket::async_test]
async fn cached_agenda_pages_and_files_follow_every_change() {
    let c = common::demo_client().await;
    let token = common::organiser_token(&c).await;
    let slug = "wsis-numerique-inclusif";
    let paths = [
        format!("/events/{slug}?lang=en"),
        format!("/api/v1/events/{slug}/sessions?lang=en"),
        format!("/events/{slug}/calendar.ics?lang=en"),
    ];
    for p in &paths {
        let first = common::text_of(&c, p).await;
        assert_eq!(
            first,
            common::text_of(&c, p).await,
            "{p} served again unchanged"
        );
        assert!(!first.contains("Late addition"));
    }
    let session = serde_json::json!({"title": "Late addition", "kind": "panel",
        "starts_at": "2027-05-04T13:40", "ends_at": "2027-05-04T13:50", "format": "virtual"});
    let path = format!("/api/v1/events/{slug}/sessions");
    let (status, body) =
        common::send_json(&c, rocket::http::Method::Post, &path, &token, session).await;
    assert_eq!(status, rocket::http::Status::Created, "{body}");
    for p in &paths {
        assert!(
            common::text_of(&c, p).await.contains("Late addition"),
            "{p} rebuilt"
        );
    }
}

/// Times stay in the event's zone and are also shown in the visitor's, right across the
/// weeks when Europe and North America change clocks on different dates.
#[rocket::async_test]
async fn visitors_see_times_in_their_own_zone_across_dst() {
    let c = common::client_with(common::Backend::Sqlite, false).await;
    let token = common::organiser_token(&c).await;
    let event = serde_json::json!({"slug": "spring", "title": "Spring forum", "timezone": "Europe/Paris",
        "starts_at": "2027-03-27T09:00", "ends_at": "2027-03-29T18:00", "format": "hybrid", "status": "published"});
    let post = rocket::http::Method::Post;
    common::send_json(&c, post, "/api/v1/events", &token, event).await;
    for (title, day) in [("Before the change", "27"), ("After the change", "29")] {
        let s = serde_json::json!({"title": title, "kind": "panel",
            "starts_at": format!("2027-03-{day}T13:00"), "ends_at": format!("2027-03-{day}T14:00")});
        let (status, _) =
            common::send_json(&c, post, "/api/v1/events/spring/sessions", &token, s).await;
        assert_eq!(status, rocket::http::Status::Created);
    }
    let plain = common::text_of(&c, "/events/spring?lang=en").await;
    assert!(!plain.contains("visitor-time"));
    let page = common::text_of(&c, "/events/spring?lang=en&tz=America/New_York").await;
    // 13:00 CET (UTC+1) is 08:00 EDT; two days later 13:00 CEST (UTC+2) is 07:00 EDT.
    assert!(page.contains("08:00–09:00 EDT"), "{page}");
    assert!(page.contains("07:00–08:00 EDT"));
    let kept = common::text_of(&c, "/events/spring?lang=en").await;
    assert!(kept.contains("07:00–08:00 EDT"), "the choice is remembered");
    let tokyo = common::text_of(&c, "/events/spring/sessions/2?tz=Asia/Tokyo&lang=en").await;
    assert!(tokyo.contains("20:00–21:00 JST"), "{tokyo}");
    let bad = c.get("/events/spring?tz=Mars/Olympus").dispatch().await;
    assert_eq!(bad.status(), rocket::http::Status::Ok);
    let forgotten = common::text_of(&c, "/events/spring?lang=en").await;
    assert!(
        !forgotten.contains("visitor-time"),
        "an unknown zone forgets the choice"
    );
}

/// A speaker's sessions come in the same order from every instance and every run (by id), so
/// two instances behind a load balancer answer the same bytes and the same ETag.
#[rocket::async_test]
async fn a_speakers_sessions_come_in_a_stable_order() {
    let client = common::demo_client().await;
    let res = client
        .get("/api/v1/events/bordeaux-nous-les-villes/speakers")
        .dispatch()
        .await;
    let speakers = common::json_of(res).await;
    let mut several = 0;
    for sp in speakers["speakers"].as_array().unwrap() {
        let ids: Vec<i64> = sp["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect();
        several += usize::from(ids.len() > 1);
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "{}: {ids:?}",
            sp["name"]
        );
    }
    assert!(several > 0, "no speaker with several sessions to order");
}
