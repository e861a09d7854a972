//! Mail through a real SMTP server on loopback (aiosmtpd), the personal calendar feed and the
//! join links: what arrives is parsed as a mail client and a calendar would.

use crate::common;

use chrono::{Duration, Utc};
use common::{
    client_with_settings, free_port, fresh_url, json_of, organiser_token, send_json, Backend,
    SmtpServer,
};
use icalendar::{Calendar, CalendarComponent, Component};
use mail_parser::{MessageParser, MimeHeaders};
use rocket::http::{ContentType, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};
use summit::jobs::outbox::Worker;
use summit::store;
use summit::Settings;

const STREAM: &str = "https://stream.example.org/private-room";

async fn app(smtp_port: Option<u16>) -> (Client, Settings) {
    let url = fresh_url(Backend::Sqlite).await;
    let mut s = common::settings(&url, false);
    s.smtp_url = smtp_port.map(|p| format!("smtp://127.0.0.1:{p}"));
    s.mail_from = "Summit <summit@example.org>".into();
    (client_with_settings(s.clone()).await, s)
}

fn local(offset_minutes: i64) -> String {
    let t = Utc::now().with_timezone(&chrono_tz::Europe::Paris) + Duration::minutes(offset_minutes);
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// A hybrid event under way now, with an online workshop going on and one that ended.
async fn event_now(c: &Client) -> (i64, i64) {
    let token = organiser_token(c).await;
    let event = json!({"slug": "webinar", "title": "Inclusive city webinar", "timezone": "Europe/Paris",
        "starts_at": local(-120), "ends_at": local(120), "format": "hybrid", "status": "published",
        "registration_closes_at": local(100)});
    let (status, body) = send_json(c, Method::Post, "/api/v1/events", &token, event).await;
    assert_eq!(status, Status::Created, "{body}");
    let mut ids = vec![];
    for (title, from, to) in [("Live workshop", -10, 50), ("Morning talk", -100, -40)] {
        let body = json!({"title": title, "kind": "workshop", "starts_at": local(from), "ends_at": local(to),
            "format": "virtual", "requires_signup": true, "capacity": 50, "stream_url": STREAM});
        let (status, s) = send_json(
            c,
            Method::Post,
            "/api/v1/events/webinar/sessions",
            &token,
            body,
        )
        .await;
        assert_eq!(status, Status::Created, "{s}");
        ids.push(s["id"].as_i64().unwrap());
    }
    (ids[0], ids[1])
}

async fn register(c: &Client, email: &str, sessions: &[i64]) -> Value {
    let res = c
        .post("/api/v1/events/webinar/registrations")
        .header(ContentType::JSON)
        .body(json!({"name": "Ana Lima", "email": email, "attendance": "online", "language": "en", "sessions": sessions}).to_string())
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Created);
    json_of(res).await
}

fn calendar_of(text: &str) -> Calendar {
    text.parse::<Calendar>().expect("valid iCalendar")
}

#[rocket::async_test]
async fn the_confirmation_arrives_with_a_working_link_and_an_invite() {
    let port = free_port();
    let smtp = SmtpServer::start(port);
    let (c, settings) = app(Some(port)).await;
    let (live, ended) = event_now(&c).await;
    register(&c, "ana@example.org", &[live, ended]).await;
    let worker = Worker::new(&settings).unwrap();
    let db = common::db(&c);
    assert_eq!(
        worker.tick(db, summit::domain::time::now()).await.unwrap(),
        1
    );
    assert_eq!(
        worker.tick(db, summit::domain::time::now()).await.unwrap(),
        0,
        "sent once"
    );

    let raw = smtp.messages();
    assert_eq!(raw.len(), 1);
    let text = String::from_utf8_lossy(&raw[0]);
    assert!(
        !text.contains("private-room"),
        "no streaming URL in any e-mail"
    );
    let mail = MessageParser::default().parse(&raw[0]).unwrap();
    assert_eq!(
        mail.subject(),
        Some("Registration confirmed: Inclusive city webinar")
    );
    let body = mail.body_text(0).unwrap().to_string();
    assert!(body.starts_with("Hello Ana Lima,"));
    assert!(body.contains("Live workshop"));
    let link = body
        .lines()
        .find(|l| l.starts_with("https://summit.test/r/"))
        .expect("the personal link")
        .trim()
        .to_string();
    assert!(mail.body_html(0).unwrap().contains(&link));
    let invite = mail
        .attachments()
        .find(|p| {
            p.content_type()
                .is_some_and(|t| t.ctype() == "text" && t.subtype() == Some("calendar"))
        })
        .expect("a calendar part");
    let ctype = invite.content_type().unwrap();
    assert_eq!(ctype.attribute("method"), Some("REQUEST"));
    let cal = calendar_of(invite.text_contents().unwrap());
    let events: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 3, "the event and both workshops");
    let workshop = events
        .iter()
        .find(|e| e.get_summary() == Some("Live workshop"))
        .unwrap();
    let description = workshop.get_description().unwrap();
    let token = link.rsplit('/').next().unwrap();
    assert!(
        description.contains(&format!("/r/{token}/join/{live}")),
        "{description}"
    );

    // The badge is an inline image the HTML shows; its QR code checks in at the door.
    let badge = mail
        .parts
        .iter()
        .find(|p| p.content_type().is_some_and(|t| t.subtype() == Some("png")))
        .expect("the badge image");
    assert_eq!(badge.content_id(), Some("badge"));
    assert!(mail.body_html(0).unwrap().contains("src=\"cid:badge\""));
    let code = qr_text(badge.contents());
    let door = store::staff::create_token(db, summit::domain::StaffRole::Door, None, "door")
        .await
        .unwrap();
    let (status, verdict) = send_json(
        &c,
        Method::Post,
        "/api/v1/checkins",
        &door,
        json!({ "code": code }),
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(verdict["verdict"], "admitted");

    // The link in the mail opens the attendee's page.
    let page = c.get(format!("/r/{token}?lang=en")).dispatch().await;
    assert_eq!(page.status(), Status::Ok);
    // Inside the window the join link leads to the stream and counts the attendance.
    let go = c.get(format!("/r/{token}/join/{live}")).dispatch().await;
    assert_eq!(go.status(), Status::SeeOther);
    assert_eq!(go.headers().get_one("Location"), Some(STREAM));
    let event = store::events::get(db, "webinar").await.unwrap();
    let joins = store::joins::counts(db, event.id).await.unwrap();
    assert_eq!(joins, [(Some(live), 1)]);
    let over = c
        .get(format!("/r/{token}/join/{ended}?lang=en"))
        .dispatch()
        .await;
    assert_eq!(over.status(), Status::Ok);
    let over = over.into_string().await.unwrap();
    assert!(over.contains("This session has ended.") && !over.contains("private-room"));
}

#[rocket::async_test]
async fn an_smtp_outage_delays_mail_but_loses_nothing() {
    let port = free_port();
    let (c, settings) = app(Some(port)).await;
    event_now(&c).await;
    let reg = register(&c, "ben@example.org", &[]).await;
    assert_eq!(
        reg["status"], "confirmed",
        "registration does not wait for mail"
    );
    let worker = Worker::new(&settings).unwrap();
    let db = common::db(&c);
    let now = summit::domain::time::now();
    assert_eq!(worker.tick(db, now).await.unwrap(), 0, "nobody listens yet");
    assert_eq!(store::outbox::pending_count(db).await.unwrap(), 1);
    let smtp = SmtpServer::start(port);
    assert_eq!(
        worker.tick(db, now + 1).await.unwrap(),
        0,
        "waits for the backoff"
    );
    assert_eq!(worker.tick(db, now + 3600).await.unwrap(), 1);
    assert_eq!(store::outbox::pending_count(db).await.unwrap(), 0);
    assert_eq!(smtp.messages().len(), 1);
}

/// Two workers (as on two app instances) never send one message twice, on both databases.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_send_each_message_once() {
    for backend in common::BACKENDS {
        let url = fresh_url(backend).await;
        let s = common::settings(&url, false);
        let c = client_with_settings(s.clone()).await;
        event_now(&c).await;
        for n in 0..12 {
            register(&c, &format!("p{n}@example.org"), &[]).await;
        }
        let (a, b) = (Worker::new(&s).unwrap(), Worker::new(&s).unwrap());
        let db = common::db(&c);
        let now = summit::domain::time::now();
        let (sa, sb) = tokio::join!(a.tick(db, now), b.tick(db, now));
        let (sa, sb) = (sa.unwrap(), sb.unwrap());
        let (sa2, sb2) = tokio::join!(a.tick(db, now), b.tick(db, now));
        assert_eq!(sa + sb + sa2.unwrap() + sb2.unwrap(), 12, "{backend:?}");
        let files = std::fs::read_dir(&s.outbox_dir).unwrap().count();
        assert_eq!(files, 12, "{backend:?}: one .eml per message");
    }
}

#[rocket::async_test]
async fn the_personal_feed_follows_changes_and_join_links_wait_for_their_window() {
    let (c, _) = app(None).await;
    let (live, _) = event_now(&c).await;
    let token = organiser_token(&c).await;
    let later = json!({"title": "Evening lab", "kind": "workshop", "starts_at": local(60),
        "ends_at": local(90), "format": "virtual", "requires_signup": true, "stream_url": STREAM});
    let (_, lab) = send_json(
        &c,
        Method::Post,
        "/api/v1/events/webinar/sessions",
        &token,
        later,
    )
    .await;
    let lab = lab["id"].as_i64().unwrap();
    let reg = register(&c, "chloe@example.org", &[live, lab]).await;
    let mine = reg["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let sequence_of = |cal: &Calendar| -> Option<u32> {
        cal.components.iter().find_map(|c| match c {
            CalendarComponent::Event(e) if e.get_summary() == Some("Evening lab") => {
                e.get_sequence()
            }
            _ => None,
        })
    };
    let before = sequence_of(&feed(&c, &mine).await).unwrap();
    let moved = json!({"starts_at": local(70), "ends_at": local(100)});
    let (status, _) = send_json(
        &c,
        Method::Patch,
        &format!("/api/v1/events/webinar/sessions/{lab}"),
        &token,
        moved,
    )
    .await;
    assert_eq!(status, Status::Ok);
    let after = feed(&c, &mine).await;
    assert!(
        sequence_of(&after).unwrap() > before,
        "SEQUENCE rises on a move"
    );
    let raw = c.get(format!("/r/{mine}/calendar.ics")).dispatch().await;
    assert!(!raw.into_string().await.unwrap().contains("private-room"));
    let early = c
        .get(format!("/r/{mine}/join/{lab}?lang=en"))
        .dispatch()
        .await;
    assert_eq!(early.status(), Status::Ok);
    let early = early.into_string().await.unwrap();
    assert!(
        early.contains("opens 15 minutes before the start"),
        "{early}"
    );
    let unknown = c.get(format!("/r/{mine}/join/99999")).dispatch().await;
    assert_eq!(unknown.status(), Status::NotFound);
}

async fn feed(c: &Client, token: &str) -> Calendar {
    let res = c.get(format!("/r/{token}/calendar.ics")).dispatch().await;
    assert_eq!(res.content_type().unwrap().sub(), "calendar");
    calendar_of(&res.into_string().await.unwrap())
}

fn invite_of(raw: &[u8]) -> (String, String, Calendar) {
    let mail = MessageParser::default().parse(raw).unwrap();
    let part = mail
        .attachments()
        .find(|p| {
            p.content_type()
                .is_some_and(|t| t.subtype() == Some("calendar"))
        })
        .expect("a calendar part");
    let method = part
        .content_type()
        .and_then(|t| t.attribute("method"))
        .unwrap()
        .to_string();
    let cal = calendar_of(part.text_contents().unwrap());
    (mail.subject().unwrap().to_string(), method, cal)
}

#[rocket::async_test]
async fn moving_or_cancelling_a_session_updates_the_attendees_invites() {
    let port = free_port();
    let smtp = SmtpServer::start(port);
    let (c, settings) = app(Some(port)).await;
    let token = organiser_token(&c).await;
    event_now(&c).await;
    let body = json!({"title": "Evening lab", "kind": "workshop", "starts_at": local(60),
        "ends_at": local(90), "format": "virtual", "requires_signup": true, "stream_url": STREAM});
    let path = "/api/v1/events/webinar/sessions";
    let (_, lab) = send_json(&c, Method::Post, path, &token, body).await;
    let lab = lab["id"].as_i64().unwrap();
    register(&c, "dan@example.org", &[lab]).await;
    let worker = Worker::new(&settings).unwrap();
    let db = common::db(&c);
    let tick = || worker.tick(db, summit::domain::time::now());
    assert_eq!(tick().await.unwrap(), 1);
    let lab_sequence = |cal: &Calendar| {
        cal.components.iter().find_map(|c| match c {
            CalendarComponent::Event(e) if e.get_summary() == Some("Evening lab") => Some((
                e.get_sequence().unwrap(),
                e.property_value("STATUS").map(str::to_string),
            )),
            _ => None,
        })
    };
    let (_, _, first) = invite_of(&smtp.messages()[0]);
    let (seq0, _) = lab_sequence(&first).unwrap();

    let session = format!("/api/v1/events/webinar/sessions/{lab}");
    let moved = json!({"starts_at": local(70), "ends_at": local(100)});
    let (status, _) = send_json(&c, Method::Patch, &session, &token, moved).await;
    assert_eq!(status, Status::Ok);
    let renamed = json!({"description": "Bring a laptop"});
    send_json(&c, Method::Patch, &session, &token, renamed).await;
    assert_eq!(
        tick().await.unwrap(),
        1,
        "a move is news, a description edit is not"
    );
    let (subject, method, cal) = invite_of(&smtp.messages()[1]);
    assert_eq!(subject, "Change to your programme: Inclusive city webinar");
    assert_eq!(method, "REQUEST");
    assert!(lab_sequence(&cal).unwrap().0 > seq0);

    let res = c
        .delete(session.clone())
        .header(common::bearer(&token))
        .dispatch()
        .await;
    assert!(res.status().code < 300, "{}", res.status());
    assert_eq!(tick().await.unwrap(), 1);
    let (subject, method, cal) = invite_of(&smtp.messages()[2]);
    assert_eq!(subject, "Session cancelled: Inclusive city webinar");
    assert_eq!(method, "CANCEL");
    assert_eq!(cal.components.len(), 1, "just the cancelled session");
    assert_eq!(lab_sequence(&cal).unwrap().1.as_deref(), Some("CANCELLED"));
}

#[rocket::async_test]
async fn reminders_go_out_once_and_organisers_announce() {
    let port = free_port();
    let smtp = SmtpServer::start(port);
    let (c, settings) = app(Some(port)).await;
    let token = organiser_token(&c).await;
    event_now(&c).await;
    let body = json!({"title": "Evening lab", "kind": "workshop", "starts_at": local(60),
        "ends_at": local(90), "format": "virtual", "requires_signup": true, "stream_url": STREAM});
    let (_, lab) = send_json(
        &c,
        Method::Post,
        "/api/v1/events/webinar/sessions",
        &token,
        body,
    )
    .await;
    let lab = lab["id"].as_i64().unwrap();
    let online = register(&c, "eve@example.org", &[lab]).await;
    let res = c
        .post("/api/v1/events/webinar/registrations")
        .header(ContentType::JSON)
        .body(json!({"name": "Fred", "email": "fred@example.org", "attendance": "in_person", "language": "en"}).to_string())
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Created);
    let db = common::db(&c);
    let event = store::events::get(db, "webinar").await.unwrap();
    let session = store::sessions::get(db, event.id, lab).await.unwrap();
    // An hour before the event both get the event reminder, once however often it runs.
    let before_event = event.starts_at - 3600;
    let day = settings.reminder_hours * 3600;
    let soon = settings.online_reminder_minutes * 60;
    assert_eq!(
        store::outbox::queue_reminders(db, before_event, day, soon)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        store::outbox::queue_reminders(db, before_event + 60, day, soon)
            .await
            .unwrap(),
        0
    );
    // Ten minutes before the online lab, only the online attendee seated in it is reminded.
    let before_lab = session.starts_at - 600;
    assert_eq!(
        store::outbox::queue_reminders(db, before_lab, day, soon)
            .await
            .unwrap(),
        1
    );
    let worker = Worker::new(&settings).unwrap();
    let sent = worker.tick(db, before_lab).await.unwrap();
    assert_eq!(sent, 5, "2 confirmations, 3 reminders");
    let subjects: Vec<String> = smtp
        .messages()
        .iter()
        .map(|raw| {
            MessageParser::default()
                .parse(raw)
                .unwrap()
                .subject()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        subjects
            .iter()
            .filter(|s| s.starts_with("Reminder: Inclusive city webinar"))
            .count(),
        2
    );
    let lab_reminder = smtp
        .messages()
        .into_iter()
        .find(|raw| String::from_utf8_lossy(raw).contains("Starting soon: Evening lab"))
        .expect("the online session reminder");
    let mail = MessageParser::default().parse(&lab_reminder).unwrap();
    assert!(mail.body_text(0).unwrap().contains(&format!("/join/{lab}")));
    assert_eq!(
        mail.to().unwrap().first().unwrap().address(),
        Some("eve@example.org")
    );
    assert!(online["manage_url"].is_string());

    // An announcement to online attendees only, in the organiser's words.
    common::sign_in_organiser(&c, "orga@webinar.org", None).await;
    let page = common::text_of(&c, "/admin/events/webinar/registrations").await;
    let csrf = common::csrf_of(&page);
    let res = c
        .post("/admin/events/webinar/announcements")
        .header(ContentType::Form)
        .body(format!(
            "csrf={csrf}&attendance=online&subject=Room+change&body=The+lab+moves+to+room+B."
        ))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(
        worker.tick(db, summit::domain::time::now()).await.unwrap(),
        1,
        "Fred attends in person"
    );
    let last = smtp.messages().pop().unwrap();
    let mail = MessageParser::default().parse(&last).unwrap();
    assert_eq!(mail.subject(), Some("Room change"));
    assert!(mail
        .body_text(0)
        .unwrap()
        .contains("The lab moves to room B."));
    let res = c
        .post("/admin/events/webinar/announcements")
        .header(ContentType::Form)
        .body(format!("csrf={csrf}&subject=&body="))
        .dispatch()
        .await;
    assert_eq!(
        res.status(),
        Status::UnprocessableEntity,
        "subject and message required"
    );
}

/// The text of the QR code in a PNG, as a phone camera would read it.
fn qr_text(png_bytes: &[u8]) -> String {
    let decoder = png::Decoder::new(png_bytes);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Grayscale);
    let (w, h) = (info.width as usize, info.height as usize);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * w + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1);
    grids[0].decode().expect("a readable QR code").1
}
