//! Badges as attendees and organisers get them: the QR code in PNG and SVG reads back as a
//! code the door accepts, the printable A6 page, the batch print, and re-issuing.

use crate::common;
use crate::door;

use common::{csrf_of, db, text_of, Backend};
use door::{badge_text, door, door_token, read_qr, register, scan};
use rocket::http::{ContentType, Status};
use serde_json::json;

/// Draws the qrcode crate's SVG (one path of `M x y h w v h H x V y` squares) into pixels.
fn rasterise(svg: &str) -> (usize, usize, Vec<u8>) {
    let number = |name: &str| -> usize {
        let at = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
    };
    let (w, h) = (number("width"), number("height"));
    let mut pixels = vec![255u8; w * h];
    let d_at = svg.find(" d=\"").unwrap() + 4;
    let d = &svg[d_at..d_at + svg[d_at..].find('"').unwrap()];
    for square in d.split('M').filter(|s| !s.is_empty()) {
        let nums: Vec<usize> = square
            .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let (x, y, sw, sh) = (nums[0], nums[1], nums[2], nums[3]);
        for row in y..y + sh {
            pixels[row * w + x..row * w + x + sw].fill(0);
        }
    }
    (w, h, pixels)
}

#[rocket::async_test]
async fn the_png_and_svg_badges_read_back_as_a_code_the_door_admits() {
    let d = door(Backend::Sqlite).await;
    let c = &d.client;
    let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
    let from_png = badge_text(c, &ana).await;
    let res = c.get(format!("/r/{ana}/badge.svg")).dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.content_type(), Some(ContentType::SVG));
    assert_eq!(
        res.headers().get_one("Cache-Control"),
        Some("private, no-store")
    );
    let svg = res.into_string().await.unwrap();
    let (w, h, pixels) = rasterise(&svg);
    assert_eq!(
        read_qr(w, h, &pixels),
        from_png,
        "both images carry the same code"
    );
    let staff = door_token(c, Some(d.event_id)).await;
    let (_, body) = scan(c, Some(&staff), json!({"code": from_png})).await;
    assert_eq!(body["verdict"], "admitted");
}

#[rocket::async_test]
async fn the_printable_badge_shows_name_role_event_and_qr() {
    let d = door(Backend::Postgres).await;
    let c = &d.client;
    let body = json!({"name": "Ana Lima", "email": "ana@example.org", "attendance": "in_person",
                      "language": "fr", "organisation": "Ville de Bordeaux"});
    let res = c
        .post("/api/v1/events/city-summit/registrations")
        .header(ContentType::JSON)
        .body(body.to_string())
        .dispatch()
        .await;
    let created: serde_json::Value =
        serde_json::from_str(&res.into_string().await.unwrap()).unwrap();
    let token = created["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let r = summit::store::registrations::by_token(db(c), &token)
        .await
        .unwrap();
    summit::store::badges::set_role(db(c), r.id, "speaker")
        .await
        .unwrap();
    let mine = text_of(c, &format!("/r/{token}?lang=en")).await;
    assert!(mine.contains(&format!("href=\"/r/{token}/badge\"")));
    let page = text_of(c, &format!("/r/{token}/badge?lang=fr")).await;
    for part in [
        "class=\"badge-name\">Ana Lima",
        "Ville de Bordeaux",
        ">Intervenant·e<",
        "Summit city-summit",
        "<svg",
        "role=\"img\" aria-label=\"QR code du badge de Ana Lima",
    ] {
        assert!(page.contains(part), "{part} in {page}");
    }
    // Each card prints on its own A6 page, given as lengths (`size: A6` is no CSS keyword:
    // Chromium printed on letter), as a named page so receipts keep the printer's paper.
    let css = std::fs::read_to_string("public/summit.css").unwrap();
    assert!(css.contains("@page badge { size: 105mm 148mm") && css.contains("page: badge"));
    assert!(css.contains("break-after: page"));
}

#[rocket::async_test]
async fn only_a_confirmed_registration_has_a_badge() {
    let client = common::client_with(Backend::Sqlite, false).await;
    let organiser = common::organiser_token(&client).await;
    door::event(&client, &organiser, "tiny", 1).await;
    let (first, status) = register(&client, "tiny", "Ana Lima", &[]).await;
    assert_eq!(status, "confirmed");
    let (second, status) = register(&client, "tiny", "Ben Okafor", &[]).await;
    assert_eq!(status, "waitlisted");
    let mine = text_of(&client, &format!("/r/{second}?lang=en")).await;
    assert!(!mine.contains("/badge"));
    for path in ["badge.png", "badge.svg", "badge"] {
        let res = client
            .get(format!("/r/{second}/{path}?lang=en"))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Conflict, "{path}");
        let text = res.into_string().await.unwrap();
        assert!(
            text.contains("A badge comes with a confirmed registration."),
            "{text}"
        );
    }
    let res = client.get("/r/nobody/badge.png").dispatch().await;
    assert_eq!(res.status(), Status::NotFound);
    assert_eq!(
        client
            .get(format!("/r/{first}/badge.png"))
            .dispatch()
            .await
            .status(),
        Status::Ok
    );
}

#[rocket::async_test]
async fn organisers_print_all_badges_and_reissue_a_lost_one() {
    let d = door(Backend::Sqlite).await;
    let c = &d.client;
    let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
    let (ben, _) = register(c, "city-summit", "Ben Okafor", &[]).await;
    register(c, "city-summit", "Cleo Martin", &[]).await;
    c.delete(format!("/api/v1/registrations/{ben}"))
        .dispatch()
        .await;
    common::sign_in_organiser(c, "org@example.org", None).await;
    let sheet = text_of(c, "/admin/events/city-summit/badges?lang=en").await;
    assert_eq!(sheet.matches("class=\"badge-card\"").count(), 2, "{sheet}");
    assert!(
        sheet.contains("Ana Lima")
            && sheet.contains("Cleo Martin")
            && !sheet.contains("Ben Okafor")
    );
    let speakers = text_of(c, "/admin/events/city-summit/badges?role=speaker&lang=en").await;
    assert!(speakers.contains("No confirmed attendee matches."));

    let old = badge_text(c, &ana).await;
    let list = text_of(c, "/admin/events/city-summit/registrations?lang=en").await;
    let action = "/badge\" class=\"inline\"";
    let at = list.find(action).expect("a re-issue button");
    let start = list[..at].rfind("action=\"").unwrap() + 8;
    let res = c
        .post(format!("{}/badge", &list[start..at]))
        .header(ContentType::Form)
        .body(format!("csrf={}", csrf_of(&list)))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let done = text_of(c, res.headers().get_one("Location").unwrap()).await;
    assert!(done.contains("A new badge has been issued"), "{done}");
    let staff = door_token(c, None).await;
    let revoked = scan(c, Some(&staff), json!({"code": old})).await.1;
    let new = scan(c, Some(&staff), json!({"code": badge_text(c, &ana).await}))
        .await
        .1;
    assert_eq!(
        (revoked["verdict"].as_str(), new["verdict"].as_str()),
        (Some("revoked"), Some("admitted"))
    );
}
