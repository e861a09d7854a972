//! Running many clients against one address and summarising what they saw.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::http::{Conn, Request};

pub struct Stats {
    pub name: String,
    pub requests: usize,
    pub errors: usize,
    pub elapsed: Duration,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Bytes of an answer on the wire (head and body), on average.
    pub bytes_per_answer: f64,
    /// The CPU it took, when measured (`cpu::measured`).
    pub cpu: Option<super::cpu::Budget>,
}

impl Stats {
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }
}

/// `total` requests made by `clients` keep-alive connections, spread round robin over the
/// addresses (several instances behind a load balancer); `make(i)` builds request `i`.
/// `ok(status)` says which answers count as success.
pub async fn drive<F>(
    name: &str,
    addrs: &[String],
    clients: usize,
    total: usize,
    make: F,
    ok: fn(u16) -> bool,
) -> Stats
where
    F: Fn(usize) -> Request<'static> + Send + Sync + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    let make = Arc::new(make);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for k in 0..clients {
        let (next, make) = (next.clone(), make.clone());
        let addr = addrs[k % addrs.len()].clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let (mut errors, mut received) = (0, 0);
            let mut conn = Conn::connect(&addr).await.ok();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let req = make(i);
                let t = Instant::now();
                let answer = match conn.as_mut() {
                    Some(c) => c.send(&req).await,
                    None => Err(std::io::Error::other("no connection")),
                };
                latencies.push(t.elapsed().as_micros() as u32);
                match answer {
                    Ok((status, _)) if ok(status) => {}
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        // What the broken connection read still counts.
                        received += conn.as_ref().map_or(0, |c| c.received);
                        conn = Conn::connect(&addr).await.ok();
                    }
                }
            }
            received += conn.map_or(0, |c| c.received);
            (latencies, errors, received)
        }));
    }
    let mut all = Vec::with_capacity(total);
    let (mut errors, mut received) = (0, 0);
    for t in tasks {
        let (l, e, r) = t.await.expect("client task");
        all.extend(l);
        errors += e;
        received += r;
    }
    let elapsed = start.elapsed();
    all.sort_unstable();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .map(|us| *us as f64 / 1000.0)
            .unwrap_or(0.0)
    };
    Stats {
        name: name.to_string(),
        requests: all.len(),
        errors,
        elapsed,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        bytes_per_answer: received as f64 / all.len().max(1) as f64,
        cpu: None,
    }
}
