//! Each report page against every statement it ran, run alone through psql.

use anyhow::bail;

use super::psql_seconds;
use crate::support::{Client, Cluster, median, time};
use crate::{DATABASE, Document};

pub fn section(
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
        std::fs::write(
            &script,
            format!("SET work_mem = '32MB'; SET jit = off;\n{sql}"),
        )?;
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
