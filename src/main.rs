//! Starts the server, or runs a command-line subcommand (see `talent_tracker::cli`).

use std::process::ExitCode;

use clap::Parser;
use talent_tracker::cli::{self, Cli};

#[rocket::main]
async fn main() -> ExitCode {
    cli::run(Cli::parse()).await.unwrap_or_else(|e| {
        eprintln!("talent-tracker: {e:#}");
        ExitCode::FAILURE
    })
}
