//! After a merge, the pay reports the removed person brought that say exactly what one of the
//! survivor's own says (same figures, day and source) are offered to be collapsed into that
//! one; the merge keeps each deleted report whole, so that its undo puts it back first.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Date, Nullable, Text};

use super::PersonMerge;
use crate::domain::PersonId;
use crate::schema::person;

/// A report a merge brought (`duplicate`) and the survivor's report it repeats (`kept`).
#[derive(Debug, Clone, QueryableByName)]
pub struct IdenticalReports {
    #[diesel(sql_type = BigInt)]
    pub merge_id: i64,
    #[diesel(sql_type = BigInt)]
    pub kept_id: i64,
    #[diesel(sql_type = BigInt)]
    pub duplicate_id: i64,
    #[diesel(sql_type = Date)]
    pub as_of: NaiveDate,
    #[diesel(sql_type = Nullable<Text>)]
    pub source: Option<String>,
}

/// The identical pairs on `$1`'s page: reports moved by a merge that stands, each with the
/// first of the survivor's other reports (not moved by that merge) with the same kind,
/// currency, figures, period, day and source. Offers with a decision stay: the decision is
/// about that very report.
const IDENTICAL: &str = "
    SELECT DISTINCT ON (d.id) m.id AS merge_id, k.id AS kept_id, d.id AS duplicate_id,
           d.as_of, coalesce(d.source_name, d.source_url) AS source
    FROM person_merge m
    JOIN pay_report d ON d.id = ANY(m.pay_report_ids) AND d.person_id = m.survivor_id
    JOIN pay_report k ON k.person_id = m.survivor_id AND NOT k.id = ANY(m.pay_report_ids)
    WHERE m.survivor_id = $1 AND m.undone_at IS NULL
      AND (k.kind, k.currency, k.amount_low, k.amount_high, k.period, k.as_of)
          = (d.kind, d.currency, d.amount_low, d.amount_high, d.period, d.as_of)
      AND k.period_years IS NOT DISTINCT FROM d.period_years
      AND k.base IS NOT DISTINCT FROM d.base AND k.bonus IS NOT DISTINCT FROM d.bonus
      AND k.equity IS NOT DISTINCT FROM d.equity AND k.sign_on IS NOT DISTINCT FROM d.sign_on
      AND k.source_name IS NOT DISTINCT FROM d.source_name
      AND k.source_url IS NOT DISTINCT FROM d.source_url
      AND NOT EXISTS (SELECT 1 FROM pay_decision x WHERE x.pay_report_id = d.id)
    ORDER BY d.id, k.id";

impl PersonMerge {
    /// The reports merges into `survivor` brought that repeat one of its own.
    pub fn identical_reports(
        conn: &mut PgConnection,
        survivor: PersonId,
    ) -> QueryResult<Vec<IdenticalReports>> {
        diesel::sql_query(IDENTICAL)
            .bind::<BigInt, _>(survivor.get())
            .load(conn)
    }

    /// Deletes the duplicates `identical_reports` finds now (each deletion in the audit),
    /// keeping each whole in its merge for the undo. Answers how many went.
    pub fn collapse_identical(conn: &mut PgConnection, survivor: PersonId) -> QueryResult<usize> {
        conn.transaction(|conn| {
            // A merge or an undo of this person waits until the copies are kept.
            person::table
                .find(survivor)
                .select(person::id)
                .for_update()
                .first::<PersonId>(conn)?;
            let pairs = PersonMerge::identical_reports(conn, survivor)?;
            let mut merges: Vec<i64> = pairs.iter().map(|p| p.merge_id).collect();
            merges.dedup();
            for merge in merges {
                let duplicates: Vec<i64> = pairs
                    .iter()
                    .filter(|p| p.merge_id == merge)
                    .map(|p| p.duplicate_id)
                    .collect();
                diesel::sql_query(
                    "UPDATE person_merge m SET collapsed = m.collapsed
                         || (SELECT jsonb_agg(to_jsonb(p) ORDER BY p.id) FROM pay_report p
                             WHERE p.id = ANY($2))
                     WHERE m.id = $1",
                )
                .bind::<BigInt, _>(merge)
                .bind::<Array<BigInt>, _>(&duplicates)
                .execute(conn)?;
                diesel::sql_query("DELETE FROM pay_report WHERE id = ANY($1)")
                    .bind::<Array<BigInt>, _>(&duplicates)
                    .execute(conn)?;
            }
            Ok(pairs.len())
        })
    }

    /// The reports this merge's collapse deleted, as (id, version) when they were deleted.
    pub(super) fn collapsed_reports(&self) -> Vec<(i64, i64)> {
        self.collapsed
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|row| Some((row.get("id")?.as_i64()?, row.get("version")?.as_i64()?)))
            .collect()
    }
}
