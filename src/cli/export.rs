//! `talent-tracker export`: the CSV files of the list pages, unfiltered, in name order.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use diesel::PgConnection;

use crate::models::{PersonFilter, PersonSort};

#[derive(Debug, Args)]
pub struct ExportArgs {
    what: ExportWhat,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportWhat {
    People,
    Companies,
    PayReports,
}

pub fn run(conn: &mut PgConnection, args: ExportArgs) -> anyhow::Result<ExitCode> {
    let ExportArgs { what, output } = args;
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
