//! Starts the server.

use clap::Parser;
use talent_tracker::config::Cli;

#[rocket::main]
async fn main() {
    let cli = Cli::parse();
    let launched = match cli.into_config().and_then(talent_tracker::app) {
        Ok(app) => app.launch().await.map(drop).map_err(anyhow::Error::from),
        Err(e) => Err(e),
    };
    if let Err(e) = launched {
        eprintln!("talent-tracker could not start: {e:#}");
        std::process::exit(1);
    }
}
