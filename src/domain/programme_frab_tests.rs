use super::*;

fn tz() -> Tz {
    "Europe/Paris".parse().unwrap()
}

fn known() -> Known {
    Known {
        guids: HashMap::from([("aaaa-1".to_string(), 40)]),
        no_room: vec!["Palais des Congrès".into()],
        online: vec!["En ligne".into(), "Online".into()],
    }
}

const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <version>3</version>
  <day index="1" date="2027-06-15">
    <room name="Grand Auditorium">
      <event guid="aaaa-1" id="40">
        <date>2027-06-15T07:00:00Z</date>
        <start>09:00</start>
        <duration>01:30</duration>
        <room>Grand Auditorium</room>
        <title>Ouverture &amp; accueil</title>
        <track>Mobilités</track>
        <type>Round table</type>
        <language>fr</language>
        <abstract>Court.</abstract>
        <description>Long.</description>
        <persons>
          <person id="9">Élise Durand</person>
          <person id="10">Jon; Doe</person>
          <!-- roles: 9=moderator -->
        </persons>
      </event>
    </room>
    <room name="Palais des Congrès">
      <event guid="bbbb-2" id="41">
        <date>2027-06-15T12:00:00+02:00</date>
        <start>12:00</start>
        <duration>00:45</duration>
        <room>Palais des Congrès</room>
        <title>Lunch</title>
        <track></track>
        <type>break</type>
        <language>en</language>
        <abstract></abstract>
        <persons/>
      </event>
    </room>
  </day>
</schedule>
"#;

#[test]
fn frab_xml_events_become_rows_with_their_line_and_the_event_zone() {
    let rows = xml_rows(XML, tz(), &known()).unwrap();
    assert_eq!(rows.len(), 2);
    let (line, first) = &rows[0];
    assert_eq!(*line, 6);
    assert_eq!(first["id"], "40", "matched by guid");
    assert_eq!(first["date"], "2027-06-15");
    assert_eq!(first["start"], "09:00", "UTC read in the event's zone");
    assert_eq!(first["duration"], "01:30");
    assert_eq!(first["title_fr"], "Ouverture & accueil");
    assert_eq!(first["description_fr"], "Court.\n\nLong.");
    assert_eq!(first["kind"], "round_table");
    assert_eq!(first["speakers"], "Élise Durand (moderator); Jon, Doe");
    let (_, second) = &rows[1];
    assert!(!second.contains_key("id"));
    assert_eq!(second["guid"], "bbbb-2");
    assert_eq!(second["title_en"], "Lunch");
    assert_eq!(second["room"], "", "the venue stands for no room");
}

#[test]
fn frab_json_reads_the_same_and_points_at_each_event_line() {
    let json = r#"{"schedule": {"version": "3", "conference": {"acronym": "x", "days": [
  {"index": 1, "date": "2027-06-15", "rooms": {"Online": [
    {"guid": "cccc-3", "id": 7, "date": "2027-06-15T10:00:00+02:00", "start": "10:00",
     "duration": "00:30", "room": "Online", "title": "Webinaire", "track": "Climat",
     "type": "other", "language": "fr", "abstract": "A", "description": "",
     "persons": [{"id": 3, "public_name": "Ana Lima", "role": "host"}, {"name": "Bo"}]}
  ]}}]}}}"#;
    let rows = json_rows(json, tz(), &known()).unwrap();
    assert_eq!(rows.len(), 1);
    let (line, row) = &rows[0];
    assert_eq!(*line, 3);
    assert_eq!(row["room"], "");
    assert_eq!(row["format"], "virtual");
    assert_eq!(row["speakers"], "Ana Lima (host); Bo");
    assert_eq!(row["description_fr"], "A");
}

#[test]
fn broken_or_foreign_files_are_refused_whole_with_a_reason() {
    let broken = xml_rows("<schedule><day>", tz(), &known()).unwrap_err();
    assert!(matches!(broken, Problem::BadRequest(m) if m.key == "progimport_page-not-xml"));
    let other = xml_rows("<html><body/></html>", tz(), &known()).unwrap_err();
    assert!(matches!(other, Problem::BadRequest(m) if m.key == "progimport_page-not-frab"));
    let json = json_rows("{\"a\": 1}", tz(), &known()).unwrap_err();
    assert!(matches!(json, Problem::BadRequest(m) if m.key == "progimport_page-not-frab"));
    let bad = json_rows("{\n\"a\": }", tz(), &known()).unwrap_err();
    assert!(matches!(bad, Problem::BadRequest(m) if m.key == "progimport_page-not-json"));
    // An entity from outside the file is never fetched: a DTD is refused.
    let dtd =
        "<!DOCTYPE schedule [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><schedule>&x;</schedule>";
    assert!(xml_rows(dtd, tz(), &known()).is_err());
}
