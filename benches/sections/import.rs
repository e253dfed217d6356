//! A CSV import of 100,000 rows over HTTP, against psql's `\copy` into a staging table.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::bail;

use super::psql_seconds;
use crate::Document;
use crate::support::{Client, Cluster, Server, median};

const IMPORT_SOURCE: &str = "tt_bench_import_source";
const IMPORT_TARGET: &str = "tt_bench_import";
const IMPORT_ROWS: usize = 100_000;

pub fn section(
    cluster: &Cluster,
    work: &Path,
    runs: usize,
    out: &mut Document,
) -> anyhow::Result<()> {
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

/// 100,000 pay-report rows exported from a generated data set, as exported: with each
/// report's and person's id, so namesakes at one company stay two people (a tracker moved with
/// its files).
fn import_file(cluster: &Cluster, work: &Path) -> anyhow::Result<PathBuf> {
    // Files of an earlier layout (before the id columns) are made again.
    let path = work.join("import-100k-with-ids.csv");
    if path.exists() {
        return Ok(path);
    }
    cluster.generated(IMPORT_SOURCE, 45_000, 2)?;
    let exported = work.join("import-source.csv");
    let status = Command::new(crate::support::BIN)
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
    let mut written = 0;
    for record in reader.records().take(IMPORT_ROWS) {
        writer.write_record(&record?)?;
        written += 1;
    }
    writer.flush()?;
    if written < IMPORT_ROWS {
        bail!("the generated export had only {written} rows");
    }
    Ok(path)
}
