//! `src/schema.rs` is what `diesel print-schema` prints of a freshly migrated database, through
//! `diesel.toml` (its filter and `src/schema.patch`): a migration whose tables the file does
//! not follow fails here, and so does a hand edit that the patch does not make.

use std::path::Path;
use std::process::Command;

use diesel::connection::SimpleConnection;

use crate::common::TestApp;

#[test]
fn the_schema_file_is_what_diesel_prints_of_the_migrated_database() -> anyhow::Result<()> {
    if !diesel_cli_found()? {
        return Ok(());
    }
    let app = TestApp::new()?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // What it printed is left in target/schema.rs for `cp` to take (README: "Where schema.rs
    // comes from"); an earlier run's goes first, so a failed print leaves nothing to copy.
    let fresh = root.join("target/schema.rs");
    match std::fs::remove_file(&fresh) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
        _ => {}
    }
    let printed = print_schema(&root.join("diesel.toml"), app.database_url(), &[])?;
    std::fs::write(&fresh, &printed)?;
    let file = std::fs::read_to_string(root.join("src/schema.rs"))?;
    anyhow::ensure!(
        printed == file,
        "src/schema.rs is not what diesel print-schema prints of the migrated database \
         (- the file, + printed):\n{}\n\nThe printed schema is in {}: \
         `cp target/schema.rs src/schema.rs` takes it. A deliberate edit goes into \
         src/schema.patch instead (README: \"Where schema.rs comes from\").",
        apart(&file, &printed),
        fresh.display()
    );
    Ok(())
}

/// `pay_value_count` has no primary key, so print-schema refuses it and the patch adds it by
/// hand: its columns are checked here against what print-schema prints of the table once it
/// has a key, in this test's own database (its columns outside the key are NOT NULL already,
/// so the key changes none of them).
#[test]
fn the_patched_in_pay_value_count_has_the_tables_columns() -> anyhow::Result<()> {
    if !diesel_cli_found()? {
        return Ok(());
    }
    let app = TestApp::new()?;
    app.conn()?.batch_execute(
        "TRUNCATE pay_value_count;
         ALTER TABLE pay_value_count ADD PRIMARY KEY (grouped_by, bucket, shard)",
    )?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // No diesel.toml: its filter leaves the table out and its patch fits only the whole file.
    let printed = print_schema(
        Path::new("/dev/null"),
        app.database_url(),
        &["--only-tables", "^pay_value_count$"],
    )?;
    let file = std::fs::read_to_string(root.join("src/schema.rs"))?;
    let (printed, kept) = (columns_of(&printed), columns_of(&file));
    assert!(
        !printed.is_empty(),
        "print-schema printed no pay_value_count"
    );
    assert_eq!(
        kept, printed,
        "pay_value_count's columns in src/schema.patch (left) are not the table's (right)"
    );
    Ok(())
}

/// Whether the `diesel` command runs; without it the test is skipped, except under CI, whose
/// `.ci/run` installs it.
fn diesel_cli_found() -> anyhow::Result<bool> {
    if Command::new("diesel").arg("--version").output().is_ok() {
        return Ok(true);
    }
    anyhow::ensure!(
        std::env::var_os("CI").is_none(),
        "CI must have diesel_cli (.ci/run installs it)"
    );
    eprintln!(
        "schema file test skipped: install diesel_cli as .ci/run does to run it \
         (cargo install diesel_cli --version 2.3.14 --no-default-features --features postgres)"
    );
    Ok(false)
}

/// What `diesel print-schema` prints of the database at `url`, with this config file, run from
/// the project's folder as a developer would.
fn print_schema(config: &Path, url: &str, args: &[&str]) -> anyhow::Result<String> {
    let out = Command::new("diesel")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("print-schema")
        .arg("--config-file")
        .arg(config)
        .args(["--database-url", url])
        .args(args)
        .output()?;
    anyhow::ensure!(
        out.status.success(),
        "diesel print-schema: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(String::from_utf8(out.stdout)?)
}

/// The column lines of `pay_value_count`'s `table!` in a schema file.
fn columns_of(schema: &str) -> Vec<&str> {
    schema
        .lines()
        .skip_while(|line| !line.trim_start().starts_with("pay_value_count ("))
        .skip(1)
        .take_while(|line| line.trim() != "}")
        .collect()
}

/// The lines between the first and the last that differ, `-` from `file` and `+` from
/// `printed`, at most 40 of each.
fn apart(file: &str, printed: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (file.lines().collect(), printed.lines().collect());
    let same_start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let same_end = a[same_start..]
        .iter()
        .rev()
        .zip(b[same_start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let side = |lines: &[&str], mark: char| -> Vec<String> {
        lines[same_start..lines.len() - same_end]
            .iter()
            .take(40)
            .map(|line| format!("{mark}{line}"))
            .collect()
    };
    let mut shown = vec![format!("@@ line {}", same_start + 1)];
    shown.extend(side(&a, '-'));
    shown.extend(side(&b, '+'));
    shown.join("\n")
}
