//! Reverting an applied batch as a whole, from the changes it recorded.

use diesel::prelude::*;

use super::ImportError;
use crate::domain::{CompanyId, PayBandId, PersonId};
use crate::input::PayBandInput;
use crate::models::PayBand;
use crate::models::pay_decision::PayDecision;
use crate::models::{
    Company, CompanyFields, ImportBatch, ImportItem, Person, PersonFields, PersonMerge,
};
use crate::schema::pay_report;

/// Undoes an applied batch, all or nothing: what it created is deleted, what it updated gets
/// its old values back. Refused when later work depends on what the batch created.
pub fn revert(conn: &mut PgConnection, batch_id: i64) -> Result<(), ImportError> {
    conn.transaction(|conn| {
        let batch = ImportBatch::find(conn, batch_id)?;
        if batch.status != crate::domain::BatchStatus::Applied {
            return Err(ImportError::Refused(format!("This batch is {}: only an applied batch can be reverted.", batch.status)));
        }
        for item in ImportItem::of_batch(conn, batch_id)? {
            let id = item.record_id;
            // A merge moved the batch's items to its survivor: reverting them would delete or
            // rewrite the survivor, and the merge could no longer be undone.
            if item.record_table == "person" && PersonMerge::is_survivor(conn, PersonId(id))? {
                let name = Person::find(conn, PersonId(id))?.fields.full_name;
                return Err(ImportError::Refused(format!(
                    "{name} has had another record merged into it since this import: undo that merge first (People, Merges), or keep the batch."
                )));
            }
            let (person_id, company_id) = (PersonId(id), CompanyId(id));
            match (item.record_table.as_str(), &item.before) {
                ("pay_report", _) => {
                    diesel::delete(pay_report::table.find(id)).execute(conn)?;
                }
                ("person", None) => {
                    let Ok(person) = Person::find(conn, person_id) else { continue };
                    let later: i64 = pay_report::table.filter(pay_report::person_id.eq(person_id)).count().get_result(conn)?;
                    if later > 0 {
                        return Err(ImportError::Refused(format!(
                            "{} has pay reports added after this import: delete those first, or keep the batch.",
                            person.fields.full_name
                        )));
                    }
                    Person::delete(conn, person_id)?;
                }
                ("person", Some(before)) => {
                    let mut fields: PersonFields = serde_json::from_value(before.clone())
                        .map_err(|e| ImportError::Refused(format!("a person's old values cannot be read: {e}")))?;
                    // An erasure outlives the batch: the old values come back without its
                    // person's personal fields, which stay erased.
                    if Person::was_erased(conn, person_id)? {
                        fields = fields.with_personal_of(&Person::find(conn, person_id)?.fields);
                    }
                    Person::update(conn, person_id, None, &fields)?;
                }
                ("company", None) => {
                    let Ok(company) = Company::find(conn, company_id) else { continue };
                    if Company::people_count(conn, company_id)? > 0 {
                        return Err(ImportError::Refused(format!(
                            "{} is named by people this import did not create: change them first, or keep the batch.",
                            company.fields.name
                        )));
                    }
                    Company::delete(conn, company_id)?;
                }
                ("company", Some(before)) => {
                    let fields: CompanyFields = serde_json::from_value(before.clone())
                        .map_err(|e| ImportError::Refused(format!("a company's old values cannot be read: {e}")))?;
                    Company::update(conn, company_id, None, &fields)?;
                }
                ("pay_band", None) => {
                    let band = PayBandId(id);
                    if PayBand::offers_count(conn, band)? > 0 || PayDecision::on_band(conn, band)? {
                        return Err(ImportError::Refused(
                            "A pay band this import created has offers checked against it or decided on it: keep the batch, or change those offers first.".into(),
                        ));
                    }
                    PayBand::delete(conn, band)?;
                }
                ("pay_band", Some(before)) => {
                    let input: PayBandInput = serde_json::from_value(before.clone())
                        .map_err(|e| ImportError::Refused(format!("a pay band's old values cannot be read: {e}")))?;
                    PayBand::update(conn, PayBandId(id), None, &input.into_fields())?;
                }
                _ => {}
            }
        }
        ImportBatch::mark_reverted(conn, batch_id)?;
        Ok(())
    })
}
