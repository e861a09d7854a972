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
    /// The same answers' latencies by kind of answer, when the scenario sorts them
    /// (`Plan::sort`): a mix's p99 hides which kind makes the tail.
    pub parts: Vec<Part>,
    /// With `parts`: the p99 of each tenth of the requests, in the order they were made (a
    /// scenario whose first scans come first shows whether its tail is that opening wave).
    pub tenths_p99_ms: Vec<f64>,
}

/// The latencies of one kind of answer within a scenario.
pub struct Part {
    pub name: &'static str,
    pub requests: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
}

/// Says what kind of answer a body is (`None`: not one the scenario reports apart).
pub type Sort = fn(&[u8]) -> Option<&'static str>;

impl Stats {
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }
}

/// How a scenario's requests are made.
#[derive(Clone, Copy)]
pub struct Plan {
    pub name: &'static str,
    /// Keep-alive connections, spread round robin over the addresses (several instances
    /// behind a load balancer).
    pub clients: usize,
    pub total: usize,
    /// Which answers count as success.
    pub ok: fn(u16) -> bool,
    /// Also reports the answers' latencies by the kind this gives each body.
    pub sort: Option<Sort>,
    /// Requests per second offered, each due at its time whatever the earlier answers (an
    /// open loop, as people arriving at doors are: a slow answer does not hold back the next
    /// arrival), its latency counted from when it was due. `None`: each connection sends its
    /// next request as soon as its answer came (a closed loop, which finds the most a server
    /// does; its latency then is the clients over that rate, by Little's law).
    pub rate: Option<f64>,
}

impl Plan {
    pub fn new(name: &'static str, clients: usize, total: usize, ok: fn(u16) -> bool) -> Plan {
        Plan {
            name,
            clients,
            total,
            ok,
            sort: None,
            rate: None,
        }
    }
}

/// What one client saw: every latency in µs, those of sorted answers by kind and by tenth
/// of the requests, errors, and bytes read.
#[derive(Default)]
struct Log {
    latencies: Vec<u32>,
    sorted: Vec<(&'static str, u32)>,
    tenths: Vec<(usize, u32)>,
    errors: usize,
    received: u64,
}

/// Makes the plan's requests, `make(i)` building request `i`.
pub async fn drive<F>(addrs: &[String], plan: Plan, make: F) -> Stats
where
    F: Fn(usize) -> Request<'static> + Send + Sync + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    let make = Arc::new(make);
    // Every client is connected before the clock starts, as door devices and phones are
    // before the doors or the registrations open.
    let mut conns = Vec::with_capacity(plan.clients);
    for k in 0..plan.clients {
        let addr = addrs[k % addrs.len()].clone();
        conns.push((Conn::connect(&addr).await.ok(), addr));
    }
    let start = Instant::now();
    let tasks: Vec<_> = conns
        .into_iter()
        .map(|(conn, addr)| {
            let (next, make) = (next.clone(), make.clone());
            tokio::spawn(client(conn, addr, next, start, plan, make))
        })
        .collect();
    let mut logs = Vec::with_capacity(tasks.len());
    for t in tasks {
        logs.push(t.await.expect("client task"));
    }
    summarise(&plan, logs, start.elapsed())
}

/// One client: takes the next request number until all are made, sends each when it is due
/// (at once in a closed loop), and notes what came back.
async fn client<F>(
    mut conn: Option<Conn>,
    addr: String,
    next: Arc<AtomicUsize>,
    start: Instant,
    plan: Plan,
    make: Arc<F>,
) -> Log
where
    F: Fn(usize) -> Request<'static>,
{
    let mut log = Log::default();
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= plan.total {
            break;
        }
        let req = make(i);
        let due = plan
            .rate
            .map(|r| start + Duration::from_secs_f64(i as f64 / r));
        if let Some(due) = due {
            tokio::time::sleep_until(due.into()).await;
        }
        let t = due.unwrap_or_else(Instant::now);
        let answer = match conn.as_mut() {
            Some(c) => c.send(&req).await,
            None => Err(std::io::Error::other("no connection")),
        };
        let us = t.elapsed().as_micros() as u32;
        log.latencies.push(us);
        if let (Some(sort), Ok((_, body))) = (plan.sort, &answer) {
            if let Some(kind) = sort(body) {
                log.sorted.push((kind, us));
            }
            // i < total, so 0..=9.
            log.tenths.push((i * 10 / plan.total, us));
        }
        match answer {
            Ok((status, _)) if (plan.ok)(status) => {}
            Ok(_) => log.errors += 1,
            Err(_) => {
                log.errors += 1;
                // What the broken connection read still counts.
                log.received += conn.as_ref().map_or(0, |c| c.received);
                conn = Conn::connect(&addr).await.ok();
            }
        }
    }
    log.received += conn.map_or(0, |c| c.received);
    log
}

/// The clients' logs as one scenario's figures.
fn summarise(plan: &Plan, logs: Vec<Log>, elapsed: Duration) -> Stats {
    let mut all = Vec::with_capacity(plan.total);
    let mut by_kind: Vec<(&'static str, Vec<u32>)> = Vec::new();
    let mut by_tenth: Vec<Vec<u32>> = vec![Vec::new(); 10];
    let (mut errors, mut received) = (0, 0);
    for log in logs {
        all.extend(log.latencies);
        for (tenth, us) in log.tenths {
            by_tenth[tenth].push(us);
        }
        for (kind, us) in log.sorted {
            match by_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, v)) => v.push(us),
                None => by_kind.push((kind, vec![us])),
            }
        }
        errors += log.errors;
        received += log.received;
    }
    all.sort_unstable();
    let parts = by_kind
        .into_iter()
        .map(|(name, mut v)| {
            v.sort_unstable();
            Part {
                name,
                requests: v.len(),
                p50_ms: percentile(&v, 0.50),
                p99_ms: percentile(&v, 0.99),
            }
        })
        .collect();
    let tenths_p99_ms = match plan.sort {
        Some(_) => by_tenth
            .into_iter()
            .map(|mut v| {
                v.sort_unstable();
                percentile(&v, 0.99)
            })
            .collect(),
        None => Vec::new(),
    };
    Stats {
        name: plan.name.to_string(),
        requests: all.len(),
        errors,
        elapsed,
        p50_ms: percentile(&all, 0.50),
        p99_ms: percentile(&all, 0.99),
        bytes_per_answer: received as f64 / all.len().max(1) as f64,
        cpu: None,
        parts,
        tenths_p99_ms,
    }
}

/// The `p` quantile of sorted latencies in µs, in ms.
fn percentile(sorted: &[u32], p: f64) -> f64 {
    sorted
        .get(((sorted.len() as f64 * p) as usize).min(sorted.len().saturating_sub(1)))
        .map(|us| *us as f64 / 1000.0)
        .unwrap_or(0.0)
}
