//! Privacy by design: the notice, the attendee's download of everything held on them, the
//! erasure after which the link leads nowhere (counts stay anonymous), and the retention purge.

use crate::common;

use common::{
    client_with, csrf_of, json_of, on_both, organiser_token, send_json, text_of, Backend,
};
use rocket::http::{ContentType, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::json;
use summit::app::registering::{self, Channel};
use summit::domain::validate::Input;
use summit::i18n::Lang;
use summit::store;

async fn event(c: &Client, extra: serde_json::Value) -> String {
    let token = organiser_token(c).await;
    let mut body = json!({"slug": "forum", "title": "Digital forum", "timezone": "Europe/Paris",
        "starts_at": "2027-05-04T09:00", "ends_at": "2027-05-04T17:00", "format": "in_person",
        "status": "published", "in_person_capacity": 1, "organiser": "Ville de Lyon"});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let (status, b) = send_json(c, Method::Post, "/api/v1/events", &token, body).await;
    assert_eq!(status, Status::Created, "{b}");
    token
}

async fn register(c: &Client, name: &str, email: &str) -> (String, serde_json::Value) {
    let body = json!({"name": name, "email": email, "accessibility_needs": "Hearing loop", "language": "en"});
    let (body, token) = common::register_via_api(c, "forum", body).await;
    (token, body)
}

#[rocket::async_test]
async fn the_notice_is_linked_from_the_form_and_says_how_long_data_is_kept() {
    let c = client_with(Backend::Sqlite, false).await;
    event(&c, json!({})).await;
    let form = text_of(&c, "/events/forum/register?lang=en").await;
    assert!(form.contains("href=\"/events/forum/privacy\""));
    let notice = text_of(&c, "/events/forum/privacy?lang=en").await;
    assert!(notice.contains("deleted 365 days after the event ends"));
    assert!(notice.contains("Who is responsible: Ville de Lyon"));
    let fr = text_of(&c, "/events/forum/privacy?lang=fr").await;
    assert!(fr.contains("effacées 365 jours après la fin"));
    let token = organiser_token(&c).await;
    let own = json!({"privacy_notice_en": "We keep your data for the Lyon forum only.\n\nWrite to dpo@lyon.fr."});
    let (status, _) = send_json(&c, Method::Patch, "/api/v1/events/forum", &token, own).await;
    assert_eq!(status, Status::Ok);
    let notice = text_of(&c, "/events/forum/privacy?lang=en").await;
    assert!(notice.contains("<p>Write to dpo@lyon.fr.</p>"));
}

#[rocket::async_test]
async fn attendees_download_their_data_then_erase_it() {
    let c = client_with(Backend::Sqlite, false).await;
    event(&c, json!({})).await;
    let (token, _) = register(&c, "Ana Lima", "ana@example.org").await;
    let (waiting, body) = register(&c, "Ben Okafor", "ben@example.org").await;
    assert_eq!(body["status"], "waitlisted");

    // Ana checks in at the door, then downloads everything held on her.
    let door = store::staff::create_token(
        common::db(&c),
        summit::domain::StaffRole::Door,
        None,
        "door",
    )
    .await
    .unwrap();
    let r = store::registrations::by_token(common::db(&c), &token)
        .await
        .unwrap();
    let code = summit::app::checkin::code_for(common::db(&c), &r)
        .await
        .unwrap();
    let (_, verdict) = send_json(
        &c,
        Method::Post,
        "/api/v1/checkins",
        &door,
        json!({"code": code, "gate": "North"}),
    )
    .await;
    assert_eq!(verdict["verdict"], "admitted");
    let res = c.get(format!("/r/{token}/data.json")).dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    assert!(res
        .headers()
        .get_one("Content-Disposition")
        .unwrap()
        .starts_with("attachment"));
    let data = json_of(res).await;
    assert_eq!(data["registration"]["email"], "ana@example.org");
    assert_eq!(data["registration"]["accessibility_needs"], "Hearing loop");
    assert_eq!(data["checkins"][0]["gate"], "North");
    assert_eq!(data["messages"][0]["kind"], "registered");
    assert!(
        !data.to_string().contains(&token),
        "no secret in the export"
    );

    // Erasing asks for confirmation, frees the place for Ben, and the link leads nowhere.
    let page = text_of(&c, &format!("/r/{token}?lang=en")).await;
    let csrf = csrf_of(&page);
    let post = |body: String| {
        c.post(format!("/r/{token}/erase"))
            .header(ContentType::Form)
            .body(body)
            .dispatch()
    };
    assert_eq!(
        post(format!("csrf={csrf}")).await.status(),
        Status::UnprocessableEntity
    );
    assert_eq!(
        post("confirm=on".into()).await.status(),
        Status::BadRequest,
        "CSRF"
    );
    let res = post(format!("csrf={csrf}&confirm=on")).await;
    assert_eq!(res.status(), Status::Ok);
    assert!(res
        .into_string()
        .await
        .unwrap()
        .contains("Your data has been erased"));
    for path in [
        format!("/r/{token}"),
        format!("/r/{token}/data.json"),
        format!("/api/v1/registrations/{token}"),
    ] {
        assert_eq!(c.get(path).dispatch().await.status(), Status::NotFound);
    }
    let ben = json_of(
        c.get(format!("/api/v1/registrations/{waiting}"))
            .dispatch()
            .await,
    )
    .await;
    assert_eq!(ben["status"], "confirmed", "the freed place went to Ben");
    let event = store::events::get(common::db(&c), "forum").await.unwrap();
    let counts = store::checkins::counts(common::db(&c), event.id)
        .await
        .unwrap();
    assert_eq!(
        counts.by_gate,
        [("North".to_string(), 1)],
        "the count stays, anonymous"
    );
    let all = store::roster::list(common::db(&c), event.id, &Default::default())
        .await
        .unwrap();
    assert!(all.iter().all(|r| r.email != "ana@example.org"));

    // Programs erase with the token alone.
    let res = c.post(format!("/r/{waiting}/erase")).dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(json_of(res).await["status"], "erased");
}

#[rocket::async_test]
async fn the_purge_erases_attendees_of_events_long_past() {
    on_both(|db, backend| async move {
        let make = |slug: &str, start: &str, end: &str| {
            Input::from_pairs([
                ("slug", slug.to_string()),
                ("title", "Old forum".to_string()),
                ("timezone", "Europe/Paris".to_string()),
                ("starts_at", start.to_string()),
                ("ends_at", end.to_string()),
                ("format", "in_person".to_string()),
                ("status", "published".to_string()),
            ])
        };
        let old = summit::app::organise::create_event(
            &db,
            &make("old", "2024-03-01T09:00", "2024-03-01T17:00"),
        )
        .await
        .unwrap();
        let new = summit::app::organise::create_event(
            &db,
            &make("new", "2027-03-01T09:00", "2027-03-01T17:00"),
        )
        .await
        .unwrap();
        for (e, email) in [(&old, "a@example.org"), (&new, "b@example.org")] {
            let person = Input::from_pairs([("name", "Someone"), ("email", email)]);
            registering::register(&db, e, &person, Lang::En, Channel::Organiser)
                .await
                .unwrap();
        }
        let year_ago = summit::domain::time::now() - 365 * 86_400;
        assert_eq!(
            store::privacy::purge(&db, year_ago).await.unwrap().len(),
            1,
            "{backend:?}"
        );
        assert!(store::roster::list(&db, old.id, &Default::default())
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            store::roster::list(&db, new.id, &Default::default())
                .await
                .unwrap()
                .len(),
            1
        );
        assert_eq!(store::privacy::purge(&db, year_ago).await.unwrap().len(), 0);
    })
    .await;
}

#[rocket::async_test]
async fn organisers_set_the_notice_and_the_licence_in_the_event_form() {
    let c = client_with(Backend::Sqlite, false).await;
    event(&c, json!({})).await;
    common::sign_in_organiser(&c, "orga@lyon.fr", None).await;
    let page = text_of(&c, "/admin/events/forum/settings?lang=en").await;
    for field in [
        "privacy_notice_fr",
        "privacy_notice_en",
        "license",
        "requires_approval",
        "online_for_in_person",
    ] {
        assert!(page.contains(&format!("name=\"{field}\"")), "{field}");
    }
    assert!(page.contains("value=\"CC-BY-4.0\""));
}
