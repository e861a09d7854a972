//! Unit tests of `domain::schedule`: session validation and the double-booking rule.
use super::*;
use serde_json::json;

#[test]
fn form_rows_are_read_in_number_order_and_bounded() {
    let input = Input::from_pairs([
        ("speaker_id_10", "3"),
        ("speaker_id_2", "1"),
        ("speaker_id_x", "9"),
        ("speaker_id_999", "7"),
    ]);
    assert_eq!(form_speaker_rows(&input), vec![2, 10]);
}

fn frame() -> EventFrame {
    EventFrame {
        tz: "Europe/Paris".parse().unwrap(),
        starts_at: super::super::time::parse_instant(
            "2027-06-15T08:00",
            "Europe/Paris".parse().unwrap(),
        )
        .unwrap(),
        ends_at: super::super::time::parse_instant(
            "2027-06-15T20:00",
            "Europe/Paris".parse().unwrap(),
        )
        .unwrap(),
        format: Format::Hybrid,
        room_ids: [1, 2].into(),
        track_ids: [7].into(),
        speaker_ids: [10, 11].into(),
    }
}

fn input(extra: serde_json::Value) -> Input {
    let mut base = json!({"title": "Open data", "kind": "workshop",
        "starts_at": "2027-06-15T10:00", "ends_at": "2027-06-15T11:00", "room_id": 1});
    base.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    Input::from_json(&base).unwrap()
}

fn booked(id: i64, start: &str, end: &str, room: Option<i64>, speakers: Vec<i64>) -> Booked {
    let tz: Tz = "Europe/Paris".parse().unwrap();
    Booked {
        id,
        title_fr: format!("Séance {id}"),
        title_en: format!("Session {id}"),
        starts_at: super::super::time::parse_instant(start, tz).unwrap(),
        ends_at: super::super::time::parse_instant(end, tz).unwrap(),
        room_id: room,
        speaker_ids: speakers,
    }
}

#[test]
fn a_session_inside_its_event_is_valid() {
    let d = validate_session(
        &input(json!({"speakers": [{"speaker_id": 10, "role": "moderator"}]})),
        &frame(),
    )
    .unwrap();
    assert_eq!(d.kind, SessionKind::Workshop);
    assert_eq!(d.format, Format::InPerson);
    assert_eq!(d.speakers, vec![(10, SpeakerRole::Moderator)]);
}

#[test]
fn outside_the_event_or_backwards_is_refused() {
    let late = validate_session(
        &input(json!({"starts_at": "2027-06-15T19:30", "ends_at": "2027-06-15T21:00"})),
        &frame(),
    );
    assert!(late.unwrap_err().fields().unwrap().contains_key("ends_at"));
    let early = validate_session(&input(json!({"starts_at": "2027-06-14T10:00"})), &frame());
    assert!(early
        .unwrap_err()
        .fields()
        .unwrap()
        .contains_key("starts_at"));
    let backwards = validate_session(&input(json!({"ends_at": "2027-06-15T09:00"})), &frame());
    assert!(backwards
        .unwrap_err()
        .fields()
        .unwrap()
        .contains_key("ends_at"));
}

#[test]
fn unknown_rooms_and_speakers_are_refused() {
    let err = validate_session(
        &input(json!({"room_id": 99, "speakers": [{"speaker_id": 12, "role": "speaker"}]})),
        &frame(),
    )
    .unwrap_err();
    let keys: Vec<_> = err.fields().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["room_id", "speakers"]);
}

#[test]
fn room_and_speaker_double_bookings_are_found() {
    let draft = validate_session(
        &input(json!({"speakers": [{"speaker_id": 11, "role": "speaker"}]})),
        &frame(),
    )
    .unwrap();
    let agenda = vec![
        booked(1, "2027-06-15T09:00", "2027-06-15T10:00", Some(1), vec![]),
        booked(2, "2027-06-15T10:30", "2027-06-15T12:00", Some(2), vec![11]),
    ];
    assert_eq!(
        find_clash(&draft, None, &agenda),
        Some(Clash::Speaker {
            speaker_id: 11,
            other: 2
        })
    );
    let agenda = vec![booked(
        3,
        "2027-06-15T10:59",
        "2027-06-15T12:00",
        Some(1),
        vec![],
    )];
    assert_eq!(
        find_clash(&draft, None, &agenda),
        Some(Clash::Room { other: 3 })
    );
    assert_eq!(
        find_clash(&draft, Some(3), &agenda),
        None,
        "moving a session never clashes with itself"
    );
}

#[test]
fn clash_message_names_the_other_session() {
    let other = booked(3, "2027-06-15T10:30", "2027-06-15T12:00", Some(1), vec![]);
    let err = clash_error(
        &Clash::Room { other: 3 },
        &other,
        "",
        "Europe/Paris".parse().unwrap(),
    );
    let Problem::Conflict { message, fields } = err else {
        panic!("a conflict: {err:?}")
    };
    assert_eq!(message.key, "conflict-room");
    assert!(message.args.contains(&("times", "10:30–12:00".to_string())));
    assert!(message.args.contains(&("id", "3".to_string())));
    assert_eq!(fields.get("room_id"), Some(&message));
}
