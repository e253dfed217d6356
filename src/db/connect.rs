//! How connections are made: a time limit on every attempt, the settings of each session, and
//! the bounded pool.

use std::time::Duration;

use diesel::PgConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool};

use super::PgPool;
use super::health::ConnectWatch;

/// How long a request waits for a pooled connection before answering 503, when the pool is
/// busy with live connections (overload: reports hold connections for seconds). An
/// unreachable database is noticed within one `CHECKOUT_SLICE` (see `Db`) instead.
pub(super) const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(5);

/// libpq waits for a TCP connection as long as the OS does (minutes, for a host that drops
/// packets); connection attempts give up after this many seconds unless the URL says otherwise.
const CONNECT_TIMEOUT_SECONDS: u32 = 2;

pub(super) fn with_connect_timeout(url: &str) -> String {
    if url.contains("connect_timeout") {
        url.to_owned()
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let joiner = if url.contains('?') { '&' } else { '?' };
        format!("{url}{joiner}connect_timeout={CONNECT_TIMEOUT_SECONDS}")
    } else {
        format!("{url} connect_timeout={CONNECT_TIMEOUT_SECONDS}")
    }
}

/// A bounded pool: a request waits at most `CHECKOUT_TIMEOUT` for a connection. `watch` learns
/// how its connection attempts go.
pub fn pool(
    url: &str,
    max_size: u32,
    settings: &[(String, String)],
    watch: &ConnectWatch,
) -> PgPool {
    let url = with_connect_timeout(url);
    Pool::builder()
        .max_size(max_size)
        .min_idle(Some(0))
        .connection_timeout(CHECKOUT_TIMEOUT)
        .connection_customizer(Box::new(SessionSettings {
            statement_timeout: !url.contains("statement_timeout"),
            settings: settings.to_vec(),
        }))
        .error_handler(Box::new(watch.clone()))
        .event_handler(Box::new(watch.clone()))
        .build_unchecked(ConnectionManager::new(&url))
}

/// Per-connection settings: one slow query must not hold a pooled connection for long.
#[derive(Debug)]
struct SessionSettings {
    /// Whether to set `REQUEST_STATEMENT_TIMEOUT`: not when the URL sets its own
    /// (`options=-c statement_timeout=...`), as a deployment may, and the tests do to show an
    /// import outlasting it.
    statement_timeout: bool,
    /// The instance's own settings, as `set_config` names and values.
    settings: Vec<(String, String)>,
}

/// How long one statement of a request may run. An import has a budget of its own, grown with
/// its file (`import::within_budget`).
const REQUEST_STATEMENT_TIMEOUT: &str = "30s";

impl CustomizeConnection<PgConnection, diesel::r2d2::Error> for SessionSettings {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), diesel::r2d2::Error> {
        use diesel::connection::SimpleConnection;
        // work_mem: reports sort and aggregate millions of rows; PostgreSQL's 4 MB default
        // spills them to disk. A pool of ten at 32 MB each is a small share of a 2-core,
        // 24 GiB machine.
        // jit: the reports' estimated costs (subqueries over million-row indexes, of which they
        // read a few rows) set off PostgreSQL's optimising compiler, which then takes up to a
        // second for a statement that runs in 60 ms; no statement of the app runs long enough
        // to repay it.
        if self.statement_timeout {
            conn.batch_execute(&format!(
                "SET statement_timeout = '{REQUEST_STATEMENT_TIMEOUT}'"
            ))
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
        for (name, value) in &self.settings {
            use diesel::RunQueryDsl;
            diesel::sql_query("SELECT set_config($1, $2, false)")
                .bind::<diesel::sql_types::Text, _>(name)
                .bind::<diesel::sql_types::Text, _>(value)
                .execute(conn)
                .map_err(diesel::r2d2::Error::QueryError)?;
        }
        conn.batch_execute("SET work_mem = '32MB'; SET jit = off; SET TIME ZONE 'UTC'")
            .map_err(diesel::r2d2::Error::QueryError)
    }
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
