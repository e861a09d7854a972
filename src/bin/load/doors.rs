//! The doors: a storm of scans as fast as the server answers them (what it can do), and a
//! morning of scans arriving at a steady rate from many devices (what a queue feels).

use std::sync::Arc;

use serde_json::json;
use summit::store::{self, Db};

use super::http::{Conn, Request};
use super::stats::{drive, Plan, Stats};
use super::Args;

/// Door devices scanning valid, repeated and invalid badges, each connection sending its
/// next scan as soon as its answer came.
pub async fn storm(
    addr: &[String],
    args: &Args,
    codes: Vec<String>,
    doors: Vec<&'static str>,
) -> Stats {
    let plan = Plan {
        sort: Some(scan_kind),
        ..Plan::new("check-in storm", args.clients, args.checkins, |s| s == 200)
    };
    drive(addr, plan, scans(codes, doors)).await
}

/// The same mix of scans at another event's doors, arriving at `--door-rate` scans a second
/// from `--devices` devices (one connection each), whatever the answers: the latency a
/// person in the queue waits, counted from when their scan was due.
pub async fn morning(
    addr: &[String],
    args: &Args,
    codes: Vec<String>,
    doors: Vec<&'static str>,
) -> Stats {
    let devices = args.devices.min(doors.len());
    let name = format!("doors at {} scans/s ({devices} devices)", args.door_rate);
    let plan = Plan {
        sort: Some(scan_kind),
        rate: Some(args.door_rate as f64),
        ..Plan::new(
            Box::leak(name.into_boxed_str()),
            devices,
            args.checkins,
            |s| s == 200,
        )
    };
    drive(addr, plan, scans(codes, doors[..devices].to_vec())).await
}

/// Scan `i`: 7 in 10 first scans or repeats of valid badges, 2 in 10 repeats, 1 in 10 not a
/// badge; from the doors' tokens in turn, at 8 gates.
fn scans(codes: Vec<String>, doors: Vec<&'static str>) -> impl Fn(usize) -> Request<'static> {
    let (codes, doors) = (Arc::new(codes), Arc::new(doors));
    move |i: usize| {
        let code = match i % 10 {
            9 => format!("S1.not-a-badge-{i}"),
            7 | 8 => codes[(i / 10) % codes.len()].clone(),
            _ => codes[i % codes.len()].clone(),
        };
        Request {
            method: "POST",
            path: "/api/v1/checkins".into(),
            body: Some(json!({"code": code, "gate": format!("Door {}", i % 8)}).to_string()),
            bearer: Some(doors[i % doors.len()]),
            accept_encoding: None,
        }
    }
}

/// A door's answer by its verdict: first scans write, repeats and bad badges only read.
fn scan_kind(body: &[u8]) -> Option<&'static str> {
    let says = |needle: &[u8]| body.windows(needle.len()).any(|w| w == needle);
    if says(br#""verdict":"admitted""#) {
        Some("first scans (admitted, one INSERT)")
    } else if says(br#""verdict":"already_checked_in""#) {
        Some("repeat scans (already in, reads only)")
    } else if says(br#""verdict":"invalid""#) {
        Some("not a badge (no read)")
    } else {
        None
    }
}

/// A second event with `--places` people registered (not measured), for the morning's
/// first scans; returns their badge codes.
pub async fn morning_badges(addr: &[String], args: &Args, db: &Db, organiser: &str) -> Vec<String> {
    let mut conn = Conn::connect(&addr[0]).await.expect("connect");
    let event = json!({"slug": "morning", "title": "Morning at the doors",
        "timezone": "Europe/Paris", "starts_at": "2027-10-01T09:00",
        "ends_at": "2027-10-01T18:00", "format": "in_person", "status": "published",
        "in_person_capacity": args.places});
    super::scenarios::create(&mut conn, organiser, "/api/v1/events", event).await;
    let register = |i: usize| Request {
        method: "POST",
        path: "/api/v1/events/morning/registrations".into(),
        body: Some(
            json!({"name": format!("Early {i}"), "email": format!("e{i}@load.test"),
                   "attendance": "in_person", "language": "en"})
            .to_string(),
        ),
        bearer: None,
        accept_encoding: None,
    };
    let plan = Plan::new("morning registrations", args.clients, args.places, |s| {
        s == 201
    });
    let registered = drive(addr, plan, register).await;
    assert_eq!(registered.errors, 0, "morning registrations");
    let event = store::events::get(db, "morning")
        .await
        .expect("morning event");
    super::scenarios::badge_codes(db, event.id).await
}
