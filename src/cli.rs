//! The command line beside the server: import and export, on the same code paths as the web.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use diesel::{Connection, PgConnection};
use indicatif::{ProgressBar, ProgressStyle};

use crate::db::{migrate, resolve_database_url};
use crate::import::{self, ImportError};
use crate::models::{ImportBatch, NewImportBatch, PersonFilter, PersonSort};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a CSV file of companies, or of people with their pay reports. On any row error
    /// it prints the errors and writes nothing.
    Import {
        file: PathBuf,
        /// Print the preview and stop.
        #[arg(long)]
        dry_run: bool,
    },
    /// Manage the people who may log in.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Fill an empty database with realistic synthetic data, for trying the app at scale and
    /// for the benchmarks. The same seed gives the same data.
    Generate {
        /// How many people; each has one to five pay reports (three on average).
        #[arg(long)]
        people: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The currency exchange rates are written into: the server's reporting currency.
        #[arg(long, env = "TALENT_TRACKER_REPORTING_CURRENCY", default_value = "USD")]
        reporting_currency: String,
    },
    /// Write companies, people or pay reports as CSV.
    Export {
        what: ExportWhat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Create a user. The password is asked for on a terminal, else read as one line from
    /// standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
        /// The name shown in the app; the e-mail when not given.
        #[arg(long)]
        name: Option<String>,
    },
    /// List the users.
    List,
    /// Change a user's role.
    SetRole {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
    },
    /// Stop a user from logging in and end their sessions.
    Deactivate {
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportWhat {
    People,
    Companies,
    PayReports,
}

pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    let mut conn = connect()?;
    match command {
        Command::Import { file, dry_run } => import_file(&mut conn, file, dry_run),
        Command::Export { what, output } => export(&mut conn, what, output),
        Command::User { action } => crate::cli_users::run(&mut conn, action),
        Command::Generate {
            people,
            seed,
            reporting_currency,
        } => crate::cli_generate::run(
            &mut conn,
            &crate::generate::Options {
                people,
                seed,
                reporting_currency,
            },
        ),
    }
}

/// Who the audit and import batches name for work done from the command line.
fn command_line_actor() -> String {
    format!(
        "command line ({})",
        std::env::var("USER").unwrap_or_else(|_| "unknown user".into())
    )
}

/// The database as the server finds it, with pending migrations applied.
fn connect() -> anyhow::Result<PgConnection> {
    let mut conn = PgConnection::establish(&resolve_database_url()?)?;
    migrate::migrate_then(&mut conn, |_| Ok(()))?;
    crate::db::set_actor(&mut conn, &command_line_actor())?;
    Ok(conn)
}

fn export(
    conn: &mut PgConnection,
    what: ExportWhat,
    output: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let out: Box<dyn Write> = match &output {
        Some(path) => Box::new(std::fs::File::create(path)?),
        None => Box::new(std::io::stdout().lock()),
    };
    let out = std::io::BufWriter::new(out);
    let everyone = PersonFilter::default();
    let rows = match what {
        ExportWhat::Companies => crate::export::companies(conn, None, None, out)?,
        ExportWhat::People => crate::export::people(conn, &everyone, PersonSort::Name, false, out)?,
        ExportWhat::PayReports => {
            crate::export::pay_reports(conn, &everyone, PersonSort::Name, false, out)?
        }
    };
    if let Some(path) = output {
        eprintln!("Wrote {rows} rows to {}.", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn import_file(conn: &mut PgConnection, file: PathBuf, dry_run: bool) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(&file)?;
    let plan = match import::parse(&bytes) {
        Ok(parsed) => import::plan(conn, parsed)?,
        Err(ImportError::Refused(why)) => {
            eprintln!("{}: {why}", file.display());
            return Ok(ExitCode::FAILURE);
        }
        Err(ImportError::Database(e)) => return Err(e.into()),
    };
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
    if !plan.errors.is_empty() {
        for e in &plan.errors {
            let column = if e.column.is_empty() {
                String::new()
            } else {
                format!(", column {}", e.column)
            };
            eprintln!("line {}{column}: {}", e.line, e.message);
        }
        eprintln!("{} errors: nothing was imported.", plan.errors.len());
        return Ok(ExitCode::FAILURE);
    }
    if dry_run {
        println!("Dry run: nothing was imported.");
        return Ok(ExitCode::SUCCESS);
    }
    let bar = ProgressBar::new(plan.rows as u64).with_style(ProgressStyle::with_template(
        "{bar:40} {pos}/{len} rows {elapsed}",
    )?);
    let file_name = file
        .file_name()
        .map_or_else(|| "import.csv".into(), |n| n.to_string_lossy().into_owned());
    let who = format!(
        "command line ({})",
        std::env::var("USER").unwrap_or_else(|_| "unknown user".into())
    );
    let applied = conn.transaction(|conn| {
        let batch = ImportBatch::insert(
            conn,
            &NewImportBatch {
                file_name: &file_name,
                kind: plan.kind.as_str(),
                status: "previewed",
                content: &bytes,
                imported_by: &who,
                rows_total: plan.rows as i32,
            },
        )?;
        import::apply(conn, &plan, batch.id, &mut |done| bar.inc(done))
            .map(|counts| (batch.id, counts))
    });
    bar.finish_and_clear();
    match applied {
        Ok((batch, counts)) => {
            println!(
                "Imported as batch {batch}: {} created, {} updated, {} skipped.",
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
