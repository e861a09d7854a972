//! Importing a programme of 1,000 sessions (10 rooms, 300 speakers, three days) into the rush
//! event through the API: the dry run and the apply (the same all-or-nothing write the
//! organisers' page runs in the background), each timed once. Not a throughput figure.

use std::time::Instant;

use super::http::{Conn, Request};

pub const SESSIONS: usize = 1000;

/// A sheet of `SESSIONS` quarter-hour sessions that book no room or speaker twice.
fn sheet() -> String {
    let mut csv = String::from("date,start,duration,title_en,kind,room,speakers\n");
    for i in 0..SESSIONS {
        let (room, slot) = (i % 10, i / 10);
        let day = 1 + slot / 36;
        let minutes = 9 * 60 + (slot % 36) * 15;
        csv += &format!(
            "2027-09-0{day},{:02}:{:02},15,Session {i},other,Room {room},Speaker {}\n",
            minutes / 60,
            minutes % 60,
            i % 300
        );
    }
    csv
}

/// (dry run, apply) in milliseconds.
pub async fn import(addr: &str, organiser: &'static str) -> (f64, f64) {
    let mut conn = Conn::connect(addr).await.expect("connect");
    let body = sheet();
    let mut timings = [0.0; 2];
    for (n, query) in ["?dry_run=true", ""].into_iter().enumerate() {
        let req = Request {
            method: "POST",
            path: format!("/api/v1/events/rush/programme/import{query}"),
            body: Some(body.clone()),
            bearer: Some(organiser),
            accept_encoding: None,
        };
        let started = Instant::now();
        let (status, answer) = conn.send(&req).await.expect("import");
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
        timings[n] = started.elapsed().as_secs_f64() * 1000.0;
    }
    (timings[0], timings[1])
}
