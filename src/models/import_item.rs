//! What an applied batch created or changed: each record's values before and after it.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::schema::import_item;

/// One record a batch created or updated; `before` holds an updated record's old fields. Its
/// `after` (the record as the batch left it) is written and read in SQL only.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = import_item, check_for_backend(diesel::pg::Pg))]
pub struct ImportItem {
    pub id: i64,
    pub batch_id: i64,
    pub record_table: String,
    pub record_id: i64,
    pub action: String,
    pub before: Option<serde_json::Value>,
}

// The items of one apply, before their records' values are added to them; a temporary table
// of the transaction.
diesel::table! {
    import_item_staging (ord) {
        ord -> Int8,
        batch_id -> Int8,
        record_table -> Text,
        record_id -> Int8,
        action -> Text,
        before -> Nullable<Jsonb>,
    }
}

/// An item as COPY writes it into the staging table, in order.
#[derive(Insertable)]
#[diesel(table_name = import_item_staging, treat_none_as_default_value = false)]
struct StagedItem<'a> {
    batch_id: i64,
    record_table: &'a str,
    record_id: i64,
    action: &'a str,
    before: Option<&'a serde_json::Value>,
}

impl ImportItem {
    /// Records a batch's items, in order (their ids follow it), each with its record as it is
    /// now, after the batch wrote it: one COPY into a staging table, then one INSERT … SELECT
    /// that joins the written tables by id, so no record's JSON is built or sent from Rust.
    /// The record leaves out what the audit's entries leave out (src/db/sql/audit.sql).
    pub fn insert_all(conn: &mut PgConnection, items: &[ImportItem]) -> QueryResult<()> {
        if items.is_empty() {
            return Ok(());
        }
        conn.batch_execute(
            "CREATE TEMPORARY TABLE import_item_staging (
                 ord BIGINT GENERATED ALWAYS AS IDENTITY, batch_id BIGINT NOT NULL,
                 record_table TEXT NOT NULL, record_id BIGINT NOT NULL, action TEXT NOT NULL,
                 before JSONB
             ) ON COMMIT DROP",
        )?;
        let rows: Vec<StagedItem<'_>> = items
            .iter()
            .map(|item| StagedItem {
                batch_id: item.batch_id,
                record_table: &item.record_table,
                record_id: item.record_id,
                action: &item.action,
                before: item.before.as_ref(),
            })
            .collect();
        diesel::copy_from(import_item_staging::table)
            .from_insertable(&rows)
            .execute(conn)?;
        // Without statistics the planner guesses a few rows and looks each record up alone.
        conn.batch_execute(
            "ANALYZE import_item_staging;
             INSERT INTO import_item (batch_id, record_table, record_id, action, before, after)
             SELECT s.batch_id, s.record_table, s.record_id, s.action, s.before,
                    coalesce(to_jsonb(p), to_jsonb(c), to_jsonb(r), to_jsonb(b))
                        - ARRAY['password_hash', 'content', 'name_key']
             FROM import_item_staging s
             LEFT JOIN person p ON s.record_table = 'person' AND p.id = s.record_id
             LEFT JOIN company c ON s.record_table = 'company' AND c.id = s.record_id
             LEFT JOIN pay_report r ON s.record_table = 'pay_report' AND r.id = s.record_id
             LEFT JOIN pay_band b ON s.record_table = 'pay_band' AND b.id = s.record_id
             ORDER BY s.ord;
             DROP TABLE import_item_staging",
        )
    }

    /// A batch's items, newest first: reverting walks them backwards.
    pub fn of_batch(conn: &mut PgConnection, batch_id: i64) -> QueryResult<Vec<ImportItem>> {
        import_item::table
            .filter(import_item::batch_id.eq(batch_id))
            .order(import_item::id.desc())
            .select(ImportItem::as_select())
            .load(conn)
    }
}
