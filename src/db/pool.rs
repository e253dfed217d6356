//! `Db`: the pool, its fair line of requests, and checking a connection out through the
//! outage gate (`gate.rs`), handing a read replica's requests to its primary while it is down.

use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use diesel::PgConnection;
use diesel::r2d2::{ConnectionManager, Pool, PooledConnection};
use rocket::tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::DbError;
use super::connect::{self, CHECKOUT_TIMEOUT};
use super::gate::Gate;
use super::health::ConnectWatch;

pub type PgPool = Pool<ConnectionManager<PgConnection>>;
pub type DbConn = PooledConnection<ConnectionManager<PgConnection>>;

/// How often a request waiting for a connection checks whether the database was found down.
const CHECKOUT_SLICE: Duration = Duration::from_millis(100);

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
pub struct Db(pub(super) Arc<Shared>);

pub(super) struct Shared {
    pub(super) url: String,
    pub(super) size: u32,
    /// Settings every session of the pool carries (`Db::with_settings`).
    pub(super) settings: Vec<(String, String)>,
    /// The pool, and what its connection attempts found (replaced together).
    pub(super) pool: RwLock<(PgPool, ConnectWatch)>,
    /// Set while the database is down: when it was last tried.
    pub(super) down: Mutex<Option<Instant>>,
    /// For a read replica, its primary: where reads go while the replica is down.
    pub(super) fallback: Option<Db>,
    /// One permit per pooled connection, handed out in the order requests asked (Tokio's
    /// semaphore is fair). r2d2 gives a returned connection to whichever waiter wakes first,
    /// and a request waiting in `CHECKOUT_SLICE`s joins the back again after each one, so
    /// under load some waited several times as long as others (the load test's p99 was more
    /// than twice its median). Waiting here also holds no blocking thread.
    turns: Arc<Semaphore>,
}

impl Db {
    pub fn new(url: &str, size: u32) -> anyhow::Result<Db> {
        Ok(Db::build(url, size, None, Vec::new()))
    }

    /// A pool whose every session has these settings (`set_config` names and values), for
    /// SQL that depends on how this instance is configured.
    pub fn with_settings(
        url: &str,
        size: u32,
        settings: Vec<(String, String)>,
    ) -> anyhow::Result<Db> {
        Ok(Db::build(url, size, None, settings))
    }

    /// A read replica at `url`: while it is down, reads go to `primary`.
    pub fn replica(url: &str, size: u32, primary: Db) -> anyhow::Result<Db> {
        Ok(Db::build(url, size, Some(primary), Vec::new()))
    }

    fn build(url: &str, size: u32, fallback: Option<Db>, settings: Vec<(String, String)>) -> Db {
        let watch = ConnectWatch::default();
        Db(Arc::new(Shared {
            url: url.to_owned(),
            size,
            pool: RwLock::new((connect::pool(url, size, &settings, &watch), watch)),
            settings,
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

    /// Waits for this request's turn at the pool, or `None` when the database was found down
    /// meanwhile or `deadline` passed: the checkout then answers as it would without one.
    pub(super) async fn turn(&self, deadline: Instant) -> Option<OwnedSemaphorePermit> {
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
    fn checkout_blocking(&self, gate: Gate, deadline: Instant) -> Result<DbConn, DbError> {
        match gate {
            Gate::Closed => return Err(DbError::Down),
            Gate::Probe => self.probe()?,
            Gate::Open => {}
        }
        // Waits in slices, so a request queued when the database goes away learns it from the
        // request that noticed, instead of sitting out the whole timeout.
        let (pool, attempts) = self.watched_pool();
        loop {
            match pool.get_timeout(CHECKOUT_SLICE) {
                Ok(conn) => return Ok(conn),
                Err(_) if self.down().is_some() => return Err(DbError::Down),
                // The pool's last connection attempt failed: the server is unreachable, not
                // merely busy.
                Err(e) if attempts.unreachable() => {
                    self.mark_down();
                    return Err(DbError::Unavailable(e));
                }
                Err(e) if Instant::now() >= deadline => {
                    // No connection at all and none to be had also means unreachable; a busy
                    // pool of live connections is only busy.
                    if pool.state().connections == 0 {
                        self.mark_down();
                    }
                    return Err(DbError::Unavailable(e));
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
    pub(super) fn connect_blocking(
        &self,
        gate: Gate,
        deadline: Instant,
    ) -> Result<(DbConn, &Db), DbError> {
        match (self.checkout_blocking(gate, deadline), &self.0.fallback) {
            (Err(e), Some(primary)) if matches!(e, DbError::Down) || self.down().is_some() => {
                let conn =
                    primary.checkout_blocking(primary.gate(), Instant::now() + CHECKOUT_TIMEOUT)?;
                Ok((conn, primary))
            }
            (checked_out, _) => Ok((checked_out?, self)),
        }
    }

    /// A fresh pool in place of one whose connections died with the server.
    pub(super) fn replace_pool(&self) {
        let watch = ConnectWatch::default();
        let fresh = connect::pool(&self.0.url, self.0.size, &self.0.settings, &watch);
        *self
            .0
            .pool
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = (fresh, watch);
    }
}
