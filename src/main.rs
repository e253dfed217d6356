//! Starts the server, or runs a command-line import or export.

use std::process::ExitCode;

use clap::Parser;
use talent_tracker::config::Cli;

#[rocket::main]
async fn main() -> ExitCode {
    let mut cli = Cli::parse();
    let outcome = match cli.command.take() {
        Some(command) => talent_tracker::cli::run(command),
        None => serve(cli).await.map(|()| ExitCode::SUCCESS),
    };
    outcome.unwrap_or_else(|e| {
        eprintln!("talent-tracker: {e:#}");
        ExitCode::FAILURE
    })
}

async fn serve(cli: Cli) -> anyhow::Result<()> {
    let app = talent_tracker::app(cli.into_config()?)?;
    app.launch().await?;
    Ok(())
}
