//! The app's own settings; Rocket's (ROCKET_PORT, Rocket.toml, ...) are read by Rocket.

use clap::Parser;

#[derive(Debug, Clone)]
pub struct AppConfig {
    pub database_url: String,
    pub pool_size: u32,
    /// Seed the demo data into an empty database.
    pub demo: bool,
}

/// Command-line options of the server. Each can also come from the environment.
#[derive(Debug, Parser)]
#[command(
    name = "talent-tracker",
    version,
    about = "Talent and compensation recruiting tracker"
)]
pub struct Cli {
    /// Start without the demo data, for people who bring their own.
    #[arg(long)]
    pub no_demo: bool,

    /// Seed demo data into an empty database.
    #[arg(long, env = "TALENT_TRACKER_DEMO", default_value_t = true, action = clap::ArgAction::Set, hide = true)]
    pub demo: bool,

    /// Connections kept to PostgreSQL. Two cores serve well with a handful.
    #[arg(long, env = "DATABASE_POOL_SIZE", default_value_t = 10)]
    pub pool_size: u32,
}

impl Cli {
    /// Finds the database (DATABASE_URL, or the local cluster, started if needed).
    pub fn into_config(self) -> anyhow::Result<AppConfig> {
        Ok(AppConfig {
            database_url: crate::db::resolve_database_url()?,
            pool_size: self.pool_size,
            demo: self.demo && !self.no_demo,
        })
    }
}
