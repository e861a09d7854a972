//! Badges for badge and label printers: a real PDF, read back with real PDF readers (pypdf
//! for pages, sizes and text; PDFium to render the page), whose QR code, decoded from the
//! rendered image, is a badge code the door lets in.

use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};
use summit::domain::StaffRole;
use summit::store;

use crate::common::{self, bearer, json_of, python::python, BACKENDS};

const PEOPLE: [(&str, &str); 3] = [
    ("Aminata Kaboré-Sanou", "Ville de Ouagadougou"),
    ("Louis Lacaze-Moreau", "Bordeaux Métropole"),
    (
        "Issa Béouindé",
        "Association des maires du Burkina Faso et des communes rurales",
    ),
];

/// What the readers found: pages, each page's size in points and text, and the first page
/// rendered in grey levels.
struct Read {
    sizes: Vec<(f64, f64)>,
    texts: Vec<String>,
    first: (usize, usize, Vec<u8>),
}

fn read(pdf: &[u8]) -> Read {
    let dir = std::env::temp_dir().join(format!("summit-pdf-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("badges.pdf");
    std::fs::write(&file, pdf).unwrap();
    let script = r#"
import json, sys, pypdf, pypdfium2
path, raw = sys.argv[1], sys.argv[2]
reader = pypdf.PdfReader(path)
pages = [{"w": float(p.mediabox.width), "h": float(p.mediabox.height), "text": p.extract_text()} for p in reader.pages]
page = pypdfium2.PdfDocument(path)[0]
bitmap = page.render(scale=4, grayscale=True)
w, h, stride = bitmap.width, bitmap.height, bitmap.stride
buf = bytes(bitmap.buffer)
open(raw, "wb").write(b"".join(buf[y * stride:y * stride + w] for y in range(h)))
print(json.dumps({"pages": pages, "w": w, "h": h}))
"#;
    let raw = dir.join("page.gray");
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
    let pages = v["pages"].as_array().unwrap();
    let (w, h) = (
        v["w"].as_u64().unwrap() as usize,
        v["h"].as_u64().unwrap() as usize,
    );
    Read {
        sizes: pages
            .iter()
            .map(|p| (p["w"].as_f64().unwrap(), p["h"].as_f64().unwrap()))
            .collect(),
        texts: pages
            .iter()
            .map(|p| p["text"].as_str().unwrap().to_string())
            .collect(),
        first: (w, h, std::fs::read(&raw).unwrap()),
    }
}

fn qr_text((w, h, grey): &(usize, usize, Vec<u8>)) -> String {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(*w, *h, |x, y| grey[y * w + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the badge");
    grids[0].decode().expect("the QR code reads").1
}

async fn get(c: &Client, path: &str, token: &str) -> (Status, Option<ContentType>, Vec<u8>) {
    let res = c
        .get(path.to_string())
        .header(bearer(token))
        .dispatch()
        .await;
    let (status, kind) = (res.status(), res.content_type());
    (status, kind, res.into_bytes().await.unwrap_or_default())
}

#[rocket::async_test]
async fn badges_print_at_each_size_with_names_and_a_code_the_door_lets_in() {
    for backend in BACKENDS {
        let c = common::client_with(backend, false).await;
        let db = common::db(&c);
        let event = common::june_event(db, "forum-des-maires", "Forum des maires", &[]).await;
        for (i, (name, org)) in PEOPLE.iter().enumerate() {
            common::register_via_api(
                &c,
                "forum-des-maires",
                json!({"name": name, "email": format!("p{i}@example.org"),
                "organisation": org, "attendance": "in_person", "language": "fr"}),
            )
            .await;
        }
        let organiser = common::organiser_token(&c).await;
        let door = store::staff::create_token(db, StaffRole::Door, Some(event.id), "Hall A")
            .await
            .unwrap();
        for (size, w_mm, h_mm) in [
            ("a6", 105.0, 148.0),
            ("a7", 74.0, 105.0),
            ("4x3", 101.6, 76.2),
            ("62x100", 62.0, 100.0),
        ] {
            let path = format!("/api/v1/events/forum-des-maires/badges.pdf?size={size}");
            let (status, kind, pdf) = get(&c, &path, &organiser).await;
            assert_eq!(
                (status, kind),
                (Status::Ok, Some(ContentType::PDF)),
                "{backend:?} {size}"
            );
            let read = read(&pdf);
            assert_eq!(read.sizes.len(), 3, "{size}: one page per badge");
            for (w, h) in &read.sizes {
                let points = |mm: f64| mm * 72.0 / 25.4;
                assert!(
                    (w - points(w_mm)).abs() < 0.5 && (h - points(h_mm)).abs() < 0.5,
                    "{size}: {w} × {h} pt"
                );
            }
            let all = read.texts.join("\n");
            for (name, _) in PEOPLE {
                let first = name.split(' ').next().unwrap();
                assert!(all.contains(first), "{size}: {first} in the text");
            }
            assert!(
                all.contains("Kaboré") && all.contains("Béouindé") && all.contains("Métropole"),
                "{size}: {all}"
            );
            // The QR code, read off the rendered page, is the first person's badge: let in.
            let code = qr_text(&read.first);
            let res = c
                .post("/api/v1/checkins")
                .header(bearer(&door))
                .header(ContentType::JSON)
                .body(json!({"code": code, "gate": "Hall A"}).to_string())
                .dispatch()
                .await;
            let verdict = json_of(res).await;
            assert!(
                ["admitted", "already_checked_in"].contains(&verdict["verdict"].as_str().unwrap()),
                "{verdict}"
            );
            assert_eq!(verdict["attendee"]["name"], PEOPLE[0].0);
        }

        // One person's badge, for the door; the batch is for organisers only.
        let path = "/api/v1/events/forum-des-maires/registrations";
        let first = store::roster::list(db, event.id, &Default::default())
            .await
            .unwrap()[0]
            .id;
        let (status, _, pdf) =
            get(&c, &format!("{path}/{first}/badge.pdf?size=62x100"), &door).await;
        assert_eq!(status, Status::Ok);
        assert_eq!(read(&pdf).sizes.len(), 1);
        let (status, _, _) = get(&c, "/api/v1/events/forum-des-maires/badges.pdf", &door).await;
        assert_eq!(status, Status::Forbidden, "{backend:?}");
        // An unknown size is refused, naming the field, in the caller's language.
        let res = c
            .get("/api/v1/events/forum-des-maires/badges.pdf?size=a4&lang=en")
            .header(bearer(&organiser))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::UnprocessableEntity);
        let body = json_of(res).await;
        assert_eq!(
            body["error"]["fields"]["size"],
            "Choose a badge size: a6, a7, 4x3 or 62x100."
        );
    }
}
