//! The live schema: every SQL function, trigger and view, written once in the `.sql` files of
//! this folder, in schema `r`, and applied after the migrations whenever the files change.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use sha2::{Digest, Sha256};

/// The files in the order they are applied: a file may use what an earlier one defines (a SQL
/// function's body is checked when it is created; a view or a trigger needs its functions).
pub const FILES: [(&str, &str); 17] = [
    ("schema.sql", include_str!("schema.sql")),
    ("audit.sql", include_str!("audit.sql")),
    ("audit_trail.sql", include_str!("audit_trail.sql")),
    ("versions.sql", include_str!("versions.sql")),
    ("accounts.sql", include_str!("accounts.sql")),
    ("percentiles.sql", include_str!("percentiles.sql")),
    ("figures.sql", include_str!("figures.sql")),
    ("figure_counts.sql", include_str!("figure_counts.sql")),
    ("figure_refresh.sql", include_str!("figure_refresh.sql")),
    ("figure_triggers.sql", include_str!("figure_triggers.sql")),
    ("pay_history.sql", include_str!("pay_history.sql")),
    ("duplicates.sql", include_str!("duplicates.sql")),
    ("offers.sql", include_str!("offers.sql")),
    ("offer_checks.sql", include_str!("offer_checks.sql")),
    ("merges.sql", include_str!("merges.sql")),
    ("person_notes.sql", include_str!("person_notes.sql")),
    ("webhooks.sql", include_str!("webhooks.sql")),
];

/// SHA-256 of the files' names and text, in order: what `live_schema.hash` records.
pub fn hash() -> String {
    let mut hasher = Sha256::new();
    for (name, text) in FILES {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(text.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[derive(QueryableByName)]
struct Applied {
    #[diesel(sql_type = Text)]
    hash: String,
    #[diesel(sql_type = Bool)]
    refresh_figures: bool,
    #[diesel(sql_type = Bool)]
    present: bool,
}

/// Drops schema `r` with everything in it, triggers on public's tables included. Run before
/// pending migrations, so that a migration never has to work around the live schema (a view
/// on a column it changes, a trigger firing on its backfill); the apply afterwards makes it
/// again.
pub fn drop(conn: &mut PgConnection) -> QueryResult<()> {
    conn.batch_execute("DROP SCHEMA IF EXISTS r CASCADE")
}

/// Makes schema `r` again from `FILES`, in one transaction, when they differ from what was
/// applied last, `r` is missing, or a migration asked for the kept figures to be recomputed
/// (which then happens with the new definitions). The caller holds the migration lock.
/// Answers whether it applied them.
pub fn apply_if_changed(conn: &mut PgConnection) -> anyhow::Result<bool> {
    let hash = hash();
    conn.transaction(|conn| {
        let applied: Applied = diesel::sql_query(
            "SELECT hash, refresh_figures, to_regnamespace('r') IS NOT NULL AS present
             FROM live_schema FOR UPDATE",
        )
        .get_result(conn)?;
        if applied.present && applied.hash == hash && !applied.refresh_figures {
            return Ok(false);
        }
        conn.batch_execute("DROP SCHEMA IF EXISTS r CASCADE; CREATE SCHEMA r")?;
        for (name, text) in FILES {
            conn.batch_execute(text)
                .map_err(|e| anyhow::anyhow!("applying src/db/sql/{name} failed: {e}"))?;
        }
        if applied.refresh_figures {
            conn.batch_execute("SELECT r.refresh_all_figures()")?;
        }
        diesel::sql_query("UPDATE live_schema SET hash = $1, refresh_figures = false")
            .bind::<Text, _>(&hash)
            .execute(conn)?;
        Ok(true)
    })
}
