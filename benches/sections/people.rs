//! The people list under concurrent connections: wrk against pgbench.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

use crate::support::{Client, Cluster, percentile};
use crate::{DATABASE, Document, yes};

pub const CONCURRENCY: u32 = 32;

struct Latencies {
    p50_ms: f64,
    p99_ms: f64,
    per_second: f64,
    errors: u64,
}

pub fn section(
    cluster: &Cluster,
    client: &Client,
    work: &Path,
    seconds: u32,
    out: &mut Document,
) -> anyhow::Result<()> {
    // The last person of page 9,999: the "next" link of that page leads to page 10,000.
    let per_page = 25;
    let cursor = cluster.sql(
        DATABASE,
        &format!(
            "SELECT id FROM person ORDER BY full_name, id OFFSET {} LIMIT 1",
            9_999 * per_page - 1
        ),
    )?;
    let rare = rarest_trigram(cluster)?;
    let rare_label = format!(
        "Search “{}”, the rarest 3 letters ({} people)",
        rare.0, rare.1
    );
    let scenarios = [
        ("Page 1", "/people".to_owned()),
        (
            "Page 10,000 (by its link)",
            format!("/people?page=10000&after={cursor}"),
        ),
        ("Name search “wang”", "/people?q=wang".to_owned()),
        (rare_label.as_str(), format!("/people?q={}", rare.0)),
        ("Filter stage = hired", "/people?stage=hired".to_owned()),
        (
            "Page 10,000 typed (OFFSET)",
            "/people?page=10000".to_owned(),
        ),
    ];
    out.section(&format!(
        "People list under {CONCURRENCY} concurrent connections"
    ));
    out.line(&format!(
        "wrk ({seconds} s, 2 threads, {CONCURRENCY} connections, logged in) against pgbench \
         running the statements of the same page ({seconds} s, {CONCURRENCY} clients, 2 \
         threads). Load tool, app and PostgreSQL share the machine's cores."
    ));
    out.table(&[
        "Page",
        "App p50",
        "App p99",
        "App req/s",
        "SQL p50",
        "SQL p99",
        "SQL tx/s",
        "Errors",
    ]);
    let mut p99 = Vec::new();
    for (label, path) in &scenarios {
        let statements = cluster.capture_sql(|| client.get_text(path).map(drop))?;
        let script = work.join("pgbench.sql");
        std::fs::write(
            &script,
            statements
                .iter()
                .map(|s| format!("{};\n", s.replace('\n', " ")))
                .collect::<String>(),
        )?;
        let app = wrk(client, path, seconds)?;
        let sql = pgbench(cluster, &script, work, seconds)?;
        out.row(&[
            format!("{label} `{path}`"),
            format!("{:.1} ms", app.p50_ms),
            format!("{:.1} ms", app.p99_ms),
            format!("{:.0}", app.per_second),
            format!("{:.1} ms", sql.p50_ms),
            format!("{:.1} ms", sql.p99_ms),
            format!("{:.0}", sql.per_second),
            app.errors.to_string(),
        ]);
        p99.push(app.p99_ms);
    }
    out.line("");
    out.line(&format!(
        "Goals: p99 under 50 ms on every page: {}. Page 10,000 by its link against page 1 \
         (p99): {:.2}× (goal ≤ 3×): {}.",
        yes(p99[..5].iter().all(|p| *p < 50.0)),
        p99[1] / p99[0],
        yes(p99[1] / p99[0] <= 3.0)
    ));
    Ok(())
}

/// The three letters (no space) in the fewest people's names, and how many: generated names
/// combine a few thousand first and last names, so every trigram is shared by thousands.
fn rarest_trigram(cluster: &Cluster) -> anyhow::Result<(String, String)> {
    let found = cluster.sql(
        DATABASE,
        "WITH names AS (SELECT name_key, count(*) AS n FROM person GROUP BY name_key), \
         grams AS (SELECT DISTINCT name_key, n, substr(name_key, i, 3) AS t \
                   FROM names, generate_series(1, length(name_key) - 2) AS i) \
         SELECT t || '|' || sum(n) FROM grams WHERE t ~ '^[a-z]{3}$' \
         GROUP BY t ORDER BY sum(n), t LIMIT 1",
    )?;
    let (gram, people) = found
        .split_once('|')
        .with_context(|| format!("no trigram in the names: {found}"))?;
    Ok((gram.to_owned(), people.to_owned()))
}

fn wrk(client: &Client, path: &str, seconds: u32) -> anyhow::Result<Latencies> {
    let output = Command::new("wrk")
        .args([
            "-t2",
            &format!("-c{CONCURRENCY}"),
            &format!("-d{seconds}s"),
            "--latency",
        ])
        .args(["-H", &format!("Cookie: {}", client.cookie)])
        .arg(client.url(path))
        .output()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let value = |prefix: &str| -> Option<f64> {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(prefix))
            .and_then(|v| duration_ms(v.trim()))
    };
    let per_second = text
        .lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .with_context(|| format!("wrk printed no rate:\n{text}"))?;
    let errors = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Non-2xx or 3xx responses:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    Ok(Latencies {
        p50_ms: value("50%").context("wrk p50")?,
        p99_ms: value("99%").context("wrk p99")?,
        per_second,
        errors,
    })
}

fn duration_ms(text: &str) -> Option<f64> {
    let (number, unit) = text.split_at(text.find(|c: char| c.is_ascii_alphabetic())?);
    let n: f64 = number.parse().ok()?;
    Some(match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        "m" => n * 60_000.0,
        _ => return None,
    })
}

fn pgbench(
    cluster: &Cluster,
    script: &Path,
    work: &Path,
    seconds: u32,
) -> anyhow::Result<Latencies> {
    let logs = work.join("pgbench-log");
    let _ = std::fs::remove_dir_all(&logs);
    std::fs::create_dir_all(&logs)?;
    let output = Command::new("pgbench")
        .args([
            "-n",
            "-c",
            &CONCURRENCY.to_string(),
            "-j",
            "2",
            "-T",
            &seconds.to_string(),
        ])
        .arg("-f")
        .arg(script)
        .arg("-l")
        .arg(format!("--log-prefix={}", logs.join("tx").display()))
        .arg(cluster.url(DATABASE))
        .current_dir(&logs)
        .output()?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        bail!(
            "pgbench failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let per_second = text
        .lines()
        .find_map(|l| l.strip_prefix("tps = "))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .context("pgbench printed no tps")?;
    let mut latencies: Vec<f64> = Vec::new();
    for entry in std::fs::read_dir(&logs)? {
        for line in std::fs::read_to_string(entry?.path())?.lines() {
            if let Some(us) = line
                .split_whitespace()
                .nth(2)
                .and_then(|v| v.parse::<f64>().ok())
            {
                latencies.push(us / 1000.0);
            }
        }
    }
    latencies.sort_by(f64::total_cmp);
    let failed = text
        .lines()
        .find_map(|l| l.strip_prefix("number of failed transactions: "))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Ok(Latencies {
        p50_ms: percentile(&latencies, 50.0),
        p99_ms: percentile(&latencies, 99.0),
        per_second,
        errors: failed,
    })
}
