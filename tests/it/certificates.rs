//! Certificates of attendance: what was recorded (an entrance check-in, two workshop-door
//! check-ins, an online join) becomes a certificate listing exactly those sessions and hours;
//! its PDF is read with real readers, its QR code decoded off the rendered page, and the
//! verify page and an offline check with the published key agree on valid, tampered and
//! withdrawn.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, VerifyingKey};
use rocket::http::{ContentType, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use summit::store::Db;

use crate::common::{self, bearer, python::python, send_json, BACKENDS};

const SLUG: &str = "solidarite-numerique";
/// 2026-06-10 and 11, Paris summer time (UTC+2): long over on the day the tests run.
const DAY1: &str = "2026-06-10";
const DAY2: &str = "2026-06-11";

/// UTC seconds of a Paris local time on a day.
fn at(day: &str, clock: &str) -> i64 {
    let local =
        chrono::NaiveDateTime::parse_from_str(&format!("{day}T{clock}"), "%Y-%m-%dT%H:%M").unwrap();
    local.and_utc().timestamp() - 2 * 3600
}

struct Fixture {
    event_id: i64,
    organiser: String,
    sessions: Vec<i64>,
}

/// The Bordeaux training day: a plenary, two workshops with sign-up, a lunch break, an online
/// talk the next day with its own stream, and a closing plenary nobody below attends.
async fn summit(c: &Client) -> Fixture {
    let organiser = common::organiser_token(c).await;
    let event = json!({"slug": SLUG, "title_fr": "Solidarité numérique", "title_en": "Digital solidarity",
        "organiser": "Bordeaux Métropole", "timezone": "Europe/Paris", "starts_at": format!("{DAY1}T09:00"),
        "ends_at": format!("{DAY2}T17:00"), "format": "hybrid", "status": "published",
        "online_for_in_person": true});
    let (status, body) = send_json(c, Method::Post, "/api/v1/events", &organiser, event).await;
    assert_eq!(status, Status::Created, "{body}");
    let mut sessions = vec![];
    for (title, kind, day, from, to, format, signup) in [
        (
            "Ouverture",
            "plenary",
            DAY1,
            "09:00",
            "11:00",
            "in_person",
            false,
        ),
        (
            "Atelier données",
            "workshop",
            DAY1,
            "11:30",
            "13:00",
            "in_person",
            true,
        ),
        (
            "Déjeuner",
            "break",
            DAY1,
            "13:00",
            "14:00",
            "in_person",
            false,
        ),
        (
            "Atelier médiation",
            "workshop",
            DAY1,
            "14:00",
            "15:30",
            "in_person",
            true,
        ),
        (
            "Conférence en ligne",
            "keynote",
            DAY2,
            "10:00",
            "11:00",
            "virtual",
            false,
        ),
        (
            "Clôture",
            "plenary",
            DAY2,
            "14:00",
            "16:00",
            "in_person",
            false,
        ),
    ] {
        let mut body = json!({"title": title, "kind": kind, "starts_at": format!("{day}T{from}"),
            "ends_at": format!("{day}T{to}"), "format": format, "requires_signup": signup});
        if signup {
            body["capacity"] = json!(30);
        }
        if format == "virtual" {
            body["stream_url"] = json!("https://stream.example.org/solidarite");
        }
        let path = format!("/api/v1/events/{SLUG}/sessions");
        let (status, s) = send_json(c, Method::Post, &path, &organiser, body).await;
        assert_eq!(status, Status::Created, "{s}");
        sessions.push(s["id"].as_i64().unwrap());
    }
    let event_id = summit::store::events::get(common::db(c), SLUG)
        .await
        .unwrap()
        .id;
    Fixture {
        event_id,
        organiser,
        sessions,
    }
}

/// Registers (as organisers do after the event: the window is closed) and returns the token.
async fn register(c: &Client, f: &Fixture, name: &str, email: &str, workshops: &[i64]) -> String {
    let body = json!({"name": name, "email": email, "organisation": "CCAS de Bordeaux",
        "attendance": "in_person", "language": "fr", "sessions": workshops});
    let res = c
        .post(format!("/api/v1/events/{SLUG}/registrations"))
        .header(bearer(&f.organiser))
        .header(ContentType::JSON)
        .body(body.to_string())
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Created);
    let answer = common::json_of(res).await;
    let url = answer["manage_url"].as_str().expect("a manage_url");
    url.rsplit('/').next().unwrap().to_string()
}

async fn registration_id(db: &Db, event_id: i64, email: &str) -> i64 {
    let all = summit::store::roster::list(db, event_id, &Default::default())
        .await
        .unwrap();
    all.iter().find(|r| r.email == email).unwrap().id
}

/// What the doors and the join page recorded during the event (door scanners and join links
/// write these rows at the moment they happen; the event being over, they are written here
/// with the moments they would have had).
async fn recorded(db: &Db, event_id: i64, registration_id: i64, scope: i64, when: i64) {
    summit::store::checkins::record(
        db,
        &summit::store::checkins::NewCheckin {
            event_id,
            registration_id,
            session_id: (scope != 0).then_some(scope),
            attendance: "in_person",
            gate: "Hall A",
            nonce: None,
            scanned_at: when,
        },
    )
    .await
    .unwrap();
}

async fn joined(url: &str, event_id: i64, registration_id: i64, session_id: i64, when: i64) {
    common::raw_sql(
        url,
        &format!(
            "INSERT INTO online_joins (event_id, registration_id, session_id, joined_at) \
             VALUES ({event_id}, {registration_id}, {session_id}, {when})"
        ),
    )
    .await;
}

async fn page(c: &Client, path: &str) -> (Status, String) {
    let res = c.get(path.to_string()).dispatch().await;
    (res.status(), res.into_string().await.unwrap_or_default())
}

/// The PDF read back: page count, the first page's size in points, the text, and the QR code
/// decoded off the first page rendered by PDFium.
struct Read {
    pages: usize,
    size: (f64, f64),
    text: String,
    qr: String,
}

fn read_pdf(pdf: &[u8]) -> Read {
    let dir = std::env::temp_dir().join(format!("summit-cert-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("certificate.pdf");
    std::fs::write(&file, pdf).unwrap();
    let raw = dir.join("page.gray");
    let script = r#"
import json, sys, pypdf, pypdfium2
path, raw = sys.argv[1], sys.argv[2]
reader = pypdf.PdfReader(path)
box = reader.pages[0].mediabox
text = "\n".join(p.extract_text() for p in reader.pages)
doc = pypdfium2.PdfDocument(path)
bitmap = doc[len(doc) - 1].render(scale=3, grayscale=True)
w, h, stride = bitmap.width, bitmap.height, bitmap.stride
buf = bytes(bitmap.buffer)
open(raw, "wb").write(b"".join(buf[y * stride:y * stride + w] for y in range(h)))
print(json.dumps({"pages": len(reader.pages), "w": float(box.width), "h": float(box.height), "text": text, "pw": w, "ph": h}))
"#;
    let out = python()
        .arg("-c")
        .arg(script)
        .arg(&file)
        .arg(&raw)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let (w, h) = (
        v["pw"].as_u64().unwrap() as usize,
        v["ph"].as_u64().unwrap() as usize,
    );
    let grey = std::fs::read(&raw).unwrap();
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| grey[y * w + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the certificate");
    Read {
        pages: v["pages"].as_u64().unwrap() as usize,
        size: (v["w"].as_f64().unwrap(), v["h"].as_f64().unwrap()),
        text: v["text"].as_str().unwrap().to_string(),
        qr: grids[0].decode().expect("the QR code reads").1,
    }
}

/// HTML text back to characters (what handlebars escapes).
fn unescape(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&#x3D;", "=")
        .replace("&#x60;", "`")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn varint(bytes: &mut &[u8]) -> u64 {
    let mut n = 0u64;
    for shift in (0..63).step_by(7) {
        let (b, rest) = bytes.split_first().unwrap();
        *bytes = rest;
        n |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return n;
        }
    }
    panic!("varint too long")
}

/// Checks a code as a third party would, from the format the verify page describes, the
/// public key published as JSON and the canonical text shown: (signature ok, digest ok,
/// minutes in the code).
fn offline_check(code: &str, key: &Value, canonical: &str) -> (bool, bool, u64) {
    assert_eq!(key["algorithm"], "Ed25519");
    let public: [u8; 32] = URL_SAFE_NO_PAD
        .decode(key["public_key"].as_str().unwrap())
        .unwrap()
        .try_into()
        .unwrap();
    let key_bytes = VerifyingKey::from_bytes(&public).unwrap();
    let Some(bytes) = code
        .strip_prefix(key["certificate_prefix"].as_str().unwrap())
        .and_then(|b| URL_SAFE_NO_PAD.decode(b).ok())
    else {
        return (false, false, 0);
    };
    if bytes.len() < 64 + 16 + 5 {
        return (false, false, 0);
    }
    let (signed, signature) = bytes.split_at(bytes.len() - 64);
    let mut rest = &signed[1..];
    let _event = varint(&mut rest);
    let _id = varint(&mut rest);
    let minutes = varint(&mut rest);
    let _day = varint(&mut rest);
    let digest = rest.to_vec();
    let message = [
        key["certificate_context"].as_str().unwrap().as_bytes(),
        signed,
    ]
    .concat();
    let signature = Signature::from_bytes(&signature.try_into().unwrap());
    let valid = key_bytes.verify_strict(&message, &signature).is_ok();
    let ours = Sha256::digest(canonical.as_bytes());
    (valid, digest == ours[..16], minutes)
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .map(|i| i + start.len())
        .unwrap_or(html.len());
    let to = html[from..].find(end).map_or(html.len(), |i| from + i);
    &html[from..to]
}

#[rocket::async_test]
async fn a_certificate_lists_what_was_recorded_and_verifies_online_and_offline() {
    for backend in BACKENDS {
        let url = common::fresh_url(backend).await;
        let c = common::client_with_settings(common::settings(&url, false)).await;
        let db = common::db(&c);
        let f = summit(&c).await;
        let [opening, data, _lunch, mediation, online, closing] = f.sessions[..] else {
            panic!("six sessions");
        };
        let aminata = register(
            &c,
            &f,
            "Aminata Kaboré-Sanou",
            "aminata@example.org",
            &[data, mediation],
        )
        .await;
        let louis = register(&c, &f, "Louis Lacaze-Moreau", "louis@example.org", &[]).await;
        let issa = register(&c, &f, "Issa Béouindé", "issa@example.org", &[]).await;
        let a = registration_id(db, f.event_id, "aminata@example.org").await;
        let l = registration_id(db, f.event_id, "louis@example.org").await;
        // Aminata: the entrance at 08:50, both workshop doors (one late: a door proves it
        // all), the online talk joined five minutes in.
        recorded(db, f.event_id, a, 0, at(DAY1, "08:50")).await;
        recorded(db, f.event_id, a, data, at(DAY1, "11:40")).await;
        recorded(db, f.event_id, a, mediation, at(DAY1, "14:50")).await;
        joined(&url, f.event_id, a, online, at(DAY2, "10:05")).await;
        // Louis: the entrance only, in time for the opening: 2 h of an 8 h programme.
        recorded(db, f.event_id, l, 0, at(DAY1, "08:55")).await;

        // Before the organisers turn them on, there are none.
        let (status, html) = page(&c, &format!("/r/{aminata}/certificate?lang=en")).await;
        assert_eq!(status, Status::NotFound, "{backend:?}");
        assert!(html.contains("do not issue certificates"), "{html}");

        // A minimum out of range is refused, naming the field, and nothing else changes.
        let patch = format!("/api/v1/events/{SLUG}?lang=en");
        let bad =
            json!({"certificates": true, "certificate_min_percent": 150, "venue": "Hangar 14"});
        let (status, body) = send_json(&c, Method::Patch, &patch, &f.organiser, bad).await;
        assert_eq!(status, Status::UnprocessableEntity, "{body}");
        assert_eq!(
            body["error"]["fields"]["certificate_min_percent"],
            "Enter a whole number from 0 to 100."
        );
        let stored = summit::store::events::get(db, SLUG).await.unwrap();
        assert_eq!(
            stored.venue, None,
            "the venue of a refused patch is not saved"
        );
        let on = json!({"certificates": true, "certificate_min_percent": 50});
        let (status, body) = send_json(&c, Method::Patch, &patch, &f.organiser, on).await;
        assert_eq!(status, Status::Ok, "{body}");
        assert_eq!(
            (
                body["certificates"].clone(),
                body["certificate_min_percent"].clone()
            ),
            (json!(true), json!(50))
        );

        // Her page opened twice at once issues one certificate (the index of those in force).
        let (one, two) = tokio::join!(
            summit::app::certificates::mine(db, &aminata, 15),
            summit::app::certificates::mine(db, &aminata, 15)
        );
        let ids = [one, two].map(|m| m.unwrap().answer.ok().unwrap().certificate.id);
        assert_eq!(ids[0], ids[1], "{backend:?}: one certificate, not two");

        // Aminata's certificate: exactly her four sessions, with their hours; 6 h of 8.
        let (status, html) = page(&c, &format!("/r/{aminata}/certificate?lang=en")).await;
        assert_eq!(status, Status::Ok, "{backend:?}: {html}");
        let table = between(&html, "<tbody>", "</tbody>");
        let rows: Vec<&str> = table.split("<tr>").skip(1).collect();
        let titles: Vec<&str> = rows
            .iter()
            .map(|r| between(r, "</td><td>", "</td>"))
            .collect();
        assert_eq!(
            titles,
            [
                "Ouverture",
                "Atelier données",
                "Atelier médiation",
                "Conférence en ligne"
            ],
            "{backend:?}"
        );
        let hours: Vec<&str> = rows
            .iter()
            .map(|r| between(between(r, "</td><td>", "</tr>"), "</td><td>", "</td>"))
            .collect();
        assert_eq!(hours, ["2 h", "1 h 30", "1 h 30", "1 h"]);
        assert!(
            html.contains("Total attended: 6 h of the 8 h of the programme (75 %)"),
            "{html}"
        );
        assert!(html.contains("Aminata Kaboré-Sanou") && !html.contains("aminata@example.org"));
        assert!(!html.contains(&format!(">{}<", "Clôture")));
        let _ = (opening, closing);

        // The PDF: one A4 page, the accented names and sessions as text, a QR code of the
        // verify address.
        let res = c
            .get(format!("/r/{aminata}/certificate.pdf?lang=fr"))
            .dispatch()
            .await;
        assert_eq!(
            (res.status(), res.content_type()),
            (Status::Ok, Some(ContentType::PDF))
        );
        let pdf = res.into_bytes().await.unwrap();
        let read = read_pdf(&pdf);
        assert_eq!(read.pages, 1);
        assert!(
            (read.size.0 - 595.3).abs() < 1.0 && (read.size.1 - 841.9).abs() < 1.0,
            "{:?}",
            read.size
        );
        for text in [
            "Aminata Kaboré-Sanou",
            "Atelier médiation",
            "Solidarité numérique",
            "Bordeaux Métropole",
            "6 h",
        ] {
            assert!(read.text.contains(text), "{text} in {}", read.text);
        }
        assert!(!read.text.contains("Clôture"));
        let prefix = "https://summit.test/verify/";
        assert!(read.qr.starts_with(prefix), "{}", read.qr);
        let code = read.qr[prefix.len()..].to_string();

        // Online: valid, with what it says and no e-mail.
        let (status, html) = page(&c, &format!("/verify/{code}?lang=en")).await;
        assert_eq!(status, Status::Ok);
        assert!(
            html.contains("Valid certificate") && html.contains("Aminata Kaboré-Sanou"),
            "{html}"
        );
        assert!(!html.contains("example.org"));
        let canonical = unescape(between(&html, "<pre class=\"wrap\">", "</pre>"));
        // Offline, with the published key: the same answer.
        let res = c
            .get(format!("/events/{SLUG}/verifying-key"))
            .dispatch()
            .await;
        let key: Value = serde_json::from_str(&res.into_string().await.unwrap()).unwrap();
        assert_eq!(offline_check(&code, &key, &canonical), (true, true, 360));

        // One flipped character: invalid online (never a 500) and offline.
        let mut chars: Vec<char> = code.chars().collect();
        let i = chars.len() / 2;
        chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
        let flipped: String = chars.into_iter().collect();
        let (status, html) = page(&c, &format!("/verify/{flipped}?lang=en")).await;
        assert_eq!(status, Status::NotFound);
        assert!(html.contains("Invalid code"), "{html}");
        assert!(
            !offline_check(&flipped, &key, &canonical).0
                || !offline_check(&flipped, &key, &canonical).1
        );
        for bad in [&code[..code.len() - 10], "C1.", "S1.AAAA", "%00"] {
            let (status, _) = page(&c, &format!("/verify/{bad}")).await;
            assert_eq!(status, Status::NotFound, "{bad}");
        }

        // Louis attended 25 %: no certificate, and the page says why.
        let (status, html) = page(&c, &format!("/r/{louis}/certificate?lang=en")).await;
        assert_eq!(status, Status::Conflict);
        assert!(
            html.contains("You attended 25 % of the programme"),
            "{html}"
        );
        // Issa: nothing recorded.
        let (status, html) = page(&c, &format!("/r/{issa}/certificate?lang=en")).await;
        assert_eq!(status, Status::Conflict);
        assert!(html.contains("No attendance was recorded"), "{html}");

        // Withdrawn by the organisers: it verifies as withdrawn; re-issued: a new code.
        summit::app::certificate_admin::withdraw(db, "tests", &stored, a)
            .await
            .unwrap();
        let (_, html) = page(&c, &format!("/verify/{code}?lang=en")).await;
        assert!(html.contains("Withdrawn certificate"), "{html}");
        let (status, html) = page(&c, &format!("/r/{aminata}/certificate?lang=en")).await;
        assert_eq!(status, Status::Conflict);
        assert!(html.contains("withdrew your certificate"));
        summit::app::certificate_admin::reissue(db, "tests", stored.clone(), a, 15)
            .await
            .unwrap();
        let (status, html) = page(&c, &format!("/r/{aminata}/certificate?lang=en")).await;
        assert_eq!(status, Status::Ok);
        assert!(!html.contains(&code), "a new code after re-issuing");
        let (_, html) = page(&c, &format!("/verify/{code}?lang=en")).await;
        assert!(
            html.contains("Withdrawn certificate"),
            "the replaced one stays withdrawn"
        );
    }
}

#[rocket::async_test]
async fn organisers_set_send_export_and_withdraw_and_the_mail_carries_the_pdf() {
    let port = common::free_port();
    let smtp = common::SmtpServer::start(port);
    let url = common::fresh_url(common::Backend::Sqlite).await;
    let mut s = common::settings(&url, false);
    s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    s.mail_from = "Summit <summit@example.org>".into();
    let c = common::client_with_settings(s.clone()).await;
    let db = common::db(&c);
    let f = summit(&c).await;
    let [_, data, _, mediation, online, _] = f.sessions[..] else {
        panic!("six sessions");
    };
    let token = register(
        &c,
        &f,
        "Aminata Kaboré-Sanou",
        "aminata@example.org",
        &[data, mediation],
    )
    .await;
    let a = registration_id(db, f.event_id, "aminata@example.org").await;
    for (scope, when) in [
        (0, at(DAY1, "08:50")),
        (data, at(DAY1, "11:30")),
        (mediation, at(DAY1, "14:00")),
    ] {
        recorded(db, f.event_id, a, scope, when).await;
    }
    joined(&url, f.event_id, a, online, at(DAY2, "10:20")).await;

    common::sign_in_organiser(&c, "orga@example.org", Some(f.event_id)).await;
    let path = format!("/admin/events/{SLUG}/certificates");
    let html = common::text_of(&c, &format!("{path}?lang=en")).await;
    assert!(
        html.contains("Aminata Kaboré-Sanou") && html.contains("Reached the minimum"),
        "{html}"
    );
    let csrf = common::csrf_of(&html);
    // A bad minimum: the page again, 422, the field named in the visitor's language.
    let (status, refused) = common::post_form(
        &c,
        &format!("{path}?lang=en"),
        format!("csrf={csrf}&certificates=true&certificate_min_percent=abc&count-{data}=on"),
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        refused.contains("Enter a whole number from 0 to 100."),
        "{refused}"
    );
    assert!(
        !summit::store::certificates::settings(db, f.event_id)
            .await
            .unwrap()
            .enabled
    );
    // Only the two workshops count, 60 % needed; signed by the deputy mayor.
    let form = format!(
        "csrf={csrf}&certificates=true&certificate_min_percent=60&certificate_signatory=Delphine+Jamet\
         &certificate_signatory_title=Adjointe+au+maire&count-{data}=on&count-{mediation}=on"
    );
    let (status, to) = common::post_form(&c, &path, form).await;
    assert_eq!(
        (status, to.as_str()),
        (Status::SeeOther, format!("{path}?done=saved").as_str())
    );
    // Send: one certificate issued, one e-mail; sending again queues nothing more.
    let (status, to) = common::post_form(&c, &format!("{path}/send"), format!("csrf={csrf}")).await;
    assert_eq!(status, Status::SeeOther);
    assert!(to.ends_with("done=sent&issued=1&queued=1"), "{to}");
    let (_, to) = common::post_form(&c, &format!("{path}/send"), format!("csrf={csrf}")).await;
    assert!(to.ends_with("done=sent&issued=0&queued=0"), "{to}");
    let worker = summit::jobs::outbox::Worker::new(&s).unwrap();
    let now = summit::domain::time::now();
    worker.tick(db, now).await.unwrap();
    let messages: Vec<Vec<u8>> = smtp.messages();
    let mail = messages
        .iter()
        .filter_map(|raw| mail_parser::MessageParser::default().parse(raw))
        .find(|m| m.subject().is_some_and(|s| s.contains("attestation")))
        .expect("the certificate's e-mail");
    use mail_parser::MimeHeaders;
    let pdf = mail
        .attachments()
        .find(|p| p.content_type().is_some_and(|t| t.subtype() == Some("pdf")))
        .expect("the PDF attached");
    let read = read_pdf(pdf.contents());
    assert!(
        read.text.contains("Delphine Jamet") && read.text.contains("Adjointe au maire"),
        "{}",
        read.text
    );
    assert!(
        read.text.contains("Atelier données") && !read.text.contains("Ouverture"),
        "only what counts"
    );
    assert!(read.text.contains("3 h"), "{}", read.text);
    let body = mail.body_text(0).unwrap();
    assert!(
        !body.contains(&format!("/r/{token}/certificate")),
        "the link is fresh, not the old token"
    );
    assert!(body.contains("/certificate"), "{body}");

    // The list as CSV: who attended what, hours.
    let res = c.get(format!("{path}.csv?lang=en")).dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    let csv = res.into_string().await.unwrap();
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("Name,Organisation,E-mail,Sessions attended,Hours attended"));
    let row = lines.next().unwrap();
    assert!(
        row.contains("Aminata Kaboré-Sanou")
            && row.contains("Atelier données; Atelier médiation")
            && row.contains("3.00"),
        "{row}"
    );

    // Withdrawn from the page, then the code verifies as withdrawn.
    let id = read.qr.rsplit('/').next().unwrap().to_string();
    let (status, _) =
        common::post_form(&c, &format!("{path}/{a}/withdraw"), format!("csrf={csrf}")).await;
    assert_eq!(status, Status::SeeOther);
    let (_, html) = page(&c, &format!("/verify/{id}?lang=en")).await;
    assert!(html.contains("Withdrawn certificate"), "{html}");
    // Without the CSRF token nothing is withdrawn or sent.
    let (status, _) = common::post_form(&c, &format!("{path}/send"), String::new()).await;
    assert!(status.code >= 400 && status.code < 500);
    // An organiser of another event does not see this one's certificates.
    let other = summit::app::organise::create_event(
        db,
        &summit::domain::validate::Input::from_pairs([
            ("slug", "autre-forum"),
            ("title", "Autre forum"),
            ("timezone", "Europe/Paris"),
            ("starts_at", "2027-06-15T08:00"),
            ("ends_at", "2027-06-16T18:00"),
            ("format", "in_person"),
        ]),
    )
    .await
    .unwrap();
    common::sign_in_organiser(&c, "other@example.org", Some(other.id)).await;
    let res = c.get(path.clone()).dispatch().await;
    assert!(matches!(res.status().code, 403 | 404), "{}", res.status());
}

#[rocket::async_test]
async fn before_the_end_the_page_says_from_when_and_creating_an_event_can_turn_them_on() {
    for backend in BACKENDS {
        let c = common::client_with(backend, false).await;
        let organiser = common::organiser_token(&c).await;
        let event = json!({"slug": "forum-2027", "title": "Forum 2027", "timezone": "Europe/Paris",
            "starts_at": "2027-06-15T09:00", "ends_at": "2027-06-15T17:00", "format": "in_person",
            "status": "published", "certificates": true, "certificate_min_percent": 80});
        let (status, body) = send_json(&c, Method::Post, "/api/v1/events", &organiser, event).await;
        assert_eq!(status, Status::Created, "{body}");
        assert_eq!(body["certificate_min_percent"], 80);
        let (_, token) = common::register_via_api(
            &c,
            "forum-2027",
            json!({"name": "Ana Lima", "email": "ana@example.org", "attendance": "in_person", "language": "en"}),
        )
        .await;
        let (status, html) = page(&c, &format!("/r/{token}/certificate?lang=en")).await;
        assert_eq!(status, Status::Conflict, "{backend:?}");
        assert!(
            html.contains("once the programme has ended: from Tuesday 15 June 2027 17:00"),
            "{html}"
        );
        // The PDF address answers the same page, not a PDF.
        let res = c
            .get(format!("/r/{token}/certificate.pdf?lang=en"))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Conflict);
        assert_ne!(res.content_type(), Some(ContentType::PDF));
        // Nor is there a link on the attendee's page yet.
        let (_, html) = page(&c, &format!("/r/{token}?lang=en")).await;
        assert!(!html.contains("/certificate\""));
    }
}
