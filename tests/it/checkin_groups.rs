//! First scans are inserted in groups (`store/checkin_batch.rs`): a burst of scans at once,
//! on both databases, gets exactly the answers each scan would have had alone.

use crate::common;

use common::on_both;
use summit::domain::validate::Input;
use summit::store::checkins::{self, NewCheckin, Recorded};
use summit::store::Db;

async fn event_with_people(db: &Db, people: usize) -> (i64, Vec<i64>) {
    let event = common::june_event(db, "doors", "Doors", &[]).await;
    let mut ids = Vec::new();
    for i in 0..people {
        let input = Input::from_pairs([
            ("name", format!("Person {i}").as_str()),
            ("email", format!("p{i}@doors.test").as_str()),
            ("attendance", "in_person"),
        ]);
        ids.push(
            common::register_in_app(db, &event, &input)
                .await
                .unwrap()
                .id,
        );
    }
    (event.id, ids)
}

/// What one scan is: whose badge, and the nonce its device gave it.
#[derive(Clone)]
struct Scan {
    registration_id: i64,
    nonce: Option<String>,
}

async fn burst(db: &Db, event_id: i64, scans: Vec<Scan>) -> Vec<Recorded> {
    let tasks: Vec<_> = scans
        .into_iter()
        .map(|scan| {
            let db = db.clone();
            tokio::spawn(async move {
                let new = NewCheckin {
                    event_id,
                    registration_id: scan.registration_id,
                    session_id: None,
                    attendance: "in_person",
                    gate: "Hall A",
                    nonce: scan.nonce.as_deref(),
                    scanned_at: 1_800_000_000,
                };
                checkins::record(&db, &new).await.unwrap()
            })
        })
        .collect();
    let mut answers = Vec::new();
    for t in tasks {
        answers.push(t.await.unwrap());
    }
    answers
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_of_scans_gets_the_answers_each_would_have_alone() {
    on_both(|db, backend| async move {
        let (event_id, people) = event_with_people(&db, 40).await;
        // Everyone's first scan, with its own nonce; the first ten badges twice more (a
        // second door, no nonce) and their very scan sent again (same nonce, a retry).
        let mut scans: Vec<Scan> = people
            .iter()
            .map(|id| Scan {
                registration_id: *id,
                nonce: Some(format!("n-{id}")),
            })
            .collect();
        for id in &people[..10] {
            scans.push(Scan {
                registration_id: *id,
                nonce: None,
            });
            scans.push(Scan {
                registration_id: *id,
                nonce: Some(format!("n-{id}")),
            });
        }
        let answers = burst(&db, event_id, scans.clone()).await;
        for id in &people {
            let of = |with_nonce: bool| -> Vec<bool> {
                scans
                    .iter()
                    .zip(&answers)
                    .filter(|(s, _)| s.registration_id == *id && s.nonce.is_some() == with_nonce)
                    .map(|(_, a)| matches!(a, Recorded::Admitted(f) if f.gate == "Hall A"))
                    .collect()
            };
            let (by_nonce, by_door) = (of(true), of(false));
            // The first scan and its retry answer alike; whichever door came first let the
            // person in, and the other is told so.
            assert!(
                by_nonce.iter().all(|a| *a == by_nonce[0]),
                "{backend:?}: {by_nonce:?}"
            );
            let admitted = by_nonce[0] as usize + by_door.iter().filter(|a| **a).count();
            assert_eq!(admitted, 1, "{backend:?}: {by_nonce:?} {by_door:?}");
        }
        let counts = checkins::counts(&db, event_id).await.unwrap();
        assert_eq!(
            counts.by_attendance,
            vec![("in_person".to_string(), 40)],
            "{backend:?}: one check-in per badge"
        );

        // A nonce another badge already used does not lose the scan: it is recorded without it.
        let more = one_more(&db).await;
        let reused = vec![Scan {
            registration_id: more,
            nonce: Some(format!("n-{}", people[0])),
        }];
        let answers = burst(&db, event_id, reused).await;
        assert!(
            matches!(answers[0], Recorded::Admitted(_)),
            "{backend:?}: {answers:?}"
        );
        let counts = checkins::counts(&db, event_id).await.unwrap();
        assert_eq!(counts.by_attendance, vec![("in_person".to_string(), 41)]);
    })
    .await;
}

/// One more person registered for the same event.
async fn one_more(db: &Db) -> i64 {
    let event = summit::store::events::get(db, "doors").await.unwrap();
    let input = Input::from_pairs([
        ("name", "Late comer"),
        ("email", "late@doors.test"),
        ("attendance", "in_person"),
    ]);
    common::register_in_app(db, &event, &input)
        .await
        .unwrap()
        .id
}
