//! A CSV import of 100,000 pay-report rows into the benchmark's database, over HTTP, and its
//! revert, against psql's `\copy` of the very rows the import wrote into the same tables.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use super::psql_seconds;
use crate::support::{Client, Cluster, Server, median, time};
use crate::{DATABASE, Document};

const IMPORT_SOURCE: &str = "tt_bench_import_source";
const IMPORT_TARGET: &str = "tt_bench_import";
const IMPORT_ROWS: usize = 100_000;
/// Past the ids of any generated database the benchmark makes.
const ID_OFFSET: i64 = 1_000_000_000;
/// The tables an import of people with pay reports writes, in the order `\copy` fills them.
const WRITTEN: [&str; 3] = ["person", "stage_change", "pay_report"];
/// And what the database keeps beside them in the same transaction: the report figures of the
/// new people and the batch's items (each record's old and new values).
const KEPT: [&str; 4] = ["pay_figure", "person_fact", "stage_stay", "import_item"];

struct Run {
    preview: f64,
    confirm: f64,
    revert: f64,
    limit: f64,
    /// `\copy` of the kept rows too, after `limit`'s.
    limit_all: f64,
}

pub fn section(
    cluster: &Cluster,
    work: &Path,
    runs: usize,
    out: &mut Document,
) -> anyhow::Result<()> {
    let file = import_file(cluster, work)?;
    let bytes = std::fs::read(&file)?;
    let people: String = cluster.sql(DATABASE, "SELECT count(*) FROM person")?;
    let mut measured = Vec::new();
    for _ in 0..runs {
        measured.push(run(cluster, work, &bytes)?);
    }
    let of = |get: fn(&Run) -> f64| median(measured.iter().map(get).collect());
    out.section(&format!(
        "CSV import of {IMPORT_ROWS} pay-report rows into {people} people"
    ));
    out.line(&format!(
        "Upload, preview and confirm over HTTP into a copy of the benchmark's database ({:.1} \
         MiB: people with their pay reports, exported from another generated data set with their \
         ids, moved past the database's), then the batch's revert over HTTP. \
         Limit: psql's `\\copy` of exactly the rows the import wrote ({}) into the same \
         tables of another copy, with the same indexes and the triggers disabled \
         (`session_replication_role = replica`); and of those rows with the rows the database \
         keeps beside them in the import's transaction ({}).",
        bytes.len() as f64 / 1048576.0,
        WRITTEN.join(", "),
        KEPT.join(", ")
    ));
    out.table(&["Figure", "App", "Limit", "Ratio", "Goal", "Met"]);
    let limit = of(|r| r.limit);
    let import = of(|r| r.preview + r.confirm);
    out.row_ratio("Import (upload, preview, confirm)", import, limit, 4.0, "s");
    out.row_ratio(
        &format!(
            "… against `\\copy` of every row it wrote, also into {}",
            KEPT.join(", ")
        ),
        import,
        of(|r| r.limit_all),
        4.0,
        "s",
    );
    out.row_ratio(
        "… upload and preview alone",
        of(|r| r.preview),
        limit,
        2.0,
        "s",
    );
    out.row_ratio("… confirm alone", of(|r| r.confirm), limit, 4.0, "s");
    out.row_ratio("Revert of the batch", of(|r| r.revert), limit, 4.0, "s");
    Ok(())
}

/// One import and revert in a fresh copy, then the limit in another.
fn run(cluster: &Cluster, work: &Path, bytes: &[u8]) -> anyhow::Result<Run> {
    cluster.copy(DATABASE, IMPORT_TARGET)?;
    let server = Server::start(
        &cluster.url(IMPORT_TARGET),
        &[("TALENT_TRACKER_IMPORT_LIMIT_MIB", "200")],
    )?;
    let client = Client::log_in(server.port)?;
    let (preview, confirm) = client.import("bench.csv", bytes)?;
    let batch = cluster.sql(IMPORT_TARGET, "SELECT max(id) FROM import_batch")?;
    let reports: usize = cluster
        .sql(
            IMPORT_TARGET,
            &format!(
                "SELECT count(*) FROM import_item WHERE batch_id = {batch} \
                 AND record_table = 'pay_report' AND action = 'created'"
            ),
        )?
        .parse()?;
    if reports != IMPORT_ROWS {
        bail!("the import created {reports} pay reports, not {IMPORT_ROWS}");
    }
    let copies = written_rows(cluster, work, &batch)?;
    let (revert, (status, _, _)) =
        time(|| client.post_form(&format!("/import/batches/{batch}/revert"), &[]))?;
    if status != 303 {
        bail!("reverting the import answered {status}");
    }
    let left = cluster.sql(
        IMPORT_TARGET,
        &format!(
            "SELECT count(*) FROM pay_report WHERE id IN (SELECT record_id FROM import_item \
             WHERE batch_id = {batch} AND record_table = 'pay_report')"
        ),
    )?;
    if left != "0" {
        bail!("the revert left {left} of the imported pay reports");
    }
    drop(server);
    cluster.copy(DATABASE, IMPORT_TARGET)?;
    let limit = copy_in(cluster, work, &WRITTEN, &copies[..WRITTEN.len()])?;
    let kept = copy_in(cluster, work, &KEPT, &copies[WRITTEN.len()..])?;
    Ok(Run {
        preview,
        confirm,
        revert,
        limit,
        limit_all: limit + kept,
    })
}

/// Seconds psql takes to `\copy` each file into its table, triggers off.
fn copy_in(
    cluster: &Cluster,
    work: &Path,
    tables: &[&str],
    files: &[PathBuf],
) -> anyhow::Result<f64> {
    let mut script = String::from("SET session_replication_role = replica;\n");
    for (table, path) in tables.iter().zip(files) {
        script.push_str(&format!(
            "\\copy {table} from '{}' with csv\n",
            path.display()
        ));
    }
    let script_path = work.join("import-limit.sql");
    std::fs::write(&script_path, script)?;
    psql_seconds(
        cluster,
        IMPORT_TARGET,
        &[
            "-v",
            "ON_ERROR_STOP=1",
            "-f",
            &script_path.to_string_lossy(),
        ],
    )
}

/// The rows batch `batch` created, one CSV per table of `WRITTEN` then of `KEPT`, in the tables' own column
/// order: what `\copy` would have to write to get the same result.
fn written_rows(cluster: &Cluster, work: &Path, batch: &str) -> anyhow::Result<Vec<PathBuf>> {
    let people = format!(
        "SELECT record_id FROM import_item WHERE batch_id = {batch} AND record_table = 'person' \
         AND action = 'created'"
    );
    let selects = [
        format!("SELECT * FROM person WHERE id IN ({people}) ORDER BY id"),
        format!("SELECT * FROM stage_change WHERE person_id IN ({people}) ORDER BY id"),
        format!(
            "SELECT * FROM pay_report WHERE id IN (SELECT record_id FROM import_item \
             WHERE batch_id = {batch} AND record_table = 'pay_report') ORDER BY id"
        ),
        format!("SELECT * FROM pay_figure WHERE person_id IN ({people}) ORDER BY pay_report_id"),
        format!("SELECT * FROM person_fact WHERE person_id IN ({people}) ORDER BY person_id"),
        format!("SELECT * FROM stage_stay WHERE person_id IN ({people})"),
        format!("SELECT * FROM import_item WHERE batch_id = {batch} ORDER BY id"),
    ];
    let mut paths = Vec::new();
    for (table, select) in WRITTEN.iter().chain(&KEPT).zip(selects) {
        let path = work.join(format!("import-limit-{table}.csv"));
        let output = cluster
            .psql(IMPORT_TARGET)
            .args(["-v", "ON_ERROR_STOP=1", "-c"])
            .arg(format!(
                "\\copy ({select}) to '{}' with csv",
                path.display()
            ))
            .output()?;
        if !output.status.success() {
            bail!(
                "psql could not copy the imported {table} rows: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        paths.push(path);
    }
    Ok(paths)
}

/// 100,000 pay-report rows exported from another generated data set, as exported, with their
/// ids (so namesakes stay two people), moved past the ids any benchmark database holds: every
/// row is a new pay report, most of them of a new person, as when a tracker moves with its
/// files.
fn import_file(cluster: &Cluster, work: &Path) -> anyhow::Result<PathBuf> {
    let path = work.join("import-100k-moved-ids.csv");
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
    let headers = reader.headers()?.clone();
    let ids: Vec<usize> = ["id", "person_id"]
        .iter()
        .map(|name| headers.iter().position(|h| h == *name))
        .collect::<Option<_>>()
        .context("the export has no id columns")?;
    let mut writer = csv::Writer::from_path(&path)?;
    writer.write_record(&headers)?;
    let mut written = 0;
    for record in reader.records().take(IMPORT_ROWS) {
        let record = record?;
        let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
        for &i in &ids {
            let id: i64 = cells[i].parse().context("an id in the export")?;
            cells[i] = (id + ID_OFFSET).to_string();
        }
        writer.write_record(&cells)?;
        written += 1;
    }
    writer.flush()?;
    if written < IMPORT_ROWS {
        bail!("the generated export had only {written} rows");
    }
    Ok(path)
}
