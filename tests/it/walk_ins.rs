//! Walk-ins: door staff register someone who turned up unregistered and let them in at once,
//! with the places and the waiting list holding exactly as online.

use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};
use summit::app::organise;
use summit::app::walk_ins::{self, Entry};
use summit::auth::Staff;
use summit::domain::validate::Input;
use summit::domain::StaffRole;
use summit::store::{self, Db};

use crate::common::{self, bearer, fresh_db, json_of, BACKENDS};

async fn summit_event(db: &Db, capacity: &str) -> store::events::Event {
    common::june_event(
        db,
        "forum-des-maires",
        "Forum des maires",
        &[("in_person_capacity", capacity)],
    )
    .await
}

async fn walk_in(c: &Client, token: &str, body: Value) -> (Status, Value) {
    let res = c
        .post("/api/v1/events/forum-des-maires/walk-ins?lang=en")
        .header(bearer(token))
        .header(ContentType::JSON)
        .body(body.to_string())
        .dispatch()
        .await;
    let status = res.status();
    (status, json_of(res).await)
}

async fn scan(c: &Client, token: &str, code: &str) -> Value {
    let res = c
        .post("/api/v1/checkins")
        .header(bearer(token))
        .header(ContentType::JSON)
        .body(json!({"code": code, "gate": "Hall A"}).to_string())
        .dispatch()
        .await;
    json_of(res).await
}

#[rocket::async_test]
async fn a_walk_in_is_registered_and_let_in_at_once_and_a_known_address_is_found() {
    for backend in BACKENDS {
        let c = common::client_with(backend, false).await;
        let db = common::db(&c);
        let event = summit_event(db, "100").await;
        let door = store::staff::create_token(db, StaffRole::Door, Some(event.id), "Hall A")
            .await
            .unwrap();

        // No e-mail: registered, checked in at the gate, a badge code to print.
        let (status, body) = walk_in(
            &c,
            &door,
            json!({"name": "Aminata Kaboré-Sanou", "organisation": "Ville de Ouagadougou", "gate": "Hall A"}),
        )
        .await;
        assert_eq!(status, Status::Created, "{backend:?} {body}");
        assert_eq!(body["verdict"], "admitted", "{body}");
        assert_eq!(body["status"], "confirmed");
        assert_eq!(body["attendee"]["name"], "Aminata Kaboré-Sanou");
        let code = body["code"].as_str().expect("a badge code");
        assert_eq!(scan(&c, &door, code).await["verdict"], "already_checked_in");
        // Nothing is written to the placeholder address.
        let r = store::registrations::get(db, body["registration_id"].as_i64().unwrap())
            .await
            .unwrap();
        assert!(summit::domain::walk_in::is_placeholder(&r.email));
        assert_eq!(
            store::outbox::pending_count(db).await.unwrap(),
            0,
            "{backend:?}"
        );

        // Someone registered online who lost their confirmation: found, let in, no second one.
        common::register_via_api(
            &c,
            "forum-des-maires",
            json!({"name": "Louis Lacaze-Moreau",
            "email": "louis@example.org", "attendance": "in_person", "language": "fr"}),
        )
        .await;
        let (status, body) = walk_in(
            &c,
            &door,
            json!({"name": "Louis Lacaze-Moreau", "email": "LOUIS@example.org"}),
        )
        .await;
        assert_eq!(status, Status::Ok, "{body}");
        assert_eq!(body["existing"], true);
        assert_eq!(body["verdict"], "admitted");
        let (_, all) = walk_ins::count(db, event.id).await.unwrap();
        assert_eq!(all, 1, "{backend:?}: only the new person is a walk-in");

        // With an e-mail: their personal link goes out like any registration's.
        let (status, body) = walk_in(
            &c,
            &door,
            json!({"name": "Issa Béouindé", "email": "issa@example.org"}),
        )
        .await;
        assert_eq!(
            (status, body["verdict"].as_str()),
            (Status::Created, Some("admitted"))
        );
        assert!(store::outbox::pending_count(db).await.unwrap() >= 1);

        // Bad input names the field, in the caller's language; nothing is written.
        let (status, body) =
            walk_in(&c, &door, json!({"name": "", "email": "not an address"})).await;
        assert_eq!(status, Status::UnprocessableEntity);
        assert!(
            body["error"]["fields"]["name"].is_string()
                && body["error"]["fields"]["email"].is_string(),
            "{body}"
        );
        // A door token for another event may not register here.
        let elsewhere = organise::create_event(
            db,
            &Input::from_pairs([
                ("slug", "autre-forum"),
                ("title", "Autre forum"),
                ("timezone", "Europe/Paris"),
                ("starts_at", "2027-09-15T08:00"),
                ("ends_at", "2027-09-15T18:00"),
                ("format", "in_person"),
            ]),
        )
        .await
        .unwrap();
        let other =
            store::staff::create_token(db, StaffRole::Door, Some(elsewhere.id), "elsewhere")
                .await
                .unwrap();
        let (status, _) = walk_in(&c, &other, json!({"name": "Personne"})).await;
        assert_eq!(status, Status::Forbidden);
        let (_, all) = walk_ins::count(db, event.id).await.unwrap();
        assert_eq!(all, 2, "{backend:?}");

        // The organisers see walk-ins apart, on the doors' page and the dashboard.
        common::sign_in_organiser(&c, "org@example.org", None).await;
        let doors = common::text_of(&c, "/admin/events/forum-des-maires/checkins?lang=en").await;
        assert!(
            doors.contains("2 registered at the door (2 let in)"),
            "{backend:?}"
        );
        let dashboard =
            common::text_of(&c, "/admin/events/forum-des-maires/dashboard?lang=en").await;
        let figure = &dashboard[dashboard
            .find("Registered at the door (walk-ins)")
            .expect("the walk-ins figure")..];
        assert!(figure.contains("Let in</th><td>2</td>"), "{backend:?}");
    }
}

fn door_staff(n: usize) -> Staff {
    Staff {
        role: StaffRole::Door,
        event_id: None,
        email: None,
        via_cookie: false,
        key: format!("token:{n}"),
    }
}

/// Twenty doors register walk-ins at once for the last five places: five go in, fifteen wait.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_doors_at_once_for_the_last_five_places_let_five_in() {
    for backend in BACKENDS {
        let db = fresh_db(backend).await;
        let event = summit_event(&db, "5").await;
        let doors: Vec<_> = (0..20)
            .map(|n| {
                let db = db.clone();
                tokio::spawn(async move {
                    let input = Input::from_pairs([
                        ("name", format!("Visiteur {n}")),
                        ("gate", format!("Porte {n}")),
                    ]);
                    let w = walk_ins::walk_in(
                        &db,
                        &door_staff(n),
                        "forum-des-maires",
                        &input,
                        summit::i18n::Lang::Fr,
                    )
                    .await
                    .unwrap();
                    matches!(w.entry, Entry::In { .. })
                })
            })
            .collect();
        let mut admitted = 0;
        for door in doors {
            admitted += door.await.unwrap() as usize;
        }
        assert_eq!(admitted, 5, "{backend:?}");
        assert_eq!(
            walk_ins::count(&db, event.id).await.unwrap(),
            (5, 20),
            "{backend:?}"
        );
        let counts = store::checkins::counts(&db, event.id).await.unwrap();
        let checked_in: i64 = counts.by_gate.iter().map(|(_, n)| n).sum();
        assert_eq!(checked_in, 5, "{backend:?}: five checked in");
    }
}
