//! Reaching PostgreSQL: the pool behind `Db` with its outage gate (and a read replica's way
//! back to the primary), migrations, and the local cluster of the default setup. Its failures
//! are its own (`DbError`): nothing here knows the layers above.

mod connect;
mod error;
mod gate;
pub mod health;
pub mod local;
mod location;
pub mod migrate;
pub mod name_keys;
mod pool;
mod run;
pub mod sql;

pub use error::{DbError, DbFailure};
pub use location::{DatabaseLocation, locate};
pub use pool::{Db, DbConn, PgPool};
pub use run::{Held, set_actor};

/// Where reports and CSV exports read: `DATABASE_REPLICA_URL` when one is configured (a read
/// replica takes the heavy reads off the primary, and hands them back while it is down; see
/// `Db::replica`), else the primary itself.
#[derive(Clone)]
pub struct ReadDb(pub Db);
