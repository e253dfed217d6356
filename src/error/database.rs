//! The database layer's failures as the app's, and `Db::run` for request handling: work that
//! fails with `AppError`, named once here so that no handler's closure needs its error type
//! spelled out.

use diesel::PgConnection;

use super::AppError;
use crate::db::{Db, DbError, DbFailure};

impl From<DbError> for AppError {
    fn from(error: DbError) -> AppError {
        match error {
            DbError::Unavailable(e) => AppError::Unavailable(e),
            DbError::Down => AppError::DatabaseDown,
            DbError::Query(e) => AppError::Database(e),
            DbError::Task(e) => AppError::Internal(anyhow::anyhow!("database task failed: {e}")),
        }
    }
}

impl DbFailure for AppError {
    fn query_error(&self) -> Option<&diesel::result::Error> {
        match self {
            AppError::Database(e) => Some(e),
            _ => None,
        }
    }
}

impl Db {
    /// `Db::work` for request handling.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.work(work).await
    }

    /// `Db::work_as` for request handling: `actor` is named as who made the changes.
    pub async fn run_as<T, F>(&self, actor: &str, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.work_as(actor, work).await
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use diesel::PgConnection;
    use diesel::r2d2::{ConnectionManager, Pool};
    use diesel::result::{DatabaseErrorKind, Error as DieselError};
    use rocket::http::Status;

    use super::*;

    #[test]
    fn a_database_that_cannot_be_reached_answers_503() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map(|address| address.port())
            .expect("a free loopback port");
        let url = format!("postgres://nobody@127.0.0.1:{port}/nothing?connect_timeout=2");
        let pool: Pool<ConnectionManager<PgConnection>> = Pool::builder()
            .connection_timeout(Duration::from_millis(300))
            .build_unchecked(ConnectionManager::new(url));
        let Err(timed_out) = pool.get() else {
            panic!("a connection from nowhere");
        };
        let lost = DieselError::DatabaseError(
            DatabaseErrorKind::ClosedConnection,
            Box::new("server closed the connection unexpectedly".to_owned()),
        );
        for error in [DbError::Unavailable(timed_out), DbError::Down, lost.into()] {
            let status = AppError::from(error).status();
            assert_eq!(status, Status::ServiceUnavailable);
        }
    }

    #[test]
    fn a_missing_row_stays_a_404_through_the_database_layer() {
        let error = AppError::from(DbError::from(DieselError::NotFound));
        assert_eq!(error.status(), Status::NotFound);
        assert!(error.query_error().is_some());
    }
}
