//! `talent-tracker import`: the web's preview and confirmation in one go, with a progress bar.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use diesel::PgConnection;
use indicatif::{ProgressBar, ProgressStyle};

use crate::import::{self, Counts, ImportError, Importer, Intent, Plan};

#[derive(Debug, Args)]
pub struct ImportArgs {
    file: PathBuf,
    /// Print the preview and stop.
    #[arg(long)]
    dry_run: bool,
    /// Import the valid rows and skip the rows with errors (which are listed), as the web's
    /// "Import the valid rows" does; still one transaction.
    #[arg(long, conflicts_with = "dry_run")]
    skip_errors: bool,
}

/// How far an import got; what went wrong was printed already.
enum Outcome {
    Stopped(ExitCode),
    Imported {
        batch: i64,
        counts: Counts,
        summary: String,
    },
}

/// `actor` names who imports, as the audit does.
pub fn run(conn: &mut PgConnection, args: ImportArgs, actor: &str) -> anyhow::Result<ExitCode> {
    let ImportArgs {
        file,
        dry_run,
        skip_errors,
    } = args;
    let bytes = std::fs::read(&file)?;
    let file_name = file
        .file_name()
        .map_or_else(|| "import.csv".into(), |n| n.to_string_lossy().into_owned());
    let intent = if dry_run {
        Intent::DryRun
    } else if skip_errors {
        Intent::ApplyValidRows
    } else {
        Intent::Apply
    };
    // One transaction: a batch whose rows fail to apply is not kept. Its statements have the
    // web import's budget for a file of this size.
    let outcome = import::within_budget(conn, import::rows_at_most(&bytes), |conn| {
        let preview = match import::preview(
            conn,
            &file_name,
            &bytes,
            Importer {
                name: actor,
                user_id: None,
                role: None,
            },
            intent,
        ) {
            Err(ImportError::Refused(why)) => {
                eprintln!("{}: {why}", file.display());
                return Ok(Outcome::Stopped(ExitCode::FAILURE));
            }
            preview => preview?,
        };
        let plan = &preview.plan;
        describe(&file, plan);
        if !plan.errors.is_empty() {
            print_errors(plan);
            if !skip_errors {
                eprintln!("{} errors: nothing was imported.", plan.errors.len());
                return Ok(Outcome::Stopped(ExitCode::FAILURE));
            }
            match plan.lines_with_errors() {
                1 => eprintln!("Skipping 1 row with errors."),
                n => eprintln!("Skipping {n} rows with errors."),
            }
        }
        // A clean file has its batch unless this is a dry run.
        let Some(batch) = preview.batch_id else {
            println!("Dry run: nothing was imported.");
            return Ok(Outcome::Stopped(ExitCode::SUCCESS));
        };
        let bar = ProgressBar::new(plan.rows as u64).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} rows {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        let applied = import::apply(conn, plan, batch, skip_errors, &mut |done| bar.inc(done));
        bar.finish_and_clear();
        Ok(Outcome::Imported {
            batch,
            counts: applied?,
            summary: plan.summary(),
        })
    });
    match outcome {
        Ok(Outcome::Stopped(code)) => Ok(code),
        Ok(Outcome::Imported {
            batch,
            counts,
            summary,
        }) => {
            println!(
                "Imported as batch {batch}: {summary} ({} created, {} updated, {} skipped).",
                counts.created, counts.updated, counts.skipped
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportError::Refused(why)) => {
            eprintln!("{why}");
            Ok(ExitCode::FAILURE)
        }
        Err(ImportError::Database(e)) => Err(e.into()),
    }
}

/// The preview: what the file is and what it would change.
fn describe(file: &Path, plan: &Plan) {
    let counts = plan.counts();
    println!(
        "{}: a file of {} with {} rows: {} to create, {} to update, {} to skip.",
        file.display(),
        plan.kind.as_str(),
        plan.rows,
        counts.created,
        counts.updated,
        counts.skipped
    );
    if !plan.new_companies.is_empty() {
        println!("Companies to create: {}.", plan.new_companies.join(", "));
    }
    if !plan.ignored_columns.is_empty() {
        println!("Columns ignored: {}.", plan.ignored_columns.join(", "));
    }
    // Likely duplicates do not stop the import; they are listed to review first.
    for mark in &plan.duplicates {
        let stored = mark
            .stored
            .iter()
            .map(|d| format!("{} (id {}, {})", d.full_name, d.id, d.reason()));
        let in_file = mark.in_file.iter().map(|line| format!("line {line}"));
        let alike: Vec<String> = stored.chain(in_file).collect();
        println!(
            "Likely duplicate: line {} ({}) may be {}.",
            mark.line,
            mark.full_name,
            alike.join("; ")
        );
    }
    if plan.duplicates_unchecked > 0 {
        println!(
            "Only the first {} new people were checked for duplicates; the other {} were not.",
            crate::import::CHECKED_NEW_PEOPLE,
            plan.duplicates_unchecked
        );
    }
}

fn print_errors(plan: &Plan) {
    for e in &plan.errors {
        eprintln!("{}: {}", e.place(), e.message);
    }
}
