//! `cargo bench --bench benchmarks`: talent-tracker at a million people against PostgreSQL
//! doing the same work alone, in the same run, on the same machine. Writes BENCHMARKS.md.
//!
//! Every limit is the app's own SQL: the statements the server ran for a request are read
//! back from PostgreSQL's log with their parameters, then run through psql or pgbench.
//! Needs psql on the PATH, pgbench and wrk for the people list (Debian: postgresql-client,
//! postgresql, wrk), and the `duckdb` shell for the DuckDB comparison (pip install duckdb-cli).
//! TT_BENCH_SECTIONS (a comma list of SECTIONS, default all) picks what runs.

mod sections;
mod support;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use anyhow::bail;
use support::{Client, Cluster, Server, env_or};

pub(crate) const DATABASE: &str = "tt_bench";
const SMALL_DATABASE: &str = "tt_bench_30k";
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
        out.current = "export";
        eprintln!("CSV export");
        sections::export::section(&cluster, &server, &client, runs, &mut out)?;
    }
    if wanted("reports") {
        out.current = "reports";
        eprintln!("reports");
        sections::reports::section(&cluster, &client, runs, &mut out)?;
    }
    if wanted("duckdb") {
        out.current = "duckdb";
        eprintln!("reports against DuckDB ({people} people)");
        sections::duckdb::section(&cluster, DATABASE, &client, &work, runs, &mut out)?;
    }
    if wanted("writes") {
        out.current = "writes";
        eprintln!("write-to-report latency");
        sections::writes::section(&cluster, DATABASE, &client, &work, &mut out)?;
        sections::saves::section(&cluster, DATABASE, &client, &mut out)?;
    }
    if wanted("people") {
        out.current = "people";
        eprintln!("list and search pages");
        sections::people::section(&cluster, &client, &work, load_seconds, &mut out)?;
    }
    drop(server);
    if wanted("duckdb") && small_people != people {
        out.current = "duckdb";
        eprintln!("reports against DuckDB ({small_people} people)");
        cluster.generated(SMALL_DATABASE, small_people, 1)?;
        cluster.ensure_user(SMALL_DATABASE)?;
        let server = Server::start(&cluster.url(SMALL_DATABASE), &[])?;
        let client = Client::log_in(server.port)?;
        sections::duckdb::section(&cluster, SMALL_DATABASE, &client, &work, runs, &mut out)?;
    }
    if wanted("import") {
        out.current = "import";
        eprintln!("CSV import");
        sections::import::section(&cluster, &work, runs, &mut out)?;
    }

    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("BENCHMARKS.md");
    let earlier = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, out.finish(&earlier, &chosen))?;
    eprintln!("Wrote {}", path.display());
    Ok(())
}

pub(crate) fn yes(met: bool) -> String {
    if met { "yes".into() } else { "**no**".into() }
}

/// BENCHMARKS.md as it is written.
pub(crate) struct Document {
    text: String,
    /// The TT_BENCH_SECTIONS name of the section being written: each title carries it in a
    /// comment, so a later partial run knows which of this file's sections it replaces.
    current: &'static str,
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
            "- PostgreSQL {postgres} (the project's local cluster, default settings; the app sets work_mem = 32MB and jit = off per connection, and the psql runs do too)"
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
        Ok(Document { text, current: "" })
    }

    pub(crate) fn section(&mut self, title: &str) {
        let _ = write!(
            self.text,
            "\n## {title}\n<!-- section: {} -->\n\n",
            self.current
        );
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

    pub(crate) fn row_ratio(&mut self, label: &str, app: f64, limit: f64, goal: f64, unit: &str) {
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

    /// The document, with the sections of `earlier` (the file as it was) that this run did
    /// not write again kept after this run's, marked with the run they come from: a partial
    /// run (TT_BENCH_SECTIONS) updates its figures and loses none of the others.
    fn finish(mut self, earlier: &str, run: &[&str]) -> String {
        let limits = include_str!("limits.md");
        let closing = limits.lines().find(|l| l.starts_with("## ")).unwrap_or("");
        let when = earlier
            .lines()
            .find_map(|l| l.strip_prefix("Written by `cargo bench --bench benchmarks` on "))
            .and_then(|rest| rest.split(" (UTC)").next())
            .unwrap_or("an earlier run");
        let written: Vec<String> = self
            .text
            .lines()
            .filter(|l| l.starts_with("## "))
            .map(str::to_owned)
            .collect();
        let mut kept = String::new();
        for section in earlier.split("\n## ").skip(1) {
            let (title, body) = section.split_once('\n').unwrap_or((section, ""));
            let title = format!("## {title}");
            let head: Vec<&str> = body.lines().take(4).collect();
            let rerun = run
                .iter()
                .any(|name| head.contains(&format!("<!-- section: {name} -->").as_str()));
            if title == closing || written.contains(&title) || rerun {
                continue;
            }
            let _ = write!(kept, "\n{title}\n");
            // A section kept before already says which run it is from.
            if !head.iter().any(|l| l.starts_with("_Not rerun:")) {
                let _ = write!(kept, "\n_Not rerun: from the run of {when} (UTC)._\n");
            }
            kept.push_str(body.trim_end());
            kept.push('\n');
        }
        self.text.push_str(&kept);
        self.text.push_str(limits);
        self.text
    }
}
