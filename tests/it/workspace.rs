//! The organisers' workspace: rooms, tracks, speakers and ticket types are changed and removed
//! through the API and the admin pages alike; a removal that would orphan sessions or people
//! is refused naming them, or done with the alternative the organiser chose.

use rocket::http::{ContentType, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};

use crate::common::{
    self, client_with, csrf_of, organiser_token, post_form, send_json, text_of, Backend,
};

const EV: &str = "/api/v1/events/congres";

async fn congress(c: &Client) -> String {
    let token = organiser_token(c).await;
    let (status, body) = send_json(
        c,
        Method::Post,
        "/api/v1/events",
        &token,
        json!({
        "slug": "congres", "title": "Congrès des villes", "timezone": "Europe/Paris",
        "starts_at": "2027-09-14T09:00", "ends_at": "2027-09-15T18:00", "format": "hybrid",
        "status": "published", "in_person_capacity": 300, "online_capacity": 500}),
    )
    .await;
    assert_eq!(status, Status::Created, "{body}");
    token
}

async fn created(c: &Client, token: &str, path: &str, body: Value) -> i64 {
    let (status, answer) = send_json(c, Method::Post, &format!("{EV}{path}"), token, body).await;
    assert_eq!(status, Status::Created, "{path}: {answer}");
    answer["id"].as_i64().unwrap()
}

async fn session(c: &Client, token: &str, title: &str, room: i64, hour: u32, more: Value) -> i64 {
    let mut body = json!({"title": title, "kind": "plenary", "room_id": room, "format": "in_person",
        "starts_at": format!("2027-09-14T{hour:02}:00"), "ends_at": format!("2027-09-14T{hour:02}:45")});
    for (k, v) in more.as_object().unwrap() {
        body[k] = v.clone();
    }
    created(c, token, "/sessions", body).await
}

fn message(answer: &Value) -> &str {
    answer["error"]["message"].as_str().unwrap_or_default()
}

#[rocket::async_test]
async fn rooms_tracks_and_speakers_change_and_go_only_without_orphans() {
    for backend in common::BACKENDS {
        let c = client_with(backend, false).await;
        let token = congress(&c).await;
        let garonne = created(
            &c,
            &token,
            "/rooms",
            json!({"name": "Garone", "capacity": 80}),
        )
        .await;
        let dordogne = created(&c, &token, "/rooms", json!({"name": "Dordogne"})).await;
        let track = created(
            &c,
            &token,
            "/tracks",
            json!({"name_fr": "Données", "name_en": "Data"}),
        )
        .await;
        let speaker = created(
            &c,
            &token,
            "/speakers",
            json!({"name": "Ana Lima", "affiliation": "Lisboa"}),
        )
        .await;
        let talk = session(
            &c,
            &token,
            "Open data",
            garonne,
            10,
            json!({"track_id": track,
            "speakers": [{"speaker_id": speaker, "role": "speaker"}]}),
        )
        .await;
        let other = session(&c, &token, "Mobility", dordogne, 10, json!({})).await;

        // A typo in a room's name is mended; its session's calendar entry follows.
        let (status, room) = send_json(
            &c,
            Method::Patch,
            &format!("{EV}/rooms/{garonne}"),
            &token,
            json!({"name": "Garonne"}),
        )
        .await;
        assert_eq!(
            (status, room["name"].as_str()),
            (Status::Ok, Some("Garonne")),
            "{room}"
        );
        assert_eq!(room["capacity"], 80, "what the patch leaves out is kept");
        let (_, s) = send_json(
            &c,
            Method::Get,
            &format!("{EV}/sessions/{talk}"),
            &token,
            json!({}),
        )
        .await;
        assert_eq!(s["room"], "Garonne");
        let (_, rooms) =
            send_json(&c, Method::Get, &format!("{EV}/rooms"), &token, json!({})).await;
        assert_eq!(rooms.as_array().unwrap().len(), 2);

        // A room with a session is not removed: the answer names the session.
        let del = |path: String| {
            let (c, token) = (&c, &token);
            async move { send_json(c, Method::Delete, &path, token, json!({})).await }
        };
        let (status, answer) = del(format!("{EV}/rooms/{garonne}")).await;
        assert_eq!(status, Status::Conflict);
        assert!(message(&answer).contains("Open data"), "{answer}");
        // Moving its session into a room busy at that time is refused, naming both.
        let (status, answer) = del(format!("{EV}/rooms/{garonne}?move_to={dordogne}")).await;
        assert_eq!(status, Status::Conflict);
        assert!(
            message(&answer).contains("Open data") && message(&answer).contains("Mobility"),
            "{answer}"
        );
        let (_, s) = send_json(
            &c,
            Method::Get,
            &format!("{EV}/sessions/{talk}"),
            &token,
            json!({}),
        )
        .await;
        assert_eq!(s["room"], "Garonne", "nothing moved");
        // Once the other session is elsewhere in time, the move and the removal go through.
        let (status, _) = send_json(
            &c,
            Method::Patch,
            &format!("{EV}/sessions/{other}"),
            &token,
            json!({"starts_at": "2027-09-14T14:00", "ends_at": "2027-09-14T15:00"}),
        )
        .await;
        assert_eq!(status, Status::Ok);
        let (status, _) = del(format!("{EV}/rooms/{garonne}?move_to={dordogne}")).await;
        assert_eq!(status, Status::NoContent);
        let (_, s) = send_json(
            &c,
            Method::Get,
            &format!("{EV}/sessions/{talk}"),
            &token,
            json!({}),
        )
        .await;
        assert_eq!(s["room"], "Dordogne");

        // A track: refused while used, or its sessions kept without a track.
        let (status, answer) = del(format!("{EV}/tracks/{track}")).await;
        assert_eq!(status, Status::Conflict);
        assert!(message(&answer).contains("Open data"));
        let (status, t) = send_json(
            &c,
            Method::Patch,
            &format!("{EV}/tracks/{track}"),
            &token,
            json!({"name_en": "Open data", "color": "#7a1f5c"}),
        )
        .await;
        assert_eq!(
            (status, t["name_fr"].as_str()),
            (Status::Ok, Some("Données"))
        );
        assert_eq!(
            del(format!("{EV}/tracks/{track}?move_to=none")).await.0,
            Status::NoContent
        );
        let (_, s) = send_json(
            &c,
            Method::Get,
            &format!("{EV}/sessions/{talk}"),
            &token,
            json!({}),
        )
        .await;
        assert!(s["track"].is_null() && s["title"] == "Open data", "{s}");

        // A speaker on a session stays until taken off it.
        let (status, sp) = send_json(
            &c,
            Method::Patch,
            &format!("{EV}/speakers/{speaker}"),
            &token,
            json!({"affiliation_en": "City of Lisbon"}),
        )
        .await;
        assert_eq!(
            (status, sp["affiliation_en"].as_str()),
            (Status::Ok, Some("City of Lisbon"))
        );
        let (status, answer) = del(format!("{EV}/speakers/{speaker}")).await;
        assert_eq!(status, Status::Conflict);
        assert!(message(&answer).contains("Open data"));
        send_json(
            &c,
            Method::Patch,
            &format!("{EV}/sessions/{talk}"),
            &token,
            json!({"speakers": []}),
        )
        .await;
        assert_eq!(
            del(format!("{EV}/speakers/{speaker}")).await.0,
            Status::NoContent
        );
        let public = common::json_of(c.get(format!("{EV}/speakers")).dispatch().await).await;
        assert_eq!(
            public["speakers"].as_array().unwrap().len(),
            0,
            "{backend:?}"
        );

        // Unknown ids, bad input and another event's organiser.
        let (status, answer) = send_json(
            &c,
            Method::Patch,
            &format!("{EV}/rooms/{dordogne}"),
            &token,
            json!({"name": "", "capacity": -3}),
        )
        .await;
        assert_eq!(status, Status::UnprocessableEntity);
        assert!(
            answer["error"]["fields"]["name"].is_string()
                && answer["error"]["fields"]["capacity"].is_string()
        );
        assert_eq!(del(format!("{EV}/rooms/999999")).await.0, Status::NotFound);
        let (_, other_event) = send_json(&c, Method::Post, "/api/v1/events", &token, json!({
            "slug": "autre", "title": "Autre", "timezone": "Europe/Paris", "starts_at": "2027-10-01T09:00",
            "ends_at": "2027-10-01T18:00", "format": "in_person", "status": "draft"})).await;
        let other_id = summit::store::events::get(common::db(&c), "autre")
            .await
            .unwrap()
            .id;
        assert!(other_event.is_object());
        let scoped = summit::store::staff::create_token(
            common::db(&c),
            summit::domain::StaffRole::Organiser,
            Some(other_id),
            "other",
        )
        .await
        .unwrap();
        let (status, _) = send_json(
            &c,
            Method::Delete,
            &format!("{EV}/rooms/{dordogne}"),
            &scoped,
            json!({}),
        )
        .await;
        assert_eq!(status, Status::Forbidden);
        let log = summit::store::audit::recent(common::db(&c), 50)
            .await
            .unwrap();
        for action in [
            "change-room",
            "remove-room",
            "remove-track",
            "change-speaker",
            "remove-speaker",
        ] {
            assert!(
                log.iter().any(|(_, _, a, _)| a == action),
                "{action} is in the audit log"
            );
        }
    }
}

#[rocket::async_test]
async fn a_ticket_people_hold_is_never_lost_and_its_quota_never_goes_below_them() {
    for backend in common::BACKENDS {
        let c = client_with(backend, false).await;
        let token = congress(&c).await;
        let ticket = created(
            &c,
            &token,
            "/tickets",
            json!({"name": "Élus", "name_en": "Elected officials",
            "quota": 50, "attendance": "in_person"}),
        )
        .await;
        let spare = created(&c, &token, "/tickets", json!({"name": "Presse"})).await;
        let (tickets, _) =
            send_json(&c, Method::Get, &format!("{EV}/tickets"), &token, json!({})).await;
        assert_eq!(tickets, Status::Ok);
        for (name, email) in [
            ("Awa Diallo", "awa@example.org"),
            ("Jon Doe", "jon@example.org"),
        ] {
            common::register_via_api(
                &c,
                "congres",
                json!({"name": name, "email": email,
                "attendance": "in_person", "language": "fr", "ticket": ticket}),
            )
            .await;
        }
        let patch = |body: Value| {
            let (c, token) = (&c, &token);
            async move {
                send_json(
                    c,
                    Method::Patch,
                    &format!("{EV}/tickets/{ticket}"),
                    token,
                    body,
                )
                .await
            }
        };
        let (status, answer) = patch(json!({"quota": 1})).await;
        assert_eq!(status, Status::Conflict);
        assert_eq!(answer["error"]["fields"]["quota"], message(&answer));
        assert!(message(&answer).contains('2'), "{answer}");
        let (status, answer) = patch(json!({"attendance": "online"})).await;
        assert_eq!(status, Status::Conflict, "{answer}");
        let (status, answer) = patch(json!({"price_cents": 2500})).await;
        assert_eq!(
            status,
            Status::UnprocessableEntity,
            "no paid price without Stripe: {answer}"
        );
        // The event's own places neither.
        let (status, answer) = send_json(
            &c,
            Method::Patch,
            EV,
            &token,
            json!({"in_person_capacity": 1}),
        )
        .await;
        assert_eq!(status, Status::Conflict);
        assert_eq!(
            answer["error"]["fields"]["in_person_capacity"],
            message(&answer),
            "{answer}"
        );
        let (status, t) = patch(json!({"quota": 2, "name_en": "Elected members"})).await;
        assert_eq!((status, t["quota"].as_i64()), (Status::Ok, Some(2)), "{t}");
        assert_eq!(t["name"], "Élus");

        let (status, answer) = send_json(
            &c,
            Method::Delete,
            &format!("{EV}/tickets/{ticket}"),
            &token,
            json!({}),
        )
        .await;
        assert_eq!(status, Status::Conflict);
        assert!(message(&answer).contains('2'), "{answer}");
        // Stopping the sales instead: nobody registers with it any more, the two keep it.
        let (status, t) = patch(json!({"on_sale": false})).await;
        assert_eq!(status, Status::Ok);
        assert!(t["sales_end"].is_i64(), "{t}");
        let late = c
            .post(format!("{EV}/registrations"))
            .header(ContentType::JSON)
            .body(
                json!({"name": "Late", "email": "late@example.org", "attendance": "in_person",
                "ticket": ticket})
                .to_string(),
            )
            .dispatch()
            .await;
        assert!(
            late.status().code >= 400 && late.status().code < 500,
            "{}",
            late.status()
        );
        let (status, t) = patch(json!({"on_sale": true})).await;
        assert!(status == Status::Ok && t["sales_end"].is_null(), "{t}");
        let roster = send_json(
            &c,
            Method::Get,
            &format!("{EV}/registrations"),
            &token,
            json!({}),
        )
        .await
        .1;
        assert_eq!(
            roster["registrations"].as_array().unwrap().len(),
            2,
            "{backend:?}"
        );

        assert_eq!(
            send_json(
                &c,
                Method::Delete,
                &format!("{EV}/tickets/{spare}"),
                &token,
                json!({})
            )
            .await
            .0,
            Status::NoContent,
            "a ticket nobody holds goes"
        );
    }
}

#[rocket::async_test]
async fn a_rooms_capacity_stays_above_the_seats_its_workshops_gave() {
    let c = client_with(Backend::Sqlite, false).await;
    let token = congress(&c).await;
    let room = created(
        &c,
        &token,
        "/rooms",
        json!({"name": "Atelier 1", "capacity": 20}),
    )
    .await;
    let workshop = session(
        &c,
        &token,
        "Atelier budget",
        room,
        11,
        json!({"kind": "workshop",
        "requires_signup": true}),
    )
    .await;
    for n in 0..3 {
        common::register_via_api(&c, "congres", json!({"name": format!("P {n}"),
            "email": format!("p{n}@example.org"), "attendance": "in_person", "sessions": [workshop]})).await;
    }
    let (status, answer) = send_json(
        &c,
        Method::Patch,
        &format!("{EV}/rooms/{room}"),
        &token,
        json!({"capacity": 2}),
    )
    .await;
    assert_eq!(status, Status::Conflict);
    assert!(
        message(&answer).contains("Atelier budget") && message(&answer).contains('3'),
        "{answer}"
    );
    let (status, _) = send_json(
        &c,
        Method::Patch,
        &format!("{EV}/rooms/{room}"),
        &token,
        json!({"capacity": 3}),
    )
    .await;
    assert_eq!(status, Status::Ok);
}

#[rocket::async_test]
async fn the_workspace_is_one_page_per_section_and_asks_before_removing() {
    let c = client_with(Backend::Sqlite, false).await;
    let token = congress(&c).await;
    let room = created(&c, &token, "/rooms", json!({"name": "Garonne"})).await;
    let spare = created(&c, &token, "/rooms", json!({"name": "Dordogne"})).await;
    session(&c, &token, "Ouverture", room, 9, json!({})).await;
    common::sign_in_organiser(&c, "orga@bordeaux.fr", None).await;
    let base = "/admin/events/congres";
    for (path, current) in [
        ("", "Overview"),
        ("/programme", "Programme"),
        ("/speakers", "Speakers"),
        ("/rooms", "Rooms and tracks"),
        ("/tickets", "Tickets"),
        ("/settings", "Settings"),
    ] {
        let page = text_of(&c, &format!("{base}{path}?lang=en")).await;
        assert!(
            page.contains(&format!("aria-current=\"page\">{current}</a>")),
            "{path}"
        );
        for href in [
            "/programme",
            "/speakers",
            "/rooms",
            "/tickets",
            "/registrations",
            "/checkins",
            "/settings",
        ] {
            assert!(
                page.contains(&format!("href=\"{base}{href}\"")),
                "{path} links to {href}"
            );
        }
    }
    let page = text_of(&c, &format!("{base}/rooms?lang=fr")).await;
    assert!(page.contains("Salles et thématiques"));
    // A text area shows what is stored, line for line, so saving the form unchanged changes
    // nothing.
    send_json(
        &c,
        Method::Patch,
        EV,
        &token,
        json!({"description_fr": "Ligne 1\nLigne 2"}),
    )
    .await;
    let settings = text_of(&c, &format!("{base}/settings")).await;
    assert!(
        settings.contains(">Ligne 1\nLigne 2</textarea>"),
        "{settings}"
    );
    let csrf = csrf_of(&page);

    // Renaming through the edit form; a refusal names the field and keeps the input.
    let edit = text_of(&c, &format!("{base}/rooms/{room}?lang=en")).await;
    assert!(edit.contains("value=\"Garonne\""));
    let (status, to) = post_form(
        &c,
        &format!("{base}/rooms/{room}"),
        format!("csrf={csrf}&name=Garonne+A&capacity=40"),
    )
    .await;
    assert_eq!(
        (status, to.as_str()),
        (
            Status::SeeOther,
            "/admin/events/congres/rooms?done=saved#rooms"
        )
    );
    let (status, html) = post_form(
        &c,
        &format!("{base}/rooms/{room}?lang=en"),
        format!("csrf={csrf}&name=&capacity=beaucoup"),
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("id=\"edit-capacity-error\"") && html.contains("value=\"beaucoup\""));

    // The confirm page says what happens to the session; going on without a choice is refused.
    let confirm = text_of(&c, &format!("{base}/rooms/{room}/remove?lang=en")).await;
    assert!(
        confirm.contains("Ouverture") && confirm.contains("name=\"move_to\""),
        "{confirm}"
    );
    assert!(confirm.contains("Move the sessions and remove the room"));
    let (status, html) = post_form(
        &c,
        &format!("{base}/rooms/{room}/remove?lang=en"),
        format!("csrf={csrf}"),
    )
    .await;
    assert_eq!(status, Status::Conflict);
    assert!(html.contains("Ouverture"));
    let (status, _) = post_form(
        &c,
        &format!("{base}/rooms/{room}/remove"),
        format!("csrf={csrf}&move_to={spare}"),
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let rooms = send_json(&c, Method::Get, &format!("{EV}/rooms"), &token, json!({}))
        .await
        .1;
    assert_eq!(rooms.as_array().unwrap().len(), 1);

    // A ticket type from the form: the price as people write it, refused without Stripe.
    let (status, html) = post_form(&c, &format!("{base}/tickets?lang=en"),
        format!("csrf={csrf}&name=Soutien&name_en=Supporter&price=25%2C50&currency=EUR&attendance=&quota=&sales_start=&sales_end=&position=")).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        html.contains("Paid tickets need the payment settings"),
        "the field is named"
    );
    let (status, _) = post_form(&c, &format!("{base}/tickets"),
        format!("csrf={csrf}&name=Gratuit&name_en=Free&price=0&currency=EUR&attendance=in_person&quota=100&sales_start=&sales_end=&position=")).await;
    assert_eq!(status, Status::SeeOther);
    let tickets = text_of(&c, &format!("{base}/tickets?lang=en&done=added")).await;
    assert!(
        tickets.contains("role=\"status\">Added.</p>"),
        "the organiser is told it worked"
    );
    assert!(
        tickets.contains("Gratuit") && tickets.contains("Stop selling"),
        "{tickets}"
    );
    assert!(
        tickets.contains("Free tickets only"),
        "says why paid ones are not offered"
    );
    // Without the CSRF token nothing happens.
    let (status, _) = post_form(
        &c,
        &format!("{base}/rooms/{spare}/remove"),
        "move_to=".into(),
    )
    .await;
    assert_eq!(status, Status::BadRequest);
    let rooms = send_json(&c, Method::Get, &format!("{EV}/rooms"), &token, json!({}))
        .await
        .1;
    assert_eq!(
        rooms.as_array().unwrap().len(),
        1,
        "the room is still there"
    );
}
