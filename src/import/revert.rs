//! Reverting an applied batch as a whole, from the changes it recorded.
//!
//! What the batch created goes set-wise, one statement per table: the report figures' and the
//! audit's triggers then run once per table instead of once per row, so a batch of 100,000 new
//! rows reverts in seconds. What it updated gets its old values back record by record, through
//! the same update as a form's save.

use diesel::prelude::*;

use super::ImportError;
use crate::domain::{CompanyId, PayBandId, PersonId};
use crate::input::PayBandInput;
use crate::models::PayBand;
use crate::models::pay_decision::PayDecision;
use crate::models::{
    Company, CompanyFields, ImportBatch, ImportItem, Person, PersonFields, PersonMerge,
};
use crate::schema::{company, pay_report, person};

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
/// its old values back. Refused when later work depends on what the batch created.
pub fn revert(conn: &mut PgConnection, batch_id: i64) -> Result<(), ImportError> {
    conn.transaction(|conn| {
        let batch = ImportBatch::find(conn, batch_id)?;
        if batch.status != crate::domain::BatchStatus::Applied {
            return Err(ImportError::Refused(format!(
                "This batch is {}: only an applied batch can be reverted.",
                batch.status
            )));
        }
        let undo = Undo::of(ImportItem::of_batch(conn, batch_id)?);
        refuse_merged(conn, &undo, batch.applied_at.unwrap_or_default())?;
        diesel::delete(pay_report::table.filter(pay_report::id.eq_any(&undo.created_reports)))
            .execute(conn)?;
        delete_created_people(conn, &undo.created_people)?;
        // Before the created companies go: a restored person no longer names them.
        for item in &undo.updated {
            restore(conn, item)?;
        }
        delete_created_companies(conn, &undo.created_companies)?;
        for &id in &undo.created_bands {
            let band = PayBandId(id);
            if PayBand::offers_count(conn, band)? > 0 || PayDecision::on_band(conn, band)? {
                return Err(ImportError::Refused(
                    "A pay band this import created has offers checked against it or decided on it: keep the batch, or change those offers first.".into(),
                ));
            }
            PayBand::delete(conn, band)?;
        }
        ImportBatch::mark_reverted(conn, batch_id)?;
        Ok(())
    })
}

/// A merge since the batch moved its items to the survivor: reverting them would delete or
/// rewrite the survivor, and the merge could no longer be undone. A merge from before the
/// batch is no obstacle: the batch's old values are the survivor's own.
fn refuse_merged(
    conn: &mut PgConnection,
    undo: &Undo,
    applied_at: chrono::DateTime<chrono::Utc>,
) -> Result<(), ImportError> {
    let people: Vec<i64> = undo
        .updated
        .iter()
        .filter(|item| item.record_table == "person")
        .map(|item| item.record_id)
        .chain(undo.created_people.iter().copied())
        .collect();
    let Some(survivor) = PersonMerge::first_survivor_among(conn, &people, applied_at)? else {
        return Ok(());
    };
    let name = Person::find(conn, survivor)?.fields.full_name;
    Err(ImportError::Refused(format!(
        "{name} has had another record merged into it since this import: undo that merge first (People, Merges), or keep the batch."
    )))
}

/// People the batch created, unless pay reports were added to any of them since (the batch's
/// own are gone by now). People deleted since are simply not there any more.
fn delete_created_people(conn: &mut PgConnection, ids: &[i64]) -> Result<(), ImportError> {
    let with_later_reports: Option<String> = person::table
        .filter(person::id.eq_any(ids))
        .filter(diesel::dsl::exists(
            pay_report::table.filter(pay_report::person_id.eq(person::id)),
        ))
        .select(person::full_name)
        .order(person::id)
        .first(conn)
        .optional()?;
    if let Some(name) = with_later_reports {
        return Err(ImportError::Refused(format!(
            "{name} has pay reports added after this import: delete those first, or keep the batch."
        )));
    }
    diesel::delete(person::table.filter(person::id.eq_any(ids))).execute(conn)?;
    Ok(())
}

/// Companies the batch created, unless people it did not create name them.
fn delete_created_companies(conn: &mut PgConnection, ids: &[i64]) -> Result<(), ImportError> {
    let named: Option<String> = company::table
        .filter(company::id.eq_any(ids))
        .filter(diesel::dsl::exists(
            person::table.filter(
                person::origin_company_id
                    .eq(company::id.nullable())
                    .or(person::hiring_company_id.eq(company::id.nullable())),
            ),
        ))
        .select(company::name)
        .order(company::id)
        .first(conn)
        .optional()?;
    if let Some(name) = named {
        return Err(ImportError::Refused(format!(
            "{name} is named by people this import did not create: change them first, or keep the batch."
        )));
    }
    diesel::delete(company::table.filter(company::id.eq_any(ids))).execute(conn)?;
    Ok(())
}

/// A record the batch updated gets its values from before the batch.
fn restore(conn: &mut PgConnection, item: &ImportItem) -> Result<(), ImportError> {
    let (id, Some(before)) = (item.record_id, &item.before) else {
        return Ok(());
    };
    let unreadable = |what: &str, e: serde_json::Error| {
        ImportError::Refused(format!("{what}'s old values cannot be read: {e}"))
    };
    match item.record_table.as_str() {
        "person" => {
            let person_id = PersonId(id);
            let mut fields: PersonFields =
                serde_json::from_value(before.clone()).map_err(|e| unreadable("a person", e))?;
            // An erasure outlives the batch: the old values come back without its person's
            // personal fields, which stay erased.
            if Person::was_erased(conn, person_id)? {
                fields = fields.with_personal_of(&Person::find(conn, person_id)?.fields);
            }
            Person::update(conn, person_id, None, &fields)?;
        }
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
