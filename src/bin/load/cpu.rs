//! Where the machine's CPU goes while a scenario runs: the Summit servers, PostgreSQL's
//! processes and the load tool itself, read from `/proc` (user and system clock ticks of every
//! thread). Set against the wall time it says how many of the cores were busy, so a figure
//! below its target can be told apart: the machine full (the floor here) or time lost waiting.

use std::time::Instant;

/// CPU time spent so far, in clock ticks, and when it was read.
pub struct Sample {
    summit: u64,
    postgres: u64,
    load: u64,
    at: Instant,
}

/// A scenario's CPU, per request and in cores.
#[derive(Clone, Copy)]
pub struct Budget {
    pub summit_ms: f64,
    pub postgres_ms: f64,
    pub load_ms: f64,
    /// Cores busy on average (all three together) over the scenario's wall time.
    pub cores: f64,
}

/// User plus system ticks of a process (all its threads), 0 if it is gone.
fn ticks(pid: &str) -> u64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    // Fields after the command name (which may hold spaces, inside parentheses).
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are the 14th and 15th fields; `rest` starts at the 3rd.
    let field = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<u64>().ok());
    field(14).unwrap_or(0) + field(15).unwrap_or(0)
}

/// Every PostgreSQL process's ticks (the postmaster, its backends and helpers).
fn postgres_ticks() -> u64 {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return 0;
    };
    dir.flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|pid| pid.bytes().all(|b| b.is_ascii_digit()))
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|c| c.trim_end() == "postgres")
        })
        .map(|pid| ticks(&pid))
        .sum()
}

pub fn sample(servers: &[u32]) -> Sample {
    Sample {
        summit: servers.iter().map(|p| ticks(&p.to_string())).sum(),
        postgres: postgres_ticks(),
        load: ticks("self"),
        at: Instant::now(),
    }
}

/// Clock ticks per second (`getconf CLK_TCK`, asked once; 100 on Linux unless told otherwise).
fn ticks_per_second() -> f64 {
    static TICKS: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *TICKS.get_or_init(|| {
        std::process::Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(100.0)
    })
}

pub fn between(before: &Sample, after: &Sample, requests: usize) -> Budget {
    let per_tick_ms = 1000.0 / ticks_per_second();
    let ms = |a: u64, b: u64| b.saturating_sub(a) as f64 * per_tick_ms;
    let (summit, postgres, load) = (
        ms(before.summit, after.summit),
        ms(before.postgres, after.postgres),
        ms(before.load, after.load),
    );
    let wall_ms = after.at.duration_since(before.at).as_secs_f64() * 1000.0;
    let per = |total: f64| total / requests.max(1) as f64;
    Budget {
        summit_ms: per(summit),
        postgres_ms: per(postgres),
        load_ms: per(load),
        cores: (summit + postgres + load) / wall_ms.max(1.0),
    }
}

/// Runs a scenario and notes the CPU it took.
pub async fn measured(
    servers: &[u32],
    scenario: impl std::future::Future<Output = super::stats::Stats>,
) -> super::stats::Stats {
    let before = sample(servers);
    let mut stats = scenario.await;
    stats.cpu = Some(between(&before, &sample(servers), stats.requests));
    stats
}
