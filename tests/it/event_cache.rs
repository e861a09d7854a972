//! The short-lived event cache behind the cached public pages and the doors: this instance's
//! own changes are seen at once, another instance's within `event_cache::TTL`.

use crate::common;

use common::{fresh_url, Backend, BACKENDS};
use summit::app::organise;
use summit::domain::validate::Input;
use summit::store::{event_cache, events, rooms, speakers, tracks, Db};

async fn event(db: &Db) -> i64 {
    let input = Input::from_pairs([
        ("slug", "cached"),
        ("title", "Cached"),
        ("timezone", "Europe/Paris"),
        ("starts_at", "2027-06-15T08:00"),
        ("ends_at", "2027-06-16T18:00"),
        ("format", "in_person"),
        ("status", "published"),
    ]);
    organise::create_event(db, &input).await.unwrap().id
}

async fn revision(db: &Db) -> i64 {
    event_cache::find(db, "cached")
        .await
        .unwrap()
        .unwrap()
        .revision
}

#[tokio::test]
async fn own_changes_at_once_other_instances_within_the_ttl() {
    for backend in BACKENDS {
        let url = fresh_url(backend).await;
        // Two app instances on one database.
        let here = Db::connect(&url).await.unwrap();
        let there = Db::connect(&url).await.unwrap();
        let id = event(&here).await;
        let first = revision(&here).await;
        assert_eq!(event_cache::by_id(&here, id).await.unwrap().revision, first);

        events::add_room(&here, id, "Salle A", None).await.unwrap();
        assert_eq!(revision(&here).await, first + 1, "{backend:?}: own change");
        assert_eq!(
            event_cache::by_id(&here, id).await.unwrap().revision,
            first + 1
        );

        events::add_track(&there, id, "donnees", "Données", "Data", "#1d4ed8")
            .await
            .unwrap();
        // Until the TTL runs out this instance may still serve what it read.
        assert!(revision(&here).await > first);
        tokio::time::sleep(event_cache::TTL + std::time::Duration::from_millis(100)).await;
        assert_eq!(
            revision(&here).await,
            first + 2,
            "{backend:?}: other instance"
        );
        if backend == Backend::Sqlite {
            assert!(event_cache::find(&here, "nowhere").await.unwrap().is_none());
        }
    }
}

/// Every change the agenda shows raises the event's revision (what is cached per revision is
/// rebuilt), each in the change's own transaction.
#[tokio::test]
async fn every_change_the_agenda_shows_raises_the_revision() {
    for backend in BACKENDS {
        let db = Db::connect(&fresh_url(backend).await).await.unwrap();
        let id = event(&db).await;
        let mut seen = revision(&db).await;
        let mut raised = |now: i64, what: &str| {
            assert_eq!(
                now,
                seen + 1,
                "{backend:?}: {what} did not raise the revision"
            );
            seen = now;
        };
        let room = events::add_room(&db, id, "Salle A", Some(40))
            .await
            .unwrap();
        raised(revision(&db).await, "adding a room");
        rooms::update(&db, id, room.id, "Salle Jaurès", Some(40))
            .await
            .unwrap();
        raised(revision(&db).await, "renaming a room");
        let track = events::add_track(&db, id, "eau", "Eau", "Water", "#0369a1")
            .await
            .unwrap();
        raised(revision(&db).await, "adding a track");
        tracks::update(&db, id, track.id, "L'eau", "Water", "#0369a1")
            .await
            .unwrap();
        raised(revision(&db).await, "renaming a track");
        let draft = speakers::SpeakerDraft {
            name: "Anne Hidalgo".into(),
            affiliation_fr: "Maire".into(),
            affiliation_en: "Mayor".into(),
            bio_fr: String::new(),
            bio_en: String::new(),
        };
        let speaker = speakers::create(&db, id, &draft, Default::default())
            .await
            .unwrap();
        raised(revision(&db).await, "adding a speaker");
        speakers::set_photo(&db, id, speaker.id, "image/png", b"\x89PNG")
            .await
            .unwrap();
        raised(revision(&db).await, "giving a speaker a photo");
        speakers::remove_photo(&db, id, speaker.id).await.unwrap();
        raised(revision(&db).await, "taking a speaker's photo away");
        speakers::update(&db, id, speaker.id, &draft, Default::default())
            .await
            .unwrap();
        raised(revision(&db).await, "changing a speaker");
        // A speaker and their photo are one change: stored together, one revision.
        let photo = speakers::PhotoChange::Set {
            content_type: "image/png",
            bytes: b"\x89PNG",
        };
        let pictured = speakers::create(&db, id, &draft, photo).await.unwrap();
        raised(
            revision(&db).await,
            "adding a speaker with a photo, at once",
        );
        assert_eq!(pictured.photo_content_type.as_deref(), Some("image/png"));
        let (kind, bytes) = speakers::photo(&db, pictured.id).await.unwrap();
        assert_eq!(
            (kind.as_str(), bytes.as_slice()),
            ("image/png", &b"\x89PNG"[..])
        );
        let removed = speakers::PhotoChange::Remove;
        let changed = speakers::update(&db, id, pictured.id, &draft, removed);
        let changed = changed.await.unwrap();
        raised(
            revision(&db).await,
            "changing a speaker and their photo, at once",
        );
        assert_eq!(changed.photo_content_type, None, "{backend:?}");
        assert!(speakers::photo(&db, pictured.id).await.is_err());
        speakers::remove(&db, id, speaker.id).await.unwrap();
        raised(revision(&db).await, "removing a speaker");
        tracks::remove(&db, id, track.id, tracks::Sessions::Refuse)
            .await
            .unwrap();
        raised(revision(&db).await, "removing a track");
        rooms::remove(&db, id, room.id, None).await.unwrap();
        raised(revision(&db).await, "removing a room");
        // A refused change raises nothing.
        assert!(rooms::remove(&db, id, room.id, None).await.is_err());
        assert_eq!(revision(&db).await, seen, "{backend:?}: a refused removal");
    }
}

/// Door scanners send their token with every scan: found tokens are kept for a second and
/// answer as the database does; unknown ones are asked about each time.
#[tokio::test]
async fn kept_api_tokens_answer_like_the_database() {
    use summit::domain::StaffRole;
    use summit::store::staff;
    for backend in BACKENDS {
        let db = Db::connect(&fresh_url(backend).await).await.unwrap();
        assert!(staff::find_token(&db, "not-yet").await.unwrap().is_none());
        let token = staff::create_token(&db, StaffRole::Door, None, "gate")
            .await
            .unwrap();
        for _ in 0..3 {
            let found = staff::find_token(&db, &token).await.unwrap();
            let found = found.unwrap_or_else(|| panic!("{backend:?}: the new token is found"));
            assert_eq!(found.role, StaffRole::Door);
            assert_eq!(found.event_id, None);
        }
        let id = event(&db).await;
        let scoped = staff::create_token(&db, StaffRole::Organiser, Some(id), "x").await;
        let scoped = staff::find_token(&db, &scoped.unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (scoped.role, scoped.event_id),
            (StaffRole::Organiser, Some(id))
        );
        assert!(staff::find_token(&db, "not-yet").await.unwrap().is_none());
    }
}

/// A token revoked on another instance sharing the database stops opening doors on this one
/// within `TOKEN_TTL`, though this one kept it; the tokens still live keep working.
#[tokio::test]
async fn a_token_revoked_on_another_instance_stops_within_the_ttl() {
    use summit::domain::StaffRole;
    use summit::store::{staff, token_cache::TOKEN_TTL};
    for backend in BACKENDS {
        let url = fresh_url(backend).await;
        let here = Db::connect(&url).await.unwrap();
        let elsewhere = Db::connect(&url).await.unwrap();
        let revoked = staff::create_token(&here, StaffRole::Door, None, "north gate");
        let revoked = revoked.await.unwrap();
        let live = staff::create_token(&here, StaffRole::Door, None, "south gate");
        let live = live.await.unwrap();
        let kept = staff::find_token(&here, &revoked).await.unwrap().unwrap();
        assert!(staff::find_token(&here, &live).await.unwrap().is_some());
        assert!(staff::revoke_token(&elsewhere, kept.id).await.unwrap());
        tokio::time::sleep(TOKEN_TTL + std::time::Duration::from_millis(100)).await;
        assert!(
            staff::find_token(&here, &revoked).await.unwrap().is_none(),
            "{backend:?}: a token revoked elsewhere opens nothing after the TTL"
        );
        let still = staff::find_token(&here, &live).await.unwrap();
        assert!(still.is_some(), "{backend:?}: the other token still works");
    }
}
