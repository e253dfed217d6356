//! How reaching the database fails, apart from what the work itself returns: the app's error
//! maps it (src/error.rs), so this layer needs nothing from the layers above it.

use diesel::result::Error as QueryError;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// No connection within the checkout timeout: the pool is busy, or the server unreachable.
    #[error("the database is unavailable: {0}")]
    Unavailable(#[from] diesel::r2d2::PoolError),
    /// The database was found down a moment ago; not tried again for this request.
    #[error("the database is down")]
    Down,
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The blocking thread running the work panicked or was cancelled.
    #[error("database task failed: {0}")]
    Task(#[from] rocket::tokio::task::JoinError),
}

/// What the work given to `Db` may fail with: its own failures, and `DbError`'s. `Db` reads
/// the query error in it to notice a connection that died under the work.
pub trait DbFailure: From<DbError> + Send + 'static {
    /// The failed query, if that is what this is.
    fn query_error(&self) -> Option<&QueryError>;
}

impl DbFailure for DbError {
    fn query_error(&self) -> Option<&QueryError> {
        match self {
            DbError::Query(e) => Some(e),
            _ => None,
        }
    }
}
