//! frab schedules imported (`POST /api/v1/events/SLUG/programme/import` and the organisers'
//! page): the Bordeaux demo's `schedule.xml` and `schedule.json` into a new event give the
//! same 163 sessions (titles, times, rooms, tracks, speakers and their roles), a re-import is
//! matched by guid and changes nothing, and the API takes a multipart file.

use rocket::http::{ContentType, Status};
use serde_json::json;

use crate::common::{self, bearer, json_of, text_of, Backend};
use crate::programme_import::import as api_import;
use crate::programme_import_page::{
    apply, empty_copy_of_bordeaux, organiser, sessions, upload, BORDEAUX, COPY,
};

#[rocket::async_test]
async fn the_bordeaux_schedule_xml_imported_into_a_new_event_gives_the_same_163_sessions() {
    for backend in common::BACKENDS {
        let (c, token) = organiser(backend).await;
        empty_copy_of_bordeaux(&c, &token).await;
        let xml = text_of(&c, &format!("/events/{BORDEAUX}/schedule.xml")).await;
        let (status, dry) = api_import(&c, &token, COPY, "?dry_run=true", xml.clone().into()).await;
        assert_eq!(status, Status::Ok, "{dry}");
        assert_eq!(dry["to_add"].as_array().unwrap().len(), 163);
        assert_eq!(dry["rooms_to_create"].as_array().unwrap().len(), 7, "{dry}");
        assert!(sessions(&c, &token, COPY).await.is_empty());

        let (status, done) = api_import(&c, &token, COPY, "", xml.clone().into()).await;
        assert_eq!(
            (status, &done["applied"]),
            (Status::Ok, &json!(true)),
            "{done}"
        );
        let copied = sessions(&c, &token, COPY).await;
        assert_eq!(copied.len(), 163, "{backend:?}");
        assert_eq!(copied, sessions(&c, &token, BORDEAUX).await, "{backend:?}");

        // The same schedule again: every session found by its guid, nothing added.
        let (status, again) = api_import(&c, &token, COPY, "?dry_run=true", xml.into()).await;
        assert_eq!(status, Status::Ok, "{again}");
        assert_eq!(again["to_add"], json!([]), "{backend:?}");
        assert_eq!(again["to_update"], json!([]), "{again}");
        assert_eq!(again["unchanged"], 163);
    }
}

#[rocket::async_test]
async fn an_events_own_schedule_xml_re_imported_changes_nothing() {
    let (c, token) = organiser(Backend::Sqlite).await;
    let xml = text_of(&c, &format!("/events/{BORDEAUX}/schedule.xml")).await;
    let (status, dry) = api_import(&c, &token, BORDEAUX, "?dry_run=true", xml.into()).await;
    assert_eq!(status, Status::Ok, "{dry}");
    assert_eq!(dry["to_add"], json!([]));
    assert_eq!(dry["to_update"], json!([]), "{dry}");
    assert_eq!(dry["unchanged"], 163);
}

#[rocket::async_test]
async fn the_bordeaux_schedule_json_uploaded_in_the_page_gives_the_same_sessions() {
    for backend in common::BACKENDS {
        let (c, token) = organiser(backend).await;
        empty_copy_of_bordeaux(&c, &token).await;
        let json = text_of(&c, &format!("/events/{BORDEAUX}/schedule.json")).await;
        // Named like a sheet: what it is comes from its content.
        let (status, report) = upload(&c, COPY, "export.csv", json.as_bytes(), "en").await;
        assert_eq!(status, Status::SeeOther, "{report}");
        let page = text_of(&c, &format!("{report}?lang=en")).await;
        assert!(page.contains("163 sessions to add"), "{page}");
        let done = apply(&c, &report).await;
        assert!(done.contains("163 sessions added"), "{done}");
        assert_eq!(
            sessions(&c, &token, COPY).await,
            sessions(&c, &token, BORDEAUX).await,
            "{backend:?}"
        );
    }
}

#[rocket::async_test]
async fn the_api_takes_a_multipart_file_too() {
    let (c, token) = organiser(Backend::Sqlite).await;
    let json = text_of(&c, &format!("/events/{BORDEAUX}/schedule.json")).await;
    let boundary = "api-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.json\"\r\n\
         Content-Type: application/json\r\n\r\n{json}\r\n--{boundary}--\r\n"
    );
    let res = c
        .post(format!(
            "/api/v1/events/{BORDEAUX}/programme/import?dry_run=true"
        ))
        .header(bearer(&token))
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", boundary)))
        .body(body)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let report = json_of(res).await;
    assert_eq!(report["unchanged"], 163, "{report}");
}
