//! The public agenda beyond the list: workshops' places left (from the same counts as the
//! registration form), the grid of rooms × time like a printed programme, and "now and next"
//! while the event is on.

use chrono::{Duration, Timelike, Utc};
use rocket::http::{Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::json;

use crate::common::{self, organiser_token, send_json, text_of, Backend, BACKENDS};

const SLUG: &str = "bordeaux-nous-les-villes";
const FLASH: &str = "Flash workshop: visualising open data without coding";

/// The Bordeaux demo, with the agenda's places read afresh on every request.
async fn bordeaux(backend: Backend) -> Client {
    let url = common::fresh_url(backend).await;
    let mut settings = common::settings(&url, true);
    settings.agenda_seats_seconds = 0;
    common::client_with_settings(settings).await
}

async fn session_id(c: &Client, title: &str) -> i64 {
    let token = organiser_token(c).await;
    let (status, list) = send_json(
        c,
        Method::Get,
        &format!("/api/v1/events/{SLUG}/sessions?lang=en"),
        &token,
        json!({}),
    )
    .await;
    assert_eq!(status, Status::Ok);
    list["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"] == title)
        .and_then(|s| s["id"].as_i64())
        .unwrap_or_else(|| panic!("{title} in the agenda"))
}

/// The agenda row (list view) of the session titled `title`.
fn row<'p>(page: &'p str, title: &str) -> &'p str {
    let at = page
        .find(&format!(">{title}</a>"))
        .expect("the session's row");
    let start = page[..at].rfind("<tr").unwrap();
    let end = at + page[at..].find("</tr>").unwrap();
    &page[start..end]
}

#[rocket::async_test]
async fn a_workshops_places_left_follow_registrations_on_the_agenda_and_its_page() {
    for backend in BACKENDS {
        let c = bordeaux(backend).await;
        let id = session_id(&c, FLASH).await;
        let agenda = format!("/events/{SLUG}?lang=en&q=visualising");
        let page = text_of(&c, &agenda).await;
        assert!(row(&page, FLASH).contains("40 places left"), "{backend:?}");
        let session = text_of(&c, &format!("/events/{SLUG}/sessions/{id}?lang=en")).await;
        assert!(session.contains("40 places left"), "{backend:?}");

        common::register_via_api(
            &c,
            SLUG,
            json!({"name": "Inès Moreau", "email": "ines@example.org", "attendance": "in_person",
                   "language": "fr", "sessions": [id]}),
        )
        .await;
        let page = text_of(&c, &agenda).await;
        assert!(row(&page, FLASH).contains("39 places left"), "{backend:?}");
        let page = text_of(&c, &format!("/events/{SLUG}?lang=fr&q=visualiser")).await;
        assert!(page.contains("39 places restantes"), "{backend:?}");
        let session = text_of(&c, &format!("/events/{SLUG}/sessions/{id}?lang=en")).await;
        assert!(session.contains("39 places left"), "{backend:?}");
        // A session one does not sign up for shows no places.
        let page = text_of(&c, &format!("/events/{SLUG}?lang=en&kind=keynote")).await;
        assert!(!page.contains("places left"), "{backend:?}");
    }
}

#[rocket::async_test]
async fn the_grid_places_each_session_in_its_rooms_column_at_its_time() {
    let c = bordeaux(Backend::Sqlite).await;
    let page = text_of(
        &c,
        &format!("/events/{SLUG}?lang=en&day=2027-06-16&view=grid"),
    )
    .await;
    // Day 2 starts with the 08:30 welcome coffee: the grid's window opens at 08:00, in
    // five-minute rows after the rooms' row, so 11:45 is line 47 and 12:30 line 56.
    let header = page
        .find(">Atelier B</h4>")
        .expect("Atelier B has a column");
    let head = &page[page[..header].rfind("<h4").unwrap()..header];
    let column = head
        .split("grid-column: ")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    let cell_at = page
        .find(&format!("<span class=\"tt-title\">{FLASH}</span>"))
        .expect("the workshop is on the grid");
    let cell = &page[page[..cell_at].rfind("<a class=\"tt-session").unwrap()..cell_at];
    assert!(
        cell.contains(&format!("grid-column: {column};")) && cell.contains("grid-row: 47 / 56"),
        "{column}: {cell}"
    );
    assert!(page.contains("40 places left"));
    // A break for everyone spans every room; the list is still there for phones, and the
    // switch back to the list keeps the day.
    assert!(page.contains("grid-column: 2 / -1"));
    assert!(page.contains("class=\"agenda-list agenda-list-phone\""));
    assert!(page.contains("href=\"/events/bordeaux-nous-les-villes?day&#x3D;2027-06-16#agenda\""));
    assert!(page.contains("aria-current=\"page\">Grid by room</a>"));
    // Only day 2 is drawn; the list view has no grid; a summit next year has no "now".
    assert!(!page.contains("Now and next"));
    assert!(!page.contains("Tuesday 15 June 2027</h3>"));
    let list = text_of(&c, &format!("/events/{SLUG}?lang=en&day=2027-06-16")).await;
    assert!(!list.contains("tt-grid") && list.contains("aria-current=\"page\">List</a>"));
}

/// A time zone where it is the middle of the day now, so "next" is still today there.
fn daytime_zone() -> (String, i64) {
    let offset = (12 - Utc::now().hour() as i64).clamp(-11, 12);
    let zone = match offset {
        0 => "UTC".to_string(),
        o if o > 0 => format!("Etc/GMT-{o}"),
        o => format!("Etc/GMT+{}", -o),
    };
    (zone, offset)
}

#[rocket::async_test]
async fn now_and_next_show_while_the_event_is_on() {
    let c = common::client_with(Backend::Sqlite, false).await;
    let token = organiser_token(&c).await;
    let (zone, offset) = daytime_zone();
    let at = |minutes: i64| {
        (Utc::now() + Duration::hours(offset) + Duration::minutes(minutes))
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let (status, body) = send_json(
        &c,
        Method::Post,
        "/api/v1/events",
        &token,
        json!({
        "slug": "forum-du-jour", "title": "Forum du jour", "timezone": zone,
        "starts_at": at(-120), "ends_at": at(300), "format": "in_person", "status": "published",
        "in_person_capacity": 100}),
    )
    .await;
    assert_eq!(status, Status::Created, "{body}");
    for (title, from, to) in [
        ("Opening", -90, -30),
        ("Live panel", -20, 40),
        ("Workshop A", 50, 110),
        ("Workshop B", 55, 110),
        ("Closing", 200, 240),
    ] {
        let (status, s) = send_json(
            &c,
            Method::Post,
            "/api/v1/events/forum-du-jour/sessions",
            &token,
            json!({
            "title": title, "kind": "panel", "starts_at": at(from), "ends_at": at(to)}),
        )
        .await;
        assert_eq!(status, Status::Created, "{s}");
    }
    let page = text_of(&c, "/events/forum-du-jour?lang=en").await;
    let start = page
        .find("Now and next")
        .expect("now and next during the event");
    let block = &page[start..start + page[start..].find("</section>").unwrap()];
    let on = &block[block.find("On now").unwrap()..block.find(">Next<").unwrap()];
    assert!(
        on.contains("Live panel") && !on.contains("Opening"),
        "{block}"
    );
    let next = &block[block.find(">Next<").unwrap()..];
    assert!(
        next.contains("Workshop A") && next.contains("Workshop B") && !next.contains("Closing"),
        "{block}"
    );
}

#[rocket::async_test]
async fn the_agendas_places_are_at_most_agenda_seats_seconds_old_and_the_form_counts_afresh() {
    let url = common::fresh_url(Backend::Sqlite).await;
    let mut settings = common::settings(&url, true);
    settings.agenda_seats_seconds = 1;
    let c = common::client_with_settings(settings).await;
    let id = session_id(&c, FLASH).await;
    let agenda = format!("/events/{SLUG}?lang=en&q=visualising");
    assert!(row(&text_of(&c, &agenda).await, FLASH).contains("40 places left"));
    common::register_via_api(
        &c,
        SLUG,
        json!({"name": "Inès Moreau", "email": "ines@example.org", "attendance": "in_person",
               "language": "fr", "sessions": [id]}),
    )
    .await;
    // Within the bound the agenda may still show what it read; the form never does.
    assert!(row(&text_of(&c, &agenda).await, FLASH).contains("40 places left"));
    let form = text_of(&c, &format!("/events/{SLUG}/register?lang=en")).await;
    assert!(
        form.contains("39 places left"),
        "the registration form counts afresh"
    );
    // Past the bound, the agenda reads the places again.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert!(row(&text_of(&c, &agenda).await, FLASH).contains("39 places left"));
}
