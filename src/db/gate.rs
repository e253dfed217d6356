//! The outage gate of `Db`: once the database is found down, requests answer 503 at once and
//! one request per `PROBE_EVERY` tries it again.

use std::time::{Duration, Instant};

use diesel::PgConnection;

use super::connect::with_connect_timeout;
use super::{Db, DbError};

/// While the database is down, one request in this interval tries it again; the others answer
/// 503 at once instead of waiting (or, for a read replica, read the primary).
const PROBE_EVERY: Duration = Duration::from_millis(200);

pub(super) enum Gate {
    Open,
    /// Down, and this request is the one to try again.
    Probe,
    Closed,
}

impl Db {
    /// What the log calls this database.
    fn name(&self) -> &'static str {
        match self.0.fallback {
            Some(_) => "the read replica",
            None => "the database",
        }
    }

    pub(super) fn down(&self) -> std::sync::MutexGuard<'_, Option<Instant>> {
        self.0
            .down
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(super) fn gate(&self) -> Gate {
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

    pub(super) fn mark_down(&self) {
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
    pub(super) fn probe(&self) -> Result<(), DbError> {
        use diesel::Connection;
        PgConnection::establish(&with_connect_timeout(&self.0.url)).map_err(|_| DbError::Down)?;
        self.replace_pool();
        *self.down() = None;
        log::warn!("{} is back", self.name());
        Ok(())
    }
}
