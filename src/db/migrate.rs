//! Migrations embedded in the binary, then the live schema (`db::sql`), applied at startup
//! under an advisory lock.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// Any fixed number works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK: i64 = 0x7461_6c65_6e74;

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = Text)]
    value: String,
}

/// Applies pending migrations (with the live schema dropped while they run), applies the live
/// schema where it changed (`db::sql`), fills in the name keys the migrations cannot compute
/// (see `name_keys`), then runs `after` (demo seeding) while still holding the lock, so two
/// instances starting together neither race on the schema nor seed twice.
///
/// None of it is held to the limit a request's statement has (`db::connect`, 30 s): a
/// migration may rewrite a table of millions of rows, and an instance waits for the lock as
/// long as another one's migrations take. The connection's own limit comes back afterwards,
/// since the server's is a pooled one.
pub fn migrate_then<T>(
    conn: &mut PgConnection,
    after: impl FnOnce(&mut PgConnection) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let limit: Setting = diesel::sql_query("SELECT current_setting('statement_timeout') AS value")
        .get_result(conn)?;
    diesel::sql_query("SET statement_timeout = 0").execute(conn)?;
    let result = migrate_locked(conn, after);
    diesel::sql_query("SELECT set_config('statement_timeout', $1, false)")
        .bind::<Text, _>(&limit.value)
        .execute(conn)?;
    result
}

fn migrate_locked<T>(
    conn: &mut PgConnection,
    after: impl FnOnce(&mut PgConnection) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    diesel::sql_query("SELECT pg_advisory_lock($1)")
        .bind::<BigInt, _>(MIGRATION_LOCK)
        .execute(conn)?;
    let result = migrate_and_apply(conn)
        .and_then(|()| super::name_keys::fill_missing(conn))
        .and_then(|_| after(conn));
    diesel::sql_query("SELECT pg_advisory_unlock($1)")
        .bind::<BigInt, _>(MIGRATION_LOCK)
        .execute(conn)?;
    result
}

fn migrate_and_apply(conn: &mut PgConnection) -> anyhow::Result<()> {
    let pending = conn
        .has_pending_migration(MIGRATIONS)
        .map_err(|e| anyhow::anyhow!("reading the applied migrations failed: {e}"))?;
    if pending {
        super::sql::drop(conn)?;
        conn.run_pending_migrations(MIGRATIONS)
            .map_err(|e| anyhow::anyhow!("applying migrations failed: {e}"))?;
    }
    super::sql::apply_if_changed(conn)?;
    Ok(())
}
