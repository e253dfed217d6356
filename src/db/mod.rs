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
mod replay;
mod run;
pub mod sql;

pub use error::{DbError, DbFailure};
pub use location::{DatabaseLocation, locate};
pub use pool::{Db, DbConn, PgPool};
pub use replay::{Lag, WalPosition};
pub use run::{Held, set_actor};

/// Where this request's reports and CSV exports read: the read replica of
/// `DATABASE_REPLICA_URL` when one is configured (it takes the heavy reads off the primary, and
/// hands them back while it is down; see `Db::replica`) and has replayed this session's last
/// write, else the primary itself. A request guard (src/routes/fresh_reads.rs).
#[derive(Clone)]
pub struct ReadDb(pub Db);

/// The read replica, when one is configured (managed state beside the primary `Db`).
#[derive(Clone)]
pub struct Replica(pub Option<Db>);
