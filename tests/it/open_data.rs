//! Open data: the frab schedule (XML, checked with a real XSD validator, and JSON), the CSV,
//! and the open-data line on the event page.

use crate::common;

use std::io::Write;
use std::process::Stdio;

use common::{demo_client, send_json};
use rocket::http::{Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};

const XSD: &str = "tests/schemas/frab-schedule.xsd";

/// Validates with libxml2's XSD validator (Python lxml, see `common::python`).
fn xsd_errors(xml: &str) -> Option<String> {
    let script = "import sys\nfrom lxml import etree\n\
        schema = etree.XMLSchema(etree.parse(sys.argv[1]))\n\
        doc = etree.parse(sys.stdin.buffer)\n\
        sys.exit(0 if schema.validate(doc) else str(schema.error_log))";
    let mut child = common::python::python()
        .args(["-c", script, XSD])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 with lxml");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(xml.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let errors = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        !errors.contains("No module named"),
        "lxml missing: {errors}"
    );
    (!out.status.success()).then_some(errors)
}

async fn text(client: &Client, path: &str) -> String {
    let res = client.get(path.to_string()).dispatch().await;
    assert_eq!(res.status(), Status::Ok, "{path}");
    res.into_string().await.unwrap()
}

fn events<'a>(doc: &'a roxmltree::Document) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("event"))
        .collect()
}

fn child<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> &'a str {
    node.children()
        .find(|c| c.has_tag_name(name))
        .and_then(|c| c.text())
        .unwrap_or("")
}

fn json_events(schedule: &Value) -> Vec<Value> {
    let days = schedule["schedule"]["conference"]["days"]
        .as_array()
        .unwrap();
    days.iter()
        .flat_map(|d| d["rooms"].as_object().unwrap().values())
        .flat_map(|list| list.as_array().unwrap().clone())
        .collect()
}

#[rocket::async_test]
async fn the_bordeaux_schedule_validates_and_matches_the_agenda() {
    let client = demo_client().await;
    let slug = "bordeaux-nous-les-villes";
    let xml = text(&client, &format!("/events/{slug}/schedule.xml")).await;
    if let Some(errors) = xsd_errors(&xml) {
        panic!("schedule.xml does not validate: {errors}");
    }
    let broken = xml
        .replace("<abstract>", "<summary>")
        .replace("</abstract>", "</summary>");
    assert!(
        xsd_errors(&broken).is_some(),
        "the validator rejects a bad file"
    );

    let notice = xml.lines().nth(1).unwrap();
    assert!(
        notice.starts_with("<!--") && notice.contains("licence CC-BY-4.0 · Bordeaux Métropole")
    );
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let days: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("day"))
        .collect();
    assert_eq!(days.len(), 3);
    assert_eq!(days[0].attribute("date"), Some("2027-06-15"));
    assert_eq!(
        days[0].attribute("start"),
        Some("2027-06-15T08:30:00+02:00")
    );
    let talks = events(&doc);
    let api = common::json_of(
        client
            .get(format!("/api/v1/events/{slug}/sessions"))
            .dispatch()
            .await,
    )
    .await;
    assert_eq!(talks.len(), api["sessions"].as_array().unwrap().len());

    let opening = talks
        .iter()
        .find(|e| child(**e, "title") == "Séance d’ouverture : Nous, les villes")
        .expect("the opening session");
    assert_eq!(child(*opening, "room"), "Grand Auditorium");
    assert_eq!(
        opening.parent().unwrap().attribute("name"),
        Some("Grand Auditorium")
    );
    assert_eq!(child(*opening, "date"), "2027-06-15T09:00:00+02:00");
    assert_eq!(child(*opening, "start"), "09:00");
    assert_eq!(child(*opening, "duration"), "01:15");
    assert_eq!(child(*opening, "language"), "fr");
    let persons: Vec<_> = opening
        .descendants()
        .filter(|n| n.has_tag_name("person"))
        .collect();
    assert_eq!(persons.len(), 4);
    assert!(persons
        .iter()
        .any(|p| p.text() == Some("Claire Dumoulin-Arnaud") && p.attribute("id").is_some()));
    let welcome = talks
        .iter()
        .find(|e| child(**e, "title") == "Accueil et retrait des badges")
        .expect("the room-less welcome");
    assert_eq!(child(*welcome, "room"), "Palais des Congrès de Bordeaux");

    let again = text(&client, &format!("/events/{slug}/schedule.xml")).await;
    let guid = opening.attribute("guid").unwrap();
    assert!(
        again.contains(&format!("guid=\"{guid}\"")),
        "GUIDs are stable"
    );

    let schedule: Value =
        serde_json::from_str(&text(&client, &format!("/events/{slug}/schedule.json")).await)
            .unwrap();
    assert_eq!(schedule["schedule"]["license"], "CC-BY-4.0");
    let conference = &schedule["schedule"]["conference"];
    assert_eq!(conference["daysCount"], 3);
    assert_eq!(conference["time_zone_name"], "Europe/Paris");
    let listed = json_events(&schedule);
    assert_eq!(listed.len(), talks.len());
    let same = listed.iter().find(|e| e["guid"] == guid).unwrap();
    assert_eq!(same["start"], "09:00");
    assert_eq!(same["duration"], "01:15");
    assert_eq!(same["persons"].as_array().unwrap().len(), 4);
    assert!(same["url"]
        .as_str()
        .unwrap()
        .starts_with("https://summit.test/events/bordeaux-nous-les-villes/sessions/"));

    let en = text(&client, &format!("/events/{slug}/schedule.xml?lang=en")).await;
    assert!(en.contains("<language>en</language>") && en.contains("Digital inclusion"));
}

#[rocket::async_test]
async fn the_csv_has_a_header_and_one_row_per_session() {
    let client = demo_client().await;
    let res = client
        .get("/events/uclg-villes-intelligents/agenda.csv")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert!(res
        .content_type()
        .unwrap()
        .to_string()
        .starts_with("text/csv; charset=utf-8"));
    let body = res.into_string().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for column in [
        "day", "start", "end", "title", "kind", "room", "track", "format", "speakers",
    ] {
        assert!(header.iter().any(|h| h == column), "column {column}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let api = common::json_of(
        client
            .get("/api/v1/events/uclg-villes-intelligents/sessions")
            .dispatch()
            .await,
    )
    .await;
    assert_eq!(rows.len(), api["sessions"].as_array().unwrap().len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let debate = rows
        .iter()
        .find(|r| r[col("speakers")].contains("Emilia Saiz"))
        .expect("the debate");
    assert_eq!(&debate[col("day")], "2027-11-17");
    assert_eq!(&debate[col("start")], "12:00");
    assert_eq!(&debate[col("end")], "13:00");
    assert!(debate[col("speakers")].contains("; Mohamed Boudra"));
}

async fn scheduled_event(client: &Client) -> String {
    let token = common::organiser_token(client).await;
    let post = |path: &str, body: Value| {
        let path = path.to_string();
        let token = token.clone();
        async move {
            let (status, answer) = send_json(client, Method::Post, &path, &token, body).await;
            assert_eq!(status, Status::Created, "{path}: {answer}");
            answer
        }
    };
    post("/api/v1/events", json!({
        "slug": "open-cities", "title": "Villes <ouvertes> & \"libres\"", "timezone": "Europe/Paris",
        "starts_at": "2027-06-15T08:00", "ends_at": "2027-06-16T19:00", "format": "hybrid",
        "status": "published", "stream_url": "https://meet.example.org/secret-event"
    }))
    .await;
    let room = post(
        "/api/v1/events/open-cities/rooms",
        json!({"name": "Garonne"}),
    )
    .await;
    let speaker = post(
        "/api/v1/events/open-cities/speakers",
        json!({"name": "Inès Moreau"}),
    )
    .await;
    post(
        "/api/v1/events/open-cities/sessions",
        json!({
            "title": "Données ouvertes", "kind": "workshop", "room_id": room["id"],
            "starts_at": "2027-06-15T10:00", "ends_at": "2027-06-15T11:30",
            "description": "Premier paragraphe.\n\nSuite & fin.",
            "speakers": [{"speaker_id": speaker["id"], "role": "host"}]
        }),
    )
    .await;
    post(
        "/api/v1/events/open-cities/sessions",
        json!({
            "title": "Sans salle", "kind": "plenary",
            "starts_at": "2027-06-15T12:00", "ends_at": "2027-06-15T13:00"
        }),
    )
    .await;
    post(
        "/api/v1/events/open-cities/sessions",
        json!({
            "title": "À distance", "kind": "panel", "format": "virtual",
            "starts_at": "2027-06-16T09:00", "ends_at": "2027-06-16T10:00",
            "stream_url": "https://meet.example.org/secret-session"
        }),
    )
    .await;
    token
}

#[rocket::async_test]
async fn a_new_event_with_a_room_less_session_validates_and_keeps_its_secrets() {
    let client = common::client_with(common::Backend::Sqlite, false).await;
    scheduled_event(&client).await;
    let xml = text(&client, "/events/open-cities/schedule.xml").await;
    if let Some(errors) = xsd_errors(&xml) {
        panic!("schedule.xml does not validate: {errors}\n{xml}");
    }
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("conference"))
        .map(|c| child(c, "title"))
        .unwrap();
    assert_eq!(title, "Villes <ouvertes> & \"libres\"");
    assert_eq!(
        doc.descendants()
            .find(|n| n.has_tag_name("timeslot_duration"))
            .and_then(|n| n.text()),
        Some("00:30")
    );
    let rooms: Vec<Vec<&str>> = doc
        .descendants()
        .filter(|n| n.has_tag_name("day"))
        .map(|d| {
            d.children()
                .filter(|r| r.has_tag_name("room"))
                .filter_map(|r| r.attribute("name"))
                .collect()
        })
        .collect();
    assert_eq!(
        rooms,
        [vec!["Garonne", "Salle à préciser"], vec!["En ligne"]]
    );
    let talks = events(&doc);
    let workshop = talks
        .iter()
        .find(|e| child(**e, "title") == "Données ouvertes")
        .unwrap();
    assert_eq!(child(*workshop, "abstract"), "Premier paragraphe.");
    assert_eq!(child(*workshop, "description"), "Suite & fin.");
    assert_eq!(child(*workshop, "duration"), "01:30");
    let english = text(&client, "/events/open-cities/schedule.xml?lang=en").await;
    assert!(english.contains("<room name=\"Room to be announced\">"));
    assert!(english.contains("<room name=\"Online\">"));

    let json = text(&client, "/events/open-cities/schedule.json").await;
    let schedule: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json_events(&schedule).len(), 3);
    let csv = text(&client, "/events/open-cities/agenda.csv").await;
    assert_eq!(
        csv::Reader::from_reader(csv.as_bytes()).records().count(),
        3
    );
    for public in [&xml, &english, &json, &csv] {
        assert!(!public.contains("meet.example.org"), "streaming URL leaked");
    }
}

#[rocket::async_test]
async fn drafts_have_no_open_data() {
    let client = common::client_with(common::Backend::Sqlite, false).await;
    let token = scheduled_event(&client).await;
    let (status, _) = send_json(
        &client,
        Method::Patch,
        "/api/v1/events/open-cities",
        &token,
        json!({"status": "draft"}),
    )
    .await;
    assert_eq!(status, Status::Ok);
    for file in ["schedule.xml", "schedule.json", "agenda.csv"] {
        let res = client
            .get(format!("/events/open-cities/{file}"))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::NotFound, "{file}");
    }
}

#[rocket::async_test]
async fn the_event_page_links_its_open_data_and_licence() {
    let client = demo_client().await;
    let fr = text(&client, "/events/bordeaux-conseil-numerique?lang=fr").await;
    assert!(fr.contains("Données ouvertes :") && fr.contains("licence CC-BY-4.0"));
    let en = text(&client, "/events/bordeaux-conseil-numerique?lang=en").await;
    assert!(en.contains("Open data:") && en.contains("licence CC-BY-4.0"));
    for file in [
        "schedule.xml?lang=en",
        "schedule.json?lang=en",
        "agenda.csv?lang=en",
        "calendar.ics",
    ] {
        let link = format!("href=\"/events/bordeaux-conseil-numerique/{file}\"");
        assert!(en.contains(&link), "{link}");
    }
}

/// The Bordeaux feeds (163 sessions, long French descriptions) read strictly: lines of at
/// most 75 octets CRLF included, and the METHOD as the Content-Type says. Some lines are long
/// enough to need two continuation lines: the ics crate's own folding (one octet late) wrote
/// 76-octet ones there.
#[rocket::async_test]
async fn the_bordeaux_calendars_fold_at_75_octets_and_read_strictly() {
    use common::ical_strict;
    let client = demo_client().await;
    let slug = "bordeaux-nous-les-villes";
    let fetch = |path: String| {
        let client = &client;
        async move {
            let res = client.get(path.clone()).dispatch().await;
            assert_eq!(res.status(), Status::Ok, "{path}");
            let ctype = res.content_type().unwrap();
            assert_eq!(ctype.media_type().sub(), "calendar", "{path}");
            let method = ctype
                .params()
                .find(|(k, _)| k == "method")
                .map(|(_, v)| v.to_string());
            let body = res.into_bytes().await.unwrap();
            ical_strict::assert_strict(&path, &body, method.as_deref());
            String::from_utf8(body).unwrap()
        }
    };
    let mut longest = 0;
    for lang in ["fr", "en"] {
        let feed = fetch(format!("/events/{slug}/calendar.ics?lang={lang}")).await;
        assert_eq!(ical_strict::event_values(&feed, "UID").len(), 163, "{lang}");
        longest = longest.max(ical_strict::longest_unfolded(&feed));
        assert!(
            ical_strict::continuation_lines(&feed) > 163,
            "{lang}: folded"
        );
    }
    assert!(
        longest >= 150,
        "a line of {longest} octets needs two continuations"
    );

    let sessions = serde_json::from_str::<Value>(
        &text(&client, &format!("/api/v1/events/{slug}/sessions")).await,
    )
    .unwrap();
    let sessions = sessions["sessions"].as_array().unwrap().clone();
    assert_eq!(sessions.len(), 163);
    let mut workshops = vec![];
    for s in &sessions {
        let id = s["id"].as_i64().unwrap();
        let one = fetch(format!("/events/{slug}/sessions/{id}/calendar.ics")).await;
        assert_eq!(
            ical_strict::event_values(&one, "UID"),
            [format!("session-{id}@summit.test")]
        );
        // Three workshops that do not overlap (the API lists them in time order).
        let free = workshops.last().is_none_or(|(_, end): &(i64, String)| {
            s["starts_at"].as_str().unwrap() >= end.as_str()
        });
        if s["requires_signup"] == true && workshops.len() < 3 && free {
            workshops.push((id, s["ends_at"].as_str().unwrap().to_string()));
        }
    }

    // An attendee's own feed: the event and three workshops.
    let workshops: Vec<i64> = workshops.into_iter().map(|(id, _)| id).collect();
    let person = json!({"name": "Ana Lima", "email": "ana@example.org",
        "attendance": "in_person", "language": "fr", "sessions": workshops});
    let res = client
        .post(format!("/api/v1/events/{slug}/registrations"))
        .header(rocket::http::ContentType::JSON)
        .body(person.to_string())
        .dispatch()
        .await;
    let status = res.status();
    let answer = common::json_of(res).await;
    assert_eq!(status, Status::Created, "{answer}");
    let token = answer["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    let mine = fetch(format!("/r/{token}/calendar.ics")).await;
    assert_eq!(ical_strict::event_values(&mine, "UID").len(), 4);
    assert!(ical_strict::longest_unfolded(&mine) > ical_strict::MAX_OCTETS);
}
