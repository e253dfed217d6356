//! Sections of `cargo bench --bench benchmarks` kept in files of their own.

use anyhow::bail;

use crate::support::{Cluster, time};

pub mod duckdb;
pub mod export;
pub mod import;
pub mod people;
pub mod reports;
pub mod saves;
pub mod writes;

/// A text cell as the app's CSV writes it: a leading quote guards what a spreadsheet would
/// take for a formula (`csv_format::escape_text`).
pub fn csv_text(text: &str) -> String {
    if text
        .trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
    {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Runs psql on a script file (or a command) and returns the wall-clock seconds.
pub fn psql_seconds(cluster: &Cluster, database: &str, args: &[&str]) -> anyhow::Result<f64> {
    let (seconds, out) = time(|| Ok(cluster.psql(database).args(args).output()?))?;
    if !out.status.success() {
        bail!("psql failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(seconds)
}
