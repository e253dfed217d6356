//! The command line: the one `Cli` with its subcommands, and what each runs. Without a
//! subcommand it starts the server; the subcommands work on the same database, on the same code
//! paths as the web.

mod export;
mod generate;
mod import;
mod serve;
mod token;
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

    /// Who the audit names for a subcommand's changes: your e-mail as a user of the app
    /// (shown with your name); without it, the system user running the command.
    #[arg(
        long = "as",
        global = true,
        env = "TALENT_TRACKER_AS",
        value_name = "EMAIL"
    )]
    acting_as: Option<String>,
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
    /// Manage personal API tokens.
    Token {
        #[command(subcommand)]
        action: token::TokenAction,
    },
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
    let actor = command_line_actor(cli.acting_as);
    let conn = &mut connect(&actor)?;
    match command {
        Command::Import(args) => import::run(conn, args, &actor),
        Command::Export(args) => export::run(conn, args),
        Command::User { action } => user::run(conn, action),
        Command::Generate(args) => generate::run(conn, args),
        Command::Token { action } => token::run(conn, action),
    }
}

/// Who the audit and import batches name for work done from the command line: the user given
/// with `--as`, else the system user (from the environment, else the process's own uid, which
/// cron and containers leave without USER).
fn command_line_actor(acting_as: Option<String>) -> String {
    let os_user = || {
        ["USER", "LOGNAME"]
            .into_iter()
            .find_map(|var| std::env::var(var).ok().filter(|v| !v.is_empty()))
            .or_else(|| {
                let uid = nix::unistd::getuid();
                nix::unistd::User::from_uid(uid)
                    .ok()
                    .flatten()
                    .map_or_else(|| Some(format!("uid {uid}")), |user| Some(user.name))
            })
    };
    let who = acting_as
        .map(|email| email.trim().to_owned())
        .filter(|e| !e.is_empty());
    format!(
        "command line ({})",
        who.or_else(os_user)
            .unwrap_or_else(|| "unknown user".into())
    )
}

/// The database as the server finds it, with pending migrations applied.
fn connect(actor: &str) -> anyhow::Result<PgConnection> {
    let mut conn = PgConnection::establish(&db::locate()?.url)?;
    migrate::migrate_then(&mut conn, |_| Ok(()))?;
    db::set_actor(&mut conn, actor)?;
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
