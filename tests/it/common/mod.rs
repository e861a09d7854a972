//! Test support: a fresh database per test (a new SQLite file, or a new PostgreSQL schema on
//! the real server at 127.0.0.1:5432) and an app built on it.
#![allow(dead_code)]

use std::future::Future;

use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::{Client, LocalResponse};
use sqlx::Connection;
use summit::domain::StaffRole;
use summit::store::{self, Db};
use summit::Settings;

pub mod fake_stripe;
pub mod ical_strict;
pub mod python;

pub const POSTGRES_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub const BACKENDS: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// A database URL nobody else uses.
pub async fn fresh_url(backend: Backend) -> String {
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join("summit-tests");
            std::fs::create_dir_all(&dir).unwrap();
            format!(
                "sqlite://{}",
                dir.join(format!("{}.db", unique())).display()
            )
        }
        Backend::Postgres => {
            let admin =
                std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| POSTGRES_ADMIN_URL.into());
            let schema = format!("t_{}", unique());
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("PostgreSQL on 127.0.0.1:5432 (see README: Tests)");
            sqlx::query(&format!("CREATE SCHEMA {schema}"))
                .execute(&mut conn)
                .await
                .unwrap();
            let sep = if admin.contains('?') { '&' } else { '?' };
            format!("{admin}{sep}options=-c%20search_path%3D{schema}")
        }
    }
}

pub async fn fresh_db(backend: Backend) -> Db {
    Db::connect(&fresh_url(backend).await)
        .await
        .expect("database")
}

/// Runs a scenario on a fresh SQLite file and on a fresh PostgreSQL schema.
pub async fn on_both<F, Fut>(scenario: F)
where
    F: Fn(Db, Backend) -> Fut,
    Fut: Future<Output = ()>,
{
    for backend in BACKENDS {
        scenario(fresh_db(backend).await, backend).await;
    }
}

/// Like [`on_both`], with the database's URL for [`raw_sql`].
pub async fn on_both_with_url<F, Fut>(scenario: F)
where
    F: Fn(Db, Backend, String) -> Fut,
    Fut: Future<Output = ()>,
{
    for backend in BACKENDS {
        let url = fresh_url(backend).await;
        let db = Db::connect(&url).await.expect("database");
        scenario(db, backend, url).await;
    }
}

/// Runs one statement on its own connection, as an operator with a SQL shell would (to move
/// time along in a test: what happened ten minutes ago).
pub async fn raw_sql(url: &str, sql: &str) {
    let mut conn = sqlx::AnyConnection::connect(url).await.expect("connect");
    sqlx::query(sql).execute(&mut conn).await.expect(sql);
}

pub fn settings(url: &str, demo: bool) -> Settings {
    Settings {
        database_url: url.to_string(),
        public_url: "https://summit.test".into(),
        demo,
        // Tests send mail by calling the worker themselves, into a folder of their own.
        mail_worker: false,
        outbox_dir: std::env::temp_dir()
            .join("summit-tests")
            .join(format!("outbox-{}", unique()))
            .display()
            .to_string(),
        ..Settings::default()
    }
}

pub async fn client_with(backend: Backend, demo: bool) -> Client {
    let url = fresh_url(backend).await;
    let figment = rocket::Config::figment().merge(("log_level", "off"));
    Client::tracked(summit::rocket_with(figment, settings(&url, demo)))
        .await
        .expect("app")
}

/// The app on SQLite with the demo events loaded.
pub async fn demo_client() -> Client {
    client_with(Backend::Sqlite, true).await
}

pub fn db(client: &Client) -> &Db {
    client.rocket().state::<Db>().expect("db")
}

pub async fn organiser_token(client: &Client) -> String {
    store::staff::create_token(db(client), StaffRole::Organiser, None, "tests")
        .await
        .unwrap()
}

pub fn bearer(token: &str) -> Header<'static> {
    Header::new("Authorization", format!("Bearer {token}"))
}

pub async fn json_of(res: LocalResponse<'_>) -> serde_json::Value {
    let text = res.into_string().await.unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
}

/// POST/PATCH JSON with an organiser token; returns status and body.
pub async fn send_json(
    client: &Client,
    method: rocket::http::Method,
    path: &str,
    token: &str,
    body: serde_json::Value,
) -> (Status, serde_json::Value) {
    let res = client
        .req(method, path.to_string())
        .header(ContentType::JSON)
        .header(bearer(token))
        .body(body.to_string())
        .dispatch()
        .await;
    let status = res.status();
    let text = res.into_string().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
    )
}

/// The value of the hidden `csrf` field in a page.
pub fn csrf_of(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token");
    let rest = &html[at + 19..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// Signs an organiser in through the one-time set-up link, as a person would.
pub async fn sign_in_organiser(client: &Client, email: &str, event: Option<i64>) {
    let (_, setup) = store::staff::add_user(db(client), email, StaffRole::Organiser, event)
        .await
        .unwrap();
    let form = client
        .get(format!("/setup/{setup}"))
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    let csrf = csrf_of(&form);
    let done = client
        .post(format!("/setup/{setup}"))
        .header(ContentType::Form)
        .body(format!(
            "csrf={csrf}&password=une+phrase+assez+longue&confirm=une+phrase+assez+longue"
        ))
        .dispatch()
        .await;
    assert_eq!(done.status(), Status::SeeOther);
    assert_eq!(done.headers().get_one("Location"), Some("/admin"));
}

/// The text of a page.
pub async fn text_of(client: &Client, path: &str) -> String {
    client
        .get(path.to_string())
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap_or_default()
}

/// The app with settings of the test's own (on SQLite).
pub async fn client_with_settings(s: Settings) -> Client {
    let figment = rocket::Config::figment().merge(("log_level", "off"));
    Client::tracked(summit::rocket_with(figment, s))
        .await
        .expect("app")
}

/// A loopback port nothing listens on (yet).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A real SMTP server (Python's aiosmtpd, see `python`) on loopback, storing what it receives in a Maildir.
pub struct SmtpServer {
    child: std::process::Child,
    pub maildir: std::path::PathBuf,
}

impl SmtpServer {
    pub fn start(port: u16) -> SmtpServer {
        let maildir = std::env::temp_dir()
            .join("summit-tests")
            .join(format!("maildir-{}", unique()));
        // aiosmtpd makes the Maildir (with tmp/, new/, cur/) only if it does not exist.
        std::fs::create_dir_all(maildir.parent().unwrap()).unwrap();
        let mut child = python::python()
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3 with aiosmtpd");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return SmtpServer { child, maildir };
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("aiosmtpd did not start on port {port}");
    }

    /// The raw messages received so far.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let mut files: Vec<_> = std::fs::read_dir(self.maildir.join("new"))
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort_by_key(|p| {
            let modified = std::fs::metadata(p).and_then(|m| m.modified()).ok();
            (modified, p.clone())
        });
        files.iter().map(|p| std::fs::read(p).unwrap()).collect()
    }

    /// The messages as they went over the wire: a Maildir keeps lines ending in LF, SMTP
    /// carries them with CRLF (RFC 5321 §2.3.8), so each LF is CRLF again.
    pub fn messages_as_sent(&self) -> Vec<Vec<u8>> {
        self.messages()
            .into_iter()
            .map(|raw| {
                let mut wire = Vec::with_capacity(raw.len() + raw.len() / 40);
                for (i, &b) in raw.iter().enumerate() {
                    if b == b'\n' && (i == 0 || raw[i - 1] != b'\r') {
                        wire.push(b'\r');
                    }
                    wire.push(b);
                }
                wire
            })
            .collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A published in-person event in Paris on 15–16 June 2027, with `more` settings besides.
pub async fn june_event(
    db: &Db,
    slug: &str,
    title: &str,
    more: &[(&str, &str)],
) -> store::events::Event {
    let mut fields = vec![
        ("slug", slug),
        ("title", title),
        ("timezone", "Europe/Paris"),
        ("starts_at", "2027-06-15T08:00"),
        ("ends_at", "2027-06-16T18:00"),
        ("format", "in_person"),
        ("status", "published"),
    ];
    fields.extend_from_slice(more);
    let input = summit::domain::validate::Input::from_pairs(fields);
    summit::app::organise::create_event(db, &input)
        .await
        .unwrap()
}

/// Registers through the use case, as the API channel does; `Err` is the refusal. Panics if
/// the address was registered already (the tests using it always register new people).
pub async fn register_in_app(
    db: &Db,
    event: &store::events::Event,
    input: &summit::domain::validate::Input,
) -> Result<store::registrations::Registration, summit::Error> {
    use summit::app::registering::{self, Channel};
    use summit::store::registrations::Registered;
    match registering::register(db, event, input, summit::i18n::Lang::En, Channel::Api).await? {
        Registered::New { registration, .. } => Ok(*registration),
        Registered::Existing { id } => panic!("unexpected existing registration {id}"),
    }
}

/// Registers through the public API; returns the answer and the personal token of `manage_url`.
pub async fn register_via_api(
    client: &Client,
    slug: &str,
    body: serde_json::Value,
) -> (serde_json::Value, String) {
    let res = client
        .post(format!("/api/v1/events/{slug}/registrations"))
        .header(ContentType::JSON)
        .body(body.to_string())
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Created);
    let answer = json_of(res).await;
    let token = answer["manage_url"]
        .as_str()
        .and_then(|u| u.rsplit('/').next())
        .expect("a manage_url")
        .to_string();
    (answer, token)
}

/// POSTs a form; returns the status and the redirect's target (or the page when none).
pub async fn post_form(client: &Client, path: &str, body: String) -> (Status, String) {
    let res = client
        .post(path.to_string())
        .header(ContentType::Form)
        .body(body)
        .dispatch()
        .await;
    let status = res.status();
    let location = res.headers().get_one("Location").map(str::to_string);
    let text = res.into_string().await.unwrap_or_default();
    (status, location.unwrap_or(text))
}

/// Uploads a guest list as an organiser would and waits for the import to finish; returns
/// the progress page in `lang` (whose "finished" line contains `finished`).
pub async fn import_guests(
    client: &Client,
    slug: &str,
    csrf: &str,
    guests: &str,
    lang: &str,
    finished: &str,
) -> String {
    let boundary = "summit-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"guests.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n{guests}\r\n--{boundary}--\r\n"
    );
    let res = client
        .post(format!("/admin/events/{slug}/imports"))
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", boundary)))
        .body(body)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let progress = res.headers().get_one("Location").unwrap().to_string();
    let mut page = String::new();
    for _ in 0..100 {
        page = text_of(client, &format!("{progress}?lang={lang}")).await;
        if page.contains(finished) {
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    page
}
