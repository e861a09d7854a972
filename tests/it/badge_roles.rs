//! Badge roles (attendee, speaker, press, staff) as organisers set them: on the registrations
//! page, in a guest list, through the API with an organiser token; and as people see them on
//! the printed badges.

use crate::common;
use crate::door;

use common::{
    bearer, csrf_of, db, json_of, on_both, post_form, sign_in_organiser, text_of, BACKENDS,
};
use door::{door, register};
use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::Client;
use serde_json::json;
use summit::app::registering::{self, Channel};
use summit::domain::validate::Input;
use summit::i18n::Lang;
use summit::store;

async fn role_of(c: &Client, token: &str) -> String {
    store::registrations::by_token(db(c), token)
        .await
        .unwrap()
        .badge_role
        .to_string()
}

#[rocket::async_test]
async fn the_role_set_on_the_registrations_page_is_on_the_badge_and_in_the_batch_print() {
    for backend in BACKENDS {
        let d = door(backend).await;
        let c = &d.client;
        let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
        register(c, "city-summit", "Ben Okafor", &[]).await;
        let before = store::registrations::by_token(db(c), &ana).await.unwrap();
        sign_in_organiser(c, "orga@example.org", None).await;

        let list = text_of(c, "/admin/events/city-summit/registrations?lang=en").await;
        let select = format!(
            "<select id=\"badge-role-{}\" name=\"badge_role\">",
            before.id
        );
        assert!(list.contains(&select), "{list}");
        let label = format!(
            "<label for=\"badge-role-{}\" class=\"sr-only\">Badge role of Ana Lima</label>",
            before.id
        );
        assert!(list.contains(&label), "a labelled field");
        assert!(list.contains("<option value=\"speaker\">Speaker</option>"));
        assert!(list.contains("<option value=\"attendee\" selected>Attendee</option>"));

        let (status, to) = post_form(
            c,
            &format!("/admin/events/city-summit/registrations/{}/role", before.id),
            format!("csrf={}&badge_role=speaker", csrf_of(&list)),
        )
        .await;
        assert_eq!(status, Status::SeeOther, "{backend:?}");
        let done = text_of(c, &format!("{to}&lang=en")).await;
        assert!(
            done.contains("The badge role has been changed"),
            "{backend:?}: {done}"
        );
        assert!(done.contains("<option value=\"speaker\" selected>Speaker</option>"));

        let badge = text_of(c, &format!("/r/{ana}/badge?lang=fr")).await;
        assert!(
            badge.contains("badge-role-speaker\">Intervenant·e</p>"),
            "{badge}"
        );
        let speakers = text_of(c, "/admin/events/city-summit/badges?role=speaker&lang=en").await;
        assert_eq!(speakers.matches("class=\"badge-card\"").count(), 1);
        assert!(speakers.contains("Ana Lima") && !speakers.contains("Ben Okafor"));
        let attendees = text_of(c, "/admin/events/city-summit/badges?role=attendee").await;
        assert!(attendees.contains("Ben Okafor") && !attendees.contains("Ana Lima"));

        let after = store::registrations::get(db(c), before.id).await.unwrap();
        assert_eq!(
            after.badge_version, before.badge_version,
            "the QR code stays valid"
        );
        let audit = store::audit::recent(db(c), 20).await.unwrap();
        assert!(audit.iter().any(|(_, actor, action, subject)| {
            actor == "organiser:orga@example.org"
                && action == "set-badge-role"
                && *subject == format!("{}:speaker", before.id)
        }));
    }
}

#[rocket::async_test]
async fn an_unknown_role_is_refused_in_the_visitors_language_and_changes_nothing() {
    let d = door(common::Backend::Sqlite).await;
    let c = &d.client;
    let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
    let id = store::registrations::by_token(db(c), &ana)
        .await
        .unwrap()
        .id;
    sign_in_organiser(c, "orga@example.org", None).await;
    let csrf = csrf_of(&text_of(c, "/admin/events/city-summit/registrations").await);
    let path = format!("/admin/events/city-summit/registrations/{id}/role");
    for (lang, role, says) in [
        (
            "en",
            "vip",
            "Choose a badge role: attendee, speaker, press or staff.",
        ),
        (
            "fr",
            "organiser",
            "Choisissez un rôle de badge : participant·e, intervenant·e, presse ou équipe.",
        ),
        ("en", "", "Choose a badge role"),
    ] {
        let (status, page) = post_form(
            c,
            &format!("{path}?lang={lang}"),
            format!("csrf={csrf}&badge_role={role}"),
        )
        .await;
        assert_eq!(status, Status::UnprocessableEntity, "{role}");
        assert!(page.contains(says), "{role}: {page}");
        assert_eq!(role_of(c, &ana).await, "attendee", "{role}");
    }
    let (status, _) = post_form(c, &path, "csrf=wrong&badge_role=press".into()).await;
    assert_ne!(status, Status::SeeOther, "no CSRF token, no change");
    assert_eq!(role_of(c, &ana).await, "attendee");
    let audit = store::audit::recent(db(c), 20).await.unwrap();
    assert!(!audit.iter().any(|a| a.2 == "set-badge-role"));
}

#[rocket::async_test]
async fn a_guest_list_with_a_badge_column_in_french() {
    let d = door(common::Backend::Sqlite).await;
    let c = &d.client;
    let (ana, _) = register(c, "city-summit", "Ana Lima", &[]).await;
    sign_in_organiser(c, "orga@example.org", None).await;
    let csrf = csrf_of(&text_of(c, "/admin/events/city-summit/registrations").await);
    let guests = "nom;courriel;rôle;type de badge\n\
                  Dan Roy;dan@nantes.fr;Maire adjoint;Intervenant(e)\n\
                  Eve Diallo;eve@lille.fr;Journaliste;PRESSE\n\
                  Fay Moreau;fay@metz.fr;;vip\n\
                  Gil Petit;gil@brest.fr;;\n\
                  Ana Lima;ana.lima@example.org;;Équipe\n";
    let page = common::import_guests(c, "city-summit", &csrf, guests, "fr", "Terminé").await;
    assert!(
        page.contains("<th scope=\"row\">4</th>"),
        "Fay's line: {page}"
    );
    assert!(page.contains("Rôle de badge inconnu « vip »"), "{page}");
    assert_eq!(
        page.matches("<th scope=\"row\">").count(),
        1,
        "one rejected row"
    );

    let people = store::roster::list(db(c), d.event_id, &Default::default())
        .await
        .unwrap();
    let role = |email: &str| {
        people
            .iter()
            .find(|r| r.email == email)
            .map(|r| (r.badge_role.as_str(), r.role_title.as_str()))
    };
    assert_eq!(role("dan@nantes.fr"), Some(("speaker", "Maire adjoint")));
    assert_eq!(role("eve@lille.fr"), Some(("press", "Journaliste")));
    assert_eq!(role("gil@brest.fr"), Some(("attendee", "")));
    assert_eq!(role("fay@metz.fr"), None, "a rejected row registers nobody");
    assert_eq!(
        role_of(c, &ana).await,
        "staff",
        "someone already registered"
    );
    let press = text_of(c, "/admin/events/city-summit/badges?role=press&lang=fr").await;
    assert!(press.contains("Eve Diallo") && press.contains(">Presse</p>"));

    let help = text_of(c, "/admin/events/city-summit/registrations?lang=en").await;
    assert!(help.contains("badge (the badge role: attendee, speaker, press or staff"));
}

#[rocket::async_test]
async fn organisers_choose_a_role_through_the_api_attendees_cannot() {
    let d = door(common::Backend::Postgres).await;
    let c = &d.client;
    let path = "/api/v1/events/city-summit/registrations";
    let post = |body: serde_json::Value, token: Option<String>| {
        let mut req = c
            .post(path)
            .header(ContentType::JSON)
            .body(body.to_string());
        if let Some(t) = token {
            req = req.header(bearer(&t));
        }
        req.dispatch()
    };
    let person = |name: &str, email: &str, role: &str| json!({"name": name, "email": email, "attendance": "in_person", "badge_role": role});

    let res = post(person("Ana Lima", "ana@example.org", "speaker"), None).await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let body = json_of(res).await;
    assert_eq!(
        body["error"]["fields"]["badge_role"],
        "Seuls les organisateurs de l'événement peuvent choisir le rôle du badge."
    );
    let other = common::organiser_token(c).await;
    let (_, other_event) = common::send_json(
        c,
        rocket::http::Method::Post,
        "/api/v1/events",
        &other,
        json!({"slug": "elsewhere", "title": "Elsewhere", "timezone": "Europe/Paris",
               "starts_at": "2027-03-10T09:00", "ends_at": "2027-03-10T12:00", "format": "virtual"}),
    )
    .await;
    let elsewhere = store::staff::create_token(
        db(c),
        summit::domain::StaffRole::Organiser,
        other_event["id"].as_i64(),
        "elsewhere",
    )
    .await
    .unwrap();
    let res = post(
        person("Ana Lima", "ana@example.org", "press"),
        Some(elsewhere),
    )
    .await;
    assert_eq!(
        res.status(),
        Status::UnprocessableEntity,
        "an organiser of another event is a member of the public here"
    );
    let nobody = store::roster::list(db(c), d.event_id, &Default::default())
        .await
        .unwrap();
    assert!(nobody.is_empty(), "nothing was registered");

    let res = post(
        person("Ana Lima", "ana@example.org", "press"),
        Some(d.organiser.clone()),
    )
    .await;
    assert_eq!(res.status(), Status::Created);
    let body = json_of(res).await;
    assert_eq!(body["badge_role"], "press");
    let res = post(
        person("Ben Okafor", "ben@example.org", "chief"),
        Some(d.organiser.clone()),
    )
    .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let body = json_of(res).await;
    assert_eq!(
        body["error"]["fields"]["badge_role"],
        "Choisissez un rôle de badge : participant·e, intervenant·e, presse ou équipe."
    );
    let (created, _) = common::register_via_api(
        c,
        "city-summit",
        json!({"name": "Cleo Martin", "email": "cleo@example.org", "attendance": "in_person"}),
    )
    .await;
    assert!(created.get("badge_role").is_none());

    let res = c
        .get(format!("{path}?lang=en"))
        .header(bearer(&d.organiser))
        .dispatch()
        .await;
    let list = json_of(res).await;
    let rows = list["registrations"].as_array().unwrap();
    let roles: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap(),
                r["badge_role"].as_str().unwrap(),
                r["badge_role_label"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(roles.len(), 2, "{roles:?}");
    assert!(roles.contains(&("Ana Lima", "press", "Press")));
    assert!(roles.contains(&("Cleo Martin", "attendee", "Attendee")));
}

#[rocket::async_test]
async fn the_store_keeps_the_role_on_both_databases() {
    on_both(|db, backend| async move {
        let event = Input::from_pairs([
            ("slug", "roles"),
            ("title", "Roles"),
            ("timezone", "Europe/Paris"),
            ("starts_at", "2027-06-15T08:00"),
            ("ends_at", "2027-06-15T18:00"),
            ("format", "in_person"),
            ("status", "published"),
        ]);
        let event = summit::app::organise::create_event(&db, &event)
            .await
            .unwrap();
        let ana = Input::from_pairs([("name", "Ana Lima"), ("email", "ana@example.org")]);
        let registered = registering::register(&db, &event, &ana, Lang::En, Channel::Organiser)
            .await
            .unwrap();
        let id = registered.id();
        let stored = store::roster::get(&db, event.id, id).await.unwrap();
        assert_eq!(stored.badge_role, "attendee", "{backend:?}: the default");
        store::badges::set_role(&db, id, "press").await.unwrap();
        let again = registering::register(&db, &event, &ana, Lang::En, Channel::Organiser)
            .await
            .unwrap();
        assert_eq!(again.id(), id, "{backend:?}: the same person");
        let listed = store::roster::list(&db, event.id, &Default::default())
            .await
            .unwrap();
        assert_eq!(listed[0].badge_role, "press", "{backend:?}");
        assert_eq!(listed[0].badge_version, stored.badge_version);
    })
    .await;
}
