//! Where the app's database is: DATABASE_URL, or the local cluster of the default setup.

use std::path::PathBuf;

use super::local;

/// A database found, and whether it is the local cluster.
#[derive(Debug, Clone)]
pub struct DatabaseLocation {
    pub url: String,
    /// The local cluster's data folder, in the default setup (no DATABASE_URL): the server
    /// keeps its generated secret key there.
    pub local_data_dir: Option<PathBuf>,
}

/// The one reader of DATABASE_URL; without it, the local cluster is started if needed.
pub fn locate() -> anyhow::Result<DatabaseLocation> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Ok(DatabaseLocation {
            url,
            local_data_dir: None,
        }),
        _ => {
            let data_dir = local::default_data_dir();
            let url = local::ensure_running(&data_dir)?.url(local::APP_DATABASE);
            Ok(DatabaseLocation {
                url,
                local_data_dir: Some(data_dir),
            })
        }
    }
}
