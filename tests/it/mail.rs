//! Mail through a real SMTP server on loopback (aiosmtpd), the personal calendar feed and the
//! join links: what arrives is parsed as a mail client and a calendar would.

use crate::common;

use chrono::{Duration, Utc};
use common::ical_strict;
use common::{
    client_with_settings, free_port, fresh_url, organiser_token, send_json, Backend, SmtpServer,
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
/// Long enough (in octets, with its accents) to fold on two continuation lines.
const ABOUT: &str = "Comment les villes rendent leurs démarches en ligne accessibles à \
    toutes et à tous : retours d’expérience, outils libres et méthodes éprouvées, \
    avec les équipes de médiation numérique.";

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
            "format": "virtual", "requires_signup": true, "capacity": 50, "stream_url": STREAM,
            "description": ABOUT});
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
    let body = json!({"name": "Ana Lima", "email": email, "attendance": "online", "language": "en", "sessions": sessions});
    common::register_via_api(c, "webinar", body).await.0
}

/// The personal token in a registration answer's `manage_url`.
fn token_of(answer: &Value) -> String {
    let url = answer["manage_url"].as_str().expect("a manage_url");
    url.rsplit('/').next().unwrap().to_string()
}

/// Cancels through the API with the personal token, as the attendee's app would.
async fn cancel(c: &Client, answer: &Value) {
    let res = c
        .delete(format!("/api/v1/registrations/{}", token_of(answer)))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
}

fn calendar_of(text: &str) -> Calendar {
    text.parse::<Calendar>().expect("valid iCalendar")
}

/// The calendar parts of a message: the Content-Type's `method=` and the text.
fn calendar_parts(raw: &[u8]) -> Vec<(Option<String>, String)> {
    let mail = MessageParser::default().parse(raw).unwrap();
    mail.parts
        .iter()
        .filter(|p| {
            p.content_type()
                .is_some_and(|t| t.ctype() == "text" && t.subtype() == Some("calendar"))
        })
        .map(|p| {
            let method = p.content_type().and_then(|t| t.attribute("method"));
            // The octets as sent (decoded from the transfer encoding), not a lossy text.
            let text = String::from_utf8(p.contents().to_vec()).expect("UTF-8");
            (method.map(str::to_string), text)
        })
        .collect()
}

/// Reads every calendar part of every message strictly (RFC 5545 lines, RFC 5546 iTIP);
/// returns them per message.
fn strict_invites(messages: &[Vec<u8>]) -> Vec<Vec<(Option<String>, String)>> {
    messages
        .iter()
        .enumerate()
        .map(|(n, raw)| {
            let parts = calendar_parts(raw);
            assert!(parts.len() <= 1, "message {n}: one invite at most");
            for (method, ics) in &parts {
                ical_strict::assert_strict(&format!("message {n}"), ics, method.as_deref());
            }
            parts
        })
        .collect()
}

/// The header fields of a raw message, unfolded, in order (RFC 5322 §2.2).
fn header_fields(raw: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(raw);
    let head = text.split("\r\n\r\n").next().unwrap_or_default();
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = fields.last_mut() {
                value.push_str(line);
            }
        } else if let Some((name, value)) = line.split_once(':') {
            fields.push((name.to_string(), value.trim().to_string()));
        }
    }
    fields
}

/// What a strict mail system wants of a message's header: one Message-ID `<left@summit.test>`
/// (the PUBLIC_URL host), one Date close to now, `Auto-Submitted: auto-generated`. Returns
/// the Message-ID and whether it has List-Unsubscribe.
fn assert_strict_header(what: &str, raw: &[u8]) -> (String, Option<String>) {
    let fields = header_fields(raw);
    let all = |name: &str| -> Vec<&str> {
        fields
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let ids = all("Message-ID");
    assert_eq!(ids.len(), 1, "{what}: one Message-ID, in {fields:?}");
    let id = ids[0];
    let inner = id
        .strip_prefix('<')
        .and_then(|i| i.strip_suffix('>'))
        .unwrap_or_else(|| panic!("{what}: Message-ID {id} not in <>"));
    let (left, domain) = inner
        .split_once('@')
        .unwrap_or_else(|| panic!("{what}: Message-ID {id} without @"));
    let atext = |s: &str| {
        !s.is_empty()
            && !s.starts_with('.')
            && !s.ends_with('.')
            && !s.contains("..")
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
    };
    assert!(atext(left), "{what}: Message-ID {id}");
    assert_eq!(domain, "summit.test", "{what}: the PUBLIC_URL host");
    let dates = all("Date");
    assert_eq!(dates.len(), 1, "{what}: one Date, in {fields:?}");
    let date = chrono::DateTime::parse_from_rfc2822(dates[0])
        .unwrap_or_else(|e| panic!("{what}: Date {}: {e}", dates[0]));
    let off = (date.with_timezone(&Utc) - Utc::now()).num_seconds().abs();
    assert!(off < 600, "{what}: Date {} is {off} s away", dates[0]);
    assert_eq!(
        all("Auto-Submitted"),
        ["auto-generated"],
        "{what}: Auto-Submitted"
    );
    let unsubscribe = all("List-Unsubscribe");
    assert!(unsubscribe.len() <= 1, "{what}: {unsubscribe:?}");
    (id.to_string(), unsubscribe.first().map(|s| s.to_string()))
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
    // The event and its workshops in one file: a PUBLISH (iTIP allows one UID per REQUEST),
    // from the organiser, naming no attendee; and it reads strictly.
    let ctype = invite.content_type().unwrap();
    assert_eq!(ctype.attribute("method"), Some("PUBLISH"));
    let ics = invite.text_contents().unwrap();
    strict_invites(&smtp.messages_as_sent());
    assert_eq!(ical_strict::method_of(ics).as_deref(), Some("PUBLISH"));
    let organizers = ical_strict::event_lines(ics, "ORGANIZER");
    assert_eq!(organizers.len(), 3, "an ORGANIZER on each event");
    for o in &organizers {
        assert_eq!(o.value, "mailto:summit@example.org");
        assert_eq!(
            o.param("CN"),
            Some("Summit"),
            "MAIL_FROM's name: no organiser set"
        );
    }
    assert!(ical_strict::event_lines(ics, "ATTENDEE").is_empty());
    assert!(
        ical_strict::longest_unfolded(ics) >= 2 * ical_strict::MAX_OCTETS,
        "a line long enough for two continuations (the ics crate made the second 76 octets)"
    );
    let cal = calendar_of(ics);
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
    let mine = token_of(&reg);
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
    let dan = register(&c, "dan@example.org", &[lab]).await;
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

    // Dan cancels: the event goes from their calendar.
    cancel(&c, &dan).await;
    assert_eq!(tick().await.unwrap(), 1);

    // Every invite, read strictly: a PUBLISH for the event with its workshop, then one UID
    // per REQUEST or CANCEL, from the organiser to Dan.
    let invites = strict_invites(&smtp.messages_as_sent());
    let lab_uid = format!("session-{lab}@summit.test");
    let event = store::events::get(db, "webinar").await.unwrap();
    let event_uid = format!("event-{}@summit.test", event.id);
    let seen: Vec<(String, Vec<String>)> = invites
        .iter()
        .map(|parts| {
            let (method, ics) = &parts[0];
            assert_eq!(ical_strict::method_of(ics).as_ref(), method.as_ref());
            (
                method.clone().unwrap(),
                ical_strict::event_values(ics, "UID"),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("PUBLISH".into(), vec![event_uid.clone(), lab_uid.clone()]),
            ("REQUEST".into(), vec![lab_uid.clone()]),
            ("CANCEL".into(), vec![lab_uid.clone()]),
            ("CANCEL".into(), vec![event_uid.clone()]),
        ]
    );
    for parts in &invites[1..] {
        let ics = &parts[0].1;
        let attendees = ical_strict::event_lines(ics, "ATTENDEE");
        assert_eq!(attendees.len(), 1);
        assert_eq!(attendees[0].value, "mailto:dan@example.org");
        assert_eq!(attendees[0].param("CN"), Some("Ana Lima"));
        assert_eq!(attendees[0].param("RSVP"), Some("FALSE"));
        let organizer = ical_strict::event_values(ics, "ORGANIZER");
        assert_eq!(organizer, ["mailto:summit@example.org"]);
    }
    let last = &invites[3][0].1;
    assert_eq!(ical_strict::event_values(last, "STATUS"), ["CANCELLED"]);
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
    // Eve's confirmation (event and lab) and Fred's (the event alone) read strictly;
    // reminders and announcements carry no invite.
    let invites = strict_invites(&smtp.messages_as_sent());
    let methods: Vec<_> = invites
        .iter()
        .flatten()
        .map(|(m, _)| m.clone().unwrap())
        .collect();
    assert_eq!(methods.len(), 2);
    assert!(methods.contains(&"PUBLISH".into()) && methods.contains(&"REQUEST".into()));
}

#[rocket::async_test]
async fn cancelling_withdraws_the_event_and_its_workshops_from_the_calendar() {
    let port = free_port();
    let smtp = SmtpServer::start(port);
    let (c, settings) = app(Some(port)).await;
    let (live, ended) = event_now(&c).await;
    let ana = register(&c, "ana@example.org", &[live, ended]).await;
    let worker = Worker::new(&settings).unwrap();
    let db = common::db(&c);
    let tick = || worker.tick(db, summit::domain::time::now());
    assert_eq!(tick().await.unwrap(), 1);
    cancel(&c, &ana).await;
    assert_eq!(tick().await.unwrap(), 1);
    let invites = strict_invites(&smtp.messages_as_sent());
    let uids = |n: usize| {
        let mut uids = ical_strict::event_values(&invites[n][0].1, "UID");
        uids.sort();
        uids
    };
    assert_eq!(uids(0).len(), 3, "the event and both workshops");
    assert_eq!(uids(1), uids(0), "all three withdrawn, not the event alone");
    let (method, ics) = &invites[1][0];
    assert_eq!(method.as_deref(), Some("PUBLISH"), "three UIDs: no CANCEL");
    assert_eq!(
        ical_strict::event_values(ics, "STATUS"),
        ["CANCELLED", "CANCELLED", "CANCELLED"]
    );
}

/// What arrives at a real SMTP server and what is written to the outbox folder: every
/// message has one Message-ID in the PUBLIC_URL's domain, a Date, and says it was sent by a
/// machine; an organiser's announcement says how to stop them, a confirmation does not.
#[rocket::async_test]
async fn every_message_has_an_id_a_date_and_says_it_is_automatic() {
    for smtp in [true, false] {
        let port = free_port();
        let server = smtp.then(|| SmtpServer::start(port));
        let (c, settings) = app(smtp.then_some(port)).await;
        let (live, _) = event_now(&c).await;
        register(&c, "ana@example.org", &[live]).await;
        let fred = register(&c, "fred@example.org", &[]).await;
        let worker = Worker::new(&settings).unwrap();
        let db = common::db(&c);
        let tick = || worker.tick(db, summit::domain::time::now());
        assert_eq!(tick().await.unwrap(), 2);
        common::sign_in_organiser(&c, "orga@webinar.org", None).await;
        let page = common::text_of(&c, "/admin/events/webinar/registrations").await;
        let csrf = common::csrf_of(&page);
        let res = c
            .post("/admin/events/webinar/announcements")
            .header(ContentType::Form)
            .body(format!(
                "csrf={csrf}&subject=Room+change&body=The+lab+moves+to+room+B."
            ))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::SeeOther);
        assert_eq!(tick().await.unwrap(), 2, "the announcement to both");
        cancel(&c, &fred).await;
        assert_eq!(tick().await.unwrap(), 1);

        let messages = match &server {
            Some(server) => server.messages_as_sent(),
            None => {
                let mut files: Vec<_> = std::fs::read_dir(&settings.outbox_dir)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                    .collect();
                files.sort();
                files.iter().map(|p| std::fs::read(p).unwrap()).collect()
            }
        };
        let how = if smtp { "SMTP" } else { ".eml" };
        assert_eq!(messages.len(), 5, "{how}");
        let mut ids = std::collections::BTreeSet::new();
        let mut announcements = 0;
        for (n, raw) in messages.iter().enumerate() {
            let what = format!("{how} message {n}");
            let (id, unsubscribe) = assert_strict_header(&what, raw);
            assert!(ids.insert(id), "{what}: its own Message-ID");
            let mail = MessageParser::default().parse(raw).unwrap();
            if mail.subject() == Some("Room change") {
                announcements += 1;
                assert_eq!(
                    unsubscribe.as_deref(),
                    Some("<mailto:summit@example.org?subject=unsubscribe>"),
                    "{what}"
                );
            } else {
                assert_eq!(unsubscribe, None, "{what}: {:?}", mail.subject());
            }
        }
        assert_eq!(announcements, 2, "{how}");
        // And their invites read strictly: Ana's event and workshop (PUBLISH), Fred's event
        // alone (REQUEST), then withdrawn (CANCEL).
        let methods: std::collections::BTreeSet<_> = strict_invites(&messages)
            .into_iter()
            .flatten()
            .map(|(method, _)| method.unwrap())
            .collect();
        assert_eq!(
            methods,
            ["CANCEL", "PUBLISH", "REQUEST"].map(String::from).into(),
            "{how}"
        );
    }
}

/// The strict reading finds what strict calendar servers refuse, and what the ics crate's
/// own folding (one octet too long) wrote before.
#[test]
fn the_strict_calendar_reading_finds_what_servers_refuse() {
    let event = |uid: &str, extra: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20270615T080000Z\r\n\
             DTSTART:20270615T083000Z\r\nDTEND:20270615T093000Z\r\nSEQUENCE:0\r\n\
             SUMMARY:Atelier\r\n{extra}END:VEVENT\r\n"
        )
    };
    let cal = |method: &str, events: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{method}{events}END:VCALENDAR\r\n"
        )
    };
    let people = "ORGANIZER;CN=\"Bordeaux M\u{e9}tropole\":mailto:orga@example.org\r\n\
                  ATTENDEE;CN=\"Ana\";RSVP=FALSE:mailto:ana@example.org\r\n";
    let request = cal("METHOD:REQUEST\r\n", &event("a@x", people));
    assert_eq!(
        ical_strict::problems(&request, Some("REQUEST")),
        Vec::<String>::new()
    );
    let has = |ics: &str, method: Option<&str>, needle: &str| {
        let found = ical_strict::problems(ics, method);
        assert!(
            found.iter().any(|p| p.contains(needle)),
            "want {needle:?} in {found:?} for\n{ics}"
        );
    };
    has(&request, None, "no method= in the Content-Type");
    has(
        &request,
        Some("PUBLISH"),
        "method=PUBLISH in the Content-Type",
    );
    has(&request.replace("\r\n", "\n"), Some("REQUEST"), "bare LF");
    let two = format!("{}{}", event("a@x", people), event("b@x", people));
    has(&cal("METHOD:REQUEST\r\n", &two), Some("REQUEST"), "2 UIDs");
    let nobody = cal("METHOD:REQUEST\r\n", &event("a@x", ""));
    has(&nobody, Some("REQUEST"), "0 ORGANIZER");
    has(&nobody, Some("REQUEST"), "0 ATTENDEE");
    has(
        &request.replace(";RSVP=FALSE", ""),
        Some("REQUEST"),
        "without RSVP=FALSE",
    );
    has(
        &request.replace("mailto:orga@example.org", "orga@example.org"),
        Some("REQUEST"),
        "is no mailto:",
    );
    let cancel = cal("METHOD:CANCEL\r\n", &event("a@x", people));
    has(&cancel, Some("CANCEL"), "without STATUS:CANCELLED");
    let publish = cal("METHOD:PUBLISH\r\n", &event("a@x", people));
    has(&publish, Some("PUBLISH"), "1 ATTENDEE, want exactly 0");
    has(
        &cal("METHOD:PUBLISH\r\n", &event("a@x", "")),
        Some("PUBLISH"),
        "0 ORGANIZER",
    );
    // One fault at a time in an otherwise valid REQUEST, and what the reader must say.
    for (valid, faulty, said) in [
        ("VERSION:2.0\r\n", "", "0 VERSION"),
        ("PRODID:-//t//t//EN\r\n", "", "0 PRODID"),
        ("DTSTAMP:20270615T080000Z\r\n", "", "0 DTSTAMP"),
        ("END:VEVENT\r\n", "", "closes BEGIN:VEVENT"),
        ("UID:a@x\r\n", "UID:a@x\r\nUID:b@x\r\n", "2 UID"),
    ] {
        has(&request.replace(valid, faulty), Some("REQUEST"), said);
    }
    // A line of 76 octets, and a fold inside "é".
    let long = format!("DESCRIPTION:{}\r\n", "x".repeat(64));
    has(&cal("", &event("a@x", &long)), None, "76 octets");
    let fine = cal(
        "",
        &event("a@x", &format!("DESCRIPTION:{}\u{e9}\r\n", "x".repeat(61))),
    );
    assert_eq!(ical_strict::problems(&fine, None), Vec::<String>::new());
    let at = fine.find('\u{e9}').unwrap() + 1; // between the two octets of "é"
    let cut = [&fine.as_bytes()[..at], b"\r\n ", &fine.as_bytes()[at..]].concat();
    let has_bytes = |ics: &[u8], needle: &str| {
        let found = ical_strict::problems(ics, None);
        assert!(found.iter().any(|p| p.contains(needle)), "{found:?}");
    };
    has_bytes(&cut, "cut a character in two");

    // What the ics crate folds by itself: a continuation line of 76 octets.
    let mut old = ics::ICalendar::new("2.0", "-//t//t//EN");
    let mut ev = ics::Event::new("a@x", "20270615T080000Z");
    ev.push(ics::properties::DtStart::new("20270615T083000Z"));
    ev.push(ics::properties::Description::new("d\u{e9}bat ".repeat(40)));
    old.add_event(ev);
    has(&old.to_string(), None, "76 octets");
    assert_eq!(
        ical_strict::problems(summit::calendar::fold(&old.to_string()), None),
        Vec::<String>::new(),
        "Summit's folding"
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
