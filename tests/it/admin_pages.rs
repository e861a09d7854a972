//! Organisers' pages: sign-in with a set-up link, CSRF, forms that show conflicts by the field.

use crate::common;

use common::{client_with, csrf_of, Backend};
use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::Client;
use summit::domain::StaffRole;

async fn signed_in_organiser(client: &Client) {
    // A password that is too short is refused first; the person then signs in properly.
    let (_, setup) = summit::store::staff::add_user(
        common::db(client),
        "short@bordeaux.fr",
        StaffRole::Organiser,
        None,
    )
    .await
    .unwrap();
    let form = common::text_of(client, &format!("/setup/{setup}")).await;
    let csrf = csrf_of(&form);
    let short = client
        .post(format!("/setup/{setup}"))
        .header(ContentType::Form)
        .body(format!("csrf={csrf}&password=short&confirm=short"))
        .dispatch()
        .await;
    assert_eq!(short.status(), Status::UnprocessableEntity);
    common::sign_in_organiser(client, "orga@bordeaux.fr", None).await;
}

#[rocket::async_test]
async fn staff_sign_in_with_a_password_and_a_csrf_token() {
    let client = client_with(Backend::Sqlite, false).await;
    let res = client.get("/admin").dispatch().await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(
        res.headers().get_one("Location"),
        Some("/login?next=%2Fadmin")
    );

    summit::store::staff::add_user(
        common::db(&client),
        "door@bordeaux.fr",
        StaffRole::Door,
        None,
    )
    .await
    .unwrap();
    signed_in_organiser(&client).await;
    assert_eq!(client.get("/admin").dispatch().await.status(), Status::Ok);

    let page = client
        .get("/admin")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    let csrf = csrf_of(&page);
    let out = client
        .post("/logout")
        .header(ContentType::Form)
        .body(format!("csrf={csrf}"))
        .dispatch()
        .await;
    assert_eq!(out.status(), Status::SeeOther);
    assert_eq!(
        client.get("/admin").dispatch().await.status(),
        Status::SeeOther
    );

    let login = client
        .get("/login")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    let csrf = csrf_of(&login);
    let forged = client
        .post("/login")
        .header(ContentType::Form)
        .body("email=orga%40bordeaux.fr&password=une+phrase+assez+longue")
        .dispatch()
        .await;
    assert_eq!(
        forged.status(),
        Status::BadRequest,
        "no CSRF token, no sign-in"
    );
    let wrong = client
        .post("/login")
        .header(ContentType::Form)
        .body(format!(
            "csrf={csrf}&email=orga%40bordeaux.fr&password=wrong"
        ))
        .dispatch()
        .await;
    assert_eq!(wrong.status(), Status::Unauthorized);
    let ok = client.post("/login").header(ContentType::Form)
        .body(format!("csrf={csrf}&email=ORGA%40bordeaux.fr&password=une+phrase+assez+longue&next=%2F%2Fevil.example")).dispatch().await;
    assert_eq!(
        ok.headers().get_one("Location"),
        Some("/admin"),
        "no open redirect"
    );
    assert_eq!(client.get("/admin").dispatch().await.status(), Status::Ok);
}

#[rocket::async_test]
async fn organisers_build_an_agenda_with_forms_and_see_conflicts_by_the_field() {
    let client = client_with(Backend::Sqlite, false).await;
    signed_in_organiser(&client).await;
    let csrf = csrf_of(
        &client
            .get("/admin?lang=en")
            .dispatch()
            .await
            .into_string()
            .await
            .unwrap(),
    );
    let bad = client.post("/admin/events").header(ContentType::Form)
        .body(format!("csrf={csrf}&slug=Bad+Slug&title_fr=&title_en=&timezone=Europe%2FParis&starts_at=2027-03-23T09:00&ends_at=2027-03-22T18:00&format=in_person&status=published")).dispatch().await;
    assert_eq!(bad.status(), Status::UnprocessableEntity);
    let html = bad.into_string().await.unwrap();
    assert!(html.contains("aria-invalid=\"true\" aria-describedby=\"new-slug-error\""));
    assert!(html.contains("The end must come after the start."));
    assert!(html.contains("value=\"Bad Slug\""), "the input is kept");

    let created = client.post("/admin/events").header(ContentType::Form)
        .body(format!("csrf={csrf}&slug=saint-raphael&title_fr=Congr%C3%A8s&title_en=Congress&timezone=Europe%2FParis&starts_at=2027-03-23T09:00&ends_at=2027-03-24T18:00&format=in_person&status=published&in_person_capacity=400")).dispatch().await;
    assert_eq!(created.status(), Status::SeeOther);
    assert_eq!(
        created.headers().get_one("Location"),
        Some("/admin/events/saint-raphael")
    );

    let post = |path: &str, body: String| {
        let path = path.to_string();
        let client = &client;
        async move {
            client
                .post(path)
                .header(ContentType::Form)
                .body(body)
                .dispatch()
                .await
        }
    };
    assert_eq!(
        post(
            "/admin/events/saint-raphael/rooms",
            format!("csrf={csrf}&name=Salle+Lerins&capacity=30")
        )
        .await
        .status(),
        Status::SeeOther
    );
    assert_eq!(
        post(
            "/admin/events/saint-raphael/tracks",
            format!(
                "csrf={csrf}&name_fr=Cybers%C3%A9curit%C3%A9&name_en=Cybersecurity&color=%237a1f5c"
            )
        )
        .await
        .status(),
        Status::SeeOther
    );
    let db = common::db(&client);
    let event = summit::store::events::get(db, "saint-raphael")
        .await
        .unwrap();
    let room = summit::store::events::rooms(db, event.id).await.unwrap()[0].id;

    let workshop = format!("csrf={csrf}&title_fr=Atelier+cyber-risques&title_en=Cyber-risk+workshop&kind=workshop&starts_at=2027-03-23T10:00&ends_at=2027-03-23T11:30&room_id={room}&format=in_person&capacity=30&requires_signup=true&speaker_id_0=");
    assert_eq!(
        post("/admin/events/saint-raphael/sessions", workshop)
            .await
            .status(),
        Status::SeeOther
    );
    let clash = format!("csrf={csrf}&title_fr=T%C3%A9moignages&title_en=Testimonies&kind=testimony&starts_at=2027-03-23T11:00&ends_at=2027-03-23T12:00&room_id={room}&format=in_person");
    let res = post("/admin/events/saint-raphael/sessions", clash).await;
    assert_eq!(res.status(), Status::Conflict);
    let html = res.into_string().await.unwrap();
    assert!(
        html.contains("id=\"session-room_id-error\""),
        "the clash is shown by the room field"
    );
    assert!(
        html.contains("Cyber-risk workshop"),
        "and names the other session"
    );

    let agenda = client
        .get("/events/saint-raphael?lang=en")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(agenda.contains("Cyber-risk workshop") && agenda.contains("Salle Lerins"));
    let sessions = summit::store::sessions::list(db, event.id).await.unwrap();
    assert_eq!(sessions.len(), 1);

    let edit = client
        .get(format!(
            "/admin/events/saint-raphael/sessions/{}",
            sessions[0].id
        ))
        .dispatch()
        .await;
    assert_eq!(edit.status(), Status::Ok);
    let moved = post(&format!("/admin/events/saint-raphael/sessions/{}", sessions[0].id),
        format!("csrf={csrf}&title_fr=Atelier+cyber-risques&title_en=Cyber-risk+workshop&kind=workshop&starts_at=2027-03-24T10:00&ends_at=2027-03-24T11:30&room_id={room}&format=in_person")).await;
    assert_eq!(moved.status(), Status::SeeOther);
    let after = summit::store::sessions::get(db, event.id, sessions[0].id)
        .await
        .unwrap();
    assert_eq!(after.sequence, 1);
    assert_eq!(
        summit::domain::time::local_input(after.starts_at, event.tz()),
        "2027-03-24T10:00"
    );
}

#[rocket::async_test]
async fn speaker_photos_are_checked_by_content() {
    let client = client_with(Backend::Sqlite, false).await;
    signed_in_organiser(&client).await;
    let token = common::organiser_token(&client).await;
    common::send_json(&client, rocket::http::Method::Post, "/api/v1/events", &token, serde_json::json!({
        "slug": "wsis", "title": "WSIS", "timezone": "Europe/Zurich", "starts_at": "2027-05-04T13:00",
        "ends_at": "2027-05-04T14:00", "format": "virtual", "status": "published"})).await;
    let csrf = csrf_of(
        &client
            .get("/admin/events/wsis/speakers?lang=en")
            .dispatch()
            .await
            .into_string()
            .await
            .unwrap(),
    );
    let multipart = |photo: &[u8], kind: &str| {
        let boundary = "XSUMMITX";
        let mut body = Vec::new();
        for (name, value) in [
            ("csrf", csrf.as_str()),
            ("name", "Sami Kanaan"),
            ("affiliation_fr", "Maire de Genève"),
            ("affiliation_en", "Mayor of Geneva"),
            ("bio_fr", ""),
            ("bio_en", ""),
        ] {
            body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
        }
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p\"\r\nContent-Type: {kind}\r\n\r\n").as_bytes());
        body.extend(photo);
        body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
        body
    };
    let ct = ContentType::new("multipart", "form-data").with_params(("boundary", "XSUMMITX"));
    let svg = client
        .post("/admin/events/wsis/speakers")
        .header(ct.clone())
        .body(multipart(b"<svg onload=alert(1)></svg>", "image/png"))
        .dispatch()
        .await;
    assert_eq!(svg.status(), Status::UnprocessableEntity);
    assert!(svg
        .into_string()
        .await
        .unwrap()
        .contains("JPEG, PNG or WebP image"));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let ok = client
        .post("/admin/events/wsis/speakers")
        .header(ct)
        .body(multipart(png, "image/png"))
        .dispatch()
        .await;
    assert_eq!(ok.status(), Status::SeeOther);
    let speakers =
        common::json_of(client.get("/api/v1/events/wsis/speakers").dispatch().await).await;
    let photo_url = speakers["speakers"][0]["photo_url"]
        .as_str()
        .unwrap()
        .to_string();
    let photo = client.get(photo_url).dispatch().await;
    assert_eq!(photo.content_type(), Some(ContentType::PNG));
}

#[rocket::async_test]
async fn an_organiser_limited_to_one_event_sees_and_changes_only_that_one() {
    let client = client_with(Backend::Sqlite, true).await;
    let db = common::db(&client);
    let wsis = summit::store::events::get(db, "wsis-numerique-inclusif")
        .await
        .unwrap();
    let (_, setup) =
        summit::store::staff::add_user(db, "aimf@geneve.ch", StaffRole::Organiser, Some(wsis.id))
            .await
            .unwrap();
    let csrf = csrf_of(
        &client
            .get(format!("/setup/{setup}"))
            .dispatch()
            .await
            .into_string()
            .await
            .unwrap(),
    );
    client
        .post(format!("/setup/{setup}"))
        .header(ContentType::Form)
        .body(format!(
            "csrf={csrf}&password=une+phrase+assez+longue&confirm=une+phrase+assez+longue"
        ))
        .dispatch()
        .await;

    let list = client
        .get("/admin")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(list.contains("/admin/events/wsis-numerique-inclusif"));
    assert!(!list.contains("/admin/events/bordeaux-nous-les-villes"));
    // Signing in gave this browser a new CSRF token: the one from before no longer counts.
    let csrf = csrf_of(&list);
    assert_eq!(
        client
            .get("/admin/events/wsis-numerique-inclusif")
            .dispatch()
            .await
            .status(),
        Status::Ok
    );
    assert_eq!(
        client
            .get("/admin/events/bordeaux-nous-les-villes")
            .dispatch()
            .await
            .status(),
        Status::Forbidden
    );
    let room = client
        .post("/admin/events/bordeaux-nous-les-villes/rooms")
        .header(ContentType::Form)
        .body(format!("csrf={csrf}&name=Intrus"))
        .dispatch()
        .await;
    assert_eq!(room.status(), Status::Forbidden);
    let new = client.post("/admin/events").header(ContentType::Form)
        .body(format!("csrf={csrf}&slug=mine&title=Mine&timezone=UTC&starts_at=2027-01-01T09:00&ends_at=2027-01-01T10:00&format=virtual")).dispatch().await;
    assert_eq!(new.status(), Status::Forbidden);
}
