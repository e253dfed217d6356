//! `talent-tracker export`: the CSV files of the list pages, unfiltered, in name order.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use diesel::PgConnection;

use crate::csv_format::Dialect;
use crate::models::{PersonFilter, PersonSort};

#[derive(Debug, Args)]
pub struct ExportArgs {
    what: ExportWhat,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// The spreadsheet it is for: `excel` (a UTF-8 byte-order mark), `excel-de` (also
    /// semicolons and decimal commas); plain CSV without it.
    #[arg(long = "for", value_name = "SPREADSHEET", value_parser = parse_dialect)]
    dialect: Option<Dialect>,
}

fn parse_dialect(key: &str) -> Result<Dialect, String> {
    Dialect::parse(key).ok_or_else(|| "choose excel or excel-de".to_owned())
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportWhat {
    People,
    Companies,
    PayReports,
}

pub fn run(conn: &mut PgConnection, args: ExportArgs) -> anyhow::Result<ExitCode> {
    let ExportArgs {
        what,
        output,
        dialect,
    } = args;
    let dialect = dialect.unwrap_or_default();
    let out: Box<dyn Write> = match &output {
        Some(path) => Box::new(std::fs::File::create(path)?),
        None => Box::new(std::io::stdout().lock()),
    };
    let out = std::io::BufWriter::new(out);
    let everyone = PersonFilter::default();
    let rows = match what {
        ExportWhat::Companies => crate::export::companies(conn, None, None, dialect, out)?,
        ExportWhat::People => {
            crate::export::people(conn, &everyone, PersonSort::Name, false, dialect, out)?
        }
        ExportWhat::PayReports => {
            crate::export::pay_reports(conn, &everyone, PersonSort::Name, false, dialect, out)?
        }
    };
    if let Some(path) = output {
        eprintln!("Wrote {rows} rows to {}.", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
