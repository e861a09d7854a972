//! Registration rules on both databases: capacities that hold under concurrency, waitlists in
//! arrival order, promotion on cancellation, one registration per address.

use crate::common;

use common::{fresh_db, on_both, Backend, BACKENDS};
use serde_json::json;
use summit::app::organise;
use summit::app::registering::{self, Channel};
use summit::domain::validate::Input;
use summit::domain::{RegistrationStatus, SignupStatus};
use summit::i18n::Lang;
use summit::store::events::Event;
use summit::store::registrations::{self, Registered, Registration};
use summit::store::{self, Db};

async fn event(db: &Db, extra: &[(&str, &str)]) -> Event {
    let mut input = Input::from_pairs([
        ("slug", "city-summit"),
        ("title", "City summit"),
        ("timezone", "Europe/Paris"),
        ("starts_at", "2027-06-15T08:00"),
        ("ends_at", "2027-06-16T18:00"),
        ("format", "hybrid"),
        ("status", "published"),
    ]);
    for (k, v) in extra {
        input.values.insert(k.to_string(), v.to_string());
    }
    organise::create_event(db, &input).await.unwrap()
}

async fn workshop(db: &Db, event: &Event, title: &str, start: &str, capacity: i64) -> i64 {
    let input = Input::from_json(&json!({
        "title": title, "kind": "workshop", "starts_at": format!("2027-06-15T{start}"),
        "ends_at": format!("2027-06-15T{}", end_of(start)), "capacity": capacity,
        "requires_signup": true, "format": "hybrid",
    }))
    .unwrap();
    let agenda = summit::app::agenda::Agenda::load(db, event.clone())
        .await
        .unwrap();
    organise::create_session(db, &agenda, &input)
        .await
        .unwrap()
        .id
}

fn end_of(start: &str) -> String {
    let hour: u32 = start[..2].parse().unwrap();
    format!("{:02}{}", hour + 1, &start[2..])
}

fn person(n: usize, mode: &str, sessions: &[i64]) -> Input {
    Input::from_json(&json!({
        "name": format!("Person {n}"), "email": format!("person{n}@example.org"),
        "attendance": mode, "sessions": sessions,
    }))
    .unwrap()
}

use common::register_in_app as register;

async fn statuses(db: &Db, event: &Event) -> Vec<Registration> {
    let filter = store::roster::Filter::default();
    store::roster::list(db, event.id, &filter).await.unwrap()
}

fn count(list: &[Registration], status: RegistrationStatus) -> usize {
    list.iter().filter(|r| r.status == status).count()
}

/// 200 people race for the last 10 in-person places: exactly 10 get one, the other 190 wait
/// with distinct positions 1..=190, and a cancellation promotes exactly the first in line.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_people_race_for_the_last_ten_places() {
    for backend in BACKENDS {
        let db = fresh_db(backend).await;
        let event = event(&db, &[("in_person_capacity", "15")]).await;
        for n in 0..5 {
            register(&db, &event, &person(n, "in_person", &[]))
                .await
                .unwrap();
        }
        let racers: Vec<_> = (100..300)
            .map(|n| {
                let (db, event) = (db.clone(), event.clone());
                tokio::spawn(async move {
                    let input = person(n, "in_person", &[]);
                    match registering::register(&db, &event, &input, Lang::En, Channel::Api).await {
                        Ok(Registered::New {
                            registration,
                            waitlist_position,
                            ..
                        }) => (registration.id, registration.status, waitlist_position),
                        other => panic!("{other:?}"),
                    }
                })
            })
            .collect();
        let mut confirmed = 0;
        // The place each waiting racer was told, by registration id.
        let mut told = std::collections::HashMap::new();
        for racer in racers {
            let (id, status, place) = racer.await.unwrap();
            match status {
                RegistrationStatus::Confirmed => confirmed += 1,
                _ => {
                    told.insert(id, place);
                }
            }
        }
        assert_eq!(confirmed, 10, "{backend:?}: answers said confirmed");
        let all = statuses(&db, &event).await;
        assert_eq!(
            count(&all, RegistrationStatus::Confirmed),
            15,
            "{backend:?}"
        );
        let mut waiting: Vec<_> = all
            .iter()
            .filter(|r| r.status == RegistrationStatus::Waitlisted)
            .collect();
        assert_eq!(waiting.len(), 190, "{backend:?}");
        waiting.sort_by_key(|r| r.waitlist_seq);
        for (i, r) in waiting.iter().enumerate() {
            let position = registrations::waitlist_position(&db, r).await.unwrap();
            assert_eq!(position, Some(i as i64 + 1), "{backend:?}");
            // What the racer was answered at once is the place read back afterwards.
            assert_eq!(told.get(&r.id), Some(&position), "{backend:?}: told");
        }
        let first_in_line = waiting[0].id;
        let leaving = all
            .iter()
            .find(|r| r.status == RegistrationStatus::Confirmed)
            .unwrap();
        registrations::cancel(&db, leaving).await.unwrap();
        let after = statuses(&db, &event).await;
        assert_eq!(
            count(&after, RegistrationStatus::Confirmed),
            15,
            "{backend:?}"
        );
        assert_eq!(count(&after, RegistrationStatus::Waitlisted), 189);
        let promoted = registrations::get(&db, first_in_line).await.unwrap();
        assert_eq!(promoted.status, RegistrationStatus::Confirmed);
        let kinds: Vec<_> = store::outbox::for_registration(&db, first_in_line)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.message_kind)
            .collect();
        assert_eq!(kinds, ["registered", "promoted"], "{backend:?}");
        let second = registrations::get(&db, waiting[1].id).await.unwrap();
        assert_eq!(
            registrations::waitlist_position(&db, &second)
                .await
                .unwrap(),
            Some(1)
        );
    }
}

/// Two instances on one database: what registering offers (kept per event revision) follows
/// a programme changed on the other at once. A workshop and a ticket type added there can be
/// chosen here by the next registration; a workshop cancelled there is refused here.
#[tokio::test]
async fn the_next_registration_sees_the_programme_changed_elsewhere() {
    for backend in BACKENDS {
        let url = common::fresh_url(backend).await;
        let here = Db::connect(&url).await.unwrap();
        let there = Db::connect(&url).await.unwrap();
        let event = event(&here, &[]).await;
        // Registering here reads and keeps the offer as it stands.
        register(&here, &event, &person(1, "in_person", &[]))
            .await
            .unwrap();
        let added = workshop(&there, &event, "Added elsewhere", "10:00", 5).await;
        let draft = store::tickets::TicketDraft {
            name: "Élu·e".into(),
            name_en: "Elected official".into(),
            price_cents: 0,
            currency: "EUR".into(),
            quota: None,
            attendance: None,
            sales_start: None,
            sales_end: None,
            position: None,
        };
        let ticket = store::tickets::create(&there, event.id, &draft)
            .await
            .unwrap();
        // Each request reads the event row afresh, as the web layer does.
        let with_ticket = |n, sessions: &[i64]| {
            let mut input = person(n, "in_person", sessions);
            input.values.insert("ticket".into(), ticket.id.to_string());
            let (db, id) = (here.clone(), event.id);
            async move {
                let now = store::events::by_id(&db, id).await.unwrap();
                register(&db, &now, &input).await
            }
        };
        let r = with_ticket(2, &[added]).await.unwrap();
        assert_eq!(r.ticket_type_id, Some(ticket.id), "{backend:?}");
        let held = registrations::signups(&here, r.id).await.unwrap();
        assert_eq!(held.len(), 1, "{backend:?}: the new workshop was taken");
        // Cancelled there (it has a signup, so it is kept as cancelled): refused here.
        store::sessions::delete(&there, event.id, added)
            .await
            .unwrap();
        let err = with_ticket(3, &[added]).await.unwrap_err();
        assert_eq!(err.status().code, 422, "{backend:?}");
        assert!(
            matches!(&err, summit::Error::Unprocessable { fields } if fields.contains_key("sessions")),
            "{backend:?}: {err:?}"
        );
    }
}

/// 40 people race for a 5-seat workshop: 5 seats, 35 in line, a dropped seat goes to the first.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_small_workshop_is_never_overbooked() {
    for backend in BACKENDS {
        let db = fresh_db(backend).await;
        let event = event(&db, &[]).await;
        let lab = workshop(&db, &event, "Open data lab", "10:00", 5).await;
        let racers: Vec<_> = (0..40)
            .map(|n| {
                let (db, event) = (db.clone(), event.clone());
                tokio::spawn(
                    async move { register(&db, &event, &person(n, "online", &[lab])).await },
                )
            })
            .collect();
        let mut people = Vec::new();
        for racer in racers {
            people.push(racer.await.unwrap().unwrap());
        }
        let fill = store::roster::session_fill(&db, event.id).await.unwrap();
        assert_eq!(fill[&lab].confirmed, 5, "{backend:?}");
        assert_eq!(fill[&lab].waitlisted, 35, "{backend:?}");
        let mut lines = Vec::new();
        for p in &people {
            let s = registrations::signups(&db, p.id).await.unwrap();
            assert_eq!(s.len(), 1);
            lines.push((s[0].status, s[0].position, p.id));
        }
        let mut positions: Vec<_> = lines.iter().filter_map(|l| l.1).collect();
        positions.sort_unstable();
        assert_eq!(positions, (1..=35).collect::<Vec<_>>(), "{backend:?}");
        let seated = lines
            .iter()
            .find(|l| l.0 == SignupStatus::Confirmed)
            .unwrap()
            .2;
        let next = lines.iter().find(|l| l.1 == Some(1)).unwrap().2;
        let leaver = registrations::get(&db, seated).await.unwrap();
        registrations::set_sessions(&db, &leaver, &[])
            .await
            .unwrap();
        let fill = store::roster::session_fill(&db, event.id).await.unwrap();
        assert_eq!((fill[&lab].confirmed, fill[&lab].waitlisted), (5, 34));
        let s = registrations::signups(&db, next).await.unwrap();
        assert_eq!(s[0].status, SignupStatus::Confirmed, "{backend:?}");
    }
}

#[rocket::async_test]
async fn one_registration_per_address_and_a_neutral_second_answer() {
    common::on_both_with_url(|db, backend, url| async move {
        let event = event(&db, &[]).await;
        let first = register(&db, &event, &person(1, "online", &[]))
            .await
            .unwrap();
        let mut again = person(1, "in_person", &[]);
        again
            .values
            .insert("email".into(), " PERSON1@Example.org".into());
        let answer = registering::register(&db, &event, &again, Lang::Fr, Channel::Api)
            .await
            .unwrap();
        assert!(
            matches!(answer, Registered::Existing { id } if id == first.id),
            "{backend:?}"
        );
        let kinds: Vec<_> = store::outbox::for_registration(&db, first.id)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.message_kind)
            .collect();
        // The confirmation went out moments ago: asking again within ten minutes sends no
        // second e-mail (the answer is the same).
        assert_eq!(kinds, ["registered"], "{backend:?}");
        common::raw_sql(&url, "UPDATE outbox SET created_at = created_at - 601").await;
        registering::register(&db, &event, &again, Lang::Fr, Channel::Api)
            .await
            .unwrap();
        registering::register(&db, &event, &again, Lang::Fr, Channel::Api)
            .await
            .unwrap();
        let kinds: Vec<_> = store::outbox::for_registration(&db, first.id)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.message_kind)
            .collect();
        assert_eq!(
            kinds,
            ["registered", "link"],
            "once ten minutes have passed, one link"
        );
        // Once cancelled, the same address may register afresh.
        registrations::cancel(&db, &first).await.unwrap();
        let fresh = register(&db, &event, &again).await.unwrap();
        assert_eq!(fresh.status, RegistrationStatus::Confirmed);
        assert_eq!(statuses(&db, &event).await.len(), 1);
    })
    .await;
}

#[rocket::async_test]
async fn waiting_people_choose_workshops_and_get_seats_when_promoted() {
    on_both(|db, backend| async move {
        let event = event(&db, &[("in_person_capacity", "1")]).await;
        let lab = workshop(&db, &event, "Lab", "10:00", 1).await;
        let talk = workshop(&db, &event, "Talk", "10:30", 10).await;
        let a = register(&db, &event, &person(1, "in_person", &[lab]))
            .await
            .unwrap();
        let b = register(&db, &event, &person(2, "in_person", &[lab]))
            .await
            .unwrap();
        assert_eq!(b.status, RegistrationStatus::Waitlisted, "{backend:?}");
        let s = registrations::signups(&db, b.id).await.unwrap();
        assert_eq!(s[0].status, SignupStatus::Requested);
        // Overlapping choices are refused and change nothing.
        let both = person(2, "in_person", &[lab, talk]);
        let err = registering::change_sessions(&db, &event, &b, &both, Lang::En)
            .await
            .unwrap_err();
        assert_eq!(err.status().code, 422);
        assert_eq!(registrations::signups(&db, b.id).await.unwrap().len(), 1);
        registrations::cancel(&db, &a).await.unwrap();
        let b = registrations::get(&db, b.id).await.unwrap();
        assert_eq!(b.status, RegistrationStatus::Confirmed, "{backend:?}");
        let s = registrations::signups(&db, b.id).await.unwrap();
        assert_eq!(s[0].status, SignupStatus::Confirmed, "{backend:?}");
        // An online place is free, so switching mode works and frees the in-person place.
        let switch = Input::from_pairs([("attendance", "online")]);
        registering::switch_attendance(&db, &event, &b, &switch, Lang::En)
            .await
            .unwrap();
        let c = register(&db, &event, &person(3, "in_person", &[]))
            .await
            .unwrap();
        assert_eq!(c.status, RegistrationStatus::Confirmed, "{backend:?}");
        let d = register(&db, &event, &person(4, "online", &[]))
            .await
            .unwrap();
        let back = Input::from_pairs([("attendance", "in_person")]);
        let err = registering::switch_attendance(&db, &event, &d, &back, Lang::En)
            .await
            .unwrap_err();
        assert_eq!(err.status().code, 409, "no in-person place left");
    })
    .await;
}

#[rocket::async_test]
async fn ticket_quotas_and_approval() {
    on_both(|db, backend: Backend| async move {
        let event = event(&db, &[("requires_approval", "true")]).await;
        let ticket = Input::from_pairs([("name", "Elected officials"), ("quota", "1")]);
        let loader = summit::auth::Staff::demo_loader();
        let ticket = summit::app::tickets::add(&db, &loader, &event, &ticket, false)
            .await
            .unwrap();
        let one = person(1, "in_person", &[]);
        let a = register(&db, &event, &one).await.unwrap();
        assert_eq!(a.status, RegistrationStatus::PendingApproval, "{backend:?}");
        assert_eq!(
            a.ticket_type_id,
            Some(ticket.id),
            "the only ticket is implied"
        );
        let b = register(&db, &event, &person(2, "in_person", &[]))
            .await
            .unwrap();
        registrations::decide(&db, &a, true).await.unwrap();
        registrations::decide(&db, &b, true).await.unwrap();
        let a = registrations::get(&db, a.id).await.unwrap();
        let b = registrations::get(&db, b.id).await.unwrap();
        assert_eq!(a.status, RegistrationStatus::Confirmed);
        assert_eq!(b.status, RegistrationStatus::Waitlisted, "quota of 1");
        let c = register(&db, &event, &person(3, "in_person", &[]))
            .await
            .unwrap();
        registrations::decide(&db, &c, false).await.unwrap();
        let c = registrations::get(&db, c.id).await.unwrap();
        assert_eq!(c.status, RegistrationStatus::Rejected);
        let err = registrations::decide(&db, &c, true).await.unwrap_err();
        assert_eq!(
            summit::Error::from(err).status().code,
            409,
            "answered as a conflict"
        );
    })
    .await;
}
