//! The command line: the one `Cli` with its subcommands, and what each runs. Without a
//! subcommand it starts the server; the subcommands work on the same database, on the same code
//! paths as the web.

mod export;
mod generate;
mod import;
mod serve;
mod user;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use diesel::{Connection, PgConnection};

use crate::db::{self, migrate};

/// The whole command line: the server with its settings, or one of the subcommands.
#[derive(Debug, Parser)]
#[command(
    name = "talent-tracker",
    version,
    about = "Talent and compensation recruiting tracker"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    settings: serve::Settings,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import a CSV file of companies, or of people with their pay reports. On any row error
    /// it prints the errors and writes nothing.
    Import(import::ImportArgs),
    /// Manage the people who may log in.
    User {
        #[command(subcommand)]
        action: user::UserAction,
    },
    /// Fill an empty database with realistic synthetic data, for trying the app at scale and
    /// for the benchmarks. The same seed gives the same data.
    Generate(generate::GenerateArgs),
    /// Write companies, people or pay reports as CSV.
    Export(export::ExportArgs),
}

/// Declared once for the server and `generate`, which writes exchange rates into the currency
/// the server reports in. Not global: the other subcommands have no use for it.
#[derive(Debug, Args)]
struct ReportingCurrencyArg {
    /// The currency reports are in; exchange rates convert other currencies into it.
    #[arg(long, env = "TALENT_TRACKER_REPORTING_CURRENCY", default_value = "USD")]
    reporting_currency: String,
}

/// Runs what the command line asks for: a subcommand, or else the server.
pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let Some(command) = cli.command else {
        return serve::serve(cli.settings).await;
    };
    let conn = &mut connect()?;
    match command {
        Command::Import(args) => import::run(conn, args),
        Command::Export(args) => export::run(conn, args),
        Command::User { action } => user::run(conn, action),
        Command::Generate(args) => generate::run(conn, args),
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
    let mut conn = PgConnection::establish(&db::locate()?.url)?;
    migrate::migrate_then(&mut conn, |_| Ok(()))?;
    db::set_actor(&mut conn, &command_line_actor())?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn the_server_and_generate_take_the_same_reporting_currency_flag() -> anyhow::Result<()> {
        let server = Cli::try_parse_from(["talent-tracker", "--reporting-currency", "EUR"])?;
        assert_eq!(server.settings.currency.reporting_currency, "EUR");
        let generate = Cli::try_parse_from([
            "talent-tracker",
            "generate",
            "--people",
            "1",
            "--reporting-currency",
            "GBP",
        ])?;
        let Some(Command::Generate(args)) = generate.command else {
            anyhow::bail!("not parsed as generate: {:?}", generate.command);
        };
        assert_eq!(args.currency.reporting_currency, "GBP");
        Ok(())
    }
}
