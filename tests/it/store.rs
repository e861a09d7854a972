//! Store tests: every scenario runs on a fresh SQLite file and on the real PostgreSQL.

use crate::common;

use common::{on_both, Backend};
use summit::app::agenda::Agenda;
use summit::app::organise;
use summit::domain::validate::Input;
use summit::domain::StaffRole;
use summit::store::{self, Db};
use summit::Error;

async fn summit_event(db: &Db) -> store::events::Event {
    let input = Input::from_pairs([
        ("slug", "city-summit"),
        ("title_fr", "Sommet des villes"),
        ("title_en", "City summit"),
        ("timezone", "Europe/Paris"),
        ("starts_at", "2027-06-15T08:00"),
        ("ends_at", "2027-06-16T18:00"),
        ("format", "hybrid"),
        ("status", "published"),
        ("stream_url", "https://stream.example.org/secret-room"),
    ]);
    organise::create_event(db, &input).await.unwrap()
}

fn session_input(title: &str, start: &str, end: &str, room: i64, speakers: &[i64]) -> Input {
    let people: Vec<_> = speakers
        .iter()
        .map(|id| serde_json::json!({"speaker_id": id, "role": "speaker"}))
        .collect();
    Input::from_json(&serde_json::json!({
        "title": title, "kind": "panel", "starts_at": start, "ends_at": end,
        "room_id": room, "speakers": people,
    }))
    .unwrap()
}

#[rocket::async_test]
async fn events_round_trip_and_slugs_are_unique() {
    on_both(|db, backend| async move {
        let event = summit_event(&db).await;
        let found = store::events::get(&db, "city-summit").await.unwrap();
        assert_eq!(found.title_en, "City summit", "{backend:?}");
        assert_eq!(found.starts_at, event.starts_at);
        assert_eq!(
            found.stream_url.as_deref(),
            Some("https://stream.example.org/secret-room")
        );
        let again = Input::from_pairs([
            ("slug", "city-summit"),
            ("title", "Again"),
            ("timezone", "UTC"),
            ("starts_at", "2027-01-01T10:00"),
            ("ends_at", "2027-01-01T12:00"),
            ("format", "virtual"),
        ]);
        let err = organise::create_event(&db, &again).await.unwrap_err();
        assert!(
            matches!(&err, Error::Unprocessable { fields } if fields.contains_key("slug")),
            "{backend:?}: {err:?}"
        );
        assert_eq!(store::events::count(&db).await.unwrap(), 1);
    })
    .await;
}

#[rocket::async_test]
async fn double_bookings_are_refused_naming_the_other_session() {
    on_both(|db, backend| async move {
        let event = summit_event(&db).await;
        let room = store::events::add_room(&db, event.id, "Garonne", Some(300))
            .await
            .unwrap();
        let other_room = store::events::add_room(&db, event.id, "Mauriac", None)
            .await
            .unwrap();
        let speaker = summit::app::speakers::add(
            &db,
            &summit::auth::Staff::demo_loader(),
            &event,
            &Input::from_pairs([("name", "Awa Diallo")]),
            None,
        )
        .await
        .unwrap();
        let agenda = Agenda::load(&db, event.clone()).await.unwrap();
        let first = organise::create_session(
            &db,
            &agenda,
            &session_input(
                "Open data",
                "2027-06-15T10:00",
                "2027-06-15T11:00",
                room.id,
                &[speaker.id],
            ),
        )
        .await
        .unwrap();

        let agenda = Agenda::load(&db, event.clone()).await.unwrap();
        let err = organise::create_session(
            &db,
            &agenda,
            &session_input(
                "Ethical AI",
                "2027-06-15T10:30",
                "2027-06-15T11:30",
                room.id,
                &[],
            ),
        )
        .await
        .unwrap_err();
        assert_eq!(err.status().code, 409, "{backend:?}");
        let message = err.body(summit::i18n::Lang::En).error.message;
        assert!(
            message.contains("Open data") && message.contains("10:00"),
            "{message}"
        );

        let err = organise::create_session(
            &db,
            &agenda,
            &session_input(
                "Inclusion",
                "2027-06-15T10:45",
                "2027-06-15T11:15",
                other_room.id,
                &[speaker.id],
            ),
        )
        .await
        .unwrap_err();
        assert!(
            matches!(&err, Error::Conflict { fields, .. } if fields.contains_key("speakers")),
            "{err:?}"
        );
        assert!(err
            .body(summit::i18n::Lang::Fr)
            .error
            .message
            .contains("Awa Diallo"));

        // Back to back is fine; moving onto the other session is re-checked.
        let second = organise::create_session(
            &db,
            &agenda,
            &session_input(
                "Ethical AI",
                "2027-06-15T11:00",
                "2027-06-15T12:00",
                room.id,
                &[speaker.id],
            ),
        )
        .await
        .unwrap();
        let agenda = Agenda::load(&db, event.clone()).await.unwrap();
        let moved = organise::update_session(
            &db,
            &agenda,
            second.id,
            Input::from_pairs([("starts_at", "2027-06-15T10:30")]),
        )
        .await;
        assert_eq!(moved.unwrap_err().status().code, 409);
        let moved = organise::update_session(
            &db,
            &agenda,
            second.id,
            Input::from_pairs([
                ("room_id", other_room.id.to_string()),
                ("starts_at", "2027-06-15T11:15".to_string()),
            ]),
        )
        .await
        .unwrap();
        assert_eq!(
            moved.sequence,
            second.sequence + 1,
            "a move raises the calendar SEQUENCE"
        );
        assert_eq!(moved.room_id, Some(other_room.id));

        let agenda = Agenda::load(&db, event.clone()).await.unwrap();
        assert_eq!(agenda.sessions.len(), 2);
        assert_eq!(agenda.people(first.id).len(), 1);
        store::sessions::delete(&db, event.id, first.id)
            .await
            .unwrap();
        let agenda = Agenda::load(&db, event).await.unwrap();
        assert_eq!(agenda.sessions.len(), 1);
    })
    .await;
}

#[rocket::async_test]
async fn rooms_tracks_and_tickets() {
    on_both(|db, backend| async move {
        let event = summit_event(&db).await;
        let who = summit::auth::Staff::demo_loader();
        summit::app::rooms::add(
            &db,
            &who,
            &event,
            &Input::from_pairs([("name", "Atelier A"), ("capacity", "40")]),
        )
        .await
        .unwrap();
        let dup = summit::app::rooms::add(
            &db,
            &who,
            &event,
            &Input::from_pairs([("name", "Atelier A")]),
        )
        .await
        .unwrap_err();
        assert_eq!(dup.status().code, 422, "{backend:?}");
        let track = summit::app::tracks::add(
            &db,
            &who,
            &event,
            &Input::from_pairs([
                ("name_fr", "Données ouvertes"),
                ("name_en", "Open data"),
                ("color", "#1f5f8b"),
            ]),
        )
        .await
        .unwrap();
        assert_eq!(track.slug, "open-data");
        let bad = summit::app::tracks::add(
            &db,
            &who,
            &event,
            &Input::from_pairs([("name", "X"), ("color", "red")]),
        )
        .await
        .unwrap_err();
        assert!(bad.fields().unwrap().contains_key("color"));
        let free = summit::app::tickets::add(
            &db,
            &who,
            &event,
            &Input::from_pairs([("name", "Standard")]),
            false,
        )
        .await
        .unwrap();
        assert_eq!((free.price_cents, free.currency.as_str()), (0, "EUR"));
        let paid = summit::app::tickets::add(
            &db,
            &who,
            &event,
            &Input::from_pairs([("name", "Gala"), ("price_cents", "5000")]),
            false,
        )
        .await
        .unwrap_err();
        assert!(
            paid.fields().unwrap().contains_key("price_cents"),
            "no Stripe keys, no paid tickets"
        );
        assert_eq!(store::tickets::list(&db, event.id).await.unwrap().len(), 1);
    })
    .await;
}

#[rocket::async_test]
async fn tokens_and_staff_accounts_are_stored_hashed() {
    on_both(|db, backend| async move {
        let token = store::staff::create_token(&db, StaffRole::Door, None, "gate A")
            .await
            .unwrap();
        let found = store::staff::find_token(&db, &token)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found.role, StaffRole::Door, "{backend:?}");
        assert!(store::staff::find_token(&db, "not-a-token")
            .await
            .unwrap()
            .is_none());
        let (user, setup) =
            store::staff::add_user(&db, "Orga@Ville.fr", StaffRole::Organiser, None)
                .await
                .unwrap();
        assert_eq!(user.email, "orga@ville.fr");
        assert!(user.password_hash.is_none());
        let dup = store::staff::add_user(&db, "orga@ville.fr", StaffRole::Door, None)
            .await
            .unwrap_err();
        assert_eq!(
            summit::Error::from(dup).status().code,
            422,
            "answered as invalid"
        );
        let hash = summit::domain::secret::hash_password("a long enough password").unwrap();
        store::staff::complete_setup(&db, &setup, &hash)
            .await
            .unwrap();
        assert!(
            store::staff::complete_setup(&db, &setup, &hash)
                .await
                .is_err(),
            "set-up links work once"
        );
        let user = store::staff::user_by_email(&db, "ORGA@ville.fr")
            .await
            .unwrap()
            .unwrap();
        assert!(summit::domain::secret::verify_password(
            "a long enough password",
            user.password_hash.as_deref().unwrap()
        ));
    })
    .await;
}

#[rocket::async_test]
async fn the_demo_events_load_through_the_same_rules() {
    on_both(|db, backend| async move {
        assert_eq!(
            summit::demo::load_if_empty(&db).await.unwrap(),
            5,
            "{backend:?}"
        );
        assert_eq!(
            summit::demo::load_if_empty(&db).await.unwrap(),
            0,
            "loaded once only"
        );
        let bordeaux = store::events::get(&db, "bordeaux-nous-les-villes")
            .await
            .unwrap();
        let agenda = Agenda::load(&db, bordeaux).await.unwrap();
        assert!(
            agenda.sessions.len() >= 150,
            "{} sessions",
            agenda.sessions.len()
        );
        let tz = agenda.event.tz();
        let days: std::collections::BTreeSet<_> = agenda
            .sessions
            .iter()
            .map(|s| summit::domain::time::day(s.starts_at, tz))
            .collect();
        assert_eq!(days.len(), 3);
        assert!(agenda.rooms.len() >= 3);
        let tracks: Vec<_> = agenda
            .tracks
            .iter()
            .map(|t| t.name_en.to_lowercase())
            .collect();
        for wanted in ["inclusion", "open data", "ethical ai"] {
            assert!(
                tracks.iter().any(|t| t.contains(wanted)),
                "track {wanted} in {tracks:?}"
            );
        }
        if backend == Backend::Postgres {
            assert_eq!(store::events::count(&db).await.unwrap(), 5);
        }
    })
    .await;
}
