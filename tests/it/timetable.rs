//! The organisers' timetable (one day's grid of rooms × time: sessions at their time and
//! height, clashes and sessions outside the event flagged, free slots leading to a prefilled
//! new-session form) and the programme sheet (CSV in the import's columns, organisers only).

use rocket::http::{Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};
use summit::domain::StaffRole;
use summit::store;

use crate::common::{
    self, bearer, client_with_settings, db, demo_client, fresh_url, organiser_token, raw_sql,
    send_json, settings, sign_in_organiser, text_of,
};

const BORDEAUX: &str = "/admin/events/bordeaux-nous-les-villes";
const ROOMS: [&str; 7] = [
    "Grand Auditorium",
    "Salle Garonne",
    "Salle Montesquieu",
    "Salle Mauriac",
    "Atelier A",
    "Atelier B",
    "Espace Agora",
];

/// A page as a browser reads it: handlebars writes `=`, `&` and `'` as entities.
async fn page(c: &Client, path: &str) -> String {
    let html = text_of(c, path).await;
    html.replace("&#x3D;", "=")
        .replace("&amp;", "&")
        .replace("&#x27;", "'")
}

/// The grid's link to `href` (a session or a free slot), whole: `<a …>…</a>`.
fn link_to<'a>(html: &'a str, href: &str) -> &'a str {
    let target = format!("href=\"{href}\"");
    html.match_indices(&target)
        .map(|(at, _)| {
            let start = html[..at].rfind("<a ").unwrap();
            let end = at + html[at..].find("</a>").unwrap();
            &html[start..end]
        })
        .find(|link| {
            link.starts_with("<a class=\"tt-session") || link.starts_with("<a class=\"tt-gap")
        })
        .unwrap_or_else(|| panic!("a grid link to {href}"))
}

#[rocket::async_test]
async fn the_bordeaux_timetable_has_a_column_per_room_and_places_sessions_at_their_time() {
    let c = demo_client().await;
    sign_in_organiser(&c, "orga@example.org", None).await;
    let html = page(&c, &format!("{BORDEAUX}/timetable")).await;
    for room in ROOMS {
        assert!(
            html.contains(&format!("\">{room}</h3>")),
            "a column header for {room}"
        );
        assert!(
            html.contains(&format!("-list\">{room}</h3>")),
            "{room} in the list that narrow screens show"
        );
    }
    assert!(html.contains("aria-current=\"page\">Grille horaire</a>"));
    assert!(
        html.contains("role=\"region\" tabindex=\"0\" aria-label=\"Grille du mardi 15 juin 2027")
    );
    // The opening session, 09:00–10:15 in the first room: the day's grid starts at 08:00 in
    // five-minute rows under the header row, so it runs from line 14 to line 29.
    let opening = html
        .find("Séance d’ouverture : Nous, les villes")
        .expect("the opening session");
    let link = &html[html[..opening].rfind("<a ").unwrap()..opening];
    assert!(
        link.contains("style=\"grid-column: 2 / span 1; grid-row: 14 / 29\""),
        "{link}"
    );
    assert!(link.contains("<span class=\"tt-time\">09:00–10:15</span>"));
    assert!(html.contains("Séance d’ouverture : Nous, les villes</span><span class=\"sr-only\">, Grand Auditorium</span>"));
    assert!(html.contains("Aucun conflit"), "the demo has no clash");

    let day2 = page(&c, &format!("{BORDEAUX}/timetable?day=2027-06-16&lang=en")).await;
    assert!(day2.contains("aria-current=\"page\">Wednesday 16 June 2027"));
    assert!(day2.contains("\">Grand Auditorium</h3>"));
    assert!(day2.contains("No clash, and every session is within the event's dates."));

    let bad = c
        .get(format!("{BORDEAUX}/timetable?day=2027-13-40&lang=en"))
        .dispatch()
        .await;
    assert_eq!(bad.status(), Status::BadRequest);
    let text = bad.into_string().await.unwrap().replace("&#x27;", "'");
    assert!(
        text.contains("day: “2027-13-40” is not one of this timetable's days"),
        "{text}"
    );
}

/// An event of two days with two rooms, through the API; the token and the rooms' ids.
async fn congress(c: &Client) -> (String, i64, i64) {
    let token = organiser_token(c).await;
    let (status, body) = send_json(
        c,
        Method::Post,
        "/api/v1/events",
        &token,
        json!({
        "slug": "congres", "title": "Congrès des villes", "timezone": "Europe/Paris",
        "starts_at": "2027-09-14T09:00", "ends_at": "2027-09-15T18:00", "format": "in_person",
        "status": "published"}),
    )
    .await;
    assert_eq!(status, Status::Created, "{body}");
    let garonne = created(c, &token, "/rooms", json!({"name": "Garonne"})).await;
    let lac = created(c, &token, "/rooms", json!({"name": "Lac"})).await;
    (token, garonne, lac)
}

async fn created(c: &Client, token: &str, path: &str, body: Value) -> i64 {
    let path = format!("/api/v1/events/congres{path}");
    let (status, answer) = send_json(c, Method::Post, &path, token, body).await;
    assert_eq!(status, Status::Created, "{path}: {answer}");
    answer["id"].as_i64().unwrap()
}

async fn session(c: &Client, token: &str, title: &str, room: i64, from: &str, to: &str) -> i64 {
    let body = json!({"title": title, "kind": "plenary", "room_id": room,
        "starts_at": from, "ends_at": to});
    created(c, token, "/sessions", body).await
}

#[rocket::async_test]
async fn clashes_and_sessions_outside_the_event_are_flagged_in_words() {
    for backend in common::BACKENDS {
        let url = fresh_url(backend).await;
        let c = client_with_settings(settings(&url, false)).await;
        let (token, garonne, lac) = congress(&c).await;
        let budget = session(
            &c,
            &token,
            "Budget participatif",
            garonne,
            "2027-09-14T10:00",
            "2027-09-14T10:45",
        )
        .await;
        let data = session(
            &c,
            &token,
            "Données ouvertes",
            lac,
            "2027-09-14T10:15",
            "2027-09-14T11:00",
        )
        .await;
        let late = session(
            &c,
            &token,
            "Clôture",
            garonne,
            "2027-09-15T16:00",
            "2027-09-15T17:00",
        )
        .await;
        // The API refuses a double booking, so the clash is made as data from before that
        // check (or a future import gone wrong) would be: straight in the database.
        raw_sql(
            &url,
            &format!("UPDATE sessions SET room_id = {garonne} WHERE id = {data}"),
        )
        .await;
        // A speaker in two places at once, made the same way.
        let ana = created(&c, &token, "/speakers", json!({"name": "Ana Lima"})).await;
        let with_ana = |title: &str, room: i64, from: &str, to: &str| {
            json!({"title": title, "kind": "plenary", "room_id": room, "starts_at": from,
                "ends_at": to, "speakers": [{"speaker_id": ana, "role": "moderator"}]})
        };
        created(
            &c,
            &token,
            "/sessions",
            with_ana("Mobilités", lac, "2027-09-14T14:00", "2027-09-14T15:00"),
        )
        .await;
        let schools = created(
            &c,
            &token,
            "/sessions",
            with_ana("Écoles", garonne, "2027-09-14T16:00", "2027-09-14T17:00"),
        )
        .await;
        raw_sql(&url, &format!("UPDATE sessions SET starts_at = starts_at - 5400, ends_at = ends_at - 5400 WHERE id = {schools}")).await;
        // Shortening the event leaves its second day's session outside it.
        let (status, body) = send_json(
            &c,
            Method::Patch,
            "/api/v1/events/congres",
            &token,
            json!({"ends_at": "2027-09-14T18:00"}),
        )
        .await;
        assert_eq!(status, Status::Ok, "{body}");

        sign_in_organiser(&c, "orga@example.org", None).await;
        let html = page(&c, "/admin/events/congres/timetable").await;
        for (id, other) in [(budget, "Données ouvertes"), (data, "Budget participatif")] {
            let link = link_to(&html, &format!("/admin/events/congres/sessions/{id}"));
            assert!(link.contains("tt-is-clash"), "{link}");
            assert!(
                link.contains("Conflit</span>"),
                "a visible word, not colour alone: {link}"
            );
            assert!(
                link.contains(&format!("la salle est aussi réservée pour « {other} »")),
                "{link}"
            );
        }
        let link = link_to(&html, &format!("/admin/events/congres/sessions/{schools}"));
        assert!(
            link.contains("Ana Lima intervient aussi dans « Mobilités » (14:00–15:00, Lac)"),
            "{link}"
        );
        // Side by side in Garonne's two lanes, so both stay visible.
        let first = link_to(&html, &format!("/admin/events/congres/sessions/{budget}"));
        let second = link_to(&html, &format!("/admin/events/congres/sessions/{data}"));
        assert!(
            first.contains("grid-column: 2 / span 1") && second.contains("grid-column: 3 / span 1")
        );
        assert!(html.contains("mercredi 15 septembre 2027 <span class=\"tt-day-count\">1 séance · hors des dates de l'événement</span>"), "the day is flagged in the days' links");
        assert!(html.contains("Clôture (mercredi 15 septembre 2027, 16:00–17:00, Garonne) : hors des dates et heures de l'événement"));

        let day2 = page(&c, "/admin/events/congres/timetable?day=2027-09-15&lang=en").await;
        let link = link_to(&day2, &format!("/admin/events/congres/sessions/{late}"));
        assert!(
            link.contains("tt-is-outside") && link.contains("Outside the event</span>"),
            "{link}"
        );
        assert!(day2.contains("outside the event's dates</span></h2>"));
        assert!(
            !day2.contains("programme?room_id="),
            "no free slot to fill outside the event"
        );
        assert!(day2.contains("the room is also booked for “Données ouvertes” (10:15–11:00)"));
    }
}

#[rocket::async_test]
async fn a_free_slot_opens_the_new_session_form_with_its_room_and_time() {
    let url = fresh_url(common::Backend::Sqlite).await;
    let c = client_with_settings(settings(&url, false)).await;
    let (token, garonne, lac) = congress(&c).await;
    session(
        &c,
        &token,
        "Budget participatif",
        garonne,
        "2027-09-14T10:00",
        "2027-09-14T10:45",
    )
    .await;
    sign_in_organiser(&c, "orga@example.org", None).await;
    let html = page(&c, "/admin/events/congres/timetable?lang=en").await;
    // Garonne is free from 10:45 to the hour; Lac all day, an hour at a time.
    let garonne_slot = format!(
        "/admin/events/congres/programme?room_id={garonne}&starts_at=2027-09-14T10:45&ends_at=2027-09-14T11:00#new-session"
    );
    let link = link_to(&html, &garonne_slot);
    assert!(
        link.contains("10:45–11:00") && link.contains("new session at 10:45, Garonne"),
        "{link}"
    );
    let lac_slot = format!(
        "/admin/events/congres/programme?room_id={lac}&starts_at=2027-09-14T11:00&ends_at=2027-09-14T12:00#new-session"
    );
    link_to(&html, &lac_slot);

    let form = text_of(&c, lac_slot.trim_end_matches("#new-session")).await;
    assert!(form.contains("id=\"new-session\""));
    assert!(
        form.contains("name=\"starts_at\" type=\"datetime-local\" value=\"2027-09-14T11:00\""),
        "{form}"
    );
    assert!(form.contains("name=\"ends_at\" type=\"datetime-local\" value=\"2027-09-14T12:00\""));
    assert!(form.contains(&format!("<option value=\"{lac}\" selected>Lac</option>")));
    // Nonsense in the link leaves the form's own defaults, never an error.
    let odd = c
        .get("/admin/events/congres/programme?room_id=x&starts_at=demain")
        .dispatch()
        .await;
    assert_eq!(odd.status(), Status::Ok);
    let odd = odd.into_string().await.unwrap();
    assert!(odd.contains("name=\"starts_at\" type=\"datetime-local\" value=\"2027-09-14T09:00\""));
}

fn records(csv: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn header(csv: &str) -> &str {
    csv.lines().next().unwrap_or_default()
}

#[rocket::async_test]
async fn the_programme_sheet_has_a_row_per_session_in_the_import_columns() {
    let c = demo_client().await;
    sign_in_organiser(&c, "orga@example.org", None).await;
    let res = c.get(format!("{BORDEAUX}/programme.csv")).dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(
        res.content_type().unwrap().to_string(),
        "text/csv; charset=utf-8; header=present"
    );
    let fr = res.into_string().await.unwrap();
    assert_eq!(
        header(&fr),
        "id,date,début,fin,titre_fr,titre_en,type,salle,parcours,intervenants,description_fr,description_en,format,capacité,inscription,statut"
    );
    let rows = records(&fr);
    assert_eq!(rows.len(), 163);
    let opening = rows
        .iter()
        .find(|r| r[5] == "Opening session: We, the Cities")
        .expect("the opening session");
    assert_eq!(
        &opening[1..5],
        [
            "2027-06-15",
            "09:00",
            "10:15",
            "Séance d’ouverture : Nous, les villes"
        ]
    );
    assert_eq!(opening[6], "plenary");
    assert_eq!(opening[7], "Grand Auditorium");
    assert!(
        opening[9].contains(" (host); "),
        "roles beside names: {}",
        opening[9]
    );
    assert_eq!(opening[14], "non");
    assert_eq!(opening[15], "scheduled");

    let token = organiser_token(&c).await;
    let api = "/api/v1/events/bordeaux-nous-les-villes/programme.csv";
    let res = c
        .get(format!("{api}?lang=en"))
        .header(bearer(&token))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let en = res.into_string().await.unwrap();
    assert!(
        header(&en).starts_with("id,date,start,end,title_fr,title_en,kind,room,track,speakers,")
    );
    assert_eq!(records(&en).len(), 163);
    assert!(records(&en).iter().any(|r| r[14] == "no"));
    let audit = store::audit::recent(db(&c), 5).await.unwrap();
    assert!(audit
        .iter()
        .any(|(_, actor, action, subject)| action == "export-programme"
            && actor == "organiser:api-token"
            && subject == "bordeaux-nous-les-villes"));
}

#[rocket::async_test]
async fn the_sheet_keeps_formulas_as_text_and_stays_with_the_events_organisers() {
    let url = fresh_url(common::Backend::Sqlite).await;
    let c = client_with_settings(settings(&url, false)).await;
    let (token, garonne, _) = congress(&c).await;
    session(
        &c,
        &token,
        "=HYPERLINK(\"http://evil.example\")",
        garonne,
        "2027-09-14T10:00",
        "2027-09-14T11:00",
    )
    .await;
    let api = "/api/v1/events/congres/programme.csv";
    let sheet = c
        .get(api)
        .header(bearer(&token))
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    let rows = records(&sheet);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][4], "'=HYPERLINK(\"http://evil.example\")");

    let public = c.get(api).dispatch().await;
    assert_eq!(public.status(), Status::Unauthorized);
    let page = c
        .get("/admin/events/congres/programme.csv")
        .dispatch()
        .await;
    assert_ne!(
        page.status(),
        Status::Ok,
        "the admin copy is closed to the public too"
    );
    // An organiser limited to another event sees nothing of this one.
    let (status, other) = send_json(
        &c,
        Method::Post,
        "/api/v1/events",
        &token,
        json!({
        "slug": "autre", "title": "Autre", "timezone": "Europe/Paris",
        "starts_at": "2027-10-01T09:00", "ends_at": "2027-10-01T18:00", "format": "in_person",
        "status": "published"}),
    )
    .await;
    assert_eq!(status, Status::Created, "{other}");
    let other_id = other["id"].as_i64().unwrap();
    let scoped = store::staff::create_token(db(&c), StaffRole::Organiser, Some(other_id), "autre")
        .await
        .unwrap();
    let res = c.get(api).header(bearer(&scoped)).dispatch().await;
    assert_eq!(res.status(), Status::Forbidden);
    let timetable = c
        .get("/admin/events/congres/timetable")
        .header(bearer(&scoped))
        .dispatch()
        .await;
    assert_eq!(timetable.status(), Status::Forbidden);
}
