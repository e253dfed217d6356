//! The CSV export of every pay report over HTTP, against psql's `\copy` of the same columns in
//! the same order, from the export's own FROM and ORDER BY: a file byte for byte the same.

use std::process::Command;

use anyhow::{Context, bail};

use crate::support::{Client, Cluster, Server, median, time};
use crate::{DATABASE, Document, yes};

pub fn section(
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
    let copy = format!(
        "\\copy ({}) to stdout with csv header",
        same_columns(&query)?
    );
    let psql = |then: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("\"$0\" \"$@\" {then}"))
            .arg("psql")
            .args(["-X", "-q", &cluster.url(DATABASE), "-c", &copy])
            .output()
    };
    // Generated data holds no text that looks like a formula, so the two files are equal: a
    // limit that wrote more or other columns would not be the same work.
    let copied: u64 = String::from_utf8_lossy(&psql("| wc -c")?.stdout)
        .trim()
        .parse()?;
    if copied != bytes {
        bail!("the app wrote {bytes} bytes, \\copy of the same columns {copied}");
    }
    let mut app = Vec::new();
    let mut limit = Vec::new();
    let mut peak_kib = 0;
    for _ in 0..runs {
        server.reset_peak_rss()?;
        app.push(time(|| client.get_discard("/pay-reports.csv"))?.0);
        peak_kib = peak_kib.max(server.peak_rss_kib()?);
        let (seconds, result) = time(|| Ok(psql("> /dev/null")?))?;
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
        "{rows} rows, {:.0} MiB of CSV. Limit: psql's `\\copy (the export's columns, FROM and ORDER BY) to stdout with csv header`, byte for byte the same file.",
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

/// The export's SELECT with the file's columns in the file's order instead of the rows it
/// loads (the header's names, so `csv header` writes the same first line).
fn same_columns(query: &str) -> anyhow::Result<String> {
    const COLUMNS: &str = r#""pay_report"."id", "person"."id" AS person_id, "person"."full_name",
        "person"."title", "person"."expertise", "origin"."name" AS origin_company,
        "hiring"."name" AS hiring_company, "person"."team", "person"."stage",
        "person"."first_contact_on", "person"."offer_on", "person"."decided_on",
        "person"."start_on", "person"."location", "person"."notes", "person"."job_family",
        "person"."level", "person"."zone", "person"."range_disclosed_on", "pay_report"."kind",
        "pay_report"."currency", "pay_report"."amount_low",
        nullif("pay_report"."amount_high", "pay_report"."amount_low") AS amount_high,
        "pay_report"."period", "pay_report"."period_years", "pay_report"."base",
        "pay_report"."bonus", "pay_report"."equity", "pay_report"."sign_on", "pay_report"."as_of",
        "pay_report"."source_name", "pay_report"."source_url", "pay_report"."confidence",
        "pay_report"."notes" AS pay_notes"#;
    let from = query
        .find(" FROM ")
        .context("the export's SELECT has no FROM")?;
    Ok(format!(
        "SELECT {} {}",
        COLUMNS.replace('\n', " "),
        &query[from..]
    ))
}
