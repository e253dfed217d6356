//! Merging: one transaction that moves the removed person's rows (pay reports, stages, import
//! items, notes, files) to the survivor, writes the chosen fields and keeps everything an undo
//! needs.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt};
use serde_json::Value;

use super::{Copy, PersonMerge, mark, row_of};
use crate::domain::{PersonId, name_key};
use crate::models::{Person, PersonFields};
use crate::schema::{
    import_item, pay_report, person, person_file, person_merge, person_note, stage_change,
};

/// Merge `removed` into `survivor`, each at the version the merge page showed.
#[derive(Debug, Clone)]
pub struct MergeRequest {
    pub survivor: (PersonId, i32),
    pub removed: (PersonId, i32),
    /// The survivor's fields after the merge, each chosen from one of the two.
    pub fields: PersonFields,
    pub by: i64,
}

#[derive(Debug)]
pub enum MergeOutcome {
    Merged(Box<PersonMerge>),
    /// Nothing merged: these people were saved since the page was shown (as they are now).
    Stale(Vec<Person>),
}

#[derive(Insertable)]
#[diesel(table_name = person_merge)]
struct NewMerge {
    survivor_id: PersonId,
    removed_id: PersonId,
    survivor_before: Value,
    survivor_after: Value,
    removed_before: Value,
    pay_report_ids: Vec<i64>,
    pay_report_versions: Vec<i32>,
    stage_change_ids: Vec<i64>,
    import_item_ids: Vec<i64>,
    dismissals: Value,
    merged_by: Option<i64>,
    note_ids: Vec<i64>,
    file_ids: Vec<i64>,
}

impl PersonMerge {
    pub fn merge(conn: &mut PgConnection, request: &MergeRequest) -> QueryResult<MergeOutcome> {
        let (survivor, removed) = (request.survivor.0, request.removed.0);
        conn.transaction(|conn| {
            // Locked in id order, so two merges of the same people cannot deadlock.
            let locked: Vec<(PersonId, i32)> = person::table
                .filter(person::id.eq_any([survivor, removed]))
                .order(person::id)
                .select((person::id, person::version))
                .for_update()
                .load(conn)?;
            if locked.len() != 2 {
                return Err(diesel::NotFound);
            }
            let shown = [request.survivor, request.removed];
            let mut stale = Vec::new();
            for (id, version) in locked {
                if !shown.contains(&(id, version)) {
                    stale.push(Person::find(conn, id)?);
                }
            }
            if !stale.is_empty() {
                return Ok(MergeOutcome::Stale(stale));
            }
            mark(conn, "merge")?;
            let survivor_before = row_of(conn, survivor)?;
            let removed_before = row_of(conn, removed)?;
            let dismissals = dismissals_of(conn, &[survivor.get(), removed.get()])?;
            diesel::update(person::table.find(survivor))
                .set((
                    &request.fields,
                    person::name_key.eq(name_key(&request.fields.full_name)),
                    person::updated_at.eq(diesel::dsl::now),
                ))
                .execute(conn)?;
            let moved: Vec<(i64, i32)> =
                diesel::update(pay_report::table.filter(pay_report::person_id.eq(removed)))
                    .set(pay_report::person_id.eq(survivor))
                    .returning((pay_report::id, pay_report::version))
                    .get_results(conn)?;
            let stage_change_ids =
                diesel::update(stage_change::table.filter(stage_change::person_id.eq(removed)))
                    .set(stage_change::person_id.eq(survivor))
                    .returning(stage_change::id)
                    .get_results(conn)?;
            let import_item_ids = diesel::update(
                import_item::table
                    .filter(import_item::record_table.eq("person"))
                    .filter(import_item::record_id.eq(removed.get())),
            )
            .set(import_item::record_id.eq(survivor.get()))
            .returning(import_item::id)
            .get_results(conn)?;
            let note_ids =
                diesel::update(person_note::table.filter(person_note::person_id.eq(removed)))
                    .set(person_note::person_id.eq(survivor))
                    .returning(person_note::id)
                    .get_results(conn)?;
            let file_ids =
                diesel::update(person_file::table.filter(person_file::person_id.eq(removed)))
                    .set(person_file::person_id.eq(survivor))
                    .returning(person_file::id)
                    .get_results(conn)?;
            diesel::delete(person::table.find(removed)).execute(conn)?;
            let (pay_report_ids, pay_report_versions) = moved.into_iter().unzip();
            let merge = NewMerge {
                survivor_id: survivor,
                removed_id: removed,
                survivor_before,
                survivor_after: row_of(conn, survivor)?,
                removed_before,
                pay_report_ids,
                pay_report_versions,
                stage_change_ids,
                import_item_ids,
                dismissals,
                merged_by: Some(request.by),
                note_ids,
                file_ids,
            };
            let merge = diesel::insert_into(person_merge::table)
                .values(&merge)
                .returning(PersonMerge::as_returning())
                .get_result(conn)?;
            Ok(MergeOutcome::Merged(Box::new(merge)))
        })
    }
}

/// The "not a duplicate" decisions the people are in: the removed person's go with it, and the
/// survivor's lapse when the merge changes its name or origin.
fn dismissals_of(conn: &mut PgConnection, people: &[i64]) -> QueryResult<Value> {
    Ok(diesel::sql_query(
        "SELECT coalesce(jsonb_agg(to_jsonb(d) ORDER BY d.low_id, d.high_id), '[]') AS copy
         FROM duplicate_dismissal d WHERE d.low_id = ANY($1) OR d.high_id = ANY($1)",
    )
    .bind::<Array<BigInt>, _>(people)
    .get_result::<Copy>(conn)?
    .copy)
}
