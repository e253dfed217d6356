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
        // Before the removed rows' copies lose the keys that tell what was taken.
        Self::erase_taken(conn, &people, keys)?;
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
        // The pay reports a collapse deleted, kept whole for the undo, hold sources and notes.
        diesel::sql_query(
            "UPDATE person_merge
             SET collapsed = (SELECT jsonb_agg(r - $2 ORDER BY r ->> 'id')
                              FROM jsonb_array_elements(collapsed) r)
             WHERE (survivor_id = ANY($1::bigint[]) OR removed_id = ANY($1::bigint[]))
               AND collapsed <> '[]'",
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

    /// The values a merge took from one of `people` (removed) into another survivor: the
    /// survivor's history holds them, also after the merge was undone, and they are the erased
    /// person's data. A value counts as taken when the survivor had another one before.
    fn erase_taken(conn: &mut PgConnection, people: &[String], keys: &[&str]) -> QueryResult<()> {
        diesel::sql_query(
            "WITH taken AS (
                 SELECT m.survivor_id,
                        jsonb_agg(jsonb_build_object('key', k, 'value', m.removed_before -> k))
                            AS taken
                 FROM person_merge m CROSS JOIN unnest($2::text[]) k
                 WHERE m.removed_id = ANY($1::bigint[])
                   AND jsonb_typeof(m.removed_before -> k) = 'string'
                   AND m.survivor_after -> k = m.removed_before -> k
                   AND m.survivor_before -> k IS DISTINCT FROM m.removed_before -> k
                 GROUP BY m.survivor_id),
             merges AS (
                 UPDATE person_merge m
                 SET survivor_before = r.without_taken(m.survivor_before, t.taken),
                     survivor_after = r.without_taken(m.survivor_after, t.taken)
                 FROM taken t WHERE m.survivor_id = t.survivor_id),
             items AS (
                 UPDATE import_item i SET before = r.without_taken(i.before, t.taken),
                                          after = r.without_taken(i.after, t.taken)
                 FROM taken t
                 WHERE i.record_table = 'person' AND i.record_id = t.survivor_id)
             UPDATE audit_log a
             SET before = r.without_taken(a.before, t.taken),
                 after = r.without_taken(a.after, t.taken)
             FROM taken t
             WHERE a.record_table = 'person' AND a.record_id = t.survivor_id
               AND a.action <> 'erase'",
        )
        .bind::<Array<Text>, _>(people)
        .bind::<Array<Text>, _>(keys)
        .execute(conn)?;
        Ok(())
    }
}
