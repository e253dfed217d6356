//! Reaching PostgreSQL: the connection pool, migrations, and the local cluster of the default
//! setup.

pub mod local;
mod location;
pub mod migrate;

pub use location::{DatabaseLocation, locate};

use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use diesel::PgConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};

use crate::error::AppError;

pub type PgPool = Pool<ConnectionManager<PgConnection>>;
pub type DbConn = PooledConnection<ConnectionManager<PgConnection>>;

/// How long a request waits for a pooled connection before answering 503, when the pool is
/// busy with live connections (overload: reports hold connections for seconds). An
/// unreachable database is noticed within one `CHECKOUT_SLICE` instead.
const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(5);
/// How often a request waiting for a connection checks whether the database was found down.
const CHECKOUT_SLICE: Duration = Duration::from_millis(100);
/// While the database is down, one request in this interval tries it again; the others answer
/// 503 at once instead of waiting.
const PROBE_EVERY: Duration = Duration::from_millis(200);

/// libpq waits for a TCP connection as long as the OS does (minutes, for a host that drops
/// packets); connection attempts give up after this many seconds unless the URL says otherwise.
const CONNECT_TIMEOUT_SECONDS: u32 = 2;

fn with_connect_timeout(url: &str) -> String {
    if url.contains("connect_timeout") {
        url.to_owned()
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let joiner = if url.contains('?') { '&' } else { '?' };
        format!("{url}{joiner}connect_timeout={CONNECT_TIMEOUT_SECONDS}")
    } else {
        format!("{url} connect_timeout={CONNECT_TIMEOUT_SECONDS}")
    }
}

/// A bounded pool: a request waits at most `CHECKOUT_TIMEOUT` for a connection.
pub fn pool(url: &str, max_size: u32) -> anyhow::Result<PgPool> {
    let url = with_connect_timeout(url);
    Ok(Pool::builder()
        .max_size(max_size)
        .min_idle(Some(0))
        .connection_timeout(CHECKOUT_TIMEOUT)
        .connection_customizer(Box::new(SessionSettings))
        .build_unchecked(ConnectionManager::new(&url)))
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

/// The database as Rocket managed state: a pool, and what we know of the server's health.
/// Diesel is blocking, so every query runs on Tokio's blocking threads and never stalls the
/// async workers.
///
/// When PostgreSQL goes away, waiting on the pool would hold every request for the checkout
/// timeout. Instead the first failure marks the database down; from then on requests answer
/// 503 at once, and one request per `PROBE_EVERY` tries a fresh connection. The first that
/// succeeds replaces the pool (whose connections all died, and whose reconnect attempts may
/// be sleeping in r2d2's backoff) and lets traffic through again.
#[derive(Clone)]
pub struct Db(Arc<Shared>);

struct Shared {
    url: String,
    size: u32,
    pool: RwLock<PgPool>,
    /// Set while the database is down: when it was last tried.
    down: Mutex<Option<Instant>>,
}

enum Gate {
    Open,
    /// Down, and this request is the one to try again.
    Probe,
    Closed,
}

impl Db {
    pub fn new(url: &str, size: u32) -> anyhow::Result<Db> {
        Ok(Db(Arc::new(Shared {
            url: url.to_owned(),
            size,
            pool: RwLock::new(pool(url, size)?),
            down: Mutex::new(None),
        })))
    }

    /// The current pool (a cheap handle).
    pub fn pool(&self) -> PgPool {
        self.0
            .pool
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    fn down(&self) -> std::sync::MutexGuard<'_, Option<Instant>> {
        self.0
            .down
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn gate(&self) -> Gate {
        let mut down = self.down();
        match *down {
            None => Gate::Open,
            Some(tried) if tried.elapsed() < PROBE_EVERY => Gate::Closed,
            Some(_) => {
                *down = Some(Instant::now());
                Gate::Probe
            }
        }
    }

    fn mark_down(&self) {
        let mut down = self.down();
        if down.is_none() {
            log::warn!("the database is unreachable; answering 503 until it is back");
            *down = Some(Instant::now());
        }
    }

    /// Blocking: a fresh connection proves the database is back; then a fresh pool replaces
    /// the dead one.
    fn probe(&self) -> Result<(), AppError> {
        use diesel::Connection;
        PgConnection::establish(&with_connect_timeout(&self.0.url))
            .map_err(|_| AppError::DatabaseDown)?;
        let fresh = pool(&self.0.url, self.0.size).map_err(AppError::Internal)?;
        *self
            .0
            .pool
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = fresh;
        *self.down() = None;
        log::warn!("the database is back");
        Ok(())
    }

    /// Blocking: a connection from the pool, through the health gate.
    fn checkout_blocking(&self, gate: Gate) -> Result<DbConn, AppError> {
        match gate {
            Gate::Closed => return Err(AppError::DatabaseDown),
            Gate::Probe => self.probe()?,
            Gate::Open => {}
        }
        // Waits in slices, so a request queued when the database goes away learns it from the
        // request that noticed, instead of sitting out the whole timeout.
        let pool = self.pool();
        let deadline = Instant::now() + CHECKOUT_TIMEOUT;
        loop {
            match pool.get_timeout(CHECKOUT_SLICE) {
                Ok(conn) => return Ok(conn),
                Err(_) if self.down().is_some() => return Err(AppError::DatabaseDown),
                // r2d2 adds the last failed connection attempt to its timeout: the server is
                // unreachable, not merely busy.
                Err(e) if e.to_string().contains(": ") => {
                    self.mark_down();
                    return Err(AppError::Unavailable(e));
                }
                Err(e) if Instant::now() >= deadline => {
                    // No connection at all and none to be had also means unreachable; a busy
                    // pool of live connections is only busy.
                    if pool.state().connections == 0 {
                        self.mark_down();
                    }
                    return Err(AppError::Unavailable(e));
                }
                Err(_) => {}
            }
        }
    }

    /// A connection of its own for work that outlives one closure (a streamed download).
    pub async fn checkout(&self) -> Result<DbConn, AppError> {
        let gate = self.gate();
        if let Gate::Closed = gate {
            return Err(AppError::DatabaseDown);
        }
        let db = self.clone();
        rocket::tokio::task::spawn_blocking(move || db.checkout_blocking(gate))
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("database task failed: {e}")))?
    }

    /// Notes a failed query: a dropped connection means the database went away.
    pub fn observe<T>(&self, result: &Result<T, AppError>) {
        if let Err(AppError::Database(e)) = result
            && crate::error::is_outage(e)
        {
            self.mark_down();
        }
    }

    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let gate = self.gate();
        if let Gate::Closed = gate {
            return Err(AppError::DatabaseDown);
        }
        let db = self.clone();
        rocket::tokio::task::spawn_blocking(move || {
            let mut conn = db.checkout_blocking(gate)?;
            let result = work(&mut conn);
            db.observe(&result);
            result
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

/// Where reports and CSV exports read: `DATABASE_REPLICA_URL` when one is configured (a read
/// replica takes the heavy reads off the primary), else the primary itself.
#[derive(Clone)]
pub struct ReadDb(pub Db);

/// Names who makes the changes on this connection from now on (see the audit migration).
pub fn set_actor(conn: &mut PgConnection, actor: &str) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    diesel::sql_query("SELECT set_config('talent_tracker.actor', $1, false)")
        .bind::<diesel::sql_types::Text, _>(actor)
        .execute(conn)
        .map(drop)
}

#[cfg(test)]
mod tests {
    use super::with_connect_timeout;

    #[test]
    fn connection_attempts_get_a_timeout_unless_the_url_has_one() {
        assert_eq!(
            with_connect_timeout("postgres://u:p@db/app"),
            "postgres://u:p@db/app?connect_timeout=2"
        );
        assert_eq!(
            with_connect_timeout("postgres://db/app?sslmode=require"),
            "postgres://db/app?sslmode=require&connect_timeout=2"
        );
        assert_eq!(
            with_connect_timeout("postgres://db/app?connect_timeout=9"),
            "postgres://db/app?connect_timeout=9"
        );
        assert_eq!(
            with_connect_timeout("host=db dbname=app"),
            "host=db dbname=app connect_timeout=2"
        );
    }
}
