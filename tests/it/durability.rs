//! Nothing lost: the real server is killed with SIGKILL in the middle of a registration rush;
//! after a restart every registration that was answered 201 is there, no place is oversold,
//! and each registration has exactly one confirmation message queued. On SQLite with one
//! instance; on PostgreSQL with two instances sharing the database, both killed at once.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use summit::domain::validate::Input;
use summit::store::{self, Db};

const PLACES: i64 = 60;

fn serve(url: &str, port: u16, outbox: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_summit"))
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("ROCKET_PORT", port.to_string())
        .env("ROCKET_ADDRESS", "127.0.0.1")
        .env("OUTBOX_DIR", outbox)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("summit serve")
}

fn wait_for(port: u16) {
    for _ in 0..400 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("the server did not start");
}

/// POSTs one registration; `Some(status)` when an answer came back.
fn register(port: u16, n: usize) -> Option<u16> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let body = format!(
        "{{\"name\":\"Person {n}\",\"email\":\"p{n}@kill.test\",\"attendance\":\"in_person\"}}"
    );
    let req = format!(
        "POST /api/v1/events/rush/registrations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).ok()?;
    let mut reader = BufReader::new(s);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let status = line.split_whitespace().nth(1)?.parse().ok()?;
    let mut rest = Vec::new();
    let _ = reader.read_to_end(&mut rest);
    Some(status)
}

#[test]
fn registrations_answered_201_survive_a_sigkill() {
    rush_then_kill(common::Backend::Sqlite, 1);
    rush_then_kill(common::Backend::Postgres, 2);
}

fn rush_then_kill(backend: common::Backend, instances: usize) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let url = rt.block_on(common::fresh_url(backend));
    let db: Db = rt.block_on(async {
        let db = Db::connect(&url).await.unwrap();
        let event = Input::from_pairs([
            ("slug", "rush"),
            ("title", "Rush"),
            ("timezone", "Europe/Paris"),
            ("starts_at", "2027-09-01T09:00"),
            ("ends_at", "2027-09-01T18:00"),
            ("format", "in_person"),
            ("status", "published"),
            ("in_person_capacity", "60"),
        ]);
        summit::app::organise::create_event(&db, &event)
            .await
            .unwrap();
        db
    });
    let outbox = std::env::temp_dir().join(format!("summit-kill-{}", common::free_port()));
    let ports: Vec<u16> = (0..instances).map(|_| common::free_port()).collect();
    let mut servers: Vec<Child> = ports.iter().map(|p| serve(&url, *p, &outbox)).collect();
    for p in &ports {
        wait_for(*p);
    }

    let answered = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..8)
        .map(|t| {
            let (answered, stop) = (answered.clone(), stop.clone());
            // Round robin over the instances, as a load balancer would.
            let port = ports[t % ports.len()];
            std::thread::spawn(move || {
                let mut n = t;
                while !stop.load(Ordering::Relaxed) {
                    if register(port, n) == Some(201) {
                        answered.lock().unwrap().push(n);
                    }
                    n += 8;
                }
            })
        })
        .collect();
    while answered.lock().unwrap().len() < 150 {
        std::thread::sleep(Duration::from_millis(5));
    }
    for server in &mut servers {
        server.kill().expect("SIGKILL");
    }
    for server in &mut servers {
        server.wait().unwrap();
    }
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().unwrap();
    }

    // Restarted on the same database, the server finds everything it promised.
    let port = ports[0];
    let mut server = serve(&url, port, &outbox);
    wait_for(port);
    let answered = answered.lock().unwrap().clone();
    rt.block_on(async {
        let event = store::events::get(&db, "rush").await.unwrap();
        let stored = store::roster::list(&db, event.id, &Default::default())
            .await
            .unwrap();
        for n in &answered {
            let email = format!("p{n}@kill.test");
            assert!(
                stored.iter().any(|r| r.email == email),
                "{backend:?}: {email} was answered 201 but is gone"
            );
        }
        let confirmed = stored
            .iter()
            .filter(|r| r.status.as_str() == "confirmed")
            .count();
        assert_eq!(
            confirmed as i64, PLACES,
            "{backend:?}: exactly the places, no more"
        );
        for r in &stored {
            let kinds: Vec<_> = store::outbox::for_registration(&db, r.id)
                .await
                .unwrap()
                .into_iter()
                .filter(|m| m.message_kind == "registered")
                .collect();
            assert_eq!(
                kinds.len(),
                1,
                "{backend:?}: one confirmation per registration"
            );
        }
    });
    server.kill().unwrap();
    server.wait().unwrap();
}
