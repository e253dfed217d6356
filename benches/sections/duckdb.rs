//! "Reports against DuckDB": every report page, unfiltered and with each filter alone, timed
//! over HTTP against DuckDB computing the same report from the same rows; and the unfiltered
//! reports' CSV twins checked cell by cell against DuckDB's answers.

use std::path::Path;

use anyhow::bail;

use super::csv_text;
use crate::support::duckdb::{DuckDb, cents, tenths};
use crate::support::report_sql::{self, Filter};
use crate::support::{Client, Cluster, median, time};
use crate::{Document, yes};

const GROUPS: [&str; 5] = [
    "origin_company",
    "hiring_company",
    "title",
    "kind",
    "confidence",
];
const GOAL_SECONDS: f64 = 0.3;

/// The filters of the table: none, then each alone, chosen from the data.
fn filters(cluster: &Cluster, database: &str) -> anyhow::Result<Vec<(String, Filter)>> {
    let year: i32 = cluster
        .sql(
            database,
            "SELECT extract(year FROM max(as_of))::int - 1 FROM pay_report",
        )?
        .parse()?;
    let origin = cluster.sql(
        database,
        "SELECT name FROM (SELECT c.name, row_number() OVER (ORDER BY count(*), c.name) AS i, \
         count(*) OVER () AS n FROM company c JOIN person p ON p.origin_company_id = c.id \
         GROUP BY c.name) t WHERE i = (n + 1) / 2",
    )?;
    let hiring = cluster.sql(
        database,
        "SELECT c.name FROM company c JOIN person p ON p.hiring_company_id = c.id \
         GROUP BY c.name ORDER BY count(*) DESC, c.name LIMIT 1",
    )?;
    let some = |v: &str| Some(v.to_owned());
    Ok(vec![
        ("none".into(), Filter::default()),
        (
            format!("{year}-01-01 to {year}-12-31"),
            Filter {
                from: Some(format!("{year}-01-01")),
                to: Some(format!("{year}-12-31")),
                ..Filter::default()
            },
        ),
        (
            format!("origin {origin}"),
            Filter {
                origin_company: some(&origin),
                ..Filter::default()
            },
        ),
        (
            format!("hiring {hiring}"),
            Filter {
                hiring_company: some(&hiring),
                ..Filter::default()
            },
        ),
        (
            "kind offered".into(),
            Filter {
                kind: some("offered"),
                ..Filter::default()
            },
        ),
        (
            "confidence confirmed".into(),
            Filter {
                confidence: some("confirmed"),
                ..Filter::default()
            },
        ),
    ])
}

/// One table row to measure: the app's path and DuckDB's SQL.
struct Case {
    report: String,
    filter: String,
    path: String,
    sql: String,
}

fn cases(filters: &[(String, Filter)]) -> Vec<Case> {
    let mut cases = Vec::new();
    for (label, filter) in filters {
        let query = filter.query();
        let companies_and_dates = filter.kind.is_none() && filter.confidence.is_none();
        let with = |path: &str, extra: &str| {
            let q: Vec<&str> = [extra, query.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            if q.is_empty() {
                path.to_owned()
            } else {
                format!("{path}?{}", q.join("&"))
            }
        };
        let mut add = |report: &str, path: String, sql: String| {
            cases.push(Case {
                report: report.into(),
                filter: label.clone(),
                path,
                sql,
            });
        };
        if companies_and_dates {
            add(
                "Talent flow",
                with("/reports/talent-flow", ""),
                report_sql::talent_flow(filter),
            );
        }
        for group in GROUPS {
            add(
                &format!("Compensation by {group}"),
                with("/reports/compensation", &format!("group_by={group}")),
                report_sql::compensation(filter, group),
            );
        }
        if companies_and_dates {
            add(
                "Pipeline",
                with("/reports/pipeline", ""),
                report_sql::pipeline(filter),
            );
            add(
                "Timeline (month)",
                with("/reports/timeline", "interval=month"),
                report_sql::timeline(filter),
            );
        }
        if label == "none" {
            add("Dashboard", "/".into(), report_sql::dashboard());
        }
    }
    cases
}

/// The section at one size: `database` served by the server behind `client`.
pub fn section(
    cluster: &Cluster,
    database: &str,
    client: &Client,
    work: &Path,
    runs: usize,
    out: &mut Document,
) -> anyhow::Result<()> {
    let counts = cluster.sql(
        database,
        "SELECT (SELECT count(*) FROM person) || ' people, ' || (SELECT count(*) FROM pay_report) \
         || ' pay reports'",
    )?;
    eprintln!("  exporting {database} to DuckDB");
    let (duck, load_seconds) = DuckDb::load(cluster, database, work)?;
    eprintln!("  checking DuckDB's answers against the app's CSV");
    let filters = filters(cluster, database)?;
    let checked = check_answers(&duck, client, &filters)?;
    out.section(&format!("Reports against DuckDB at {counts}"));
    out.line(&format!(
        "Each report page over HTTP (median of {runs} GETs) against DuckDB {} computing the same \
         report from the same rows (median of {runs} runs, query time from the shell's `.timer \
         on`). The rows (people, companies, pay reports, stage changes, exchange rates; only the \
         columns the reports read) were exported with psql `\\copy` and loaded into DuckDB once \
         in {load_seconds:.1} s, not counted. DuckDB's answers agree with the app's CSV for \
         {checked}.",
        duckdb_version()
    ));
    out.table(&["Report", "Filter", "App", "DuckDB", "Ratio", "Goal", "Met"]);
    let mut met = 0;
    let cases = cases(&filters);
    for case in &cases {
        eprintln!("  {} ({})", case.path, case.filter);
        let mut app = Vec::new();
        for _ in 0..runs {
            let (seconds, (status, _)) = time(|| client.get_discard(&case.path))?;
            if status != 200 {
                bail!("{} answered {status}", case.path);
            }
            app.push(seconds);
        }
        let app = median(app);
        let duck_seconds = duck.median_seconds(&case.sql, runs)?;
        let ok = app <= duck_seconds && app < GOAL_SECONDS;
        met += usize::from(ok);
        out.row(&[
            format!(
                "{} `{}`",
                case.report,
                case.path.split('?').next().unwrap_or_default()
            ),
            case.filter.clone(),
            format!("{:.1} ms", app * 1000.0),
            format!("{:.1} ms", duck_seconds * 1000.0),
            format!("{:.2}×", app / duck_seconds.max(0.0005)),
            "≤ DuckDB and < 300 ms".into(),
            yes(ok),
        ]);
    }
    out.line("");
    out.line(&format!(
        "Goal met on {met} of {} rows. DuckDB's shell reports times in whole milliseconds; \
         a ratio against 0 ms is taken against 0.5 ms.",
        cases.len()
    ));
    Ok(())
}

fn duckdb_version() -> String {
    std::process::Command::new("duckdb")
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|v| v.split_whitespace().next().map(str::to_owned))
        .unwrap_or_default()
}

/// DuckDB's answer to one report, shaped as the app's CSV writes it (money from cents,
/// percents and days from tenths).
fn expected(duck: &DuckDb, report: &str, filter: &Filter) -> anyhow::Result<Vec<Vec<String>>> {
    let rows = match report {
        "talent-flow" => duck.rows(&report_sql::talent_flow(filter))?,
        "timeline" => duck.rows(&report_sql::timeline(filter))?,
        "pipeline" => duck.rows(&report_sql::pipeline(filter))?,
        group => duck.rows(&report_sql::compensation(filter, group))?,
    };
    Ok(rows
        .into_iter()
        .map(|r| match report {
            "talent-flow" => vec![
                csv_text(&r[0]),
                csv_text(&r[1]),
                r[2].clone(),
                r[3].clone(),
                cents(&r[4]),
                cents(&r[5]),
            ],
            "timeline" => vec![
                r[0].clone(),
                r[1].clone(),
                r[2].clone(),
                cents(&r[3]),
                cents(&r[4]),
            ],
            // The app labels stages for people; compared in pipeline order without the label.
            "pipeline" => vec![r[1].clone(), r[2].clone(), tenths(&r[3]), tenths(&r[4])],
            _ => {
                let mut row = vec![csv_text(&r[0]), r[1].clone()];
                row.extend(r[2..].iter().map(|c| cents(c)));
                row
            }
        })
        .collect())
}

/// Compares the CSV twin of every report of the table, unfiltered and with each filter, with
/// DuckDB's answer; bails at the first difference, naming the report, filter and row.
fn check_answers(
    duck: &DuckDb,
    client: &Client,
    filters: &[(String, Filter)],
) -> anyhow::Result<String> {
    let mut checked = 0;
    let mut rows = 0;
    for (label, filter) in filters {
        let query = filter.query();
        let mut reports: Vec<(&str, String)> = GROUPS
            .iter()
            .map(|g| (*g, format!("/reports/compensation.csv?group_by={g}")))
            .collect();
        if filter.kind.is_none() && filter.confidence.is_none() {
            reports.push(("talent-flow", "/reports/talent-flow.csv?".into()));
            reports.push(("timeline", "/reports/timeline.csv?interval=month".into()));
            reports.push(("pipeline", "/reports/pipeline.csv?".into()));
        }
        for (report, path) in reports {
            let path = format!("{path}&{query}")
                .trim_end_matches(['&', '?'])
                .replace("?&", "?");
            let mut expected = expected(duck, report, filter)?;
            let (status, body) = client.get_text(&path)?;
            if status != 200 {
                bail!("{path} answered {status}");
            }
            let mut reader = csv::Reader::from_reader(body.as_bytes());
            let mut actual = Vec::new();
            for record in reader.records() {
                let record = record?;
                let cells = record.iter().map(str::to_owned);
                actual.push(if report == "pipeline" {
                    cells.skip(1).collect::<Vec<_>>()
                } else {
                    cells.collect()
                });
            }
            if report != "pipeline" {
                // Ties in the order depend on collation: compare as sorted sets of rows.
                actual.sort();
                expected.sort();
            }
            let differs =
                (0..actual.len().max(expected.len())).find(|i| actual.get(*i) != expected.get(*i));
            if let Some(i) = differs {
                bail!(
                    "{path} (filter: {label}): the app and DuckDB differ ({} rows against {}); \
                     first differing row:\n  app:    {:?}\n  DuckDB: {:?}",
                    actual.len(),
                    expected.len(),
                    actual.get(i),
                    expected.get(i)
                );
            }
            checked += 1;
            rows += actual.len();
        }
    }
    Ok(format!(
        "all {checked} CSV twins of the table's reports, unfiltered and filtered ({rows} rows: \
         group labels, counts, money to the cent, percents and days to the tenth)"
    ))
}
