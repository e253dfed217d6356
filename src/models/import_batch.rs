//! Import batches: each uploaded file, from its preview to its application or reversal, and
//! what it created or changed.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::domain::BatchStatus;
use crate::schema::{import_batch, import_item};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = import_batch, check_for_backend(diesel::pg::Pg))]
pub struct ImportBatch {
    pub id: i64,
    pub file_name: String,
    pub kind: String,
    pub status: BatchStatus,
    pub imported_by: String,
    pub rows_total: i32,
    pub created_count: i32,
    pub updated_count: i32,
    pub skipped_count: i32,
    pub created_at: DateTime<Utc>,
    pub applied_at: Option<DateTime<Utc>>,
    pub reverted_at: Option<DateTime<Utc>>,
    /// The web user who uploaded it, who may confirm and revert it (as may admins); `None` for
    /// the command line. `imported_by` is only the name shown.
    pub imported_by_user_id: Option<i64>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = import_batch)]
pub struct NewImportBatch<'a> {
    pub file_name: &'a str,
    pub kind: &'a str,
    pub status: BatchStatus,
    pub content: &'a [u8],
    pub imported_by: &'a str,
    pub imported_by_user_id: Option<i64>,
    pub rows_total: i32,
}

/// What a batch's file is called once an erasure took its name: file names are often a
/// person's name.
pub const ERASED_FILE_NAME: &str = "(file name erased with a person's data)";

/// Previews nobody confirmed within a day are dropped with their files.
const PREVIEW_KEPT_FOR: &str = "1 day";

impl ImportBatch {
    pub fn find(conn: &mut PgConnection, id: i64) -> QueryResult<ImportBatch> {
        import_batch::table
            .find(id)
            .select(ImportBatch::as_select())
            .first(conn)
    }

    /// The stored file of a batch still waiting for confirmation; `None` when an erasure
    /// discarded it.
    pub fn previewed_content(
        conn: &mut PgConnection,
        id: i64,
    ) -> QueryResult<(ImportBatch, Option<Vec<u8>>)> {
        import_batch::table
            .find(id)
            .filter(import_batch::status.eq(BatchStatus::Previewed))
            .select((ImportBatch::as_select(), import_batch::content))
            .first(conn)
    }

    /// The files of the previews waiting for confirmation, each with its batch.
    pub fn pending_files(conn: &mut PgConnection) -> QueryResult<Vec<(i64, Vec<u8>)>> {
        import_batch::table
            .filter(import_batch::status.eq(BatchStatus::Previewed))
            .filter(import_batch::content.is_not_null())
            .select((import_batch::id, import_batch::content.assume_not_null()))
            .load(conn)
    }

    /// Drops these previews' files: confirming them answers that the file is gone.
    pub fn discard_files(conn: &mut PgConnection, ids: &[i64]) -> QueryResult<usize> {
        diesel::update(import_batch::table.filter(import_batch::id.eq_any(ids)))
            .filter(import_batch::status.eq(BatchStatus::Previewed))
            .set(import_batch::content.eq(None::<Vec<u8>>))
            .execute(conn)
    }

    /// The batches that created or changed one of `people` or one of their pay reports.
    pub fn touching_people(conn: &mut PgConnection, people: &[i64]) -> QueryResult<Vec<i64>> {
        use crate::schema::pay_report;
        let reports = pay_report::table
            .filter(pay_report::person_id.eq_any(people))
            .select(pay_report::id);
        import_item::table
            .filter(
                import_item::record_table
                    .eq("person")
                    .and(import_item::record_id.eq_any(people))
                    .or(import_item::record_table
                        .eq("pay_report")
                        .and(import_item::record_id.eq_any(reports))),
            )
            .select(import_item::batch_id)
            .distinct()
            .load(conn)
    }

    /// Replaces these batches' file names, which may name an erased person, here and in their
    /// audit entries. Only inside an erasure, which alone may scrub the audit.
    pub fn forget_file_names(conn: &mut PgConnection, ids: &[i64]) -> QueryResult<()> {
        use diesel::sql_types::{Array, BigInt, Text};
        diesel::update(import_batch::table.filter(import_batch::id.eq_any(ids)))
            .set(import_batch::file_name.eq(ERASED_FILE_NAME))
            .execute(conn)?;
        diesel::sql_query(
            "UPDATE audit_log
             SET before = CASE WHEN before ? 'file_name'
                               THEN jsonb_set(before, '{file_name}', to_jsonb($2)) ELSE before END,
                 after = CASE WHEN after ? 'file_name'
                              THEN jsonb_set(after, '{file_name}', to_jsonb($2)) ELSE after END
             WHERE record_table = 'import_batch' AND record_id = ANY($1)",
        )
        .bind::<Array<BigInt>, _>(ids)
        .bind::<Text, _>(ERASED_FILE_NAME)
        .execute(conn)
        .map(drop)
    }

    pub fn insert(conn: &mut PgConnection, batch: &NewImportBatch<'_>) -> QueryResult<ImportBatch> {
        diesel::delete(
            import_batch::table
                .filter(import_batch::status.eq(BatchStatus::Previewed))
                .filter(import_batch::created_at.lt(diesel::dsl::sql(&format!(
                    "now() - interval '{PREVIEW_KEPT_FOR}'"
                )))),
        )
        .execute(conn)?;
        diesel::insert_into(import_batch::table)
            .values(batch)
            .returning(ImportBatch::as_returning())
            .get_result(conn)
    }

    /// Newest first.
    pub fn recent(
        conn: &mut PgConnection,
        offset: i64,
        limit: i64,
    ) -> QueryResult<Vec<ImportBatch>> {
        import_batch::table
            .filter(import_batch::status.ne(BatchStatus::Previewed))
            .order((import_batch::created_at.desc(), import_batch::id.desc()))
            .offset(offset)
            .limit(limit)
            .select(ImportBatch::as_select())
            .load(conn)
    }

    pub fn count_done(conn: &mut PgConnection) -> QueryResult<i64> {
        import_batch::table
            .filter(import_batch::status.ne(BatchStatus::Previewed))
            .count()
            .get_result(conn)
    }

    /// Marks a batch applied with its counts; the file is no longer needed.
    pub fn mark_applied(
        conn: &mut PgConnection,
        id: i64,
        counts: (i32, i32, i32),
    ) -> QueryResult<()> {
        diesel::update(import_batch::table.find(id))
            .set((
                import_batch::status.eq(BatchStatus::Applied),
                import_batch::content.eq(None::<Vec<u8>>),
                import_batch::created_count.eq(counts.0),
                import_batch::updated_count.eq(counts.1),
                import_batch::skipped_count.eq(counts.2),
                import_batch::applied_at.eq(Some(Utc::now())),
            ))
            .execute(conn)
            .map(drop)
    }

    /// Whether the batch's apply was audited as a whole (its items keep the records as it left
    /// them): its revert is then audited the same way. Older batches' records have entries of
    /// their own, and so do their reverts.
    pub fn audited_as_whole(conn: &mut PgConnection, id: i64) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            import_item::table
                .filter(import_item::batch_id.eq(id))
                .filter(import_item::after.is_not_null()),
        ))
        .get_result(conn)
    }

    /// Keeps the audit triggers quiet about the records this transaction writes for the batch
    /// (src/db/sql/audit.sql): its items are their entries, and the batch's own row writes the
    /// one entry of the apply or the revert.
    pub fn audit_as_whole(conn: &mut PgConnection, id: i64) -> QueryResult<()> {
        diesel::sql_query("SELECT set_config('talent_tracker.importing', $1, true)")
            .bind::<diesel::sql_types::Text, _>(id.to_string())
            .execute(conn)
            .map(drop)
    }

    pub fn mark_reverted(conn: &mut PgConnection, id: i64) -> QueryResult<()> {
        diesel::update(import_batch::table.find(id))
            .set((
                import_batch::status.eq(BatchStatus::Reverted),
                import_batch::reverted_at.eq(Some(Utc::now())),
            ))
            .execute(conn)
            .map(drop)
    }
}
