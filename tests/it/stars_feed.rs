//! The personal programme in the attendee's calendar feed, read by a real iCalendar parser
//! (and the strict reading), and the reminder before a starred session, on SQLite and
//! PostgreSQL.

use crate::common;
use crate::stars::{attendee, forum, id, press, put_star};

use chrono::{Duration, Utc};
use common::{client_with, ical_strict, organiser_token, send_json, text_of, BACKENDS};
use icalendar::{Calendar, CalendarComponent, Component};
use rocket::http::{Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::json;

fn calendar_of(text: &str) -> Calendar {
    assert!(
        ical_strict::problems(text, None).is_empty(),
        "{:?}",
        ical_strict::problems(text, None)
    );
    text.parse::<Calendar>().expect("valid iCalendar")
}

/// The session's VEVENT in the feed: its STATUS and SEQUENCE.
fn in_feed(cal: &Calendar, session: i64) -> Option<(String, i64)> {
    let uid = format!("session-{session}@summit.test");
    cal.components.iter().find_map(|c| match c {
        CalendarComponent::Event(e) if e.get_uid() == Some(uid.as_str()) => Some((
            e.property_value("STATUS").unwrap_or_default().to_string(),
            e.get_sequence().unwrap_or_default() as i64,
        )),
        _ => None,
    })
}

async fn feed(c: &Client, token: &str) -> Calendar {
    let res = c.get(format!("/r/{token}/calendar.ics")).dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    calendar_of(&res.into_string().await.unwrap())
}

#[rocket::async_test]
async fn the_personal_feed_follows_stars_and_cancels_what_is_unstarred() {
    for backend in BACKENDS {
        let c = client_with(backend, false).await;
        let ids = forum(&c, "forum").await;
        let (a, keynote) = (id(&ids, "Talk A"), id(&ids, "Day two keynote"));
        let token = attendee(&c, "forum", "ana@example.org", &[]).await;
        assert_eq!(in_feed(&feed(&c, &token).await, a), None, "not starred yet");

        press(&c, &token, "star", &format!("session={a}")).await;
        put_star(&c, &token, keynote).await;
        let cal = feed(&c, &token).await;
        let (status, first) = in_feed(&cal, a).expect("the starred talk is in the feed");
        assert_eq!(status, "CONFIRMED");
        assert_eq!(
            in_feed(&cal, keynote).unwrap().0,
            "CONFIRMED",
            "{backend:?}"
        );

        press(&c, &token, "unstar", &format!("session={a}")).await;
        let (status, after) = in_feed(&feed(&c, &token).await, a).expect("still there");
        assert_eq!(status, "CANCELLED");
        assert!(after > first, "SEQUENCE rises: {first} then {after}");

        put_star(&c, &token, a).await;
        let (status, again) = in_feed(&feed(&c, &token).await, a).unwrap();
        assert_eq!(status, "CONFIRMED");
        assert!(again > after, "starred again: SEQUENCE rises once more");

        // An organiser removes a starred talk nobody signed up for: kept as cancelled, so
        // the feed says so (with a higher SEQUENCE) instead of dropping it.
        let b = id(&ids, "Talk B");
        put_star(&c, &token, b).await;
        let (_, before) = in_feed(&feed(&c, &token).await, b).unwrap();
        let organiser = organiser_token(&c).await;
        let path = format!("/api/v1/events/forum/sessions/{b}");
        let (status, _) = send_json(&c, Method::Delete, &path, &organiser, json!({})).await;
        assert!(status.code < 300, "{status}");
        let (status, removed) = in_feed(&feed(&c, &token).await, b).expect("kept, cancelled");
        assert_eq!(status, "CANCELLED");
        assert!(removed > before);

        // Cancelling the registration cancels the starred sessions in the feed too.
        let res = c
            .delete(format!("/api/v1/registrations/{token}"))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Ok);
        let cal = feed(&c, &token).await;
        assert_eq!(in_feed(&cal, keynote).unwrap().0, "CANCELLED");
    }
}

fn local(offset_minutes: i64) -> String {
    let t = Utc::now().with_timezone(&chrono_tz::Europe::Paris) + Duration::minutes(offset_minutes);
    t.format("%Y-%m-%dT%H:%M").to_string()
}

#[rocket::async_test]
async fn a_reminder_before_a_starred_session_is_queued_once_for_who_asked() {
    for backend in BACKENDS {
        let url = common::fresh_url(backend).await;
        let settings = common::settings(&url, false);
        let c = common::client_with_settings(settings.clone()).await;
        let organiser = organiser_token(&c).await;
        let event = json!({"slug": "today", "title": "Today", "timezone": "Europe/Paris",
            "starts_at": local(-60), "ends_at": local(240), "format": "in_person",
            "status": "published", "registration_closes_at": local(200)});
        let (status, body) = send_json(&c, Method::Post, "/api/v1/events", &organiser, event).await;
        assert_eq!(status, Status::Created, "{body}");
        let talk = json!({"title": "Soon talk", "kind": "plenary", "starts_at": local(10),
            "ends_at": local(50)});
        let path = "/api/v1/events/today/sessions";
        let (_, talk) = send_json(&c, Method::Post, path, &organiser, talk).await;
        let talk = talk["id"].as_i64().unwrap();
        let asked = attendee(&c, "today", "ana@example.org", &[]).await;
        let silent = attendee(&c, "today", "bo@example.org", &[]).await;
        for token in [&asked, &silent] {
            assert_eq!(put_star(&c, token, talk).await.0, Status::Created);
        }
        let (status, to) = press(&c, &asked, "programme/reminder", "remind=on").await;
        assert_eq!(status, Status::SeeOther);
        assert_eq!(to, format!("/r/{asked}/programme?done=reminder#reminder"));
        let page = text_of(&c, &format!("/r/{asked}/programme?lang=en")).await;
        assert!(
            page.contains("id=\"remind\" name=\"remind\" checked"),
            "{page}"
        );

        let db = common::db(&c);
        let now = summit::domain::time::now();
        let queue = || summit::store::outbox::queue_reminders(db, now, 0, 15 * 60);
        assert_eq!(queue().await.unwrap(), 1, "one reminder, for who asked");
        assert_eq!(queue().await.unwrap(), 0, "and only once");

        // The message says where and when, without a join link for a session in a room.
        let worker = summit::jobs::outbox::Worker::new(&settings).unwrap();
        assert!(worker.tick(db, now).await.unwrap() >= 1);
        let texts: Vec<String> = std::fs::read_dir(&settings.outbox_dir)
            .unwrap()
            .filter_map(|f| std::fs::read(f.ok()?.path()).ok())
            .filter_map(|raw| {
                let mail = mail_parser::MessageParser::default().parse(&raw)?;
                let subject = mail.subject()?.to_string();
                Some(format!("{subject}\n{}", mail.body_text(0)?))
            })
            .filter(|t| t.starts_with("Starting soon: Soon talk"))
            .collect();
        assert_eq!(texts.len(), 1, "{texts:?}");
        assert!(
            texts[0].contains("“Soon talk” from your programme starts at"),
            "{}",
            texts[0]
        );
        assert!(!texts[0].contains("/join/"), "{}", texts[0]);
    }
}
