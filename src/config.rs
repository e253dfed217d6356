//! The app's own settings; Rocket's (ROCKET_PORT, Rocket.toml, ...) are read by Rocket.

use clap::Parser;

use crate::domain::Currency;

#[derive(Debug, Clone)]
pub struct AppConfig {
    pub database_url: String,
    /// A read replica for reports and CSV exports (`DATABASE_REPLICA_URL`); the primary
    /// serves them when there is none.
    pub replica_url: Option<String>,
    pub pool_size: u32,
    /// Seed the demo data into an empty database.
    pub demo: bool,
    /// The currency reports convert every pay figure into (ISO 4217).
    pub reporting_currency: String,
    pub import_limit: ImportLimit,
    /// The key for private cookies in the default local setup, kept in its data folder.
    pub secret_key: Option<String>,
}

/// The largest CSV file the import takes.
#[derive(Debug, Clone, Copy)]
pub struct ImportLimit(pub u64);

impl ImportLimit {
    pub fn bytes(self) -> u64 {
        self.0 * 1024 * 1024
    }

    pub fn mib(&self) -> u64 {
        self.0
    }
}

/// The reporting currency, as Rocket managed state for the report and exchange-rate pages.
#[derive(Debug, Clone)]
pub struct ReportingCurrency(pub String);

/// Command-line options of the server. Each can also come from the environment.
#[derive(Debug, Parser)]
#[command(
    name = "talent-tracker",
    version,
    about = "Talent and compensation recruiting tracker"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<crate::cli::Command>,

    /// Start without the demo data, for people who bring their own.
    #[arg(long)]
    pub no_demo: bool,

    /// Seed demo data into an empty database.
    #[arg(long, env = "TALENT_TRACKER_DEMO", default_value_t = true, action = clap::ArgAction::Set, hide = true)]
    pub demo: bool,

    /// The currency reports are in; exchange rates convert other currencies into it.
    #[arg(long, env = "TALENT_TRACKER_REPORTING_CURRENCY", default_value = "USD")]
    pub reporting_currency: String,

    /// The largest CSV file the web import takes, in MiB.
    #[arg(long, env = "TALENT_TRACKER_IMPORT_LIMIT_MIB", default_value_t = 20)]
    pub import_limit_mib: u64,

    /// A read replica of the database, for reports and CSV exports.
    #[arg(long, env = "DATABASE_REPLICA_URL")]
    pub database_replica_url: Option<String>,

    /// Connections kept to PostgreSQL. Two cores serve well with a handful.
    #[arg(long, env = "DATABASE_POOL_SIZE", default_value_t = 10)]
    pub pool_size: u32,
}

impl Cli {
    /// Finds the database (DATABASE_URL, or the local cluster, started if needed).
    pub fn into_config(self) -> anyhow::Result<AppConfig> {
        let reporting_currency = Currency::parse(&self.reporting_currency)
            .map_err(|e| anyhow::anyhow!("TALENT_TRACKER_REPORTING_CURRENCY: {e}"))?
            .into_inner();
        let local = std::env::var("DATABASE_URL").map_or(true, |url| url.trim().is_empty());
        Ok(AppConfig {
            secret_key: if local {
                Some(crate::db::local::secret_key(
                    &crate::db::local::default_data_dir(),
                )?)
            } else {
                None
            },
            reporting_currency,
            import_limit: ImportLimit(self.import_limit_mib),
            database_url: crate::db::resolve_database_url()?,
            replica_url: self
                .database_replica_url
                .filter(|url| !url.trim().is_empty()),
            pool_size: self.pool_size,
            demo: self.demo && !self.no_demo,
        })
    }
}
