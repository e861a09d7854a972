//! Issue 14's loose ends that users can see: a server error is logged by its route's pattern,
//! never by the path with an attendee's token in it.

use std::cell::RefCell;
use std::io::Write;
use std::sync::{Arc, Mutex, Once};

use rocket::http::Status;

use crate::common::{self, BACKENDS};

thread_local! {
    /// Where this thread's log lines go, while a test listens.
    static SINK: RefCell<Option<Arc<Mutex<Vec<u8>>>>> = const { RefCell::new(None) };
}

/// Writes each log line into the sink of the thread that logs it (nowhere if none).
struct ThreadSink;

impl Write for ThreadSink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        SINK.with(|s| {
            if let Some(buf) = s.borrow().as_ref() {
                buf.lock().unwrap().extend_from_slice(bytes);
            }
        });
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The log of everything this thread logs from now on. One subscriber for the whole test
/// binary, at INFO: a subscriber of one thread's own leaves tracing's shared per-callsite
/// cache racing with the other tests' threads, and lines go missing.
fn listen() -> Arc<Mutex<Vec<u8>>> {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_writer(|| ThreadSink)
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("no other global subscriber");
    });
    let buf = Arc::new(Mutex::new(Vec::new()));
    SINK.with(|s| *s.borrow_mut() = Some(buf.clone()));
    buf
}

fn text_of(log: &Mutex<Vec<u8>>) -> String {
    String::from_utf8_lossy(&log.lock().unwrap()).into_owned()
}

/// The database goes away under a running app (both pools closed, as when the server is
/// stopped): an attendee opening their page gets a 500, and the two log lines it leaves,
/// the error and the request, name `/r/<token>`, not the token.
#[tokio::test(flavor = "current_thread")]
async fn a_500_is_logged_with_the_route_pattern_never_the_token() {
    for backend in BACKENDS {
        // The app runs on this thread (a current-thread runtime), so its lines come here.
        let log = listen();
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
        let text = text_of(&log);
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
