//! The list and search pages: one request at a time, at most throughput (wrk, against
//! pgbench running the same statements), and at a fixed rate below it (open loop).

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

use crate::support::{Client, Cluster, open_loop, percentile};
use crate::{DATABASE, Document};

pub const CONCURRENCY: u32 = 32;
/// Requests one after another for the single-request figures.
const SINGLE: usize = 100;

struct Throughput {
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
    let company = cluster.sql(
        DATABASE,
        "SELECT lower(substr(name, 1, 4)) FROM company ORDER BY id LIMIT 1",
    )?;
    let scenarios = [
        ("People, page 1", "/people".to_owned()),
        (
            "People, page 10,000 (by its link)",
            format!("/people?page=10000&after={cursor}"),
        ),
        ("Name search “wang”", "/people?q=wang".to_owned()),
        (rare_label.as_str(), format!("/people?q={}", rare.0)),
        ("People, stage = hired", "/people?stage=hired".to_owned()),
        (
            "People, page 10,000 typed (OFFSET)",
            "/people?page=10000".to_owned(),
        ),
        ("Companies", "/companies".to_owned()),
        ("Company search", format!("/companies?q={company}")),
        ("Pipeline board", "/pipeline".to_owned()),
        ("Possible duplicates", "/people/duplicates".to_owned()),
        ("Merges", "/people/merges".to_owned()),
        ("Pay bands", "/pay-bands".to_owned()),
        ("Exchange rates", "/exchange-rates".to_owned()),
        ("Offers", "/reports/offers".to_owned()),
        ("Imports", "/import/batches".to_owned()),
        ("Audit", "/audit".to_owned()),
        (
            "Audit, one person",
            "/audit?record_table=person&record_id=1".to_owned(),
        ),
        ("Users", "/users".to_owned()),
    ];
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    out.section("List and search pages");
    out.line(&format!(
        "Each page three ways. **One at a time**: {SINGLE} GETs in a row on a quiet server (goal \
         p50 ≤ 10 ms, p99 ≤ 25 ms). **Most**: wrk's throughput ({seconds} s, 2 threads, \
         {CONCURRENCY} connections, logged in), and per core of the machine's {cores}; beside \
         it, pgbench running the page's own statements ({seconds} s, {CONCURRENCY} clients). \
         **Open loop**: requests at a fixed rate of 70 % of that most, for {seconds} s, each \
         timed from when it was due, so waiting counts (as wrk2 does; goal p99 < 100 ms). \
         Load tool, app and PostgreSQL share the machine's cores."
    ));
    out.table(&[
        "Page",
        "One p50",
        "One p99",
        "Most req/s",
        "Per core",
        "SQL alone tx/s",
        "Open-loop rate",
        "Open-loop p50",
        "Open-loop p99",
        "Errors",
    ]);
    let (mut quick, mut steady) = (0, 0);
    for (label, path) in &scenarios {
        eprintln!("  {path}");
        let statements = cluster.capture_sql(|| client.get_text(path).map(drop))?;
        let script = work.join("pgbench.sql");
        std::fs::write(
            &script,
            statements
                .iter()
                .map(|s| format!("{};\n", s.replace('\n', " ")))
                .collect::<String>(),
        )?;
        let one = open_loop::one_at_a_time(client, path, SINGLE)?;
        let (one_p50, one_p99) = (percentile(&one, 50.0), percentile(&one, 99.0));
        let most = wrk(client, path, seconds)?;
        let sql = pgbench(cluster, &script, seconds)?;
        let open = open_loop::run(
            client,
            path,
            most.per_second * 0.7,
            seconds,
            CONCURRENCY as usize * 2,
        );
        quick += usize::from(one_p50 <= 10.0 && one_p99 <= 25.0);
        steady += usize::from(open.p99_ms < 100.0);
        out.row(&[
            format!("{label} `{path}`"),
            format!("{one_p50:.1} ms"),
            format!("{one_p99:.1} ms"),
            format!("{:.0}", most.per_second),
            format!("{:.0}", most.per_second / cores as f64),
            format!("{:.0}", sql.per_second),
            format!("{:.0}/s", open.rate),
            format!("{:.1} ms", open.p50_ms),
            format!("{:.1} ms", open.p99_ms),
            (most.errors + open.errors as u64 + sql.errors).to_string(),
        ]);
    }
    out.line("");
    out.line(&format!(
        "Goals: one at a time within p50 ≤ 10 ms and p99 ≤ 25 ms on {quick} of {} pages; open \
         loop at 70 % p99 < 100 ms on {steady} of {} pages.",
        scenarios.len(),
        scenarios.len()
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

fn wrk(client: &Client, path: &str, seconds: u32) -> anyhow::Result<Throughput> {
    let output = Command::new("wrk")
        .args(["-t2", &format!("-c{CONCURRENCY}"), &format!("-d{seconds}s")])
        .args(["-H", &format!("Cookie: {}", client.cookie)])
        .arg(client.url(path))
        .output()?;
    let text = String::from_utf8_lossy(&output.stdout);
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
    Ok(Throughput { per_second, errors })
}

fn pgbench(cluster: &Cluster, script: &Path, seconds: u32) -> anyhow::Result<Throughput> {
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
        .arg(cluster.url(DATABASE))
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
    let failed = text
        .lines()
        .find_map(|l| l.strip_prefix("number of failed transactions: "))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Ok(Throughput {
        per_second,
        errors: failed,
    })
}
