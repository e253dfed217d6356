//! Reverting an applied batch as a whole, from the changes it recorded.
//!
//! What the batch created goes set-wise, one statement per table: the report figures'
//! triggers then run once per table instead of once per row, so a batch of 100,000 new rows
//! reverts in seconds. The people it updated get their old values back in one statement too;
//! its companies and bands (a few per file) one by one, through the same update as a form's
//! save. A batch whose apply was audited as a whole is reverted the same way: one audit entry,
//! the records' own read from the items (src/db/sql/audit_trail.sql).

use std::collections::HashMap;

use diesel::prelude::*;

use super::ImportError;
use super::obstacle::obstacle;
use crate::domain::{CompanyId, PayBandId, PersonId};
use crate::input::PayBandInput;
use crate::models::PayBand;
use crate::models::{Company, CompanyFields, ImportBatch, ImportItem, Person, PersonFields};
use crate::schema::{company, import_batch, pay_report, person};

/// A batch's items by what undoing them takes. Updates keep the batch's order, newest first.
#[derive(Default)]
struct Undo {
    created_reports: Vec<i64>,
    created_people: Vec<i64>,
    created_companies: Vec<i64>,
    created_bands: Vec<i64>,
    updated: Vec<ImportItem>,
}

impl Undo {
    fn of(items: Vec<ImportItem>) -> Undo {
        let mut undo = Undo::default();
        for item in items {
            let created = match (item.record_table.as_str(), &item.before) {
                ("pay_report", _) => &mut undo.created_reports,
                ("person", None) => &mut undo.created_people,
                ("company", None) => &mut undo.created_companies,
                ("pay_band", None) => &mut undo.created_bands,
                _ => {
                    undo.updated.push(item);
                    continue;
                }
            };
            created.push(item.record_id);
        }
        undo
    }
}

/// Undoes an applied batch, all or nothing: what it created is deleted, what it updated gets
/// its old values back. Refused, with the reason, whenever `obstacle` finds one.
pub fn revert(conn: &mut PgConnection, batch_id: i64) -> Result<(), ImportError> {
    conn.transaction(|conn| {
        // Locked: two reverts of one batch take turns, and the second finds it reverted.
        let batch: ImportBatch = import_batch::table
            .find(batch_id)
            .for_update()
            .select(ImportBatch::as_select())
            .first(conn)?;
        // As long as applying it might have taken, not a request's limit.
        super::budget::allow(conn, usize::try_from(batch.rows_total).unwrap_or_default())?;
        if let Some(why) = obstacle(conn, &batch)? {
            return Err(ImportError::Refused(why));
        }
        if ImportBatch::audited_as_whole(conn, batch_id)? {
            ImportBatch::audit_as_whole(conn, batch_id)?;
        }
        let undo = Undo::of(ImportItem::of_batch(conn, batch_id)?);
        diesel::delete(pay_report::table.filter(pay_report::id.eq_any(&undo.created_reports)))
            .execute(conn)?;
        // People deleted since are simply not there any more.
        diesel::delete(person::table.filter(person::id.eq_any(&undo.created_people)))
            .execute(conn)?;
        // Before the created companies go: a restored person no longer names them.
        restore_people(conn, &undo.updated).map_err(deleted_meanwhile)?;
        for item in &undo.updated {
            restore(conn, item).map_err(deleted_meanwhile)?;
        }
        diesel::delete(company::table.filter(company::id.eq_any(&undo.created_companies)))
            .execute(conn)?;
        for &id in &undo.created_bands {
            PayBand::delete(conn, PayBandId(id))?;
        }
        ImportBatch::mark_reverted(conn, batch_id)?;
        Ok(())
    })
}

/// A record `obstacle` found was deleted by another request since it looked.
fn deleted_meanwhile(e: ImportError) -> ImportError {
    match e {
        ImportError::Database(diesel::result::Error::NotFound) => ImportError::Refused(
            "A record this import updated was deleted meanwhile: this import can no longer be reverted."
                .into(),
        ),
        e => e,
    }
}

fn unreadable(what: &str, e: serde_json::Error) -> ImportError {
    ImportError::Refused(format!("{what}'s old values cannot be read: {e}"))
}

/// The people the batch updated get their values from before the batch, in one statement
/// (`Person::update_many`, which answers `NotFound` when one of them is gone).
fn restore_people(conn: &mut PgConnection, updated: &[ImportItem]) -> Result<(), ImportError> {
    let mut people = Vec::new();
    for item in updated.iter().filter(|item| item.record_table == "person") {
        let Some(before) = &item.before else { continue };
        let fields: PersonFields =
            serde_json::from_value(before.clone()).map_err(|e| unreadable("a person", e))?;
        people.push((PersonId(item.record_id), fields));
    }
    let ids: Vec<PersonId> = people.iter().map(|(id, _)| *id).collect();
    // An erasure outlives the batch: the old values come back without its person's personal
    // fields, which stay erased.
    let erased: HashMap<PersonId, PersonFields> = person::table
        .filter(person::id.eq_any(&ids))
        .filter(person::erased_at.is_not_null())
        .select((person::id, PersonFields::as_select()))
        .load(conn)?
        .into_iter()
        .collect();
    let people: Vec<(PersonId, PersonFields)> = people
        .into_iter()
        .map(|(id, fields)| match erased.get(&id) {
            Some(now) => (id, fields.with_personal_of(now)),
            None => (id, fields),
        })
        .collect();
    Person::update_many(conn, &people)?;
    Ok(())
}

/// A company or band the batch updated gets its values from before the batch.
fn restore(conn: &mut PgConnection, item: &ImportItem) -> Result<(), ImportError> {
    let (id, Some(before)) = (item.record_id, &item.before) else {
        return Ok(());
    };
    match item.record_table.as_str() {
        "company" => {
            let fields: CompanyFields =
                serde_json::from_value(before.clone()).map_err(|e| unreadable("a company", e))?;
            Company::update(conn, CompanyId(id), None, &fields)?;
        }
        "pay_band" => {
            let input: PayBandInput =
                serde_json::from_value(before.clone()).map_err(|e| unreadable("a pay band", e))?;
            PayBand::update(conn, PayBandId(id), None, &input.into_fields())?;
        }
        _ => {}
    }
    Ok(())
}
