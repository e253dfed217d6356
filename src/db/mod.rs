//! Reaching PostgreSQL: the pool behind `Db` with its outage gate (and a read replica's way
//! back to the primary), migrations, and the local cluster of the default setup.

mod connect;
pub mod health;
pub mod local;
mod location;
pub mod migrate;
pub mod name_keys;
pub mod sql;

pub use location::{DatabaseLocation, locate};

use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use diesel::PgConnection;
use diesel::r2d2::{ConnectionManager, Pool, PooledConnection};
use rocket::tokio::sync::{OwnedSemaphorePermit, Semaphore};

use self::connect::{CHECKOUT_TIMEOUT, with_connect_timeout};
use self::health::{ConnectWatch, Outage};
use crate::error::AppError;

pub type PgPool = Pool<ConnectionManager<PgConnection>>;
pub type DbConn = PooledConnection<ConnectionManager<PgConnection>>;

/// How often a request waiting for a connection checks whether the database was found down.
const CHECKOUT_SLICE: Duration = Duration::from_millis(100);
/// While the database is down, one request in this interval tries it again; the others answer
/// 503 at once instead of waiting (or, for a read replica, read the primary).
const PROBE_EVERY: Duration = Duration::from_millis(200);

/// The database as Rocket managed state: a pool, and what we know of the server's health.
/// Diesel is blocking, so every query runs on Tokio's blocking threads and never stalls the
/// async workers.
///
/// When PostgreSQL goes away, waiting on the pool would hold every request for the checkout
/// timeout. Instead the first failure marks the database down; from then on requests answer
/// 503 at once, and one request per `PROBE_EVERY` tries a fresh connection. The first that
/// succeeds replaces the pool (whose connections all died, and whose reconnect attempts may
/// be sleeping in r2d2's backoff) and lets traffic through again. A read replica that is down
/// hands its requests to the primary instead of answering 503.
#[derive(Clone)]
pub struct Db(Arc<Shared>);

struct Shared {
    url: String,
    size: u32,
    /// The pool, and what its connection attempts found (replaced together).
    pool: RwLock<(PgPool, ConnectWatch)>,
    /// Set while the database is down: when it was last tried.
    down: Mutex<Option<Instant>>,
    /// For a read replica, its primary: where reads go while the replica is down.
    fallback: Option<Db>,
    /// One permit per pooled connection, handed out in the order requests asked (Tokio's
    /// semaphore is fair). r2d2 gives a returned connection to whichever waiter wakes first,
    /// and a request waiting in `CHECKOUT_SLICE`s joins the back again after each one, so
    /// under load some waited several times as long as others (the load test's p99 was more
    /// than twice its median). Waiting here also holds no blocking thread.
    turns: Arc<Semaphore>,
}

enum Gate {
    Open,
    /// Down, and this request is the one to try again.
    Probe,
    Closed,
}

impl Db {
    pub fn new(url: &str, size: u32) -> anyhow::Result<Db> {
        Ok(Db::build(url, size, None))
    }

    /// A read replica at `url`: while it is down, reads go to `primary`.
    pub fn replica(url: &str, size: u32, primary: Db) -> anyhow::Result<Db> {
        Ok(Db::build(url, size, Some(primary)))
    }

    fn build(url: &str, size: u32, fallback: Option<Db>) -> Db {
        let watch = ConnectWatch::default();
        Db(Arc::new(Shared {
            url: url.to_owned(),
            size,
            pool: RwLock::new((connect::pool(url, size, &watch), watch)),
            down: Mutex::new(None),
            fallback,
            turns: Arc::new(Semaphore::new(size as usize)),
        }))
    }

    /// The current pool (a cheap handle).
    pub fn pool(&self) -> PgPool {
        self.watched_pool().0
    }

    fn watched_pool(&self) -> (PgPool, ConnectWatch) {
        self.0
            .pool
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// What the log calls this database.
    fn name(&self) -> &'static str {
        match self.0.fallback {
            Some(_) => "the read replica",
            None => "the database",
        }
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
            // Once per outage: the probes and the requests in between stay quiet.
            match self.0.fallback {
                None => log::warn!("the database is unreachable; answering 503 until it is back"),
                Some(_) => log::warn!(
                    "the read replica is unreachable; reports and exports read the primary \
                     until it is back"
                ),
            }
            *down = Some(Instant::now());
        }
    }

    /// Blocking: a fresh connection proves the database is back; then a fresh pool replaces
    /// the dead one.
    fn probe(&self) -> Result<(), AppError> {
        use diesel::Connection;
        PgConnection::establish(&with_connect_timeout(&self.0.url))
            .map_err(|_| AppError::DatabaseDown)?;
        let watch = ConnectWatch::default();
        let fresh = connect::pool(&self.0.url, self.0.size, &watch);
        *self
            .0
            .pool
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = (fresh, watch);
        *self.down() = None;
        log::warn!("{} is back", self.name());
        Ok(())
    }

    /// Waits for this request's turn at the pool, or `None` when the database was found down
    /// meanwhile or `deadline` passed: the checkout then answers as it would without one.
    async fn turn(&self, deadline: Instant) -> Option<OwnedSemaphorePermit> {
        let mut turn = std::pin::pin!(self.0.turns.clone().acquire_owned());
        loop {
            // The same future is polled again after each slice, so the place in line is kept.
            match rocket::tokio::time::timeout(CHECKOUT_SLICE, &mut turn).await {
                Ok(permit) => return permit.ok(),
                Err(_) if self.down().is_some() || Instant::now() >= deadline => return None,
                Err(_) => {}
            }
        }
    }

    /// Blocking: a connection from the pool, through the health gate.
    fn checkout_blocking(&self, gate: Gate, deadline: Instant) -> Result<DbConn, AppError> {
        match gate {
            Gate::Closed => return Err(AppError::DatabaseDown),
            Gate::Probe => self.probe()?,
            Gate::Open => {}
        }
        // Waits in slices, so a request queued when the database goes away learns it from the
        // request that noticed, instead of sitting out the whole timeout.
        let (pool, attempts) = self.watched_pool();
        loop {
            match pool.get_timeout(CHECKOUT_SLICE) {
                Ok(conn) => return Ok(conn),
                Err(_) if self.down().is_some() => return Err(AppError::DatabaseDown),
                // The pool's last connection attempt failed: the server is unreachable, not
                // merely busy.
                Err(e) if attempts.unreachable() => {
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

    /// Blocking: a connection, and the database it came from. A read replica found down
    /// hands over to its primary; one that is only busy does not, so that a burst of reports
    /// cannot spill onto the connections pages and writes need. (Found down here, at the start
    /// of an outage, the request takes a primary connection without waiting in the primary's
    /// line; once the replica is known down, `with_connection` sends its work there first.)
    fn connect_blocking(&self, gate: Gate, deadline: Instant) -> Result<(DbConn, &Db), AppError> {
        match (self.checkout_blocking(gate, deadline), &self.0.fallback) {
            (Err(e), Some(primary))
                if matches!(e, AppError::DatabaseDown) || self.down().is_some() =>
            {
                let conn =
                    primary.checkout_blocking(primary.gate(), Instant::now() + CHECKOUT_TIMEOUT)?;
                Ok((conn, primary))
            }
            (checked_out, _) => Ok((checked_out?, self)),
        }
    }

    /// Runs `task` on a blocking thread with a connection, unless the database is known to be
    /// down and there is nowhere else to go: then it answers 503 without leaving the worker.
    /// The task's turn at the pool lasts as long as the task.
    async fn with_connection<T, F>(&self, task: F) -> Result<T, AppError>
    where
        F: FnOnce(Held, &Db) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let gate = self.gate();
        if matches!(gate, Gate::Closed) {
            // A replica known to be down sends its work to the primary, in the primary's line.
            return match &self.0.fallback {
                Some(primary) => Box::pin(primary.with_connection(task)).await,
                None => Err(AppError::DatabaseDown),
            };
        }
        let deadline = Instant::now() + CHECKOUT_TIMEOUT;
        let turn = self.turn(deadline).await;
        let db = self.clone();
        rocket::tokio::task::spawn_blocking(move || {
            let (conn, from) = db.connect_blocking(gate, deadline)?;
            task(Held { conn, _turn: turn }, from)
        })
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("database task failed: {e}")))?
    }

    /// A connection of its own for work that outlives one closure (a streamed download).
    pub async fn checkout(&self) -> Result<Held, AppError> {
        self.with_connection(|conn, _| Ok(conn)).await
    }

    /// Notes a failed query: a dropped connection means the database went away.
    pub fn observe<T>(&self, result: &Result<T, AppError>) {
        if let Err(AppError::Database(e)) = result
            && health::outage(e) == Some(Outage::Down)
        {
            self.mark_down();
        }
    }

    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.with_connection(move |mut conn, from| {
            let result = work(&mut conn);
            from.observe(&result);
            result
        })
        .await
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

/// A pooled connection with its turn: both go back when it is dropped.
pub struct Held {
    conn: DbConn,
    _turn: Option<OwnedSemaphorePermit>,
}

impl std::ops::Deref for Held {
    type Target = PgConnection;

    fn deref(&self) -> &PgConnection {
        &self.conn
    }
}

impl std::ops::DerefMut for Held {
    fn deref_mut(&mut self) -> &mut PgConnection {
        &mut self.conn
    }
}

/// Where reports and CSV exports read: `DATABASE_REPLICA_URL` when one is configured (a read
/// replica takes the heavy reads off the primary, and hands them back while it is down; see
/// `Db::replica`), else the primary itself.
#[derive(Clone)]
pub struct ReadDb(pub Db);

/// Names who makes the changes on this connection from now on (see src/db/sql/audit.sql).
pub fn set_actor(conn: &mut PgConnection, actor: &str) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    diesel::sql_query("SELECT set_config('talent_tracker.actor', $1, false)")
        .bind::<diesel::sql_types::Text, _>(actor)
        .execute(conn)
        .map(drop)
}
