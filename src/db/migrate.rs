//! Migrations embedded in the binary, applied at startup under an advisory lock.

use diesel::prelude::*;
use diesel::sql_types::BigInt;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// Any fixed number works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK: i64 = 0x7461_6c65_6e74;

/// Applies pending migrations, fills in the name keys they cannot compute (see `name_keys`),
/// then runs `after` (demo seeding) while still holding the lock, so two instances starting
/// together neither race on the schema nor seed twice.
pub fn migrate_then<T>(
    conn: &mut PgConnection,
    after: impl FnOnce(&mut PgConnection) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    diesel::sql_query("SELECT pg_advisory_lock($1)")
        .bind::<BigInt, _>(MIGRATION_LOCK)
        .execute(conn)?;
    let migrated = conn
        .run_pending_migrations(MIGRATIONS)
        .map(drop)
        .map_err(|e| anyhow::anyhow!("applying migrations failed: {e}"));
    let result = migrated
        .and_then(|()| super::name_keys::fill_missing(conn))
        .and_then(|_| after(conn));
    diesel::sql_query("SELECT pg_advisory_unlock($1)")
        .bind::<BigInt, _>(MIGRATION_LOCK)
        .execute(conn)?;
    result
}
