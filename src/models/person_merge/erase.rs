//! What an erasure takes out of the copies merges keep: the erased person's history includes
//! the people merged into them, and a merge's record and audit entry hold copies of both rows.

use diesel::prelude::*;
use diesel::sql_types::{Array, Text};

use super::PersonMerge;
use crate::domain::PersonId;

impl PersonMerge {
    /// Scrubs `keys` from the copies of the erased person `id` and of everyone merged into
    /// them (their earlier audit entries and their pay reports', the merges' saved rows and
    /// audit entries). Runs inside the erasure's transaction, which allows the audit update.
    pub fn erase_copies(conn: &mut PgConnection, id: PersonId, keys: &[&str]) -> QueryResult<()> {
        let people: Vec<String> = PersonMerge::merged_into(conn, id)?
            .iter()
            .map(i64::to_string)
            .collect();
        diesel::sql_query(
            "UPDATE audit_log SET before = before - $2, after = after - $2
             WHERE action NOT IN ('erase', 'merge', 'unmerge')
               AND ((record_table = 'person' AND record_id = ANY($1::bigint[]))
                 OR (record_table = 'pay_report'
                     AND coalesce(after, before) ->> 'person_id' = ANY($1)))",
        )
        .bind::<Array<Text>, _>(&people)
        .bind::<Array<Text>, _>(keys)
        .execute(conn)?;
        diesel::sql_query(
            "UPDATE audit_log
             SET before = r.scrub_merge_copy(before, $1, $2), after = r.scrub_merge_copy(after, $1, $2)
             WHERE action IN ('merge', 'unmerge') AND record_table = 'person'
               AND (record_id = ANY($1::bigint[])
                 OR before -> 'removed' ->> 'id' = ANY($1)
                 OR after -> 'removed' ->> 'id' = ANY($1))",
        )
        .bind::<Array<Text>, _>(&people)
        .bind::<Array<Text>, _>(keys)
        .execute(conn)?;
        diesel::sql_query(
            "UPDATE person_merge
             SET survivor_before = r.scrub_merge_copy(survivor_before, $1, $2),
                 survivor_after = r.scrub_merge_copy(survivor_after, $1, $2),
                 removed_before = r.scrub_merge_copy(removed_before, $1, $2)
             WHERE survivor_id = ANY($1::bigint[]) OR removed_id = ANY($1::bigint[])",
        )
        .bind::<Array<Text>, _>(&people)
        .bind::<Array<Text>, _>(keys)
        .execute(conn)?;
        Ok(())
    }
}
