//! The three scenarios on one database: agenda reads, a registration rush for limited places
//! and a workshop, and a check-in storm of valid, repeated and invalid badges at many doors.

use std::process::{Child, Command, Stdio};

use serde_json::json;
use summit::domain::{RegistrationStatus, StaffRole};
use summit::store::{self, Db};

use super::cpu::measured;
use super::http::{Conn, Request};
use super::stats::{drive, Plan, Stats};
use super::{free_port, peak_kib, stop, wait_for, Args};

const BORDEAUX: &str = "bordeaux-nous-les-villes";
/// Door devices' tokens: each is rate-limited on its own (20 scans/s), like a real scanner,
/// so there are enough that none goes over at the storm's rate.
const DOORS: usize = 2000;

pub struct Report {
    pub stats: Vec<Stats>,
    /// Instances driven (always 1 on SQLite).
    pub instances: usize,
    pub peak_kib: u64,
    pub oversold_places: i64,
    pub oversold_seats: i64,
    /// Importing `programme::SESSIONS` sessions: the dry run and the apply, in ms.
    pub programme_import_ms: (f64, f64),
}

async fn fresh_url(args: &Args, db: &str) -> String {
    let unique = summit::domain::secret::new_token()[..10]
        .to_lowercase()
        .replace(['-', '_'], "x");
    if db == "postgres" {
        use sqlx::Connection;
        let mut conn = sqlx::PgConnection::connect(&args.postgres)
            .await
            .expect("PostgreSQL");
        let schema = format!("load_{unique}");
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(&mut conn)
            .await
            .expect("schema");
        let sep = if args.postgres.contains('?') {
            '&'
        } else {
            '?'
        };
        return format!("{}{sep}options=-c%20search_path%3D{schema}", args.postgres);
    }
    let dir = std::env::temp_dir().join("summit-load");
    std::fs::create_dir_all(&dir).expect("temp dir");
    format!("sqlite://{}", dir.join(format!("{unique}.db")).display())
}

fn spawn_server(url: &str, port: u16) -> Child {
    let exe = std::env::current_exe().expect("own path");
    let summit = exe.with_file_name("summit");
    assert!(
        summit.exists(),
        "build the server first: cargo build --release --bins"
    );
    let outbox = std::env::temp_dir()
        .join("summit-load")
        .join(format!("outbox-{port}"));
    Command::new(summit)
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("ROCKET_PORT", port.to_string())
        .env("ROCKET_ADDRESS", "127.0.0.1")
        .env("ROCKET_LOG_LEVEL", "off")
        .env("RUST_LOG", "error")
        .env("OUTBOX_DIR", outbox)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("summit serve")
}

pub async fn all(args: &Args, db_kind: &str) -> Report {
    let url = fresh_url(args, db_kind).await;
    let db = Db::connect(&url).await.expect("database");
    summit::demo::load_if_empty(&db).await.expect("demo events");
    let organiser = store::staff::create_token(&db, StaffRole::Organiser, None, "load")
        .await
        .expect("token");
    let mut doors = Vec::with_capacity(DOORS);
    for _ in 0..DOORS {
        doors.push(
            store::staff::create_token(&db, StaffRole::Door, None, "door")
                .await
                .expect("token"),
        );
    }
    let instances = if db_kind == "postgres" {
        args.instances.max(1)
    } else {
        1
    };
    let ports: Vec<u16> = (0..instances).map(|_| free_port()).collect();
    let servers: Vec<Child> = ports.iter().map(|p| spawn_server(&url, *p)).collect();
    for p in &ports {
        wait_for(*p).await;
    }
    let addr: Vec<String> = ports.iter().map(|p| format!("127.0.0.1:{p}")).collect();
    let pids: Vec<u32> = servers.iter().map(Child::id).collect();
    let mut stats = agenda_reads(&addr, &pids, args).await;
    let workshop = create_rush_event(&addr[0], &organiser, args.places).await;
    stats.push(measured(&pids, rush(&addr, args, workshop)).await);
    let (oversold_places, oversold_seats, codes) = check_rush(&db, args.places as i64).await;
    let doors: Vec<&'static str> = doors
        .into_iter()
        .map(|t| &*Box::leak(t.into_boxed_str()))
        .collect();
    let storm = super::doors::storm(&addr, args, codes, doors.clone());
    stats.push(measured(&pids, storm).await);
    let codes = super::doors::morning_badges(&addr, args, &db, &organiser).await;
    let morning = super::doors::morning(&addr, args, codes, doors);
    stats.push(measured(&pids, morning).await);
    let token: &'static str = Box::leak(organiser.clone().into_boxed_str());
    let programme_import_ms = super::programme::import(&addr[0], token).await;
    let peak = servers.iter().map(|s| peak_kib(s.id())).max().unwrap_or(0);
    for server in servers {
        stop(server);
    }
    Report {
        stats,
        instances,
        peak_kib: peak,
        oversold_places,
        oversold_seats,
        programme_import_ms,
    }
}

/// The agenda's pages, JSON and calendar, read over and over.
async fn agenda_reads(addr: &[String], pids: &[u32], args: &Args) -> Vec<Stats> {
    let c = args.clients;
    let mut stats = Vec::new();
    // What a phone's browser says it takes (Chrome and Safari both offer brotli).
    let phone = Some("gzip, deflate, br");
    for (name, path, accept_encoding) in [
        (
            "agenda page (Bordeaux)",
            format!("/events/{BORDEAUX}"),
            None,
        ),
        (
            "agenda page, as a phone asks (br)",
            format!("/events/{BORDEAUX}"),
            phone,
        ),
        (
            "agenda filtered (day 2, workshops, \"données\")",
            format!("/events/{BORDEAUX}?day=2027-06-16&kind=workshop&q=donn%C3%A9es"),
            None,
        ),
        (
            "agenda grid (Bordeaux)",
            format!("/events/{BORDEAUX}?view=grid"),
            None,
        ),
        (
            "agenda JSON (Bordeaux)",
            format!("/api/v1/events/{BORDEAUX}/sessions"),
            None,
        ),
        (
            "agenda .ics (Bordeaux)",
            format!("/events/{BORDEAUX}/calendar.ics"),
            None,
        ),
    ] {
        let get = move |_| Request {
            method: "GET",
            path: path.clone(),
            body: None,
            bearer: None,
            accept_encoding,
        };
        let read = drive(addr, Plan::new(name, c, args.reads, |s| s == 200), get);
        stats.push(measured(pids, read).await);
    }

    stats
}

/// Many people registering at once for limited places, one in four also for the workshop.
async fn rush(addr: &[String], args: &Args, workshop: i64) -> Stats {
    let register = move |i: usize| {
        let sessions = if i.is_multiple_of(4) {
            json!([workshop])
        } else {
            json!([])
        };
        let body = json!({"name": format!("Person {i}"), "email": format!("p{i}@load.test"),
                          "attendance": "in_person", "language": "fr", "sessions": sessions});
        Request {
            method: "POST",
            path: "/api/v1/events/rush/registrations".into(),
            body: Some(body.to_string()),
            bearer: None,
            accept_encoding: None,
        }
    };
    let c = args.clients;
    let plan = Plan::new("registration rush", c, args.registrations, |s| s == 201);
    drive(addr, plan, register).await
}

/// An event with `places` in-person places and a 50-seat workshop; returns the workshop id.
pub async fn create_rush_event(addr: &str, organiser: &str, places: usize) -> i64 {
    let mut conn = Conn::connect(addr).await.expect("connect");
    let event = json!({"slug": "rush", "title": "Registration rush", "timezone": "Europe/Paris",
        "starts_at": "2027-09-01T09:00", "ends_at": "2027-09-03T18:00", "format": "in_person",
        "status": "published", "in_person_capacity": places});
    create(&mut conn, organiser, "/api/v1/events", event).await;
    let session = json!({"title": "Workshop", "kind": "workshop", "starts_at": "2027-09-01T10:00",
        "ends_at": "2027-09-01T12:00", "capacity": 50, "requires_signup": true});
    let made = create(
        &mut conn,
        organiser,
        "/api/v1/events/rush/sessions",
        session,
    )
    .await;
    made["id"].as_i64().expect("id")
}

/// Creates what `body` describes with the organiser's token (201 expected); its JSON answer.
pub async fn create(
    conn: &mut Conn,
    organiser: &str,
    path: &str,
    body: serde_json::Value,
) -> serde_json::Value {
    let req = Request {
        method: "POST",
        path: path.into(),
        body: Some(body.to_string()),
        bearer: Some(Box::leak(organiser.to_string().into_boxed_str())),
        accept_encoding: None,
    };
    let (status, answer) = conn.send(&req).await.expect("create");
    assert_eq!(
        status,
        201,
        "POST {path}: {}",
        String::from_utf8_lossy(&answer)
    );
    serde_json::from_slice(&answer).expect("JSON")
}

/// Places and seats held beyond capacity (must be 0), and the confirmed people's badge codes.
async fn check_rush(db: &Db, places: i64) -> (i64, i64, Vec<String>) {
    let event = store::events::get(db, "rush").await.expect("rush event");
    let codes = badge_codes(db, event.id).await;
    let fill = store::roster::session_fill(db, event.id)
        .await
        .expect("fill");
    let seats: i64 = fill.values().map(|f| f.confirmed).sum();
    (
        (codes.len() as i64 - places).max(0),
        (seats - 50).max(0),
        codes,
    )
}

/// The badge codes of an event's confirmed people.
pub async fn badge_codes(db: &Db, event_id: i64) -> Vec<String> {
    let people = store::roster::list(db, event_id, &Default::default())
        .await
        .expect("list");
    let mut codes = Vec::new();
    for r in people
        .iter()
        .filter(|r| r.status == RegistrationStatus::Confirmed)
    {
        codes.push(summit::app::checkin::code_for(db, r).await.expect("code"));
    }
    codes
}
