//! DuckDB as a second opinion on the reports: the rows the reports read, exported from
//! PostgreSQL with psql's `\copy`, loaded once into a DuckDB database file, and queried through
//! the DuckDB command-line shell (the `duckdb` crate's bundled C++ build takes too long).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use super::{Cluster, median, time};

pub const INSTALL: &str = "pip install duckdb-cli (a prebuilt `duckdb` executable)";

/// Fails unless the `duckdb` shell is on the PATH.
pub fn check_installed() -> anyhow::Result<()> {
    match Command::new("duckdb").arg("--version").output() {
        Ok(out) if out.status.success() => Ok(()),
        _ => bail!("duckdb is missing: {INSTALL}"),
    }
}

/// Each table with only the columns the reports need; times as what PostgreSQL's session makes
/// of them (the date of a stage change, and its instant in microseconds since the epoch).
const EXPORTS: [(&str, &str, &str); 5] = [
    (
        "company",
        "SELECT id, name FROM company",
        "id BIGINT, name VARCHAR",
    ),
    (
        "person",
        "SELECT id, title, origin_company_id, hiring_company_id, stage, decided_on, start_on \
         FROM person",
        "id BIGINT, title VARCHAR, origin_company_id BIGINT, hiring_company_id BIGINT, \
         stage VARCHAR, decided_on DATE, start_on DATE",
    ),
    (
        "pay_report",
        "SELECT id, person_id, kind, confidence, currency, amount_low, amount_high, \
         period_years, as_of FROM pay_report",
        "id BIGINT, person_id BIGINT, kind VARCHAR, confidence VARCHAR, currency VARCHAR, \
         amount_low DECIMAL(14,2), amount_high DECIMAL(14,2), period_years SMALLINT, as_of DATE",
    ),
    (
        "stage_change",
        "SELECT id, person_id, to_stage, \
         (extract(epoch FROM changed_at) * 1000000)::bigint AS changed_us, \
         changed_at::date AS changed_on FROM stage_change",
        "id BIGINT, person_id BIGINT, to_stage VARCHAR, changed_us BIGINT, changed_on DATE",
    ),
    (
        "exchange_rate",
        "SELECT currency, rate_on, rate FROM exchange_rate",
        "currency VARCHAR, rate_on DATE, rate DECIMAL(20,10)",
    ),
];

/// Helpers the report queries share. Money is in integer cents (HUGEINT), so every step is
/// exact; every amount is ≥ 0, so rounding half up is PostgreSQL's round() (half away from
/// zero). `pct(v, n, a)` is the exact linear-interpolation percentile a/4 of the sorted
/// cents list `v` of length `n`, rounded to the cent.
const MACROS: &str = "
CREATE MACRO half_up(num, den) AS (num * 2 + den) // (den * 2);
CREATE MACRO pct(v, n, a) AS CASE WHEN (a * (n - 1)) % 4 = 0 THEN v[(a * (n - 1)) // 4 + 1]
    ELSE half_up(4 * v[(a * (n - 1)) // 4 + 1]
                 + ((a * (n - 1)) % 4) * (v[(a * (n - 1)) // 4 + 2] - v[(a * (n - 1)) // 4 + 1]), 4)
    END;
";

/// A DuckDB database file holding one PostgreSQL database's report rows.
pub struct DuckDb {
    pub file: PathBuf,
}

impl DuckDb {
    /// Exports `database` and loads it into `dir/<database>.duckdb`; returns the database and
    /// the seconds the export and the load took.
    pub fn load(cluster: &Cluster, database: &str, dir: &Path) -> anyhow::Result<(DuckDb, f64)> {
        let csv_dir = dir.join(format!("{database}-csv"));
        std::fs::create_dir_all(&csv_dir)?;
        let file = dir.join(format!("{database}.duckdb"));
        let _ = std::fs::remove_file(&file);
        let _ = std::fs::remove_file(file.with_extension("duckdb.wal"));
        let reporting = cluster.sql(database, "SELECT reporting_currency FROM report_setting")?;
        let (seconds, ()) = time(|| {
            let mut script = String::from(MACROS);
            script.push_str(&format!("CREATE MACRO reporting() AS '{reporting}';\n"));
            for (table, select, columns) in EXPORTS {
                let csv = csv_dir.join(format!("{table}.csv"));
                let copy = format!("\\copy ({select}) TO '{}' WITH CSV HEADER", csv.display());
                let out = cluster.psql(database).args(["-c", &copy]).output()?;
                if !out.status.success() {
                    bail!(
                        "psql \\copy {table}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
                let types: Vec<String> = columns
                    .split(", ")
                    .map(|c| {
                        let (name, ty) = c.trim().split_once(' ').unwrap_or((c, "VARCHAR"));
                        format!("'{name}': '{ty}'")
                    })
                    .collect();
                script.push_str(&format!(
                    "CREATE TABLE {table} AS SELECT * FROM read_csv('{}', header = true, \
                     allow_quoted_nulls = false, columns = {{{}}});\n",
                    csv.display(),
                    types.join(", ")
                ));
            }
            let duck = DuckDb { file: file.clone() };
            duck.run(&script, false)?;
            Ok(())
        })?;
        Ok((DuckDb { file }, seconds))
    }

    /// Runs a script in the shell (on a read-only database if `read_only`), stopping at the
    /// first error; returns what it printed.
    fn run(&self, script: &str, read_only: bool) -> anyhow::Result<String> {
        let mut command = Command::new("duckdb");
        if read_only {
            command.arg("-readonly");
        }
        let mut child = command
            .arg(&self.file)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("duckdb: {INSTALL}"))?;
        let mut stdin = child.stdin.take().context("stdin")?;
        let script = format!(".bail on\n{script}");
        let writer =
            std::thread::spawn(move || std::io::Write::write_all(&mut stdin, script.as_bytes()));
        let out = child.wait_with_output()?;
        writer.join().expect("writer thread")?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() || stderr.contains("Error") {
            bail!("duckdb failed: {stderr}");
        }
        Ok(String::from_utf8(out.stdout)?)
    }

    /// The median of `runs` executions of `sql`, each timed by the shell itself (`.timer on`,
    /// the query alone: no start-up, no output).
    pub fn median_seconds(&self, sql: &str, runs: usize) -> anyhow::Result<f64> {
        let mut script = String::from(".mode trash\n.timer on\n");
        for _ in 0..runs {
            script.push_str(sql.trim().trim_end_matches(';'));
            script.push_str(";\n");
        }
        let out = self.run(&script, true)?;
        let times: Vec<f64> = out
            .lines()
            .filter_map(|l| l.strip_prefix("Run Time (s): real "))
            .filter_map(|rest| rest.split_whitespace().next()?.parse().ok())
            .collect();
        if times.len() != runs {
            bail!(
                "duckdb printed {} timings for {runs} runs:\n{out}",
                times.len()
            );
        }
        Ok(median(times))
    }

    /// The rows `sql` returns, as text (NULL as "").
    pub fn rows(&self, sql: &str) -> anyhow::Result<Vec<Vec<String>>> {
        let script = format!(
            ".mode csv\n.headers off\n.nullvalue ''\n{};\n",
            sql.trim().trim_end_matches(';')
        );
        let out = self.run(&script, true)?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_bytes());
        let mut rows = Vec::new();
        for record in reader.records() {
            rows.push(record?.iter().map(str::to_owned).collect());
        }
        Ok(rows)
    }
}

/// Integer cents as the CSV writes money: "1234.50".
pub fn cents(text: &str) -> String {
    match text.parse::<i128>() {
        Ok(c) => format!(
            "{}{}.{:02}",
            if c < 0 { "-" } else { "" },
            c.abs() / 100,
            c.abs() % 100
        ),
        Err(_) => text.to_owned(),
    }
}

/// Integer tenths as the CSV writes percents and days: "12.5".
pub fn tenths(text: &str) -> String {
    match text.parse::<i128>() {
        Ok(t) => format!("{}.{}", t / 10, t % 10),
        Err(_) => text.to_owned(),
    }
}
