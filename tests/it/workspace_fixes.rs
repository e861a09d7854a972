//! The faults organisers and door staff saw in the workspace (issue 16), each as they would
//! see it: signing out from the scanner, language links that keep the page, a cancelled
//! workshop in e-mails and on the speakers page, the badge sheet, the scanner's doors, error
//! summaries that name their fields, one clock, and dashboard labels that fit.

use crate::common;
use crate::door;

use common::{
    client_with_settings, csrf_of, db, free_port, fresh_url, organiser_token, send_json,
    sign_in_organiser, text_of, Backend, SmtpServer,
};
use door::{sign_in_door, Door};
use mail_parser::MessageParser;
use rocket::http::{ContentType, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::json;
use summit::domain::StaffRole;
use summit::jobs::outbox::Worker;
use summit::store;

/// The frame's sign-out form, as every staff page carries it.
const SIGN_OUT: &str = "<form method=\"post\" action=\"/logout\" class=\"sign-out\">";

/// An attribute value as the browser reads it (handlebars escapes `=` and `&`).
fn unescape(html: &str) -> String {
    html.replace("&#x3D;", "=").replace("&amp;", "&")
}

/// The CSRF token of the sign-out form in a page.
fn sign_out_csrf(html: &str) -> String {
    let at = html.find(SIGN_OUT).expect("a sign-out form");
    csrf_of(&html[at..])
}

/// The `href`s of the language switch.
fn lang_links(html: &str) -> Vec<String> {
    let at = html
        .find("class=\"lang-switch\"")
        .expect("a language switch");
    let list = &html[at..at + html[at..].find("</ul>").unwrap()];
    list.split("href=\"")
        .skip(1)
        .map(|rest| unescape(&rest[..rest.find('"').unwrap()]))
        .collect()
}

async fn register(c: &Client, name: &str, attendance: &str, lang: &str, sessions: &[i64]) {
    let email = format!("{}@example.org", name.to_lowercase().replace(' ', "."));
    let body = json!({"name": name, "email": email, "attendance": attendance, "language": lang,
        "sessions": sessions});
    let res = c
        .post("/api/v1/events/city-summit/registrations")
        .header(ContentType::JSON)
        .body(body.to_string())
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Created);
}

async fn session(d: &Door, body: serde_json::Value) -> i64 {
    let path = "/api/v1/events/city-summit/sessions";
    let (status, created) = send_json(&d.client, Method::Post, path, &d.organiser, body).await;
    assert_eq!(status, Status::Created, "{created}");
    created["id"].as_i64().unwrap()
}

async fn cancel_session(d: &Door, id: i64) {
    let res = d
        .client
        .delete(format!("/api/v1/events/city-summit/sessions/{id}"))
        .header(common::bearer(&d.organiser))
        .dispatch()
        .await;
    assert!(res.status().code < 300, "{}", res.status());
}

#[rocket::async_test]
async fn door_staff_sign_out_from_the_scanner_and_are_signed_out() {
    let d = door::door(Backend::Sqlite).await;
    let c = &d.client;
    sign_in_door(c, "door@example.org", Some(d.event_id)).await;
    let scanner = text_of(c, "/scan?lang=en").await;
    assert!(
        scanner.contains(SIGN_OUT),
        "the scanner has a sign-out button"
    );
    assert!(scanner.contains(">Sign out</button></form>"));
    let admin = c.get("/admin").dispatch().await;
    assert_eq!(
        admin.status(),
        Status::Forbidden,
        "door staff cannot use /admin"
    );

    let csrf = sign_out_csrf(&scanner);
    let res = c
        .post("/logout")
        .header(ContentType::Form)
        .body(format!("csrf={csrf}"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let again = c.get("/scan").dispatch().await;
    assert_eq!(
        again.status(),
        Status::SeeOther,
        "signed out: back to sign-in"
    );
    assert!(again
        .headers()
        .get_one("Location")
        .unwrap()
        .starts_with("/login"));
    let login = text_of(c, "/login").await;
    assert!(!login.contains(SIGN_OUT), "nobody is signed in any more");
}

#[rocket::async_test]
async fn every_organiser_page_has_the_sign_out_button() {
    let d = door::door(Backend::Postgres).await;
    let c = &d.client;
    sign_in_organiser(c, "org@example.org", None).await;
    let ws = d.workshop;
    let event = "/admin/events/city-summit";
    let pages = [
        "/admin".to_string(),
        event.to_string(),
        format!("{event}/registrations"),
        format!("{event}/sessions/{ws}"),
        format!("{event}/dashboard"),
        format!("{event}/checkins"),
        format!("{event}/badges"),
        "/scan".to_string(),
    ];
    for path in &pages {
        let page = text_of(c, path).await;
        assert!(page.contains(SIGN_OUT), "{path} has a sign-out button");
        assert_eq!(
            sign_out_csrf(&page),
            csrf_of(&page),
            "{path}: the browser's token"
        );
    }
    let csrf = csrf_of(&text_of(c, event).await);
    let guests = "name,email\nAna Lima,ana@example.org\n";
    let progress = common::import_guests(c, "city-summit", &csrf, guests, "en", "Finished").await;
    assert!(
        progress.contains(SIGN_OUT),
        "the import's progress page too"
    );
    // Public pages are the same for everyone (and cached): no staff button there.
    assert!(!text_of(c, "/events/city-summit").await.contains(SIGN_OUT));
}

#[rocket::async_test]
async fn the_language_switch_keeps_the_setup_token_and_each_pages_query() {
    let d = door::door(Backend::Sqlite).await;
    let c = &d.client;
    let (_, token) = store::staff::add_user(db(c), "new@example.org", StaffRole::Door, None)
        .await
        .unwrap();
    let setup = text_of(c, &format!("/setup/{token}")).await;
    let links = lang_links(&setup);
    assert_eq!(links, vec![format!("/setup/{token}?lang=en")]);
    let english = c.get(links[0].clone()).dispatch().await;
    assert_eq!(
        english.status(),
        Status::Ok,
        "the link opens the set-up page"
    );
    assert!(english.into_string().await.unwrap().contains("lang=\"en\""));

    let login = text_of(c, "/login?next=%2Fscan&lang=fr").await;
    assert_eq!(lang_links(&login), vec!["/login?next=%2Fscan&lang=en"]);

    sign_in_organiser(c, "org@example.org", None).await;
    let ws = d.workshop;
    let scan = text_of(
        c,
        &format!("/scan?event=city-summit&gate=North&session={ws}"),
    )
    .await;
    assert_eq!(
        lang_links(&scan),
        vec![format!(
            "/scan?event=city-summit&gate=North&session={ws}&lang=en"
        )]
    );
    let badges = text_of(c, "/admin/events/city-summit/badges?online=true&lang=fr").await;
    assert_eq!(
        lang_links(&badges),
        vec!["/admin/events/city-summit/badges?online=true&lang=en"]
    );
}

/// The HTML part of a message.
fn html_of(raw: &[u8]) -> String {
    let mail = MessageParser::default().parse(raw).unwrap();
    mail.body_html(0).expect("an HTML part").to_string()
}

#[rocket::async_test]
async fn the_session_cancelled_email_does_not_call_the_workshop_confirmed() {
    let port = free_port();
    let smtp = SmtpServer::start(port);
    let url = fresh_url(Backend::Sqlite).await;
    let mut settings = common::settings(&url, false);
    settings.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    let client = client_with_settings(settings.clone()).await;
    let organiser = organiser_token(&client).await;
    let (event_id, workshop) = door::event(&client, &organiser, "city-summit", 100).await;
    let d = Door {
        client,
        organiser,
        event_id,
        workshop,
    };
    register(&d.client, "Ana Lima", "in_person", "en", &[workshop]).await;
    register(&d.client, "Lea Martin", "in_person", "fr", &[workshop]).await;
    let worker = Worker::new(&settings).unwrap();
    let tick = || worker.tick(db(&d.client), summit::domain::time::now());
    assert_eq!(tick().await.unwrap(), 2, "two confirmations");
    cancel_session(&d, workshop).await;
    assert_eq!(tick().await.unwrap(), 2, "two cancellation notices");
    let messages = smtp.messages();
    let notices: Vec<String> = messages[2..].iter().map(|m| html_of(m)).collect();
    let english = notices.iter().find(|h| h.contains("lang=\"en\"")).unwrap();
    let french = notices.iter().find(|h| h.contains("lang=\"fr\"")).unwrap();
    if let Ok(dir) = std::env::var("FIXES_MAIL_DUMP") {
        std::fs::write(format!("{dir}/cancelled-en.html"), english).unwrap();
        std::fs::write(format!("{dir}/cancelled-fr.html"), french).unwrap();
    }
    assert!(english.contains("has been cancelled"));
    assert!(english.contains("<strong>Open data lab</strong>"));
    assert!(english.contains("(Cancelled)"), "{english}");
    assert!(!english.contains("Place confirmed"), "{english}");
    assert!(french.contains("a été annulée"));
    assert!(french.contains("(Annulée)"), "{french}");
    assert!(!french.contains("Place confirmée"), "{french}");
}

#[rocket::async_test]
async fn the_speakers_page_marks_a_cancelled_workshop() {
    let d = door::door(Backend::Sqlite).await;
    let path = "/api/v1/events/city-summit/speakers";
    let speaker = json!({"name": "Inès Moreau", "affiliation": "Maire adjointe"});
    let (_, speaker) = send_json(&d.client, Method::Post, path, &d.organiser, speaker).await;
    let speaker = speaker["id"].as_i64().unwrap();
    let talk = |title: &str, at: &str| {
        json!({"title": title, "kind": "workshop", "starts_at": format!("2027-06-15T{at}"),
            "ends_at": format!("2027-06-15T{at}").replace(":00", ":45"), "capacity": 20,
            "requires_signup": true, "speakers": [{"speaker_id": speaker, "role": "speaker"}]})
    };
    let kept = session(&d, talk("Open budgets", "14:00")).await;
    let dropped = session(&d, talk("Smart lampposts", "15:00")).await;
    // Someone signed up, so removing it cancels it (a session nobody chose is deleted).
    register(&d.client, "Ana Lima", "in_person", "en", &[dropped]).await;
    cancel_session(&d, dropped).await;
    let page = text_of(&d.client, "/events/city-summit/speakers?lang=en").await;
    let link =
        |id: i64, title: &str| format!("<a href=\"/events/city-summit/sessions/{id}\">{title}</a>");
    assert!(page.contains(&format!(
        "{} <span class=\"badge\">Cancelled</span>",
        link(dropped, "Smart lampposts")
    )));
    assert!(page.contains(&format!("{}</li>", link(kept, "Open budgets"))));
    let french = text_of(&d.client, "/events/city-summit/speakers?lang=fr").await;
    assert!(french.contains("<span class=\"badge\">Annulée</span>"));
}

#[rocket::async_test]
async fn the_badge_sheet_leaves_online_attendees_out_unless_asked_and_counts_right() {
    let d = door::door(Backend::Sqlite).await;
    let c = &d.client;
    register(c, "Ana Lima", "in_person", "en", &[]).await;
    register(c, "Bruno Costa", "online", "en", &[]).await;
    sign_in_organiser(c, "org@example.org", None).await;
    let sheet = text_of(c, "/admin/events/city-summit/badges?lang=en").await;
    assert!(sheet.contains("Ana Lima") && !sheet.contains("Bruno Costa"));
    assert!(sheet.contains("1 badge to print."), "not \"1 badges\"");
    assert!(sheet.contains("id=\"badges-online\" name=\"online\" value=\"true\">"));
    assert!(sheet.contains("Include online attendees"));
    assert!(sheet.contains("<button type=\"button\" data-print hidden>Print the badges</button>"));
    assert!(sheet.contains("<script src=\"/public/print.js\" defer></script>"));
    let script = text_of(c, "/public/print.js").await;
    assert!(script.contains("window.print()"));

    let all = text_of(c, "/admin/events/city-summit/badges?online=true&lang=en").await;
    assert!(all.contains("Ana Lima") && all.contains("Bruno Costa"));
    assert!(all.contains("2 badges to print."));
    assert!(all.contains("value=\"true\" checked>"));
    let french = text_of(c, "/admin/events/city-summit/badges?lang=fr").await;
    assert!(french.contains("1 badge à imprimer."));

    // The scanner's offline badge list says "1 badge" too: both forms go to its script.
    let scan = text_of(c, "/scan?lang=en").await;
    assert!(scan.contains("data-kit-one=\"Badge list for offline checks: {n} badge, synced"));
    assert!(scan.contains("data-kit-other=\"Badge list for offline checks: {n} badges, synced"));
}

#[rocket::async_test]
async fn the_scanners_doors_say_day_time_and_room() {
    let d = door::door(Backend::Postgres).await;
    let c = &d.client;
    let rooms = "/api/v1/events/city-summit/rooms";
    let mut room_ids = vec![];
    for name in ["Garonne", "Dordogne"] {
        let (_, room) =
            send_json(c, Method::Post, rooms, &d.organiser, json!({"name": name})).await;
        room_ids.push(room["id"].as_i64().unwrap());
    }
    for (room, at) in [
        (room_ids[0], "10:15"),
        (room_ids[1], "10:15"),
        (room_ids[0], "15:30"),
    ] {
        let ends = at.replace(":15", ":40").replace(":30", ":55");
        session(
            &d,
            json!({"title": "Coffee break", "kind": "break", "room_id": room,
                "starts_at": format!("2027-06-15T{at}"), "ends_at": format!("2027-06-15T{ends}")}),
        )
        .await;
    }
    sign_in_door(c, "door@example.org", Some(d.event_id)).await;
    let page = text_of(c, "/scan?lang=en").await;
    for label in [
        "Coffee break — Tue 15 Jun 10:15 · Garonne",
        "Coffee break — Tue 15 Jun 10:15 · Dordogne",
        "Coffee break — Tue 15 Jun 15:30 · Garonne",
        "Open data lab — Tue 15 Jun 10:00 · no room",
    ] {
        assert!(page.contains(&format!(">{label}</option>")), "{label}");
    }
    let french = text_of(c, "/scan?lang=fr").await;
    assert!(french.contains(">Coffee break — mar. 15 juin 10:15 · Dordogne</option>"));
}

#[rocket::async_test]
async fn the_error_summary_names_each_field_and_links_to_it() {
    let d = door::door(Backend::Sqlite).await;
    let c = &d.client;
    for (lang, name, email) in [
        (
            "en",
            "Full name: This field is required.",
            "E-mail address: ",
        ),
        (
            "fr",
            "Nom complet : Ce champ est obligatoire.",
            "Adresse e-mail : ",
        ),
    ] {
        let form = text_of(c, &format!("/events/city-summit/register?lang={lang}")).await;
        let csrf = csrf_of(&form);
        let res = c
            .post(format!("/events/city-summit/register?lang={lang}"))
            .header(ContentType::Form)
            .body(format!(
                "csrf={csrf}&name=&email=&attendance=in_person&consent=on"
            ))
            .dispatch()
            .await;
        assert!(res.status().code >= 400 && res.status().code < 500);
        let page = res.into_string().await.unwrap();
        let summary = &page[page.find("error-summary").unwrap()..];
        let summary = &summary[..summary.find("</div>").unwrap()];
        assert!(
            summary.contains(&format!("<li><a href=\"#register-name\">{name}</a></li>")),
            "{summary}"
        );
        assert!(
            summary.contains("<a href=\"#register-email\">"),
            "{summary}"
        );
        assert!(summary.contains(email), "{summary}");
        assert!(
            page.contains("id=\"register-name\""),
            "the link's target exists"
        );
    }
}

#[rocket::async_test]
async fn the_scanner_writes_its_own_times_on_the_events_24_hour_clock() {
    let d = door::door(Backend::Sqlite).await;
    let c = &d.client;
    sign_in_door(c, "door@example.org", Some(d.event_id)).await;
    let page = text_of(c, "/scan?lang=en").await;
    assert!(
        page.contains("data-tz=\"Europe/Paris\""),
        "the event's zone"
    );
    let clock = text_of(c, "/public/scanner/ledger.js").await;
    assert!(clock.contains("hourCycle: \"h23\"") && clock.contains("timeZone: tz"));
}

#[rocket::async_test]
async fn long_workshop_labels_wrap_inside_the_dashboard_chart() {
    let d = door::door(Backend::Sqlite).await;
    let c = &d.client;
    let title = "Concevoir ensemble des services numériques accessibles à toutes et tous";
    let ws = session(
        &d,
        json!({"title": title, "kind": "workshop", "starts_at": "2027-06-15T14:00",
            "ends_at": "2027-06-15T15:00", "capacity": 20, "requires_signup": true}),
    )
    .await;
    register(c, "Ana Lima", "in_person", "en", &[ws]).await;
    sign_in_organiser(c, "org@example.org", None).await;
    let page = text_of(c, "/admin/events/city-summit/dashboard?lang=en").await;
    assert!(
        page.contains(&format!("<title>{title}</title>")),
        "the full label"
    );
    let fill = &page[page.find("id=\"fill\"").unwrap()..];
    let svg = &fill[fill.find("<svg").unwrap()..fill.find("</svg>").unwrap()];
    let lines: Vec<&str> = svg
        .split("<tspan")
        .skip(1)
        .map(|t| &t[t.find('>').unwrap() + 1..t.find("</tspan>").unwrap()])
        .collect();
    assert!(lines.len() >= 3, "{lines:?}");
    assert!(lines.iter().all(|l| l.chars().count() <= 24), "{lines:?}");
    assert!(lines.contains(&"Concevoir ensemble des"), "{lines:?}");
}
