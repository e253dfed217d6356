//! Whether a failure is the database's state (down, unreachable, too slow) rather than the
//! request's fault, read from the errors' kinds and sources.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use diesel::r2d2::event::AcquireEvent;
use diesel::r2d2::{HandleError, HandleEvent};
use diesel::result::{DatabaseErrorKind, Error as DieselError};

/// A failure the user may retry (a 503), as opposed to a bug (a 500).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outage {
    /// PostgreSQL is down, restarting, unreachable, or dropped the connection.
    Down,
    /// The statement ran past `statement_timeout` (see `db::connect`).
    TooSlow,
}

/// Whether a query failed because of the database's state rather than the request.
///
/// Diesel reports the SQLSTATEs of a lost connection (class 08) as `ClosedConnection`, and so
/// any error after which libpq finds the connection gone: an administrator's or a shutdown's
/// "terminating connection" (57P01, 57P02), a crashed server, a dropped socket. libpq failing
/// to send the query at all is `UnableToSendCommand`.
pub fn outage(error: &DieselError) -> Option<Outage> {
    match error {
        DieselError::DatabaseError(
            DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
            _,
        ) => Some(Outage::Down),
        DieselError::DatabaseError(_, info) if is_statement_timeout(info.message()) => {
            Some(Outage::TooSlow)
        }
        // A COMMIT that failed and could not even be rolled back: usually the connection went.
        DieselError::RollbackErrorOnCommit {
            commit_error,
            rollback_error,
        } => outage(commit_error).or_else(|| outage(rollback_error)),
        // `BrokenTransactionManager` names no cause: it only follows an earlier error on the
        // same connection, and that error is the one a handler returns and we classify.
        _ => None,
    }
}

/// The one place that reads message text. A statement timeout is SQLSTATE 57014
/// (query_canceled), which Diesel 2.3 folds into `DatabaseErrorKind::Unknown`; its
/// `DatabaseErrorInformation` gives message, detail and hint but not the SQLSTATE, and cannot
/// be downcast to libpq's result that holds it. 57014 is also a cancel on request, which stays
/// a 500, so the message is what tells them apart. On a server whose `lc_messages` is not
/// English this misses, and a timeout becomes a 500 (logged), never a wrong 503.
fn is_statement_timeout(message: &str) -> bool {
    message.contains("canceling statement due to statement timeout")
}

/// Whether a pool's failed connection attempt means the database is unavailable.
///
/// Diesel reports every failed `establish` as `ConnectionError::BadConnection` with only
/// libpq's text (refused, timed out, wrong password, "the database system is starting up"
/// (57P03) alike); each means the pool has no connection to give now, so all count as down.
/// A query the pool runs itself (session settings, the check of an idle connection) is read
/// like any other.
pub fn attempt_outage(error: &diesel::r2d2::Error) -> Option<Outage> {
    match error {
        diesel::r2d2::Error::ConnectionError(_) => Some(Outage::Down),
        diesel::r2d2::Error::QueryError(e) => outage(e),
    }
}

/// Follows one pool's connection attempts, so that a checkout that timed out can tell an
/// unreachable server from a pool busy with live connections: r2d2's timeout error keeps the
/// last failure as text only.
#[derive(Debug, Clone, Default)]
pub struct ConnectWatch(Arc<AtomicBool>);

impl ConnectWatch {
    /// Whether the pool's latest connection attempt failed for an outage.
    pub fn unreachable(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

impl HandleError<diesel::r2d2::Error> for ConnectWatch {
    fn handle_error(&self, error: diesel::r2d2::Error) {
        // Debug, as Rocket's logger shows r2d2's own reports: during an outage the pool retries
        // every few hundred milliseconds, and `Db` already warns once that it is down.
        log::debug!("a connection attempt failed: {error}");
        self.0
            .store(attempt_outage(&error).is_some(), Ordering::Relaxed);
    }
}

impl HandleEvent for ConnectWatch {
    fn handle_acquire(&self, _: AcquireEvent) {
        self.0.store(false, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use diesel::result::{ConnectionError, DatabaseErrorKind, Error as DieselError};
    use diesel::{Connection, PgConnection};

    use super::{ConnectWatch, Outage, attempt_outage, outage};

    /// A loopback port nothing listens on: connecting to it is refused at once.
    fn unused_url() -> String {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map(|address| address.port())
            .expect("a free loopback port");
        format!("postgres://nobody@127.0.0.1:{port}/nothing?connect_timeout=2")
    }

    /// A query error shaped as Diesel builds it: a kind, and the server's or libpq's message.
    fn database_error(kind: DatabaseErrorKind, message: &str) -> DieselError {
        DieselError::DatabaseError(kind, Box::new(message.to_owned()))
    }

    #[test]
    fn a_server_that_is_not_running_is_down() {
        let refused = PgConnection::establish(&unused_url()).err();
        let Some(refused @ ConnectionError::BadConnection(_)) = refused else {
            panic!("Diesel reports a refused connection as BadConnection: {refused:?}");
        };
        let attempt = diesel::r2d2::Error::ConnectionError(refused);
        assert_eq!(attempt_outage(&attempt), Some(Outage::Down));
    }

    /// PostgreSQL closes the connection right after "terminating connection due to
    /// administrator command" (57P01), so Diesel reports it as `ClosedConnection`; the real
    /// server's error is checked in `tests/app/robustness.rs`.
    #[test]
    fn a_connection_an_administrator_terminated_is_down() {
        let terminated = database_error(
            DatabaseErrorKind::ClosedConnection,
            "terminating connection due to administrator command",
        );
        assert_eq!(outage(&terminated), Some(Outage::Down));
    }

    #[test]
    fn a_closed_connection_is_down() {
        let closed = database_error(
            DatabaseErrorKind::ClosedConnection,
            "server closed the connection unexpectedly",
        );
        assert_eq!(outage(&closed), Some(Outage::Down));
        let unsent = database_error(
            DatabaseErrorKind::UnableToSendCommand,
            "no connection to the server",
        );
        assert_eq!(outage(&unsent), Some(Outage::Down));
        let lost_commit = DieselError::RollbackErrorOnCommit {
            rollback_error: Box::new(database_error(DatabaseErrorKind::ClosedConnection, "")),
            commit_error: Box::new(database_error(DatabaseErrorKind::ClosedConnection, "")),
        };
        assert_eq!(outage(&lost_commit), Some(Outage::Down));
    }

    #[test]
    fn a_pool_that_cannot_connect_times_out_as_unreachable() {
        let watch = ConnectWatch::default();
        let pool = super::super::connect::pool(&unused_url(), 1, &[], &watch);
        let Err(timed_out) = pool.get_timeout(Duration::from_millis(300)) else {
            panic!("a connection from nowhere");
        };
        assert!(watch.unreachable(), "{timed_out}");
        assert!(
            !ConnectWatch::default().unreachable(),
            "no attempt failed yet"
        );
    }

    #[test]
    fn a_statement_timeout_is_too_slow_but_a_cancel_on_request_is_not() {
        let timeout = database_error(
            DatabaseErrorKind::Unknown,
            "canceling statement due to statement timeout",
        );
        assert_eq!(outage(&timeout), Some(Outage::TooSlow));
        let cancelled = database_error(
            DatabaseErrorKind::Unknown,
            "canceling statement due to user request",
        );
        assert_eq!(outage(&cancelled), None);
    }

    #[test]
    fn a_refused_write_or_a_missing_row_is_no_outage() {
        let duplicate = database_error(
            DatabaseErrorKind::UniqueViolation,
            "duplicate key value violates unique constraint \"company_name_key\"",
        );
        assert_eq!(outage(&duplicate), None);
        assert_eq!(outage(&DieselError::NotFound), None);
        assert_eq!(outage(&DieselError::BrokenTransactionManager), None);
        let bad_setting = diesel::r2d2::Error::QueryError(DieselError::NotFound);
        assert_eq!(attempt_outage(&bad_setting), None);
    }
}
