//! Merges of two people's records into one (`person_merge`), kept so that each can be undone
//! exactly: the merge itself (merge.rs), its undo and what stands in its way (undo.rs), and
//! what an erasure takes out of the copies a merge keeps (erase.rs), and collapsing the
//! identical pay reports a merge leaves (collapse.rs).

mod collapse;
mod erase;
mod merge;
mod undo;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt};
use serde_json::Value;

pub use collapse::IdenticalReports;
pub use merge::{MergeOutcome, MergeRequest};
pub use undo::{Blocker, UndoOutcome};

use crate::domain::{MergeId, PersonId};
use crate::schema::{app_user, person_merge};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = person_merge, check_for_backend(diesel::pg::Pg))]
pub struct PersonMerge {
    pub id: MergeId,
    pub survivor_id: PersonId,
    pub removed_id: PersonId,
    /// Both people as they were (every column, as `to_jsonb` writes a row).
    pub survivor_before: Value,
    /// The survivor as the merge left it: a later edit is told from it.
    pub survivor_after: Value,
    pub removed_before: Value,
    pub pay_report_ids: Vec<i64>,
    pub pay_report_versions: Vec<i32>,
    pub stage_change_ids: Vec<i64>,
    pub import_item_ids: Vec<i64>,
    pub dismissals: Value,
    pub merged_by: Option<i64>,
    pub merged_at: DateTime<Utc>,
    pub undone_by: Option<i64>,
    pub undone_at: Option<DateTime<Utc>>,
    /// The removed person's notes and files, moved to the survivor.
    pub note_ids: Vec<i64>,
    pub file_ids: Vec<i64>,
    /// Pay reports deleted since as identical to one of the survivor's, whole (`to_jsonb`).
    pub collapsed: Value,
}

/// A merge as the lists show it, with the names of whoever merged and undid it.
#[derive(Debug, Clone)]
pub struct MergeListItem {
    pub merge: PersonMerge,
    pub merged_by: Option<String>,
    pub undone_by: Option<String>,
}

impl PersonMerge {
    pub fn find(conn: &mut PgConnection, id: MergeId) -> QueryResult<PersonMerge> {
        person_merge::table
            .find(id)
            .select(PersonMerge::as_select())
            .first(conn)
    }

    pub fn count(conn: &mut PgConnection) -> QueryResult<i64> {
        person_merge::table.count().get_result(conn)
    }

    /// A page of merges, newest first.
    pub fn page(
        conn: &mut PgConnection,
        offset: i64,
        limit: i64,
    ) -> QueryResult<Vec<MergeListItem>> {
        let merges = person_merge::table
            .order((person_merge::merged_at.desc(), person_merge::id.desc()))
            .offset(offset)
            .limit(limit)
            .select(PersonMerge::as_select())
            .load(conn)?;
        PersonMerge::named(conn, merges)
    }

    /// The merges into this person that stand, newest first.
    pub fn standing_into(
        conn: &mut PgConnection,
        survivor: PersonId,
    ) -> QueryResult<Vec<MergeListItem>> {
        let merges = person_merge::table
            .filter(person_merge::survivor_id.eq(survivor))
            .filter(person_merge::undone_at.is_null())
            .order(person_merge::id.desc())
            .select(PersonMerge::as_select())
            .load(conn)?;
        PersonMerge::named(conn, merges)
    }

    /// This person and everyone merged into them by merges that stand, through merges of
    /// merges: whose history is now theirs.
    pub fn merged_into(conn: &mut PgConnection, id: PersonId) -> QueryResult<Vec<i64>> {
        #[derive(QueryableByName)]
        struct People {
            #[diesel(sql_type = Array<BigInt>)]
            ids: Vec<i64>,
        }
        Ok(diesel::sql_query(
            "SELECT array_agg(id ORDER BY id) AS ids FROM r.people_merged_into($1) AS id",
        )
        .bind::<BigInt, _>(id.get())
        .get_result::<People>(conn)?
        .ids)
    }

    /// Where the record of `removed`, merged away, lives now: the survivor of its merge, or
    /// that survivor's survivor when it was merged on in turn. `None` when no merge that
    /// stands removed it (or the chain ends in a deleted person).
    pub fn survivor_now(
        conn: &mut PgConnection,
        removed: PersonId,
    ) -> QueryResult<Option<PersonId>> {
        #[derive(QueryableByName)]
        struct Survivor {
            #[diesel(sql_type = BigInt)]
            id: i64,
        }
        // Read from the merges' audit entries, not from person_merge: merging a survivor away
        // in turn deletes its earlier merges' records with it, while their entries stay. A
        // merge counts unless an 'unmerge' entry undid it; an id that came back (an import
        // keeping ids) and was merged away again follows its newest merge. The depth bound
        // only guards the loop.
        let found = diesel::sql_query(
            "WITH RECURSIVE chain(id, depth) AS (
                 SELECT $1::bigint, 0
                 UNION ALL
                 SELECT m.survivor, c.depth + 1
                 FROM chain c,
                      LATERAL (SELECT a.record_id AS survivor FROM audit_log a
                               WHERE a.action = 'merge' AND a.record_table = 'person'
                                 AND a.before -> 'removed' ->> 'id' = c.id::text
                                 AND NOT EXISTS (
                                     SELECT 1 FROM audit_log u
                                     WHERE u.action = 'unmerge' AND u.record_table = 'person'
                                       AND u.record_id = a.record_id
                                       AND u.after ->> 'merge_id' = a.before ->> 'merge_id')
                               ORDER BY a.id DESC LIMIT 1) m
                 WHERE c.depth < 100 AND (c.depth = 0 OR NOT EXISTS (
                     SELECT 1 FROM person WHERE person.id = c.id)))
             SELECT c.id FROM chain c JOIN person p ON p.id = c.id
             WHERE c.depth > 0 ORDER BY c.depth LIMIT 1",
        )
        .bind::<BigInt, _>(removed.get())
        .get_result::<Survivor>(conn)
        .optional()?;
        Ok(found.map(|s| PersonId(s.id)))
    }

    /// The first of `ids` into whom another record was merged, after `since`, by a merge that
    /// stands.
    pub fn first_survivor_among(
        conn: &mut PgConnection,
        ids: &[i64],
        since: chrono::DateTime<chrono::Utc>,
    ) -> QueryResult<Option<PersonId>> {
        person_merge::table
            .filter(person_merge::survivor_id.eq_any(ids))
            .filter(person_merge::undone_at.is_null())
            .filter(person_merge::merged_at.gt(since))
            .select(person_merge::survivor_id)
            .order(person_merge::survivor_id)
            .first(conn)
            .optional()
    }

    /// The removed person's name as the merge saved it.
    pub fn removed_name(&self) -> &str {
        self.removed_before
            .get("full_name")
            .and_then(Value::as_str)
            .unwrap_or("(erased)")
    }

    pub fn survivor_name(&self) -> &str {
        self.survivor_after
            .get("full_name")
            .and_then(Value::as_str)
            .unwrap_or("(erased)")
    }
}

impl PersonMerge {
    /// These merges with the names of whoever merged and undid them.
    pub fn named(
        conn: &mut PgConnection,
        merges: Vec<PersonMerge>,
    ) -> QueryResult<Vec<MergeListItem>> {
        let users: Vec<i64> = merges
            .iter()
            .flat_map(|m| [m.merged_by, m.undone_by])
            .flatten()
            .collect();
        let names: std::collections::HashMap<i64, String> = app_user::table
            .filter(app_user::id.eq_any(&users))
            .select((app_user::id, app_user::display_name))
            .load(conn)?
            .into_iter()
            .collect();
        let name = |id: Option<i64>| id.and_then(|id| names.get(&id).cloned());
        Ok(merges
            .into_iter()
            .map(|merge| MergeListItem {
                merged_by: name(merge.merged_by),
                undone_by: name(merge.undone_by),
                merge,
            })
            .collect())
    }
}

/// Marks this transaction's row changes as a merge's (`"merge"`) or an undo's (`"undo"`): the
/// row triggers write no audit entries of their own, and an undo's writes keep the versions
/// they restore (src/db/sql/merges.sql and versions.sql).
fn mark(conn: &mut PgConnection, what: &str) -> QueryResult<()> {
    diesel::sql_query("SELECT set_config('talent_tracker.merging', $1, true)")
        .bind::<diesel::sql_types::Text, _>(what)
        .execute(conn)?;
    Ok(())
}

#[derive(QueryableByName)]
struct Copy {
    #[diesel(sql_type = diesel::sql_types::Jsonb)]
    copy: Value,
}

/// A person's row with every column, as an undo writes it back.
fn row_of(conn: &mut PgConnection, id: PersonId) -> QueryResult<Value> {
    Ok(
        diesel::sql_query("SELECT to_jsonb(p) AS copy FROM person p WHERE p.id = $1")
            .bind::<BigInt, _>(id.get())
            .get_result::<Copy>(conn)?
            .copy,
    )
}
