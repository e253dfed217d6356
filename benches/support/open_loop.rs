//! Requests at a fixed arrival rate (as wrk2 sends them), not as fast as answers come back:
//! a closed loop like wrk's waits for a slow answer before sending the next request, so it
//! sends fewer requests exactly when the server is slow and its percentiles look better than
//! what users see. Here request `i` is due at `start + i / rate`, and its latency is counted
//! from when it was due, so a request that had to wait for a free connection counts its wait.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::{Client, percentile};

/// What an open-loop run measured.
pub struct OpenLoop {
    pub rate: f64,
    pub sent: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Answers other than 200, and requests that failed outright.
    pub errors: usize,
}

/// Sends GET `path` at `rate` requests a second for `seconds`, over `connections` connections
/// of `client`'s session (enough that none is the bottleneck at the rate asked for).
pub fn run(client: &Client, path: &str, rate: f64, seconds: u32, connections: usize) -> OpenLoop {
    let due = ((rate * f64::from(seconds)) as usize).max(1);
    let next = AtomicUsize::new(0);
    let errors = AtomicUsize::new(0);
    let latencies = Mutex::new(Vec::with_capacity(due));
    let start = Instant::now() + Duration::from_millis(50);
    std::thread::scope(|scope| {
        for _ in 0..connections {
            let client = client.sharing();
            let (next, errors, latencies) = (&next, &errors, &latencies);
            scope.spawn(move || {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= due {
                        break;
                    }
                    let at = start + Duration::from_secs_f64(i as f64 / rate);
                    if let Some(wait) = at.checked_duration_since(Instant::now()) {
                        std::thread::sleep(wait);
                    }
                    match client.get_discard(path) {
                        Ok((200, _)) => {}
                        _ => {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    mine.push(at.elapsed().as_secs_f64() * 1000.0);
                }
                latencies
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .extend(mine);
            });
        }
    });
    let mut latencies = latencies
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    latencies.sort_by(f64::total_cmp);
    OpenLoop {
        rate,
        sent: latencies.len(),
        p50_ms: percentile(&latencies, 50.0),
        p99_ms: percentile(&latencies, 99.0),
        max_ms: latencies.last().copied().unwrap_or(f64::NAN),
        errors: errors.into_inner(),
    }
}

/// `count` requests one after another (after a few to warm the caches): what one user waiting
/// for each page sees on an otherwise quiet server. Returns the sorted milliseconds.
pub fn one_at_a_time(client: &Client, path: &str, count: usize) -> anyhow::Result<Vec<f64>> {
    for _ in 0..5 {
        client.get_discard(path)?;
    }
    let mut latencies = Vec::with_capacity(count);
    for _ in 0..count {
        let started = Instant::now();
        let (status, _) = client.get_discard(path)?;
        if status != 200 {
            anyhow::bail!("GET {path} answered {status}");
        }
        latencies.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    latencies.sort_by(f64::total_cmp);
    Ok(latencies)
}
