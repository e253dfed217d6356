//! Undoing a merge: every row back to its person exactly as it was, unless later changes
//! depend on the merge.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Jsonb};
use serde_json::Value;

use super::{PersonMerge, mark, row_of};
use crate::domain::{MergeId, PersonId, name_key};
use crate::schema::{company, pay_report, person, person_merge, stage_change};

/// What stands in the way of undoing a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocker {
    AlreadyUndone(DateTime<Utc>),
    /// A later merge that stands involves these people: undo it first.
    LaterMerge(MergeId),
    /// The survivor was saved since the merge; these columns differ (none: saved unchanged).
    SurvivorChanged(Vec<String>),
    /// A person with the removed person's id exists again (an import that keeps ids).
    RemovedIdTaken,
    PayReportChanged(i64),
    PayReportGone(i64),
    StageChangeGone(i64),
    /// A company one of the saved records names was deleted since.
    CompanyGone(i64),
}

#[derive(Debug)]
pub enum UndoOutcome {
    Undone(Box<PersonMerge>),
    Refused(Vec<Blocker>),
}

/// Columns the database keeps for itself: a change to them alone is a save without changes.
const BOOKKEEPING: [&str; 3] = ["updated_at", "version", "name_key"];

impl PersonMerge {
    /// Why this merge cannot be undone now; empty when it can.
    pub fn blockers(&self, conn: &mut PgConnection) -> QueryResult<Vec<Blocker>> {
        if let Some(at) = self.undone_at {
            return Ok(vec![Blocker::AlreadyUndone(at)]);
        }
        let (survivor, removed) = (self.survivor_id, self.removed_id);
        let mut blockers: Vec<Blocker> = person_merge::table
            .filter(person_merge::id.gt(self.id))
            .filter(person_merge::undone_at.is_null())
            .filter(
                person_merge::survivor_id
                    .eq_any([survivor, removed])
                    .or(person_merge::removed_id.eq_any([survivor, removed])),
            )
            .order(person_merge::id.desc())
            .select(person_merge::id)
            .load(conn)?
            .into_iter()
            .map(Blocker::LaterMerge)
            .collect();
        if !blockers.is_empty() {
            return Ok(blockers);
        }
        let now = row_of(conn, survivor)?;
        if now.get("version") != self.survivor_after.get("version") {
            blockers.push(Blocker::SurvivorChanged(differing(
                &self.survivor_after,
                &now,
            )));
        }
        let taken = person::table
            .find(removed)
            .count()
            .get_result::<i64>(conn)?;
        if taken > 0 {
            blockers.push(Blocker::RemovedIdTaken);
        }
        let named: Vec<i64> = [&self.survivor_before, &self.removed_before]
            .iter()
            .flat_map(|row| ["origin_company_id", "hiring_company_id"].map(|f| row.get(f)))
            .filter_map(|id| id.and_then(Value::as_i64))
            .collect();
        let companies: Vec<i64> = company::table
            .filter(company::id.eq_any(&named))
            .select(company::id)
            .load(conn)?;
        let mut gone: Vec<i64> = named
            .into_iter()
            .filter(|c| !companies.contains(c))
            .collect();
        gone.sort_unstable();
        gone.dedup();
        blockers.extend(gone.into_iter().map(Blocker::CompanyGone));
        let reports: Vec<(i64, PersonId, i32)> = pay_report::table
            .filter(pay_report::id.eq_any(&self.pay_report_ids))
            .select((pay_report::id, pay_report::person_id, pay_report::version))
            .for_update()
            .load(conn)?;
        let collapsed = self.collapsed_reports();
        for (id, version) in self.pay_report_ids.iter().zip(&self.pay_report_versions) {
            match reports.iter().find(|(r, _, _)| r == id) {
                // Collapsed as identical to one of the survivor's: the undo puts it back.
                None => match collapsed.iter().find(|(c, _)| c == id) {
                    Some((_, kept)) if *kept == i64::from(*version) => {}
                    Some(_) => blockers.push(Blocker::PayReportChanged(*id)),
                    None => blockers.push(Blocker::PayReportGone(*id)),
                },
                Some((_, owner, now)) if *owner != survivor || now != version => {
                    blockers.push(Blocker::PayReportChanged(*id))
                }
                Some(_) => {}
            }
        }
        let stages: Vec<i64> = stage_change::table
            .filter(stage_change::id.eq_any(&self.stage_change_ids))
            .filter(stage_change::person_id.eq(survivor))
            .select(stage_change::id)
            .load(conn)?;
        blockers.extend(
            self.stage_change_ids
                .iter()
                .filter(|id| !stages.contains(id))
                .map(|id| Blocker::StageChangeGone(*id)),
        );
        Ok(blockers)
    }

    /// Undoes merge `id` as `by`: the removed person comes back under its own id, every moved
    /// row goes back to it, the survivor gets its fields back and the dismissals of both
    /// return, all exactly as they were (versions and timestamps included). Rows added to the
    /// survivor since the merge stay with the survivor.
    pub fn undo(conn: &mut PgConnection, id: MergeId, by: i64) -> QueryResult<UndoOutcome> {
        conn.transaction(|conn| {
            let merge: PersonMerge = person_merge::table
                .find(id)
                .select(PersonMerge::as_select())
                .for_update()
                .first(conn)?;
            // The survivor stays as checked until the undo is written.
            person::table
                .find(merge.survivor_id)
                .select(person::id)
                .for_update()
                .first::<PersonId>(conn)?;
            let blockers = merge.blockers(conn)?;
            if !blockers.is_empty() {
                return Ok(UndoOutcome::Refused(blockers));
            }
            mark(conn, "undo")?;
            // First, while the survivor is still as the merge left it: the audit entry shows
            // it as it was undone.
            let merge = diesel::update(person_merge::table.find(id))
                .set((
                    person_merge::undone_at.eq(diesel::dsl::now),
                    person_merge::undone_by.eq(Some(by)),
                ))
                .returning(PersonMerge::as_returning())
                .get_result(conn)?;
            let (survivor, removed) = (merge.survivor_id.get(), merge.removed_id.get());
            diesel::sql_query(
                "INSERT INTO person OVERRIDING SYSTEM VALUE
                 SELECT * FROM jsonb_populate_record(NULL::person, $1)",
            )
            .bind::<Jsonb, _>(keyed_now(&merge.removed_before))
            .execute(conn)?;
            // The reports collapsed since the merge come back as they were deleted, on the
            // survivor, and go back to the removed person with the others below.
            diesel::sql_query(
                "INSERT INTO pay_report OVERRIDING SYSTEM VALUE
                 SELECT * FROM jsonb_populate_recordset(NULL::pay_report, $1)",
            )
            .bind::<Jsonb, _>(&merge.collapsed)
            .execute(conn)?;
            diesel::sql_query(
                "UPDATE pay_report SET person_id = $2 WHERE id = ANY($3) AND person_id = $1",
            )
            .bind::<BigInt, _>(survivor)
            .bind::<BigInt, _>(removed)
            .bind::<diesel::sql_types::Array<BigInt>, _>(&merge.pay_report_ids)
            .execute(conn)?;
            diesel::sql_query(
                "UPDATE stage_change SET person_id = $2 WHERE id = ANY($3) AND person_id = $1",
            )
            .bind::<BigInt, _>(survivor)
            .bind::<BigInt, _>(removed)
            .bind::<diesel::sql_types::Array<BigInt>, _>(&merge.stage_change_ids)
            .execute(conn)?;
            diesel::sql_query(
                "UPDATE import_item SET record_id = $2
                 WHERE id = ANY($3) AND record_table = 'person' AND record_id = $1",
            )
            .bind::<BigInt, _>(survivor)
            .bind::<BigInt, _>(removed)
            .bind::<diesel::sql_types::Array<BigInt>, _>(&merge.import_item_ids)
            .execute(conn)?;
            for table in ["person_note", "person_file"] {
                let ids = if table == "person_note" {
                    &merge.note_ids
                } else {
                    &merge.file_ids
                };
                diesel::sql_query(format!(
                    "UPDATE {table} SET person_id = $2 WHERE id = ANY($3) AND person_id = $1"
                ))
                .bind::<BigInt, _>(survivor)
                .bind::<BigInt, _>(removed)
                .bind::<diesel::sql_types::Array<BigInt>, _>(ids)
                .execute(conn)?;
            }
            diesel::sql_query("SELECT r.restore_person($1)")
                .bind::<Jsonb, _>(keyed_now(&merge.survivor_before))
                .execute(conn)?;
            // Last: restoring the survivor's name lapses its dismissals. A dismissal of a
            // person deleted since cannot come back; one made since is kept.
            diesel::sql_query(
                "INSERT INTO duplicate_dismissal (low_id, high_id, dismissed_by, dismissed_at)
                 SELECT d.low_id, d.high_id,
                        (SELECT u.id FROM app_user u WHERE u.id = d.dismissed_by), d.dismissed_at
                 FROM jsonb_populate_recordset(NULL::duplicate_dismissal, $1) d
                 WHERE EXISTS (SELECT 1 FROM person WHERE id = d.low_id)
                   AND EXISTS (SELECT 1 FROM person WHERE id = d.high_id)
                 ON CONFLICT DO NOTHING",
            )
            .bind::<Jsonb, _>(&merge.dismissals)
            .execute(conn)?;
            Ok(UndoOutcome::Undone(Box::new(merge)))
        })
    }
}

/// A kept copy of a person's row, with the key of its name as this app computes it: the copy
/// may be older than a change of the key (the migration `name_key_umlauts` recomputed the
/// people's keys, not those in the merges' copies).
fn keyed_now(copy: &Value) -> Value {
    let mut copy = copy.clone();
    let key = copy.get("full_name").and_then(Value::as_str).map(name_key);
    if let (Some(key), Some(fields)) = (key, copy.as_object_mut()) {
        fields.insert("name_key".to_owned(), Value::String(key));
    }
    copy
}

/// The columns whose values differ between two copies of a row, bookkeeping left out.
fn differing(then: &Value, now: &Value) -> Vec<String> {
    let (Some(then), Some(now)) = (then.as_object(), now.as_object()) else {
        return Vec::new();
    };
    now.iter()
        .filter(|(key, value)| {
            !BOOKKEEPING.contains(&key.as_str()) && then.get(key.as_str()) != Some(*value)
        })
        .map(|(key, _)| key.clone())
        .collect()
}
