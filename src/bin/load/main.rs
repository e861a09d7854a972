//! Summit's load tool: starts the real server (the `summit` binary beside this one) on a fresh
//! database, drives it over HTTP on loopback, and compares each scenario with a bare Rocket
//! handler measured in the same run. `cargo build --release --bins && target/release/load`.

mod cpu;
mod doors;
mod http;
mod programme;
mod scenarios;
mod stats;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use clap::Parser;
use rocket::{get, routes};

#[derive(Parser, Clone)]
#[command(
    name = "load",
    about = "Load Summit over HTTP and report throughput and latency"
)]
pub struct Args {
    /// Which databases: sqlite, postgres or both.
    #[arg(long, default_value = "sqlite")]
    pub db: String,
    /// PostgreSQL server for `--db postgres` (a fresh schema is made in it).
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/test")]
    pub postgres: String,
    /// Concurrent keep-alive connections.
    #[arg(long, default_value_t = 64)]
    pub clients: usize,
    #[arg(long, default_value_t = 4000)]
    pub registrations: usize,
    /// Places in the rush event (the rest wait) and seats in its workshop.
    #[arg(long, default_value_t = 1500)]
    pub places: usize,
    /// Scans in the check-in storm, and again in the morning at the doors.
    #[arg(long, default_value_t = 20000)]
    pub checkins: usize,
    /// Door devices in the morning at the doors, one connection each.
    #[arg(long, default_value_t = 1000)]
    pub devices: usize,
    /// Scans a second arriving at the doors in the morning, whatever the answers.
    #[arg(long, default_value_t = 5000)]
    pub door_rate: u32,
    #[arg(long, default_value_t = 20000)]
    pub reads: usize,
    /// Instances of Summit sharing the PostgreSQL database, driven round robin (as behind a
    /// load balancer). SQLite always runs one: one writer per database file.
    #[arg(long, default_value_t = 1)]
    pub instances: usize,
    /// Internal: serve the bare Rocket handler on this port.
    #[arg(long, hide = true)]
    pub serve_bare: Option<u16>,
}

#[get("/")]
fn bare() -> &'static str {
    "ok"
}

fn main() {
    let args = Args::parse();
    if let Some(port) = args.serve_bare {
        let config = rocket::Config {
            port,
            address: std::net::Ipv4Addr::LOCALHOST.into(),
            log_level: rocket::config::LogLevel::Off,
            ..rocket::Config::debug_default()
        };
        let app = rocket::custom(config).mount("/", routes![bare]);
        let _ = rocket::execute(app.launch());
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run(args));
}

async fn run(args: Args) {
    let port = free_port();
    let bare_server = spawn_self_bare(port);
    wait_for(port).await;
    let addr = vec![format!("127.0.0.1:{port}")];
    let plan = stats::Plan::new("bare Rocket handler", args.clients, args.reads, |s| {
        s == 200
    });
    let ceiling = stats::drive(&addr, plan, |_| http::Request {
        method: "GET",
        path: "/".into(),
        body: None,
        bearer: None,
        accept_encoding: None,
    })
    .await;
    stop(bare_server);
    println!(
        "\n| scenario | db | instances | requests | errors | req/s | ratio to bare | p50 ms | p99 ms \
         | KB/answer |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    print_row(&ceiling, "-", 1, &ceiling);
    let dbs: Vec<&str> = match args.db.as_str() {
        "both" => vec!["sqlite", "postgres"],
        other => vec![other],
    };
    for db in dbs {
        let report = scenarios::all(&args, db).await;
        for s in &report.stats {
            print_row(s, db, report.instances, &ceiling);
        }
        println!(
            "\n{db} ({} instance(s)): peak server memory {:.1} MB (the largest instance); \
             oversold places {}, oversold workshop seats {}\n",
            report.instances,
            report.peak_kib as f64 / 1024.0,
            report.oversold_places,
            report.oversold_seats
        );
        print_parts(db, &report.stats);
        print_cpu(db, &report.stats);
        let (dry, apply) = report.programme_import_ms;
        println!(
            "{db}: programme import of {} sessions: dry run {dry:.0} ms, apply {apply:.0} ms\n",
            programme::SESSIONS
        );
    }
}

/// Where the CPU went in each scenario: per request for each side, and the cores busy (of
/// this machine's, shared by the servers, PostgreSQL and the load tool).
fn print_cpu(db: &str, all: &[stats::Stats]) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{db}: CPU per request (ms) and cores busy, of {cores}:\n\n\
         | scenario | db | Summit | PostgreSQL | load tool | cores busy |\n|---|---|---|---|---|---|"
    );
    for s in all {
        if let Some(c) = s.cpu {
            println!(
                "| {} | {db} | {:.3} | {:.3} | {:.3} | {:.2} |",
                s.name, c.summit_ms, c.postgres_ms, c.load_ms, c.cores
            );
        }
    }
    println!();
}

/// The scenarios whose answers were sorted by kind: each kind's count and latencies.
fn print_parts(db: &str, all: &[stats::Stats]) {
    for s in all.iter().filter(|s| !s.parts.is_empty()) {
        println!(
            "{db}: {} by answer:\n\n| answer | db | requests | p50 ms | p99 ms |\n|---|---|---|---|---|",
            s.name
        );
        for p in &s.parts {
            println!(
                "| {} | {db} | {} | {:.2} | {:.2} |",
                p.name, p.requests, p.p50_ms, p.p99_ms
            );
        }
        let tenths: Vec<String> = s
            .tenths_p99_ms
            .iter()
            .map(|ms| format!("{ms:.1}"))
            .collect();
        println!(
            "\n{db}: {} p99 ms by tenth of its requests, in order: {}",
            s.name,
            tenths.join(" · ")
        );
        println!();
    }
}

fn print_row(s: &stats::Stats, db: &str, instances: usize, ceiling: &stats::Stats) {
    println!(
        "| {} | {db} | {instances} | {} | {} | {:.0} | {:.3} | {:.2} | {:.2} | {:.1} |",
        s.name,
        s.requests,
        s.errors,
        s.per_second(),
        s.per_second() / ceiling.per_second(),
        s.p50_ms,
        s.p99_ms,
        s.bytes_per_answer / 1024.0
    );
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub async fn wait_for(port: u16) {
    for _ in 0..600 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("nothing listens on port {port}");
}

fn spawn_self_bare(port: u16) -> Child {
    Command::new(std::env::current_exe().expect("own path"))
        .args(["--serve-bare", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the bare server")
}

pub fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// Peak resident memory of a process (VmHWM), in KiB.
pub fn peak_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}
