//! Organisers and their registrations: list, search, counts, approval, cancel, add by hand,
//! CSV export and the guest-list import with its report.

use crate::common;

use common::{
    client_with, csrf_of, organiser_token, post_form, send_json, sign_in_organiser, text_of,
    Backend,
};
use rocket::http::{ContentType, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::json;
use summit::store;

async fn setup() -> Client {
    let client = client_with(Backend::Sqlite, false).await;
    let token = organiser_token(&client).await;
    let event = json!({"slug": "mayors", "title": "Mayors' round table", "timezone": "Europe/Paris",
        "starts_at": "2027-03-10T09:00", "ends_at": "2027-03-10T12:00", "format": "in_person",
        "status": "published", "in_person_capacity": 1, "requires_approval": true});
    let (status, _) = send_json(&client, Method::Post, "/api/v1/events", &token, event).await;
    assert_eq!(status, Status::Created);
    for (name, email) in [("Ana Lima", "ana@pessac.fr"), ("Ben Okafor", "ben@lyon.fr")] {
        let res = client
            .post("/api/v1/events/mayors/registrations")
            .header(ContentType::JSON)
            .body(json!({"name": name, "email": email, "organisation": "Ville"}).to_string())
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Created);
    }
    client
}

#[rocket::async_test]
async fn organisers_approve_cancel_search_and_export() {
    let c = setup().await;
    sign_in_organiser(&c, "orga@mayors.fr", None).await;
    let page = text_of(&c, "/admin/events/mayors/registrations?lang=en").await;
    assert!(page.contains("Ana Lima") && page.contains("Ben Okafor"));
    let pending = page.matches("<td>Waiting for the organisers").count();
    assert_eq!(pending, 2, "both wait for approval");
    let csrf = csrf_of(&page);
    let ids: Vec<i64> = store::roster::list(common::db(&c), 1, &Default::default())
        .await
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    for id in &ids {
        let (status, to) = post_form(
            &c,
            &format!("/admin/events/mayors/registrations/{id}/approve"),
            format!("csrf={csrf}"),
        )
        .await;
        assert_eq!(status, Status::SeeOther);
        assert!(to.contains("done=approve"));
    }
    let page = text_of(
        &c,
        "/admin/events/mayors/registrations?lang=en&done=approve",
    )
    .await;
    assert!(page.contains("The registration has been approved."));
    assert!(
        page.contains("On the waiting list (#1)"),
        "one place: Ben waits"
    );

    let found = text_of(&c, "/admin/events/mayors/registrations?q=OKAFOR&lang=en").await;
    assert!(found.contains("Ben Okafor") && !found.contains("Ana Lima"));
    assert!(found.contains("1 registration shown"));

    let res = c
        .get("/admin/events/mayors/registrations.csv?status=waitlisted")
        .dispatch()
        .await;
    assert_eq!(res.content_type(), Some(ContentType::CSV));
    let body = res.into_string().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][2], "ben@lyon.fr");
    assert_eq!(&rows[0][9], "1", "waitlist position");

    let (status, _) = post_form(
        &c,
        &format!("/admin/events/mayors/registrations/{}/cancel", ids[0]),
        format!("csrf={csrf}"),
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let ben = store::registrations::get(common::db(&c), ids[1])
        .await
        .unwrap();
    assert_eq!(ben.status.as_str(), "confirmed", "promoted on cancellation");

    let token = organiser_token(&c).await;
    let res = c
        .get("/api/v1/events/mayors/registrations")
        .header(common::bearer(&token))
        .dispatch()
        .await;
    let body = common::json_of(res).await;
    assert_eq!(body["registrations"].as_array().unwrap().len(), 2);
    assert_eq!(body["counts"]["statuses"][0]["status"], "confirmed");
    assert_eq!(body["counts"]["statuses"][0]["in_person"], 1);

    let audit = store::audit::recent(common::db(&c), 10).await.unwrap();
    let actions: Vec<_> = audit.iter().map(|a| a.2.as_str()).collect();
    assert!(actions.contains(&"export-registrations") && actions.contains(&"view-registrations"));
    assert!(audit.iter().any(|a| a.1 == "organiser:orga@mayors.fr"));
    assert_eq!(audit[0].1, "organiser:api-token");
}

#[rocket::async_test]
async fn adding_by_hand_and_importing_a_guest_list() {
    let c = setup().await;
    sign_in_organiser(&c, "orga@mayors.fr", None).await;
    let csrf = csrf_of(&text_of(&c, "/admin/events/mayors/registrations").await);
    let (status, page) = post_form(
        &c,
        "/admin/events/mayors/registrations?lang=en",
        format!("csrf={csrf}&name=Chloé&email=chloe-at-bordeaux"),
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("value=\"Chloé\"") && page.contains("Enter an e-mail address"));
    let (status, _) = post_form(
        &c,
        "/admin/events/mayors/registrations",
        format!("csrf={csrf}&name=Chloé&email=chloe%40bordeaux.fr"),
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let chloe = store::roster::list(common::db(&c), 1, &Default::default())
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.email == "chloe@bordeaux.fr")
        .unwrap();
    assert_eq!(
        chloe.status.as_str(),
        "confirmed",
        "organisers need no approval"
    );

    let guests = "nom;courriel;organisme\nDan;dan@nantes.fr;Nantes\nEve;not-an-address;Lille\nAna again;ANA@pessac.fr;Pessac\n";
    let page = common::import_guests(&c, "mayors", &csrf, guests, "en", "Finished").await;
    assert!(page.contains("3 of 3 rows processed"), "{page}");
    assert!(page.contains("Finished: 1 imported, 1 already registered, 1 rejected."));
    assert!(
        page.contains("<th scope=\"row\">3</th>"),
        "the bad row's line number"
    );
    assert!(page.contains("email: Enter an e-mail address"));
    let all = store::roster::list(common::db(&c), 1, &Default::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 4, "Ana, Ben, Chloé and Dan");
}

#[rocket::async_test]
async fn registrations_are_for_that_events_organisers_only() {
    let c = setup().await;
    let anonymous = c.get("/admin/events/mayors/registrations").dispatch().await;
    assert_eq!(anonymous.status(), Status::SeeOther, "to the sign-in page");
    let res = c
        .get("/api/v1/events/mayors/registrations")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Unauthorized);
    let token = organiser_token(&c).await;
    let other = json!({"slug": "other", "title": "Other", "timezone": "Europe/Paris",
        "starts_at": "2027-03-10T09:00", "ends_at": "2027-03-10T12:00", "format": "virtual"});
    let (_, other) = send_json(&c, Method::Post, "/api/v1/events", &token, other).await;
    sign_in_organiser(&c, "other@lyon.fr", other["id"].as_i64()).await;
    let res = c.get("/admin/events/mayors/registrations").dispatch().await;
    assert_eq!(res.status(), Status::Forbidden);
    let res = c
        .get("/admin/events/mayors/registrations.csv")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Forbidden);
}
