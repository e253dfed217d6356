//! Every migration's down.sql undoes its up.sql: on an empty database, each migration in turn
//! is applied, reverted and applied again, and the schema (`pg_dump --schema-only`) compared
//! each time.

use diesel::prelude::*;
use diesel_migrations::MigrationHarness;
use talent_tracker::db::migrate::MIGRATIONS;

use crate::common::{TestApp, pg_dump};

/// The schema as pg_dump writes it, without the random key of its `\restrict` lines.
fn schema(url: &str) -> anyhow::Result<String> {
    let dump = pg_dump(url, &["--schema-only"])?;
    Ok(dump
        .lines()
        .filter(|line| !line.starts_with("\\restrict") && !line.starts_with("\\unrestrict"))
        .collect::<Vec<_>>()
        .join("\n"))
}

#[test]
fn every_migrations_down_undoes_its_up() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let url = app.empty_database("tt_down")?;
    let mut conn = PgConnection::establish(&url)?;
    let run = |e| anyhow::anyhow!("{e}");
    let mut differing = Vec::new();
    while conn.has_pending_migration(MIGRATIONS).map_err(run)? {
        let before = schema(&url)?;
        let version = conn
            .run_next_migration(MIGRATIONS)
            .map_err(run)?
            .to_string();
        let after = schema(&url)?;
        conn.revert_last_migration(MIGRATIONS).map_err(run)?;
        let reverted = schema(&url)?;
        if reverted != before {
            differing.push(format!(
                "{version}: down.sql leaves another schema than before:\n{}",
                lines_apart(&before, &reverted)
            ));
        }
        conn.run_next_migration(MIGRATIONS).map_err(run)?;
        let again = schema(&url)?;
        if again != after {
            differing.push(format!(
                "{version}: up.sql after down.sql makes another schema:\n{}",
                lines_apart(&after, &again)
            ));
        }
    }
    assert!(differing.is_empty(), "{}", differing.join("\n"));
    Ok(())
}

/// The lines only one of two dumps has, marked `-` (the first) and `+` (the second).
fn lines_apart(first: &str, second: &str) -> String {
    let only = |a: &str, b: &str, mark: char| -> Vec<String> {
        let theirs: std::collections::HashSet<&str> = b.lines().collect();
        a.lines()
            .filter(|line| !theirs.contains(line))
            .map(|line| format!("{mark} {line}"))
            .collect()
    };
    [only(first, second, '-'), only(second, first, '+')]
        .concat()
        .join("\n")
}
