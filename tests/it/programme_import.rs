//! Importing a programme sheet (`POST /api/v1/events/SLUG/programme/import`): the round trip
//! from the Bordeaux demo's export, re-imports that change nothing or exactly what changed,
//! rejected rows by line with nothing written, and files refused whole with a message.

use crate::common::{self, bearer, client_with, json_of, organiser_token, send_json, Backend};

use std::collections::BTreeSet;

use rocket::http::{ContentType, Header, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};
use summit::store;

const BORDEAUX: &str = "bordeaux-nous-les-villes";

async fn sheet(c: &Client, token: &str, slug: &str) -> String {
    let res = c
        .get(format!("/api/v1/events/{slug}/programme.csv"))
        .header(bearer(token))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    res.into_string().await.unwrap()
}

pub(crate) async fn import(
    c: &Client,
    token: &str,
    slug: &str,
    query: &str,
    body: Vec<u8>,
) -> (Status, Value) {
    let res = c
        .post(format!("/api/v1/events/{slug}/programme/import{query}"))
        .header(bearer(token))
        .header(ContentType::new("text", "csv"))
        .header(Header::new("Accept-Language", "en"))
        .body(body)
        .dispatch()
        .await;
    let status = res.status();
    (status, json_of(res).await)
}

/// Every session as the public API shows it: what a round trip must keep.
async fn sessions(c: &Client, slug: &str) -> BTreeSet<String> {
    let res = c
        .get(format!("/api/v1/events/{slug}/sessions"))
        .dispatch()
        .await;
    let list = json_of(res).await;
    // The API names a session's track by its slug; a sheet carries the track's name, so a
    // track created by an import gets a slug of its own: compare tracks by name.
    let token = organiser_token(c).await;
    let res = c
        .get(format!("/api/v1/events/{slug}/tracks"))
        .header(bearer(&token))
        .dispatch()
        .await;
    let tracks: std::collections::HashMap<String, String> = json_of(res)
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["slug"].as_str().unwrap().to_string(),
                t["name_fr"].to_string(),
            )
        })
        .collect();
    let track = |s: &Value| s["track"].as_str().map(|slug| tracks[slug].clone());
    list["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let speakers: Vec<String> = s["speakers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| format!("{} ({})", p["name"], p["role"]))
                .collect();
            format!(
                "{} | {} | {} | {} | {} | {} | {} | {} | {}",
                s["title_fr"],
                s["title_en"],
                s["kind"],
                s["starts_at"],
                s["ends_at"],
                s["room"],
                track(s).unwrap_or_default(),
                s["status"],
                speakers.join("; ")
            )
        })
        .collect()
}

/// A new, empty event on the Bordeaux event's dates, zone and format.
async fn empty_copy_of_bordeaux(c: &Client, token: &str) {
    let b = json_of(c.get(format!("/api/v1/events/{BORDEAUX}")).dispatch().await).await;
    let (status, body) = send_json(
        c,
        Method::Post,
        "/api/v1/events",
        token,
        json!({"slug": "bordeaux-bis", "title": "Bordeaux bis", "timezone": b["timezone"],
            "starts_at": b["starts_at"], "ends_at": b["ends_at"], "format": b["format"],
            "status": "published"}),
    )
    .await;
    assert_eq!(status, Status::Created, "{body}");
}

#[rocket::async_test]
async fn the_bordeaux_sheet_imported_into_a_new_event_gives_the_same_163_sessions() {
    for backend in common::BACKENDS {
        let c = client_with(backend, true).await;
        let token = organiser_token(&c).await;
        let exported = sheet(&c, &token, BORDEAUX).await;
        empty_copy_of_bordeaux(&c, &token).await;

        let (status, dry) = import(
            &c,
            &token,
            "bordeaux-bis",
            "?dry_run=true",
            exported.clone().into(),
        )
        .await;
        assert_eq!(status, Status::Ok, "{dry}");
        assert_eq!(dry["applied"], false);
        assert_eq!(dry["to_add"].as_array().unwrap().len(), 163);
        assert_eq!(dry["rooms_to_create"].as_array().unwrap().len(), 7);
        assert!(
            sessions(&c, "bordeaux-bis").await.is_empty(),
            "a dry run writes nothing"
        );

        let (status, done) = import(&c, &token, "bordeaux-bis", "", exported.into()).await;
        assert_eq!(status, Status::Ok, "{done}");
        assert_eq!(done["applied"], true);
        let copied = sessions(&c, "bordeaux-bis").await;
        assert_eq!(copied.len(), 163, "{backend:?}");
        assert_eq!(copied, sessions(&c, BORDEAUX).await, "{backend:?}");
        let audit = store::audit::recent(common::db(&c), 5).await.unwrap();
        assert!(audit
            .iter()
            .any(|(_, actor, action, subject)| action == "import-programme"
                && actor == "organiser:api-token"
                && subject.starts_with("bordeaux-bis")));
    }
}

#[rocket::async_test]
async fn re_importing_an_events_own_sheet_changes_nothing() {
    let c = common::demo_client().await;
    let token = organiser_token(&c).await;
    let before = sessions(&c, BORDEAUX).await;
    let exported = sheet(&c, &token, BORDEAUX).await;
    let (status, dry) = import(&c, &token, BORDEAUX, "?dry_run=true", exported.into()).await;
    assert_eq!(status, Status::Ok, "{dry}");
    assert_eq!(dry["to_add"], json!([]));
    assert_eq!(dry["to_update"], json!([]));
    assert_eq!(dry["unchanged"], 163);
    assert_eq!(dry["rooms_to_create"], json!([]));
    assert_eq!(dry["speakers_to_create"], json!([]));
    assert_eq!(sessions(&c, BORDEAUX).await, before);
}

/// The sheet's rows (header first), and a row changed by `edit` where column 0 is `id`.
fn edited(sheet: &str, id: &str, edit: impl Fn(&mut Vec<String>)) -> String {
    let mut reader = csv::Reader::from_reader(sheet.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    for record in reader.records() {
        let mut row: Vec<String> = record.unwrap().iter().map(str::to_string).collect();
        if row[0] == id {
            edit(&mut row);
        }
        w.write_record(&row).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

fn rows(sheet: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(sheet.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[rocket::async_test]
async fn a_sheet_with_one_session_moved_and_one_renamed_updates_exactly_those_two() {
    for backend in common::BACKENDS {
        let c = client_with(backend, true).await;
        let token = organiser_token(&c).await;
        let exported = sheet(&c, &token, BORDEAUX).await;
        let all = rows(&exported);
        let first_day = all.iter().map(|r| r[1].clone()).min().unwrap();
        // A session that takes sign-ups, on a later day, moves to 07:00, before anything else
        // that day; someone signed up for it is to be told.
        let moved = all
            .iter()
            .find(|r| r[1] != first_day && r[14] == "oui" && r[15] == "scheduled")
            .unwrap();
        let signup = json!({"name": "Inès Martin", "email": "ines@example.org",
            "attendance": "in_person", "language": "fr", "sessions": [moved[0].parse::<i64>().unwrap()]});
        let (registered, _) = common::register_via_api(&c, BORDEAUX, signup).await;
        let renamed = all.iter().find(|r| r[0] != moved[0]).unwrap();
        let sheet = edited(&exported, &moved[0], |r| {
            r[2] = "07:00".into();
            r[3] = "07:30".into();
        });
        let sheet = edited(&sheet, &renamed[0], |r| r[4] = "Un titre tout neuf".into());
        let event = store::events::find(common::db(&c), BORDEAUX)
            .await
            .unwrap()
            .unwrap();
        let seq = |s: store::sessions::Session| s.sequence;
        let db = common::db(&c);
        let moved_id: i64 = moved[0].parse().unwrap();
        let renamed_id: i64 = renamed[0].parse().unwrap();
        let before = (
            seq(store::sessions::get(db, event.id, moved_id).await.unwrap()),
            seq(store::sessions::get(db, event.id, renamed_id)
                .await
                .unwrap()),
        );

        let (status, done) = import(&c, &token, BORDEAUX, "", sheet.into()).await;
        assert_eq!(status, Status::Ok, "{done}");
        let updates = done["to_update"].as_array().unwrap();
        assert_eq!(updates.len(), 2, "{backend:?}: {done}");
        assert_eq!(
            updates.iter().find(|u| u["id"] == moved_id).unwrap()["changes"],
            json!(["starts_at", "ends_at"])
        );
        assert_eq!(
            updates.iter().find(|u| u["id"] == renamed_id).unwrap()["changes"],
            json!(["title_fr"])
        );
        assert_eq!(done["unchanged"], 161);
        let after = (
            store::sessions::get(db, event.id, moved_id).await.unwrap(),
            store::sessions::get(db, event.id, renamed_id)
                .await
                .unwrap(),
        );
        assert_eq!(
            (after.0.sequence, after.1.sequence),
            (before.0 + 1, before.1 + 1)
        );
        assert_eq!(after.1.title_fr, "Un titre tout neuf");
        let queued = store::outbox::for_registration(db, registered["id"].as_i64().unwrap())
            .await
            .unwrap();
        assert!(
            queued
                .iter()
                .any(|m| m.message_kind == summit::domain::OutboxKind::SessionChanged),
            "{backend:?}: the change notice is queued for who signed up"
        );
        let page = c
            .get(format!("/events/{BORDEAUX}/sessions/{moved_id}?lang=en"))
            .dispatch()
            .await;
        assert!(page.into_string().await.unwrap().contains("07:00"));
    }
}

#[rocket::async_test]
async fn a_sheet_with_five_bad_rows_reports_them_by_line_and_applies_nothing() {
    let c = client_with(Backend::Sqlite, true).await;
    let token = organiser_token(&c).await;
    empty_copy_of_bordeaux(&c, &token).await;
    let exported = sheet(&c, &token, BORDEAUX).await;
    let day = rows(&exported)[0][1].clone();
    let sheet = format!(
        "date;début;fin;titre_fr;type;salle\n\
         {day};10:00;11:00;Bonne;keynote;Salle A\n\
         2027-02-30;10:00;11:00;Date fausse;keynote;\n\
         {day};11:00;10:00;À l’envers;keynote;\n\
         1999-01-01;10:00;11:00;Hors de l’événement;keynote;\n\
         {day};12:00;13:00;Genre inconnu;dance;\n\
         {day};10:30;11:30;Même salle;keynote;salle a\n"
    );
    for query in ["?dry_run=true", ""] {
        let (status, report) =
            import(&c, &token, "bordeaux-bis", query, sheet.clone().into()).await;
        assert_eq!(status, Status::UnprocessableEntity, "{report}");
        assert_eq!(report["applied"], false);
        assert_eq!(report["error"]["code"], "invalid");
        assert_eq!(
            report["error"]["message"],
            "5 rows are rejected: nothing was imported."
        );
        assert!(report["error"]["fields"]["line 5"].is_string(), "{report}");
        let lines: Vec<i64> = report["rejected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["line"].as_i64().unwrap())
            .collect();
        assert_eq!(lines, vec![3, 4, 5, 6, 7]);
        let messages: Vec<&str> = report["rejected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["message"].as_str().unwrap())
            .collect();
        assert!(messages[0].contains("Unreadable date"), "{messages:?}");
        assert!(messages[4].contains("“Bonne”"), "{messages:?}");
    }
    assert!(sessions(&c, "bordeaux-bis").await.is_empty());
    let rooms = json_of(
        c.get("/api/v1/events/bordeaux-bis/rooms")
            .header(bearer(&token))
            .dispatch()
            .await,
    )
    .await;
    assert_eq!(rooms, json!([]), "no room half-created");
}

#[rocket::async_test]
async fn files_too_large_or_not_csv_are_refused_with_a_message() {
    let c = client_with(Backend::Sqlite, true).await;
    let token = organiser_token(&c).await;
    let cases: [(Vec<u8>, &str); 4] = [
        (vec![b'a'; 2 * 1024 * 1024 + 10], "size limit"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe".to_vec(), "UTF-8"),
        // Read as a frab schedule by its content, but one without days.
        (
            br#"{"schedule": {"conference": {}}}"#.to_vec(),
            "not a frab schedule",
        ),
        (
            format!(
                "date,start,end,title_en,kind\n{}",
                "2027-06-15,09:00,10:00,A,keynote\n".repeat(2001)
            )
            .into_bytes(),
            "2000 rows",
        ),
    ];
    for (body, words) in cases {
        let (status, answer) = import(&c, &token, BORDEAUX, "?dry_run=true", body).await;
        assert_eq!(status, Status::BadRequest, "{answer}");
        let message = answer["error"]["message"].as_str().unwrap();
        assert!(message.contains(words), "{message}");
    }
    let (status, _) = import(&c, "not-a-token", BORDEAUX, "", b"date".to_vec()).await;
    assert_eq!(status, Status::Unauthorized);
}
