//! The `summit` command line, as deployment scripts use it.

use std::process::Command;

fn summit(db: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_summit"))
        .args(args)
        .env("DATABASE_URL", db)
        .env("PUBLIC_URL", "https://summit.example.org")
        .output()
        .expect("runs")
}

fn temp_db() -> String {
    let dir = std::env::temp_dir().join("summit-tests");
    std::fs::create_dir_all(&dir).unwrap();
    format!(
        "sqlite://{}",
        dir.join(format!("cli-{}.db", uuid::Uuid::new_v4().simple()))
            .display()
    )
}

#[test]
fn tokens_users_and_demo_from_the_command_line() {
    let db = temp_db();
    let out = summit(
        &db,
        &[
            "token",
            "create",
            "--role",
            "organiser",
            "--label",
            "deploy",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap();
    assert_eq!(token.trim().len(), 43);
    assert_eq!(token.lines().count(), 1);

    let out = summit(&db, &["demo"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Loaded 5 demo events"));

    let out = summit(
        &db,
        &[
            "token",
            "create",
            "--role",
            "door",
            "--event",
            "bordeaux-nous-les-villes",
        ],
    );
    assert!(out.status.success());

    let out = summit(
        &db,
        &[
            "user",
            "add",
            "--email",
            "orga@bordeaux.fr",
            "--role",
            "organiser",
        ],
    );
    assert!(out.status.success());
    let link = String::from_utf8(out.stdout).unwrap();
    assert!(
        link.starts_with("https://summit.example.org/setup/"),
        "{link}"
    );
}

fn stdout(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[rocket::async_test]
async fn tokens_and_logins_are_listed_revoked_and_removed() {
    let db = temp_db();
    let token = stdout(&summit(
        &db,
        &[
            "token",
            "create",
            "--role",
            "organiser",
            "--label",
            "agenda import",
        ],
    ));
    stdout(&summit(&db, &["demo"]));
    stdout(&summit(
        &db,
        &[
            "token",
            "create",
            "--role",
            "door",
            "--event",
            "bordeaux-nous-les-villes",
        ],
    ));
    let list = stdout(&summit(&db, &["token", "list"]));
    let rows: Vec<&str> = list.lines().collect();
    assert_eq!(rows.len(), 3, "a header and two tokens: {list}");
    assert!(
        rows[1].starts_with("1\torganiser\t-\tagenda import\t"),
        "{list}"
    );
    assert!(rows[2].contains("door\tbordeaux-nous-les-villes"), "{list}");
    assert!(!list.contains(token.trim()), "tokens are never shown again");

    let store = summit::store::Db::connect(&db).await.unwrap();
    assert!(summit::store::staff::find_token(&store, token.trim())
        .await
        .unwrap()
        .is_some());
    let said = stdout(&summit(&db, &["token", "revoke", "1"]));
    assert!(said.contains("revoked"), "{said}");
    let fresh = summit::store::Db::connect(&db).await.unwrap();
    assert!(
        summit::store::staff::find_token(&fresh, token.trim())
            .await
            .unwrap()
            .is_none(),
        "a revoked token opens nothing"
    );
    assert!(stdout(&summit(&db, &["token", "list"]))
        .lines()
        .nth(1)
        .unwrap()
        .ends_with(" UTC"));
    let again = summit(&db, &["token", "revoke", "1"]);
    assert!(!again.status.success(), "revoking twice says so");

    stdout(&summit(
        &db,
        &[
            "user",
            "add",
            "--email",
            "door@bordeaux.fr",
            "--role",
            "door",
            "--event",
            "bordeaux-nous-les-villes",
        ],
    ));
    let users = stdout(&summit(&db, &["user", "list"]));
    assert!(
        users.contains("door@bordeaux.fr\tdoor\tbordeaux-nous-les-villes\tnot set\t0"),
        "{users}"
    );
    let said = stdout(&summit(
        &db,
        &["user", "remove", "--email", "door@bordeaux.fr"],
    ));
    assert!(said.contains("removed"), "{said}");
    assert!(!stdout(&summit(&db, &["user", "list"])).contains("door@bordeaux.fr"));
    let again = summit(&db, &["user", "remove", "--email", "door@bordeaux.fr"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("no staff login"));
}

#[test]
fn bad_arguments_exit_non_zero_with_a_clear_message() {
    let db = temp_db();
    let out = summit(&db, &["token", "create", "--role", "boss"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid value 'boss'"));
    let out = summit(
        &db,
        &["token", "create", "--role", "door", "--event", "nowhere"],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no event with the slug 'nowhere'"));
    let out = summit(
        &db,
        &["user", "add", "--email", "not-an-address", "--role", "door"],
    );
    assert!(!out.status.success());
    let out = summit("mysql://nope", &["demo"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("DATABASE_URL"));
    for args in [
        &["--help"][..],
        &["token", "create", "--help"],
        &["user", "add", "--help"],
    ] {
        assert!(summit(&db, args).status.success());
    }
}

#[test]
fn serve_starts_in_the_release_profile_without_a_configured_secret_key() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_summit"))
        .arg("serve")
        .env("DATABASE_URL", temp_db())
        .env("ROCKET_PROFILE", "release")
        .env("ROCKET_ADDRESS", "127.0.0.1")
        .env("ROCKET_PORT", port.to_string())
        .env_remove("ROCKET_SECRET_KEY")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut answered = false;
    for _ in 0..100 {
        if let Ok(mut conn) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::{Read, Write};
            conn.write_all(b"GET /api/v1/events HTTP/1.0\r\n\r\n")
                .unwrap();
            let mut reply = String::new();
            conn.read_to_string(&mut reply).unwrap();
            answered = reply.starts_with("HTTP/1.0 200") || reply.starts_with("HTTP/1.1 200");
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    child.kill().ok();
    let out = child.wait_with_output().unwrap();
    assert!(
        answered,
        "no answer: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn purge_erases_past_events_data_from_the_command_line() {
    let db = temp_db();
    let out = summit(&db, &["purge", "--days", "30"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Erased the registrations of 0 people"),
        "{text}"
    );
    let bad = summit(&db, &["purge", "--days", "soon"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--days"));
}
