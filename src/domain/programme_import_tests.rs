use std::collections::HashSet;

use super::*;
use crate::domain::kinds::{Format, SessionKind, SpeakerRole};

fn ctx() -> Context {
    let tz: chrono_tz::Tz = "Europe/Paris".parse().unwrap();
    let start = crate::domain::time::parse_instant("2027-06-15T00:00", tz).unwrap();
    let end = crate::domain::time::parse_instant("2027-06-17T23:59", tz).unwrap();
    let at = |t: &str| crate::domain::time::parse_instant(t, tz).unwrap();
    Context {
        frame: EventFrame {
            tz,
            starts_at: start,
            ends_at: end,
            format: Format::Hybrid,
            room_ids: HashSet::from([1]),
            track_ids: HashSet::from([5]),
            speaker_ids: HashSet::from([9]),
        },
        rooms: vec![Named {
            id: 1,
            names: vec!["Grand Auditorium".into()],
        }],
        tracks: vec![Named {
            id: 5,
            names: vec!["Mobilités".into(), "Mobility".into()],
        }],
        speakers: vec![Named {
            id: 9,
            names: vec!["Élise Durand".into()],
        }],
        sessions: vec![Existing {
            id: 40,
            draft: SessionDraft {
                title_fr: "Ouverture".into(),
                title_en: "Opening".into(),
                description_fr: String::new(),
                description_en: String::new(),
                kind: SessionKind::Plenary,
                room_id: Some(1),
                track_id: None,
                starts_at: at("2027-06-15T09:00"),
                ends_at: at("2027-06-15T10:00"),
                format: Format::Hybrid,
                capacity: None,
                requires_signup: false,
                stream_url: Some("https://stream.example/a".into()),
                speakers: vec![(9, SpeakerRole::Moderator)],
            },
            status: SessionStatus::Scheduled,
        }],
        frab: Default::default(),
    }
}

const HEAD_FR: &str = "id;date;début;fin;titre_fr;titre_en;type;salle;parcours;intervenants\n";

#[test]
fn a_french_sheet_with_new_names_plans_additions_and_creations() {
    let sheet = format!(
        "\u{feff}{HEAD_FR}\
         ;2027-06-15;11:00;12:00;'=Vélo;Bikes;keynote;grand auditorium;MOBILITES;\"elise durand (speaker); Jon Doe\"\n\
         ;2027-06-16;11:00;12:00;Atelier;;workshop;Salle 2;Climat;Jon Doe (moderator)\n"
    );
    let report = read(sheet.as_bytes(), &ctx()).unwrap();
    assert_eq!(report.rejected, vec![]);
    assert_eq!(report.to_add.len(), 2);
    let first = &report.to_add[0].draft;
    assert_eq!(first.title_fr, "=Vélo");
    assert_eq!(first.room_id, Some(1));
    assert_eq!(first.track_id, Some(5));
    assert_eq!(
        first.speakers,
        vec![
            (9, SpeakerRole::Speaker),
            (placeholder(0), SpeakerRole::Speaker)
        ]
    );
    assert_eq!(report.rooms_to_create, vec!["Salle 2"]);
    assert_eq!(report.tracks_to_create, vec!["Climat"]);
    assert_eq!(report.speakers_to_create, vec!["Jon Doe"]);
    assert_eq!(report.to_add[1].line, 3);
}

#[test]
fn bad_rows_are_reported_by_line_and_reason() {
    let sheet = format!(
        "{HEAD_FR}\
         ;2027-13-15;11:00;12:00;A;;keynote;;;\n\
         ;2027-06-15;11:00;10:00;B;;keynote;;;\n\
         ;2027-07-01;11:00;12:00;C;;keynote;;;\n\
         ;2027-06-15;11:00;12:00;D;;dance;;;\n\
         ;2027-06-15;09:30;10:30;E;;keynote;Grand Auditorium;;\n\
         ;2027-06-16;09:00;10:00;F;;keynote;;;\n"
    );
    let report = read(sheet.as_bytes(), &ctx()).unwrap();
    let got: Vec<(u64, &str, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.column, r.reason.key))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, "date", "progimport-bad-date"),
            (3, "end", "field-ends-before-start"),
            (4, "start", "field-outside-event"),
            (5, "kind", "field-choice"),
            (6, "start", "progimport-clash-room"),
        ]
    );
    assert_eq!(report.to_add.len(), 1);
}

#[test]
fn rows_clash_with_each_other() {
    let sheet = format!(
        "{HEAD_FR}\
         ;2027-06-16;09:00;10:00;A;;keynote;;;Jon Doe\n\
         ;2027-06-16;09:30;10:30;B;;keynote;;;jon doe (panelist)\n"
    );
    let report = read(sheet.as_bytes(), &ctx()).unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].line, 3);
    assert_eq!(report.rejected[0].reason.key, "progimport-clash-speaker");
}

#[test]
fn a_row_with_an_id_updates_only_what_changes_and_keeps_the_rest() {
    let same = "id,date,start,end,title_fr,title_en,kind,room,speakers\n\
                40,2027-06-15,09:00,10:00,Ouverture,Opening,plenary,Grand Auditorium,Élise Durand (moderator)\n";
    let report = read(same.as_bytes(), &ctx()).unwrap();
    assert_eq!((report.unchanged, report.to_update.len()), (1, 0));
    let moved = same.replace("09:00,10:00,Ouverture", "14:00,15:00,Bienvenue");
    let report = read(moved.as_bytes(), &ctx()).unwrap();
    let update = &report.to_update[0];
    assert_eq!(update.id, Some(40));
    assert_eq!(update.changes, vec!["title_fr", "starts_at", "ends_at"]);
    assert_eq!(
        update.draft.stream_url.as_deref(),
        Some("https://stream.example/a")
    );
}

#[test]
fn whole_files_that_cannot_be_read_are_refused() {
    let key = |bytes: &[u8]| match read(bytes, &ctx()) {
        Err(Problem::BadRequest(m)) => m.key,
        other => panic!("{other:?}"),
    };
    assert_eq!(key(b"\xff\xfe\x00t"), "progimport-not-utf8");
    assert_eq!(key(b"{\"schedule\": 1}"), "progimport_page-not-frab");
    assert_eq!(
        key(b"date;notes\n2027-06-15;b\n"),
        "progimport-missing-column"
    );
    assert_eq!(key(&vec![b'a'; MAX_BYTES + 1]), "progimport-too-large");
    let mut many = String::from("date,start,end,title_en,kind\n");
    for _ in 0..=MAX_ROWS {
        many.push_str("2027-06-15,09:00,10:00,A,keynote\n");
    }
    assert_eq!(key(many.as_bytes()), "progimport-too-many-rows");
    let unknown = "date,start,end,title_en,kind,colour\n2027-06-16,09:00,10:00,A,keynote,red\n";
    let report = read(unknown.as_bytes(), &ctx()).unwrap();
    assert_eq!(report.unknown_columns, vec!["colour"]);
}

#[test]
fn a_duration_instead_of_the_end_gives_the_end() {
    let sheet = "date;début;durée;titre_fr;type\n2027-06-15;11:00;90;Atelier;workshop\n\
                 2027-06-15;14:00;1:15;Autre;workshop\n2027-06-15;16:00;demain;X;workshop\n";
    let report = read(sheet.as_bytes(), &ctx()).unwrap();
    let tz = ctx().frame.tz;
    let ends: Vec<String> = report
        .to_add
        .iter()
        .map(|p| crate::domain::time::clock(p.draft.ends_at, tz))
        .collect();
    assert_eq!(ends, ["12:30", "15:15"]);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].column, "duration");
    assert_eq!(report.rejected[0].line, 4);
}

#[test]
fn lengths_are_minutes_or_hours_and_minutes() {
    use crate::domain::time::length_minutes as minutes;
    assert_eq!(minutes("45"), Some(45));
    assert_eq!(minutes("01:30"), Some(90));
    assert_eq!(minutes("2:00:00"), Some(120));
    assert_eq!(minutes("0"), None);
    assert_eq!(minutes("1:75"), None);
    assert_eq!(minutes("24:00"), None);
}

#[test]
fn a_file_with_no_known_column_is_not_a_programme() {
    let err = read(b"hello world\nsecond line\n", &ctx()).unwrap_err();
    assert_eq!(
        err,
        Problem::BadRequest(Msg::new("progimport_page-unknown-format"))
    );
}
