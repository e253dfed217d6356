//! Running work on a connection: on a blocking thread, in the request's turn, with the
//! database's failures told apart from the work's own. The work's error type is the caller's
//! (`DbFailure`); the app fixes it to `AppError` in `Db::run` (src/error/database.rs).

use std::time::Instant;

use diesel::PgConnection;
use rocket::tokio::sync::OwnedSemaphorePermit;

use super::connect::CHECKOUT_TIMEOUT;
use super::gate::Gate;
use super::health::{self, Outage};
use super::pool::DbConn;
use super::{Db, DbError, DbFailure};

impl Db {
    /// Runs `task` on a blocking thread with a connection, unless the database is known to be
    /// down and there is nowhere else to go: then it answers 503 without leaving the worker.
    /// The task's turn at the pool lasts as long as the task.
    async fn with_connection<T, E, F>(&self, task: F) -> Result<T, E>
    where
        F: FnOnce(Held, &Db) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: DbFailure,
    {
        let gate = self.gate();
        if matches!(gate, Gate::Closed) {
            // A replica known to be down sends its work to the primary, in the primary's line.
            return match &self.0.fallback {
                Some(primary) => Box::pin(primary.with_connection(task)).await,
                None => Err(DbError::Down.into()),
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
        .map_err(DbError::from)?
    }

    /// A connection of its own for work that outlives one closure (a streamed download).
    pub async fn checkout(&self) -> Result<Held, DbError> {
        self.with_connection(|conn, _| Ok(conn)).await
    }

    /// Notes a failed query: a dropped connection means the database went away.
    pub fn observe<T, E: DbFailure>(&self, result: &Result<T, E>) {
        if let Err(e) = result
            && e.query_error().and_then(health::outage) == Some(Outage::Down)
        {
            self.mark_down();
        }
    }

    /// Runs `work` with a connection; it fails with `E`, as do the checkout and the thread.
    pub async fn work<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: DbFailure,
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
    pub async fn work_as<T, E, F>(&self, actor: &str, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: DbFailure,
    {
        let actor = actor.to_owned();
        self.work(move |conn| {
            set_actor(conn, &actor).map_err(DbError::from)?;
            let result = work(conn);
            set_actor(conn, "").map_err(DbError::from)?;
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

/// Names who makes the changes on this connection from now on (see src/db/sql/audit.sql).
pub fn set_actor(conn: &mut PgConnection, actor: &str) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    diesel::sql_query("SELECT set_config('talent_tracker.actor', $1, false)")
        .bind::<diesel::sql_types::Text, _>(actor)
        .execute(conn)
        .map(drop)
}
