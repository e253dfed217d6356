//! Reaching PostgreSQL: the connection pool, migrations, and the local cluster of the default
//! setup.

pub mod local;
pub mod migrate;

use std::time::Duration;

use diesel::PgConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};

use crate::error::AppError;

pub type PgPool = Pool<ConnectionManager<PgConnection>>;
pub type DbConn = PooledConnection<ConnectionManager<PgConnection>>;

/// How the app reaches its database: DATABASE_URL, or the local cluster of the default setup.
pub fn resolve_database_url() -> anyhow::Result<String> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Ok(url),
        _ => Ok(local::ensure_running(&local::default_data_dir())?.url(local::APP_DATABASE)),
    }
}

/// A bounded pool: a request waits at most `CHECKOUT_TIMEOUT` for a connection, so an
/// unreachable database answers 503 quickly instead of piling requests up.
pub fn pool(url: &str, max_size: u32) -> anyhow::Result<PgPool> {
    const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(5);
    Ok(Pool::builder()
        .max_size(max_size)
        .min_idle(Some(0))
        .connection_timeout(CHECKOUT_TIMEOUT)
        .connection_customizer(Box::new(SessionSettings))
        .build_unchecked(ConnectionManager::new(url)))
}

/// Per-connection settings: one slow query must not hold a pooled connection for long.
#[derive(Debug)]
struct SessionSettings;

impl CustomizeConnection<PgConnection, diesel::r2d2::Error> for SessionSettings {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), diesel::r2d2::Error> {
        use diesel::connection::SimpleConnection;
        // work_mem: reports sort and aggregate millions of rows; PostgreSQL's 4 MB default
        // spills them to disk. A pool of ten at 32 MB each is a small share of a 2-core,
        // 24 GiB machine.
        conn.batch_execute(
            "SET statement_timeout = '30s'; SET work_mem = '32MB'; SET TIME ZONE 'UTC'",
        )
        .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// The pool as Rocket managed state. Diesel is blocking, so every query runs on Tokio's
/// blocking threads and never stalls the async workers.
pub struct Db(pub PgPool);

impl Db {
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.0.clone();
        rocket::tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(AppError::Unavailable)?;
            work(&mut conn)
        })
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("database task failed: {e}")))?
    }

    /// Runs `work` with `actor` named as who made its changes: the audit triggers read it.
    /// The setting is cleared again before the connection goes back to the pool.
    pub async fn run_as<T, F>(&self, actor: &str, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let actor = actor.to_owned();
        self.run(move |conn| {
            set_actor(conn, &actor)?;
            let result = work(conn);
            set_actor(conn, "")?;
            result
        })
        .await
    }
}

/// Names who makes the changes on this connection from now on (see the audit migration).
pub fn set_actor(conn: &mut PgConnection, actor: &str) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    diesel::sql_query("SELECT set_config('talent_tracker.actor', $1, false)")
        .bind::<diesel::sql_types::Text, _>(actor)
        .execute(conn)
        .map(drop)
}
