//! The programme import in the organisers' pages (`/admin/events/SLUG/programme/import`):
//! a real multipart upload, the dry run's report (nothing written), the apply in the
//! background; bad rows reported by line; a session typed between the dry run and the apply
//! refuses the apply. frab schedules are in `programme_import_frab`.

use std::collections::BTreeSet;

use rocket::http::{ContentType, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::json;
use summit::store;

use crate::common::{
    self, bearer, client_with, csrf_of, json_of, organiser_token, send_json, sign_in_organiser,
    text_of, Backend,
};

pub(crate) const BORDEAUX: &str = "bordeaux-nous-les-villes";
pub(crate) const COPY: &str = "bordeaux-bis";

/// The app with the demo, an organiser signed in (cookie) and an API token.
pub(crate) async fn organiser(backend: Backend) -> (Client, String) {
    let c = client_with(backend, true).await;
    sign_in_organiser(&c, "prog@example.org", None).await;
    let token = organiser_token(&c).await;
    (c, token)
}

/// A new, empty event on the Bordeaux event's dates, zone, format and venue.
pub(crate) async fn empty_copy_of_bordeaux(c: &Client, token: &str) {
    let b = json_of(c.get(format!("/api/v1/events/{BORDEAUX}")).dispatch().await).await;
    let (status, body) = send_json(
        c,
        Method::Post,
        "/api/v1/events",
        token,
        json!({"slug": COPY, "title": "Bordeaux bis", "timezone": b["timezone"],
            "starts_at": b["starts_at"], "ends_at": b["ends_at"], "format": b["format"],
            "venue": b["venue"], "status": "published"}),
    )
    .await;
    assert_eq!(status, Status::Created, "{body}");
}

/// Sends `file` through the import page's form, as a browser does; answers the status and
/// the report page's address (or the page, when refused).
pub(crate) async fn upload(
    c: &Client,
    slug: &str,
    name: &str,
    file: &[u8],
    lang: &str,
) -> (Status, String) {
    let form = text_of(c, &format!("/admin/events/{slug}/programme/import")).await;
    let csrf = csrf_of(&form);
    let boundary = "summit-programme-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let res = c
        .post(format!("/admin/events/{slug}/programme/import?lang={lang}"))
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", boundary)))
        .body(body)
        .dispatch()
        .await;
    let status = res.status();
    let location = res.headers().get_one("Location").map(str::to_string);
    (
        status,
        location.unwrap_or(res.into_string().await.unwrap_or_default()),
    )
}

/// Presses "Apply" on the report page and waits for the background job to finish; answers
/// the report page then (in English).
pub(crate) async fn apply(c: &Client, report: &str) -> String {
    let page = text_of(c, &format!("{report}?lang=en")).await;
    assert!(page.contains("Apply the import"), "{page}");
    let res = c
        .post(format!("{report}/apply"))
        .header(ContentType::Form)
        .body(format!("csrf={}", csrf_of(&page)))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    for _ in 0..200 {
        let page = text_of(c, &format!("{report}?lang=en")).await;
        if !page.contains("being applied") {
            return page;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import never finished");
}

/// Every session as the public API shows it, in the terms frab keeps: French title, kind,
/// times, room, track name, speakers with their roles.
pub(crate) async fn sessions(c: &Client, token: &str, slug: &str) -> BTreeSet<String> {
    let list = json_of(
        c.get(format!("/api/v1/events/{slug}/sessions"))
            .dispatch()
            .await,
    )
    .await;
    let res = c
        .get(format!("/api/v1/events/{slug}/tracks"))
        .header(bearer(token))
        .dispatch()
        .await;
    let tracks: std::collections::HashMap<String, String> = json_of(res)
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["slug"].as_str().unwrap().into(), t["name_fr"].to_string()))
        .collect();
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
            let track = s["track"].as_str().map(|t| tracks[t].clone());
            format!(
                "{} | {} | {} | {} | {} | {} | {}",
                s["title_fr"],
                s["kind"],
                s["starts_at"],
                s["ends_at"],
                s["room"],
                track.unwrap_or_default(),
                speakers.join("; ")
            )
        })
        .collect()
}

#[rocket::async_test]
async fn an_uploaded_sheet_is_dry_run_then_applied_in_the_background() {
    for backend in common::BACKENDS {
        let (c, token) = organiser(backend).await;
        empty_copy_of_bordeaux(&c, &token).await;
        let programme = text_of(&c, &format!("/admin/events/{COPY}/programme?lang=en")).await;
        assert!(programme.contains(&format!("href=\"/admin/events/{COPY}/programme/import\"")));
        let form = text_of(
            &c,
            &format!("/admin/events/{COPY}/programme/import?lang=fr"),
        )
        .await;
        assert!(form.contains("Importer un programme"));
        assert!(
            form.contains("programme.csv?lang"),
            "the current sheet as a template"
        );

        let sheet = "date;début;durée;titre_fr;type;salle;intervenants\n\
                     2027-06-15;10:00;60;Ouverture;plenary;Salle Neuve;Ana Lima (moderator)\n\
                     2027-06-15;11:00;1:30;Atelier vélo;workshop;Salle Neuve;Ana Lima\n";
        let (status, report) = upload(&c, COPY, "programme.csv", sheet.as_bytes(), "en").await;
        assert_eq!(status, Status::SeeOther, "{report}");
        let page = text_of(&c, &format!("{report}?lang=en")).await;
        assert!(page.contains("2 sessions to add, 0 to update"), "{page}");
        assert!(page.contains("Salle Neuve") && page.contains("Ana Lima"));
        assert!(
            sessions(&c, &token, COPY).await.is_empty(),
            "a dry run writes nothing"
        );

        let done = apply(&c, &report).await;
        assert!(
            done.contains("Import applied: 2 sessions added, 0 updated."),
            "{done}"
        );
        assert!(done.contains(&format!("href=\"/admin/events/{COPY}/timetable\"")));
        let now = sessions(&c, &token, COPY).await;
        assert_eq!(now.len(), 2, "{backend:?}");
        assert!(now.iter().any(|s| s.contains("Atelier vélo")
            && s.contains("T11:00:00+02:00")
            && s.contains("T12:30:00+02:00")));
        // A second press of the button imports nothing twice.
        let page = text_of(&c, &format!("{report}?lang=en")).await;
        assert!(!page.contains("Apply the import"));
        assert_eq!(sessions(&c, &token, COPY).await.len(), 2);
    }
}

#[rocket::async_test]
async fn bad_rows_are_reported_by_line_and_nothing_is_applied() {
    for backend in common::BACKENDS {
        let (c, token) = organiser(backend).await;
        let sheet = "date;début;fin;titre_fr;type;salle\n\
                     2027-06-15;10:00;11:00;Bon;plenary;Salle Neuve\n\
                     15 juin;10:00;11:00;Date illisible;plenary;\n\
                     2027-06-15;12:00;11:00;Fin avant début;plenary;\n\
                     2031-01-01;10:00;11:00;Hors de l'événement;plenary;\n\
                     2027-06-15;14:00;15:00;Genre inconnu;party;\n\
                     2027-06-15;10:30;11:30;Même salle;workshop;Salle Neuve\n";
        let before = sessions(&c, &token, BORDEAUX).await;
        let (status, report) = upload(&c, BORDEAUX, "bad.csv", sheet.as_bytes(), "en").await;
        assert_eq!(status, Status::SeeOther, "{report}");
        let page = text_of(&c, &format!("{report}?lang=en")).await;
        assert!(page.contains("5 rows are rejected"), "{page}");
        for line in 3..=7 {
            assert!(
                page.contains(&format!("<th scope=\"row\">{line}</th>")),
                "line {line}"
            );
        }
        assert!(page.contains("Unreadable date"), "{page}");
        assert!(
            page.contains("already booked at that time by “Bon”"),
            "{page}"
        );
        assert!(
            !page.contains("Apply the import"),
            "no apply while rows are rejected"
        );
        let fr = text_of(&c, &format!("{report}?lang=fr")).await;
        assert!(fr.contains("Date illisible"), "{fr}");
        assert_eq!(sessions(&c, &token, BORDEAUX).await, before, "{backend:?}");
    }
}

#[rocket::async_test]
async fn files_that_are_no_programme_are_refused_on_the_form_in_the_visitors_language() {
    let (c, _) = organiser(Backend::Sqlite).await;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let (status, page) = upload(&c, BORDEAUX, "photo.png", png, "en").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("The file is not UTF-8 text"), "{page}");
    assert!(page.contains("aria-invalid=\"true\""));
    let (status, page) = upload(&c, BORDEAUX, "notes.txt", b"bonjour\n", "fr").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Le fichier n’est pas un programme"), "{page}");
    let (status, page) = upload(&c, BORDEAUX, "s.xml", b"<schedule><day>", "en").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("not readable XML (line 1)"), "{page}");
    let big = vec![b'a'; 2 * 1024 * 1024 + 10];
    let (status, page) = upload(&c, BORDEAUX, "big.csv", &big, "en").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("over the size limit (2 MiB)"), "{page}");
    let (status, page) = upload(&c, BORDEAUX, "", b"", "en").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Choose the programme file"), "{page}");
}

#[rocket::async_test]
async fn a_session_typed_between_the_dry_run_and_the_apply_refuses_the_apply() {
    for backend in common::BACKENDS {
        let (c, token) = organiser(backend).await;
        empty_copy_of_bordeaux(&c, &token).await;
        let (status, room) = send_json(
            &c,
            Method::Post,
            &format!("/api/v1/events/{COPY}/rooms"),
            &token,
            json!({"name": "Salle A"}),
        )
        .await;
        assert_eq!(status, Status::Created, "{room}");
        let sheet =
            "date;début;fin;titre_fr;type;salle\n2027-06-15;10:00;11:00;Importée;plenary;Salle A\n";
        let (_, report) = upload(&c, COPY, "p.csv", sheet.as_bytes(), "en").await;
        let page = text_of(&c, &format!("{report}?lang=en")).await;
        assert!(page.contains("Apply the import"), "{page}");

        // Another organiser books the room meanwhile.
        let (status, typed) = send_json(
            &c,
            Method::Post,
            &format!("/api/v1/events/{COPY}/sessions"),
            &token,
            json!({"title": "Tapée entre-temps", "kind": "workshop", "room_id": room["id"],
                "starts_at": "2027-06-15T10:30:00+02:00", "ends_at": "2027-06-15T11:30:00+02:00"}),
        )
        .await;
        assert_eq!(status, Status::Created, "{typed}");
        let res = c
            .post(format!("{report}/apply"))
            .header(ContentType::Form)
            .body(format!("csrf={}", csrf_of(&page)))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::SeeOther);
        let mut done = String::new();
        for _ in 0..200 {
            done = text_of(&c, &format!("{report}?lang=en")).await;
            if !done.contains("being applied") {
                break;
            }
            rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(done.contains("Nothing was imported"), "{done}");
        assert!(
            done.contains("Tapée entre-temps"),
            "the reason names the session: {done}"
        );
        assert!(!done.contains("Apply the import"));
        let titles = sessions(&c, &token, COPY).await;
        assert_eq!(titles.len(), 1, "{backend:?}: only the typed session");
    }
}

/// Under the event lock, the apply checks the plan again against what is stored: a report
/// computed before a session was typed cannot double-book it.
#[rocket::async_test]
async fn the_apply_re_checks_clashes_inside_its_transaction() {
    for backend in common::BACKENDS {
        let (c, token) = organiser(backend).await;
        let db = common::db(&c);
        let event = store::events::find(db, BORDEAUX).await.unwrap().unwrap();
        let sheet = "date;début;fin;titre_fr;type;salle\n2027-06-15;23:00;23:30;Tard;plenary;Grand Auditorium\n";
        let outcome = summit::app::programme_import::dry_run(db, event.clone(), sheet.as_bytes())
            .await
            .unwrap();
        assert!(outcome.report.rejected.is_empty());
        let rooms = json_of(
            c.get(format!("/api/v1/events/{BORDEAUX}/rooms"))
                .header(bearer(&token))
                .dispatch()
                .await,
        )
        .await;
        let grand = rooms
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == "Grand Auditorium")
            .unwrap()["id"]
            .clone();
        let (status, typed) = send_json(
            &c,
            Method::Post,
            &format!("/api/v1/events/{BORDEAUX}/sessions"),
            &token,
            json!({"title": "Veillée", "kind": "other", "room_id": grand,
                "starts_at": "2027-06-15T23:10:00+02:00", "ends_at": "2027-06-15T23:50:00+02:00"}),
        )
        .await;
        assert_eq!(status, Status::Created, "{typed}");
        let err = store::programme_import::apply(db, &event, &outcome.report, &[])
            .await
            .unwrap_err();
        assert!(
            matches!(&err, store::error::Error::Conflict { message, .. }
                if message.args.iter().any(|(_, v)| v == "Veillée")),
            "{backend:?}: {err:?}"
        );
    }
}
