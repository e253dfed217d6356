//! Applying a plan in one transaction, recording each change so the batch can be reverted.

use std::collections::HashMap;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use super::ImportError;
use super::plan::{Action, Counts, Keys, Plan};
use crate::domain::{CompanyId, PayReportId, PersonId};
use crate::input::PayBandInput;
use crate::input::PersonInput;
use crate::models::outbox::Outbox;
use crate::models::{
    Company, CompanyFields, ImportBatch, ImportItem, PayBand, PayReport, Person, PersonFields,
};
use crate::models::{advance_id_sequence, ids_keeping};
use crate::schema::company;

fn item(
    batch_id: i64,
    table: &str,
    record_id: i64,
    before: Option<serde_json::Value>,
) -> ImportItem {
    ImportItem {
        id: 0,
        batch_id,
        record_table: table.to_owned(),
        record_id,
        action: if before.is_some() {
            "updated"
        } else {
            "created"
        }
        .to_owned(),
        before,
    }
}

fn json<T: serde::Serialize>(value: &T) -> Result<serde_json::Value, ImportError> {
    serde_json::to_value(value)
        .map_err(|e| ImportError::Refused(format!("cannot keep the record's old values: {e}")))
}

/// Applies `plan` as batch `batch_id`, all or nothing. A plan with errors is refused unless
/// `skip_errors`: then its valid rows are applied (the plan holds no step for a row with an
/// error). `progress` hears how many rows are done.
pub fn apply(
    conn: &mut PgConnection,
    plan: &Plan,
    batch_id: i64,
    skip_errors: bool,
    progress: &mut dyn FnMut(u64),
) -> Result<Counts, ImportError> {
    if !plan.errors.is_empty() && !skip_errors {
        return Err(ImportError::Refused(
            "The file has errors: nothing was imported.".into(),
        ));
    }
    conn.transaction(|conn| {
        // The report figures' triggers run over every person of the file at once; PostgreSQL
        // would compile those statements to machine code first (JIT), which takes longer than
        // running them. Only for this transaction.
        conn.batch_execute("SET LOCAL jit = off")?;
        ImportBatch::audit_as_whole(conn, batch_id)?;
        let mut items = Vec::new();
        // New companies go in together, those the file names and those it lists; those it
        // lists with an id keep it.
        let named = plan.new_companies.iter().map(|name| CompanyFields {
            name: name.clone(),
            ..CompanyFields::default()
        });
        let listed = plan.companies.iter().filter(|s| s.action == Action::Create);
        let (with_ids, without): (Vec<_>, Vec<_>) = listed.partition(|s| s.given_id.is_some());
        let kept: Vec<(CompanyId, CompanyFields)> = with_ids
            .iter()
            .filter_map(|s| Some((s.given_id?, s.fields.clone())))
            .collect();
        if let Some(largest) = kept.iter().map(|(id, _)| id.get()).max() {
            advance_id_sequence(conn, "company", largest)?;
            Company::insert_many_as(conn, &kept)?;
        }
        let created: Vec<CompanyFields> = named
            .chain(without.iter().map(|s| s.fields.clone()))
            .collect();
        let ids = Company::insert_many(conn, &created)?;
        for id in kept.iter().map(|(id, _)| *id).chain(ids) {
            items.push(item(batch_id, "company", id.get(), None));
        }
        for step in &plan.companies {
            if let (Action::Update, Some(id)) = (step.action, step.existing) {
                let before = Company::find(conn, id)?.fields;
                Company::update(conn, id, None, &step.fields)?;
                items.push(item(batch_id, "company", id.get(), Some(json(&before)?)));
            }
            progress(1);
        }
        let company_ids: HashMap<String, CompanyId> = company::table
            .select((company::name_key, company::id))
            .load::<(String, CompanyId)>(conn)?
            .into_iter()
            .collect();
        let mut keys = Keys::default();
        // New people go in together (one COPY), under the file's ids where it gives them.
        let creating = || {
            let steps = plan.people.iter();
            steps.filter(|step| step.action == Action::Create)
        };
        let created: Vec<PersonFields> = creating()
            .map(|step| person_fields(&step.person, &company_ids, &mut keys))
            .collect();
        let given: Vec<Option<i64>> = creating().map(|s| s.given_id.map(PersonId::get)).collect();
        let ids: Vec<PersonId> = ids_keeping(conn, "person", &given)?
            .into_iter()
            .map(PersonId)
            .collect();
        Person::insert_many_as(conn, &ids, &created)?;
        let mut created_ids = ids.into_iter();
        // Changed people too (one UPDATE); their old values come back in the order of the plan.
        let updated: Vec<(PersonId, PersonFields)> = plan
            .people
            .iter()
            .filter_map(|step| match (step.action, step.existing) {
                (Action::Update, Some(id)) => {
                    Some((id, person_fields(&step.person, &company_ids, &mut keys)))
                }
                _ => None,
            })
            .collect();
        let mut befores = Person::update_many(conn, &updated)?.into_iter();
        let (mut new_reports, mut report_ids) = (Vec::new(), Vec::new());
        for step in &plan.people {
            let id = match (step.action, step.existing) {
                (Action::Create, _) => {
                    let id = created_ids.next().ok_or_else(|| {
                        ImportError::Refused("the new people were not all created".into())
                    })?;
                    items.push(item(batch_id, "person", id.get(), None));
                    id
                }
                (Action::Update, Some(id)) => {
                    let before = befores.next().ok_or_else(|| {
                        ImportError::Refused("the changed people were not all saved".into())
                    })?;
                    items.push(item(batch_id, "person", id.get(), Some(json(&before)?)));
                    id
                }
                (_, Some(existing)) => existing,
                (_, None) => continue,
            };
            for pay in step.pays.iter().filter(|p| p.action == Action::Create) {
                new_reports.push((id, pay.fields.clone()));
                report_ids.push(pay.given_id.map(PayReportId::get));
            }
            progress(1 + step.pays.len().saturating_sub(1) as u64);
        }
        let report_ids: Vec<PayReportId> = ids_keeping(conn, "pay_report", &report_ids)?
            .into_iter()
            .map(PayReportId)
            .collect();
        PayReport::insert_many_as(conn, &report_ids, &new_reports)?;
        // New offers, and those of changed people, that now wait for a decision are mailed
        // to the approvers once the batch commits.
        Outbox::offers_pending(conn, &report_ids)?;
        let changed: Vec<PersonId> = updated.iter().map(|(id, _)| *id).collect();
        Outbox::offers_pending_of(conn, &changed)?;
        for id in report_ids {
            items.push(item(batch_id, "pay_report", id.get(), None));
        }
        apply_bands(conn, plan, batch_id, &mut items, progress)?;
        ImportItem::insert_all(conn, &items)?;
        let counts = plan.counts();
        ImportBatch::mark_applied(
            conn,
            batch_id,
            (counts.created, counts.updated, counts.skipped),
        )?;
        Ok(counts)
    })
}

/// Writes a bands file's versions: a few dozen rows, one statement each.
fn apply_bands(
    conn: &mut PgConnection,
    plan: &Plan,
    batch_id: i64,
    items: &mut Vec<ImportItem>,
    progress: &mut dyn FnMut(u64),
) -> Result<(), ImportError> {
    for step in &plan.bands {
        match (step.action, step.existing) {
            (Action::Create, _) => {
                let band = PayBand::insert(conn, &step.fields)?;
                items.push(item(batch_id, "pay_band", band.id.get(), None));
            }
            (Action::Update, Some(id)) => {
                let before = PayBandInput::stored(PayBand::find(conn, id)?.fields);
                PayBand::update(conn, id, None, &step.fields)?;
                items.push(item(batch_id, "pay_band", id.get(), Some(json(&before)?)));
            }
            _ => {}
        }
        progress(1);
    }
    Ok(())
}

/// The person a plan's step writes, with the companies it names (all exist by now), found by
/// their stored key.
fn person_fields<'a>(
    person: &'a PersonInput,
    company_ids: &HashMap<String, CompanyId>,
    keys: &mut Keys<'a>,
) -> PersonFields {
    let [origin, hiring] = person
        .companies()
        .map(|(_, name)| name.and_then(|n| company_ids.get(keys.of(n)).copied()));
    person.clone().into_fields(origin, hiring)
}
