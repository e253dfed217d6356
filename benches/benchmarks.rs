//! `cargo bench --bench benchmarks`: talent-tracker at a million people against PostgreSQL
//! doing the same work alone, in the same run, on the same machine. Writes BENCHMARKS.md.
//!
//! Every limit is the app's own SQL: the statements the server ran for a request are read
//! back from PostgreSQL's log with their parameters, then run through psql or pgbench.
//! Needs psql, pgbench and wrk on the PATH (Debian: postgresql-client, postgresql, wrk).

mod sections;
mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use support::{Client, Cluster, Server, env_or, median, percentile, time};

const DATABASE: &str = "tt_bench";
const IMPORT_SOURCE: &str = "tt_bench_import_source";
const IMPORT_TARGET: &str = "tt_bench_import";
const IMPORT_ROWS: usize = 100_000;
const SMALL_DATABASE: &str = "tt_bench_30k";
const CONCURRENCY: u32 = 32;
const SECTIONS: [&str; 6] = ["export", "reports", "people", "import", "duckdb", "writes"];

fn main() -> anyhow::Result<()> {
    let people: u64 = env_or("TT_BENCH_PEOPLE", 1_000_000)?;
    let small_people: u64 = env_or("TT_BENCH_SMALL_PEOPLE", 30_000)?;
    let runs: usize = env_or("TT_BENCH_RUNS", 3)?;
    let load_seconds: u32 = env_or("TT_BENCH_LOAD_SECONDS", 10)?;
    let chosen = std::env::var("TT_BENCH_SECTIONS").unwrap_or_else(|_| SECTIONS.join(","));
    let chosen: Vec<&str> = chosen
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if let Some(unknown) = chosen.iter().find(|s| !SECTIONS.contains(s)) {
        bail!(
            "TT_BENCH_SECTIONS: no section {unknown:?}; choose from {}",
            SECTIONS.join(",")
        );
    }
    let wanted = |name: &str| chosen.contains(&name);
    // pgbench and wrk only drive the people list under load.
    let tools: &[&str] = if wanted("people") {
        &["psql", "pgbench", "wrk"]
    } else {
        &["psql"]
    };
    for tool in tools {
        if Command::new(tool).arg("--version").output().is_err() {
            bail!("{tool} is missing: apt-get install postgresql-client postgresql wrk");
        }
    }
    if wanted("duckdb") {
        support::duckdb::check_installed()?;
    }
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench");
    std::fs::create_dir_all(&work)?;
    let cluster = Cluster::start()?;
    let generated = cluster.generated(DATABASE, people, 1)?;
    cluster.ensure_user(DATABASE)?;
    let server = Server::start(&cluster.url(DATABASE), &[])?;
    let client = Client::log_in(server.port)?;

    let mut out = Document::new(people, runs, generated, &cluster)?;
    out.line(&format!("Sections run: {}.", chosen.join(", ")));
    if wanted("export") {
        eprintln!("CSV export");
        export(&cluster, &server, &client, runs, &mut out)?;
    }
    if wanted("reports") {
        eprintln!("reports");
        reports(&cluster, &client, runs, &mut out)?;
    }
    if wanted("duckdb") {
        eprintln!("reports against DuckDB ({people} people)");
        sections::duckdb::section(&cluster, DATABASE, &client, &work, runs, &mut out)?;
    }
    if wanted("writes") {
        eprintln!("write-to-report latency");
        sections::writes::section(&cluster, DATABASE, &client, &work, &mut out)?;
    }
    if wanted("people") {
        eprintln!("people list under load");
        people_list(&cluster, &client, &work, load_seconds, &mut out)?;
    }
    drop(server);
    if wanted("duckdb") && small_people != people {
        eprintln!("reports against DuckDB ({small_people} people)");
        cluster.generated(SMALL_DATABASE, small_people, 1)?;
        cluster.ensure_user(SMALL_DATABASE)?;
        let server = Server::start(&cluster.url(SMALL_DATABASE), &[])?;
        let client = Client::log_in(server.port)?;
        sections::duckdb::section(&cluster, SMALL_DATABASE, &client, &work, runs, &mut out)?;
    }
    if wanted("import") {
        eprintln!("CSV import");
        import(&cluster, &work, runs, &mut out)?;
    }

    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("BENCHMARKS.md");
    std::fs::write(&path, out.finish())?;
    eprintln!("Wrote {}", path.display());
    Ok(())
}

/// Runs psql on a script file (or a command) and returns the wall-clock seconds.
fn psql_seconds(cluster: &Cluster, database: &str, args: &[&str]) -> anyhow::Result<f64> {
    let (seconds, out) = time(|| Ok(cluster.psql(database).args(args).output()?))?;
    if !out.status.success() {
        bail!("psql failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(seconds)
}

fn export(
    cluster: &Cluster,
    server: &Server,
    client: &Client,
    runs: usize,
    out: &mut Document,
) -> anyhow::Result<()> {
    let mut bytes = 0;
    let statements = cluster.capture_sql(|| {
        bytes = client.get_discard("/pay-reports.csv")?.1;
        Ok(())
    })?;
    let query = statements
        .iter()
        .filter(|s| s.contains("pay_report") && s.contains("ORDER BY"))
        .max_by_key(|s| s.len())
        .context("the export's SELECT was not in the log")?
        .replace('\n', " ");
    let rows: u64 = cluster
        .sql(DATABASE, "SELECT count(*) FROM pay_report")?
        .parse()?;
    let copy = format!("\\copy ({query}) to stdout with csv header");
    let mut app = Vec::new();
    let mut limit = Vec::new();
    let mut peak_kib = 0;
    for _ in 0..runs {
        server.reset_peak_rss()?;
        app.push(time(|| client.get_discard("/pay-reports.csv"))?.0);
        peak_kib = peak_kib.max(server.peak_rss_kib()?);
        let (seconds, result) = time(|| {
            Ok(Command::new("sh")
                .arg("-c")
                .arg("\"$0\" \"$@\" > /dev/null")
                .arg("psql")
                .args(["-X", "-q", &cluster.url(DATABASE), "-c", &copy])
                .output()?)
        })?;
        if !result.status.success() {
            bail!("psql \\copy: {}", String::from_utf8_lossy(&result.stderr));
        }
        limit.push(seconds);
    }
    // A hiring company with about 10,000 pay reports, for the small export's memory.
    let company = cluster.sql(
        DATABASE,
        "SELECT c.name FROM company c JOIN person p ON p.hiring_company_id = c.id \
         JOIN pay_report r ON r.person_id = p.id GROUP BY c.name \
         ORDER BY abs(count(*) - 10000) LIMIT 1",
    )?;
    let small_path = format!(
        "/pay-reports.csv?hiring_company={}",
        url::form_urlencoded::byte_serialize(company.as_bytes()).collect::<String>()
    );
    let mut small_peak_kib = 0;
    let mut small_bytes = 0;
    for _ in 0..runs {
        server.reset_peak_rss()?;
        small_bytes = client.get_discard(&small_path)?.1;
        small_peak_kib = small_peak_kib.max(server.peak_rss_kib()?);
    }
    let (app, limit) = (median(app), median(limit));
    out.section("CSV export of every pay report over HTTP");
    out.line(&format!(
        "{rows} rows, {:.0} MiB of CSV. Limit: psql's `\\copy (the export's own SELECT) to stdout with csv header`.",
        bytes as f64 / 1048576.0
    ));
    out.table(&["Figure", "App", "Limit", "Ratio", "Goal", "Met"]);
    out.row_ratio("Export time", app, limit, 1.5, "s");
    let peak_mib = peak_kib as f64 / 1024.0;
    let small_mib = small_peak_kib as f64 / 1024.0;
    out.row(&[
        "Peak memory (RSS) during the export".into(),
        format!("{peak_mib:.1} MiB"),
        "100 MiB".into(),
        String::new(),
        "≤ 100 MiB".into(),
        yes(peak_mib <= 100.0),
    ]);
    out.row(&[
        format!(
            "… against a {:.1} MiB export ({company})",
            small_bytes as f64 / 1048576.0
        ),
        format!("{peak_mib:.1} MiB"),
        format!("{small_mib:.1} MiB"),
        format!("{:.2}×", peak_mib / small_mib),
        "≤ 1.2×".into(),
        yes(peak_mib / small_mib <= 1.2),
    ]);
    Ok(())
}

fn reports(
    cluster: &Cluster,
    client: &Client,
    runs: usize,
    out: &mut Document,
) -> anyhow::Result<()> {
    out.section("Reports at this size");
    out.line(
        "Each report page (HTML with its chart), against every statement that page ran, run \
         alone through psql (which includes psql's own connection, a few milliseconds).",
    );
    out.table(&["Report", "App", "Limit", "Ratio", "Goal", "Met"]);
    for slug in ["talent-flow", "compensation", "pipeline", "timeline"] {
        let path = format!("/reports/{slug}");
        let statements = cluster.capture_sql(|| {
            let (status, _) = client.get_text(&path)?;
            if status != 200 {
                bail!("{path} answered {status}");
            }
            Ok(())
        })?;
        let script = std::env::temp_dir().join(format!("tt-bench-{slug}.sql"));
        let sql: String = statements.iter().map(|s| format!("{s};\n")).collect();
        std::fs::write(&script, format!("SET work_mem = '32MB';\n{sql}"))?;
        let script = script.to_string_lossy().into_owned();
        let mut app = Vec::new();
        let mut limit = Vec::new();
        for _ in 0..runs {
            app.push(time(|| client.get_text(&path))?.0);
            limit.push(psql_seconds(
                cluster,
                DATABASE,
                &["-o", "/dev/null", "-f", &script],
            )?);
        }
        out.row_ratio(
            &format!("`{path}` ({} statements)", statements.len()),
            median(app),
            median(limit),
            1.3,
            "s",
        );
    }
    Ok(())
}

struct Latencies {
    p50_ms: f64,
    p99_ms: f64,
    per_second: f64,
    errors: u64,
}

fn people_list(
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
    let scenarios = [
        ("Page 1", "/people".to_owned()),
        (
            "Page 10,000 (by its link)",
            format!("/people?page=10000&after={cursor}"),
        ),
        ("Name search “wang”", "/people?q=wang".to_owned()),
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
        yes(p99[..4].iter().all(|p| *p < 50.0)),
        p99[1] / p99[0],
        yes(p99[1] / p99[0] <= 3.0)
    ));
    Ok(())
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

fn import(cluster: &Cluster, work: &Path, runs: usize, out: &mut Document) -> anyhow::Result<()> {
    let file = import_file(cluster, work)?;
    let bytes = std::fs::read(&file)?;
    let header =
        String::from_utf8_lossy(&bytes[..bytes.iter().position(|b| *b == b'\n').unwrap_or(0)])
            .into_owned();
    let columns: Vec<String> = header.split(',').map(|c| format!("\"{c}\" text")).collect();
    let mut app = Vec::new();
    let mut previews = Vec::new();
    let mut confirms = Vec::new();
    let mut limit = Vec::new();
    for _ in 0..runs {
        cluster.recreate(IMPORT_TARGET)?;
        cluster.sql(
            IMPORT_TARGET,
            &format!("CREATE TABLE staging ({})", columns.join(", ")),
        )?;
        limit.push(psql_seconds(
            cluster,
            IMPORT_TARGET,
            &[
                "-c",
                &format!("\\copy staging from '{}' with csv header", file.display()),
            ],
        )?);
        cluster.sql(IMPORT_TARGET, "DROP TABLE staging")?;
        let server = Server::start(
            &cluster.url(IMPORT_TARGET),
            &[("TALENT_TRACKER_IMPORT_LIMIT_MIB", "200")],
        )?;
        cluster.ensure_user(IMPORT_TARGET)?;
        let client = Client::log_in(server.port)?;
        let (preview, confirm) = client.import("bench.csv", &bytes)?;
        previews.push(preview);
        confirms.push(confirm);
        app.push(preview + confirm);
        let imported: u64 = cluster
            .sql(IMPORT_TARGET, "SELECT count(*) FROM pay_report")?
            .parse()?;
        if imported != IMPORT_ROWS as u64 {
            bail!("the import stored {imported} pay reports, not {IMPORT_ROWS}");
        }
    }
    out.section(&format!("CSV import of {IMPORT_ROWS} rows"));
    out.line(&format!(
        "Upload, preview and confirm over HTTP into an empty database ({:.1} MiB: people with \
         their pay reports, exported from a generated data set). Limit: psql's `\\copy staging \
         from … with csv header` of the same file into a table of text columns.",
        bytes.len() as f64 / 1048576.0
    ));
    out.table(&["Figure", "App", "Limit", "Ratio", "Goal", "Met"]);
    let limit = median(limit);
    out.row_ratio("Import time", median(app), limit, 4.0, "s");
    out.row_ratio(
        "… of which upload and preview",
        median(previews),
        limit,
        4.0,
        "s",
    );
    out.row_ratio(
        "… of which confirming (the writes)",
        median(confirms),
        limit,
        4.0,
        "s",
    );
    Ok(())
}

/// 100,000 pay-report rows exported from a generated data set. The import knows a person by
/// name and origin company, and generated names repeat: rows of a second, different person
/// with the same name at the same company are left out, as a user would have to.
fn import_file(cluster: &Cluster, work: &Path) -> anyhow::Result<PathBuf> {
    let path = work.join("import-100k.csv");
    if path.exists() {
        return Ok(path);
    }
    cluster.generated(IMPORT_SOURCE, 45_000, 2)?;
    let exported = work.join("import-source.csv");
    let status = Command::new(support::BIN)
        .args(["export", "pay-reports", "--output"])
        .arg(&exported)
        .env("DATABASE_URL", cluster.url(IMPORT_SOURCE))
        .status()?;
    if !status.success() {
        bail!("export failed");
    }
    let mut reader = csv::Reader::from_path(&exported)?;
    let mut writer = csv::Writer::from_path(&path)?;
    writer.write_record(reader.headers()?)?;
    let mut first_seen: std::collections::HashMap<(String, String), Vec<String>> =
        Default::default();
    let mut written = 0;
    for record in reader.records() {
        let record = record?;
        let details: Vec<String> = record.iter().take(13).map(str::to_owned).collect();
        let key = (details[0].clone(), details[3].clone());
        if first_seen.entry(key).or_insert_with(|| details.clone()) != &details {
            continue;
        }
        writer.write_record(&record)?;
        written += 1;
        if written == IMPORT_ROWS {
            break;
        }
    }
    writer.flush()?;
    if written < IMPORT_ROWS {
        bail!("the generated export had only {written} usable rows");
    }
    Ok(path)
}

pub(crate) fn yes(met: bool) -> String {
    if met { "yes".into() } else { "**no**".into() }
}

/// BENCHMARKS.md as it is written.
pub(crate) struct Document {
    text: String,
}

impl Document {
    fn new(
        people: u64,
        runs: usize,
        generated: Option<f64>,
        cluster: &Cluster,
    ) -> anyhow::Result<Self> {
        let cpu = std::fs::read_to_string("/proc/cpuinfo")?
            .lines()
            .find_map(|l| {
                l.strip_prefix("model name")
                    .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
            })
            .unwrap_or_default();
        let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
        let memory = std::fs::read_to_string("/proc/meminfo")?
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:").map(|v| v.trim().to_owned()))
            .unwrap_or_default();
        let postgres = cluster.sql("postgres", "SHOW server_version")?;
        let counts = cluster.sql(
            DATABASE,
            "SELECT (SELECT count(*) FROM person) || ' people, ' || (SELECT count(*) FROM pay_report) \
             || ' pay reports, ' || (SELECT count(*) FROM company) || ' companies'",
        )?;
        let mut text = String::new();
        writeln!(text, "# Benchmarks\n")?;
        writeln!(
            text,
            "Written by `cargo bench --bench benchmarks` on {} (UTC). Each figure is the median \
             of {runs} runs unless it is a load test; each limit is PostgreSQL doing the same \
             work alone, measured in the same run.\n",
            chrono::Utc::now().format("%Y-%m-%d %H:%M")
        )?;
        writeln!(text, "- Machine: {cpu}, {cores} cores, {memory} of memory")?;
        writeln!(
            text,
            "- PostgreSQL {postgres} (the project's local cluster, default settings; the app sets work_mem = 32MB per connection, and the psql runs do too)"
        )?;
        writeln!(
            text,
            "- Data: `talent-tracker generate --people {people} --seed 1`: {counts}"
        )?;
        if let Some(seconds) = generated {
            writeln!(
                text,
                "- Generating it took {seconds:.0} s in this run (goal: under 300 s for a million people)"
            )?;
        }
        writeln!(
            text,
            "- Reproduce: `cargo bench --bench benchmarks` (TT_BENCH_PEOPLE, TT_BENCH_SMALL_PEOPLE, TT_BENCH_RUNS and TT_BENCH_LOAD_SECONDS change the sizes, runs and load duration; TT_BENCH_SECTIONS picks sections)\n"
        )?;
        Ok(Document { text })
    }

    pub(crate) fn section(&mut self, title: &str) {
        let _ = write!(self.text, "\n## {title}\n\n");
    }

    pub(crate) fn line(&mut self, line: &str) {
        let _ = writeln!(self.text, "{line}");
    }

    pub(crate) fn table(&mut self, headers: &[&str]) {
        let _ = writeln!(self.text, "\n| {} |", headers.join(" | "));
        let _ = writeln!(self.text, "|{}", "---|".repeat(headers.len()));
    }

    pub(crate) fn row(&mut self, cells: &[String]) {
        let _ = writeln!(self.text, "| {} |", cells.join(" | "));
    }

    fn row_ratio(&mut self, label: &str, app: f64, limit: f64, goal: f64, unit: &str) {
        let ratio = app / limit;
        self.row(&[
            label.to_owned(),
            format!("{app:.3} {unit}"),
            format!("{limit:.3} {unit}"),
            format!("{ratio:.2}×"),
            format!("≤ {goal}×"),
            yes(ratio <= goal),
        ]);
    }

    /// The text written so far, for an error message.
    pub(crate) fn tail(&self) -> &str {
        let start = self.text.rfind("\n## ").unwrap_or(0);
        &self.text[start..]
    }

    fn finish(mut self) -> String {
        self.text.push_str(include_str!("limits.md"));
        self.text
    }
}
