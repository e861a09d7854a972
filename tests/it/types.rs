//! Issue 14's loose ends that users can see: a server error is logged by its route's pattern,
//! never by the path with an attendee's token in it.

use std::io::Write;
use std::sync::{Arc, Mutex};

use rocket::http::Status;

use crate::common::{self, BACKENDS};

/// Log output kept in memory, for one test's thread.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// The database goes away under a running app (both pools closed, as when the server is
/// stopped): an attendee opening their page gets a 500, and the two log lines it leaves,
/// the error and the request, name `/r/<token>`, not the token.
#[tokio::test(flavor = "current_thread")]
async fn a_500_is_logged_with_the_route_pattern_never_the_token() {
    for backend in BACKENDS {
        let log = Captured::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .finish();
        // This thread only: the test runs the app on it (a current-thread runtime).
        let _guard = tracing::subscriber::set_default(subscriber);
        let c = common::client_with(backend, false).await;
        let db = common::db(&c);
        db.close().await;
        let token = "Zr8vQk3LmP0wXyTt5NcA7bHs2JdE9uFg4KiOqWe1RlM";
        let res = c.get(format!("/r/{token}?lang=en")).dispatch().await;
        assert_eq!(res.status(), Status::InternalServerError, "{backend:?}");
        let page = res.into_string().await.unwrap_or_default();
        assert!(
            !page.contains("PoolClosed"),
            "{backend:?}: details stay in the log"
        );
        let text = log.text();
        let lines: Vec<&str> = text.lines().filter(|l| l.contains("/r/<token>")).collect();
        assert!(
            lines
                .iter()
                .any(|l| l.contains("ERROR") && l.contains("GET /r/<token>")),
            "{backend:?}: the error names the route: {text}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("INFO") && l.ends_with(" 500")),
            "{backend:?}: the request line names the route and the status: {text}"
        );
        assert!(
            !text.contains(token),
            "{backend:?}: no token in the log: {text}"
        );
    }
}
