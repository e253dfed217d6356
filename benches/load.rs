//! `cargo bench --bench load`: a minute of mixed traffic against the release build at 64
//! concurrent connections, with PostgreSQL stopped for five seconds in the middle.
//!
//! Checks, and exits non-zero when one fails:
//! - outside the outage no request fails, and no response is ever a 5xx other than 503;
//! - during the outage the app answers a styled 503 at once (no request waits past the pool's
//!   checkout timeout), and within 2 s of PostgreSQL being back every request succeeds;
//! - every write answered with success is in the database afterwards exactly once, and no
//!   write is duplicated.
//!
//! It runs its own PostgreSQL cluster (under target/), so stopping it disturbs nothing else.
//! TT_LOAD_SECONDS, TT_LOAD_CONNECTIONS and TT_LOAD_OUTAGE_SECONDS (0: no outage) change it.
//!
//! TT_LOAD_INSTANCES=2 starts two app instances on two ports, sharing the database and the
//! secret key and nothing else, as behind a load balancer: the session is logged in on the
//! first and every worker sends its requests to each instance in turn, so a person created on
//! one is edited on the other with the version the first answered, under the same checks.

mod support;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::bail;
use rand::{Rng, SeedableRng};
use support::{Client, Cluster, Server, env_or, percentile};
use talent_tracker::db::local;

/// The generated people, made once and kept; each run works on a fresh copy of them.
const DATABASE: &str = "tt_load";
const RUN_DATABASE: &str = "tt_load_run";
const PEOPLE: u64 = 20_000;
/// A 503 must come back this soon after the stop (or after it was asked, if later): the app
/// notices within a fraction of a second; the rest is slack for a loaded 2-core machine.
const SHORT: Duration = Duration::from_secs(1);
/// Every request that starts this long after PostgreSQL is back must succeed.
const RECOVERY: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    List,
    Search,
    Person,
    Report,
    Dashboard,
    Create,
    Edit,
}

struct Sample {
    kind: Kind,
    started: Instant,
    latency: Duration,
    /// 0 when the request got no HTTP answer at all.
    status: u16,
    /// Which app instance answered (0 with one instance).
    instance: usize,
    /// A page answered 200, a form 303 to its record (never to the login page).
    ok: bool,
    styled: bool,
}

/// What one worker wrote and was told had succeeded (or not).
#[derive(Default)]
struct Writes {
    /// Names of people whose creation was answered with success.
    created: Vec<String>,
    /// Names whose creation failed: they may or may not exist, but never twice.
    uncertain: Vec<String>,
    /// Per created person: the titles set by acknowledged edits, in order, and any
    /// unacknowledged attempt after the last.
    titles: HashMap<String, (Vec<String>, Option<String>)>,
}

fn main() -> anyhow::Result<()> {
    let seconds: u64 = env_or("TT_LOAD_SECONDS", 60)?;
    let connections: usize = env_or("TT_LOAD_CONNECTIONS", 64)?;
    let outage: u64 = env_or("TT_LOAD_OUTAGE_SECONDS", 5)?;
    let instances: usize = env_or("TT_LOAD_INSTANCES", 1)?;
    let data_dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("load-cluster");
    let cluster = cluster_at(&data_dir)?;
    cluster.generated(DATABASE, PEOPLE, 7)?;
    cluster.ensure_user(DATABASE)?;
    // A copy per run: the earlier runs' creations, edits and dead rows would otherwise make
    // each run slower than the last, and runs would not compare.
    cluster.copy(DATABASE, RUN_DATABASE)?;
    // The ids that exist: generated ids start after one the generator reserved, so "1 to the
    // largest" would ask for people who were never there. Nobody is deleted here, so these all
    // stay.
    let ids: Arc<Vec<i64>> = Arc::new(
        cluster
            .sql(
                RUN_DATABASE,
                "SELECT string_agg(id::text, ',' ORDER BY id) FROM person",
            )?
            .split(',')
            .map(str::parse)
            .collect::<Result<_, _>>()?,
    );
    let servers = (0..instances.max(1))
        .map(|_| Server::start(&cluster.url(RUN_DATABASE), &[]))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let session = Client::log_in(servers[0].port)?;
    let sessions: Arc<Vec<Client>> =
        Arc::new(servers.iter().map(|s| session.sharing_on(s.port)).collect());
    for (n, client) in sessions.iter().enumerate().skip(1) {
        // Before any load, so that a key the instances do not share fails plainly here.
        let (status, _) = client.get_text("/people/new")?;
        if status != 200 {
            bail!("instance {n} answered {status} to the session logged in on instance 0");
        }
    }
    let run_id = std::process::id();

    eprintln!(
        "{connections} connections for {seconds} s against {} of the release build{}",
        if instances > 1 {
            format!("{instances} instances")
        } else {
            "one instance".to_owned()
        },
        if outage > 0 {
            format!("; PostgreSQL stops for {outage} s at {} s", seconds / 3)
        } else {
            String::new()
        }
    );
    let start = Instant::now();
    let end = start + Duration::from_secs(seconds);
    let stop = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = (0..connections)
        .map(|n| {
            let clients: Vec<Client> = sessions.iter().map(Client::sharing).collect();
            let stop = stop.clone();
            let ids = ids.clone();
            std::thread::spawn(move || worker(n, run_id, &clients, &ids, end, &stop))
        })
        .collect();

    let (mut down_at, mut up_at) = (None, None);
    if outage > 0 {
        std::thread::sleep(Duration::from_secs(seconds / 3));
        down_at = Some(Instant::now());
        local::stop(&data_dir)?;
        std::thread::sleep(Duration::from_secs(outage));
        local::ensure_running(&data_dir)?;
        up_at = Some(Instant::now());
        eprintln!(
            "PostgreSQL was down for {:.1} s",
            (up_at.unwrap_or(start) - down_at.unwrap_or(start)).as_secs_f64()
        );
    }
    let mut samples = Vec::new();
    let mut writes = Vec::new();
    for worker in workers {
        let (s, w) = worker
            .join()
            .map_err(|_| anyhow::anyhow!("a worker panicked"))?;
        samples.extend(s);
        writes.push(w);
    }
    stop.store(true, Ordering::Relaxed);
    let elapsed = start.elapsed().as_secs_f64();
    let failures = judge(&samples, down_at, up_at, elapsed, servers.len());
    let write_failures = check_writes(&cluster, &writes)?;
    drop(servers);
    // The cluster is the test's own: leave nothing running.
    local::stop(&data_dir)?;
    if failures + write_failures > 0 {
        bail!("{} checks failed", failures + write_failures);
    }
    eprintln!("All checks passed.");
    Ok(())
}

/// The load test's own cluster, started (and created on first use) in `data_dir`.
fn cluster_at(data_dir: &std::path::Path) -> anyhow::Result<Cluster> {
    let cluster = local::ensure_running(data_dir)?;
    Ok(Cluster::from_local(data_dir, &cluster))
}

/// Sends its requests to each of `clients`' instances in turn, starting at its own number's.
fn worker(
    n: usize,
    run_id: u32,
    clients: &[Client],
    ids: &[i64],
    end: Instant,
    stop: &AtomicBool,
) -> (Vec<Sample>, Writes) {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(n as u64);
    let mut samples = Vec::new();
    let mut writes = Writes::default();
    let mut mine: Vec<(i64, String, i32)> = Vec::new();
    let mut count = 0;
    while Instant::now() < end && !stop.load(Ordering::Relaxed) {
        let roll = rng.random_range(0..100);
        let instance = (n + samples.len()) % clients.len();
        let client = &clients[instance];
        let started = Instant::now();
        let (kind, outcome) = match roll {
            0..30 => {
                let page = rng.random_range(1..20);
                (
                    Kind::List,
                    client
                        .get_text(&format!("/people?page={page}"))
                        .map(|(s, b)| (s, b, String::new())),
                )
            }
            30..40 => {
                let q = ["wang", "chen", "maria", "ab", "zz"][rng.random_range(0..5)];
                (
                    Kind::Search,
                    client
                        .get_text(&format!("/people?q={q}"))
                        .map(|(s, b)| (s, b, String::new())),
                )
            }
            40..60 => {
                let id = ids[rng.random_range(0..ids.len())];
                (
                    Kind::Person,
                    client
                        .get_text(&format!("/people/{id}"))
                        .map(|(s, b)| (s, b, String::new())),
                )
            }
            60..66 => {
                let slug =
                    ["talent-flow", "compensation", "pipeline", "timeline"][rng.random_range(0..4)];
                (
                    Kind::Report,
                    client
                        .get_text(&format!("/reports/{slug}"))
                        .map(|(s, b)| (s, b, String::new())),
                )
            }
            66..70 => (
                Kind::Dashboard,
                client.get_text("/").map(|(s, b)| (s, b, String::new())),
            ),
            70..85 => {
                count += 1;
                let name = format!("Load {run_id} {n} {count}");
                let answer = client.post_form(
                    "/people",
                    &[
                        ("full_name", &name),
                        ("stage", "sourced"),
                        ("title", "created"),
                    ],
                );
                match &answer {
                    Ok((303, location, _)) => {
                        writes.created.push(name.clone());
                        if let Some(id) = location.rsplit('/').next().and_then(|id| id.parse().ok())
                        {
                            mine.push((id, name, 1));
                        }
                    }
                    _ => writes.uncertain.push(name),
                }
                (Kind::Create, answer.map(|(s, l, b)| (s, b, l)))
            }
            _ => {
                if mine.is_empty() {
                    continue;
                }
                let at = rng.random_range(0..mine.len());
                let (id, name, version) = mine[at].clone();
                let title = format!("edit {}", rng.random_range(0..1_000_000));
                let answer = client.post_form(
                    &format!("/people/{id}/edit"),
                    &[
                        ("version", &version.to_string()),
                        ("full_name", &name),
                        ("stage", "contacted"),
                        ("title", &title),
                    ],
                );
                let entry = writes.titles.entry(name).or_default();
                if let Ok((303, _, _)) = &answer {
                    entry.0.push(title);
                    mine[at].2 += 1;
                } else {
                    // Unknown whether it was saved: leave this person alone from now on.
                    entry.1 = Some(title);
                    mine.swap_remove(at);
                }
                (Kind::Edit, answer.map(|(s, l, b)| (s, b, l)))
            }
        };
        let latency = started.elapsed();
        let (status, ok, styled) = match outcome {
            Ok((status, body, location)) => {
                let ok = match kind {
                    Kind::Create | Kind::Edit => status == 303 && location.starts_with("/people/"),
                    _ => status == 200,
                };
                (status, ok, body.contains("<link rel=\"stylesheet\""))
            }
            Err(_) => (0, false, false),
        };
        samples.push(Sample {
            kind,
            started,
            latency,
            status,
            instance,
            ok,
            styled,
        });
    }
    (samples, writes)
}

/// Prints the figures and returns how many checks failed.
fn judge(
    samples: &[Sample],
    down_at: Option<Instant>,
    up_at: Option<Instant>,
    elapsed: f64,
    instances: usize,
) -> u32 {
    let mut failed = 0;
    let mut check = |passed: bool, what: String| {
        eprintln!("{} {what}", if passed { "ok  " } else { "FAIL" });
        if !passed {
            failed += 1;
        }
    };
    // The window in which failures are allowed: from the stop to RECOVERY after the start.
    let in_outage = |s: &Sample| match (down_at, up_at) {
        (Some(down), Some(up)) => s.started + s.latency >= down && s.started < up + RECOVERY,
        _ => false,
    };
    let (outside, during): (Vec<&Sample>, Vec<&Sample>) =
        samples.iter().partition(|s| !in_outage(s));
    let mut latencies: Vec<f64> = outside
        .iter()
        .map(|s| s.latency.as_secs_f64() * 1000.0)
        .collect();
    latencies.sort_by(f64::total_cmp);
    println!(
        "\nRequests: {} in {elapsed:.0} s ({:.0} per second)",
        samples.len(),
        samples.len() as f64 / elapsed
    );
    println!(
        "Outside the outage: {} requests, p50 {:.1} ms, p99 {:.1} ms",
        outside.len(),
        percentile(&latencies, 50.0),
        percentile(&latencies, 99.0)
    );
    let mut by_kind: Vec<(Kind, Vec<f64>)> = Vec::new();
    for s in &outside {
        match by_kind.iter_mut().find(|(k, _)| *k == s.kind) {
            Some((_, v)) => v.push(s.latency.as_secs_f64() * 1000.0),
            None => by_kind.push((s.kind, vec![s.latency.as_secs_f64() * 1000.0])),
        }
    }
    for (kind, mut v) in by_kind {
        v.sort_by(f64::total_cmp);
        println!(
            "  {kind:?}: {} requests, p50 {:.1} ms, p99 {:.1} ms",
            v.len(),
            percentile(&v, 50.0),
            percentile(&v, 99.0)
        );
    }
    if instances > 1 {
        for instance in 0..instances {
            let mut v: Vec<f64> = outside
                .iter()
                .filter(|s| s.instance == instance)
                .map(|s| s.latency.as_secs_f64() * 1000.0)
                .collect();
            v.sort_by(f64::total_cmp);
            println!(
                "  instance {instance}: {} requests, p50 {:.1} ms, p99 {:.1} ms",
                v.len(),
                percentile(&v, 50.0),
                percentile(&v, 99.0)
            );
        }
    }
    let outside_errors = outside.iter().filter(|s| !s.ok).count();
    for s in outside.iter().filter(|s| !s.ok).take(5) {
        let after_up = up_at.map_or(0.0, |up| {
            if s.started >= up {
                s.started.duration_since(up).as_secs_f64()
            } else {
                -up.duration_since(s.started).as_secs_f64()
            }
        });
        println!(
            "  failed: {:?} answered {} by instance {} after {:.0} ms, started {after_up:+.2} s from PostgreSQL's return",
            s.kind,
            s.status,
            s.instance,
            s.latency.as_secs_f64() * 1000.0
        );
    }
    check(
        outside_errors == 0,
        format!("{outside_errors} failed requests outside the outage"),
    );
    let other_5xx = samples
        .iter()
        .filter(|s| s.status >= 500 && s.status != 503)
        .count();
    check(
        other_5xx == 0,
        format!("{other_5xx} responses with a 5xx other than 503"),
    );
    let unanswered = samples.iter().filter(|s| s.status == 0).count();
    check(
        unanswered == 0,
        format!("{unanswered} requests without an HTTP answer"),
    );
    if let (Some(down), Some(up)) = (down_at, up_at) {
        let wrong = during.iter().filter(|s| !s.ok && s.status != 503).count();
        check(
            wrong == 0,
            format!("{wrong} failures during the outage that were not a 503"),
        );
        let refused: Vec<&&Sample> = during.iter().filter(|s| s.status == 503).collect();
        // A request already running when PostgreSQL stopped counts from the stop.
        let waited =
            |s: &Sample| (s.started + s.latency).saturating_duration_since(s.started.max(down));
        let mut waits: Vec<f64> = refused
            .iter()
            .map(|s| waited(s).as_secs_f64() * 1000.0)
            .collect();
        waits.sort_by(f64::total_cmp);
        println!(
            "During the outage: {} requests, {} answered 503 (p50 {:.1} ms, max {:.1} ms)",
            during.len(),
            refused.len(),
            percentile(&waits, 50.0),
            waits.last().copied().unwrap_or(0.0)
        );
        let mut slowest: Vec<&&Sample> = refused.clone();
        slowest.sort_by_key(|s| std::cmp::Reverse(s.latency));
        for s in slowest.iter().take(3) {
            let offset = if s.started >= down {
                s.started.duration_since(down).as_secs_f64()
            } else {
                -down.duration_since(s.started).as_secs_f64()
            };
            println!(
                "  a slowest 503: {:?}, started {offset:+.2} s from the stop, took {:.0} ms",
                s.kind,
                s.latency.as_secs_f64() * 1000.0
            );
        }
        check(
            !refused.is_empty(),
            "the outage was seen (some 503s)".to_owned(),
        );
        let slow = refused.iter().filter(|s| waited(s) > SHORT).count();
        check(
            slow == 0,
            format!(
                "{slow} 503s came later than {} ms after the stop or the request",
                SHORT.as_millis()
            ),
        );
        let unstyled = refused.iter().filter(|s| !s.styled).count();
        check(
            unstyled == 0,
            format!("{unstyled} 503s without the styled error page"),
        );
        let last_failure = samples
            .iter()
            .filter(|s| !s.ok && s.started >= down)
            .map(|s| s.started)
            .max();
        let recovered = last_failure.map_or(0.0, |t| t.saturating_duration_since(up).as_secs_f64());
        println!("Last failed request started {recovered:.2} s after PostgreSQL was back");
        check(
            recovered <= RECOVERY.as_secs_f64(),
            format!(
                "every request succeeds within {} s of PostgreSQL being back",
                RECOVERY.as_secs()
            ),
        );
    }
    failed
}

fn check_writes(cluster: &Cluster, writes: &[Writes]) -> anyhow::Result<u32> {
    let rows = cluster.sql(
        RUN_DATABASE,
        "SELECT full_name || '|' || coalesce(title, '') || '|' || count(*) OVER (PARTITION BY full_name) \
         FROM person WHERE full_name LIKE 'Load %'",
    )?;
    let mut stored: HashMap<&str, (&str, u32)> = HashMap::new();
    for line in rows.lines() {
        let mut parts = line.split('|');
        let (Some(name), Some(title), Some(n)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        stored.insert(name, (title, n.parse().unwrap_or(0)));
    }
    let mut failed = 0;
    let (mut created, mut edits) = (0, 0);
    for w in writes {
        for name in &w.created {
            created += 1;
            match stored.get(name.as_str()) {
                Some((_, 1)) => {}
                other => {
                    failed += 1;
                    eprintln!("FAIL created {name}: stored {other:?}");
                }
            }
        }
        for name in &w.uncertain {
            if let Some((_, n)) = stored.get(name.as_str())
                && *n > 1
            {
                failed += 1;
                eprintln!("FAIL {name} stored {n} times");
            }
        }
        for (name, (acked, pending)) in &w.titles {
            edits += acked.len();
            let Some((title, _)) = stored.get(name.as_str()) else {
                continue;
            };
            let expected = acked.last().map_or("created", String::as_str);
            let fine = *title == expected || pending.as_deref() == Some(*title);
            if !fine {
                failed += 1;
                eprintln!("FAIL {name}: title {title:?}, last acknowledged {expected:?}");
            }
        }
    }
    println!(
        "Writes acknowledged: {created} creations, {edits} edits; {failed} missing, lost or duplicated"
    );
    eprintln!(
        "{} every acknowledged write is stored exactly once",
        if failed == 0 { "ok  " } else { "FAIL" }
    );
    Ok(failed)
}
