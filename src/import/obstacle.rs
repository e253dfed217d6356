//! Whether a batch can be reverted now, and by whom: the one place that knows, read by the
//! batch page (to say why instead of offering the button) and by the revert itself (to
//! refuse with that reason before it changes anything).

use diesel::dsl::{exists, not};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use serde_json::Value;

use super::ImportKind;
use crate::domain::{BatchStatus, PayBandId, Role};
use crate::models::pay_decision::PayDecision;
use crate::models::{ImportBatch, PayBand, Person, PersonMerge};
use crate::schema::{company, import_item, pay_band, pay_report, person};

/// The ids of a batch's records of one table, for use inside another query.
type Recorded = import_item::BoxedQuery<'static, Pg, BigInt>;

/// What the batch wrote to `table`: `Some(true)` the records it updated, `Some(false)` those
/// it created, `None` both. Pay reports are only ever created.
fn recorded(batch: i64, table: &'static str, updated: Option<bool>) -> Recorded {
    let query = import_item::table
        .filter(import_item::batch_id.eq(batch))
        .filter(import_item::record_table.eq(table))
        .select(import_item::record_id)
        .into_boxed();
    match updated {
        Some(true) => query.filter(import_item::before.is_not_null()),
        Some(false) => query.filter(import_item::before.is_null()),
        None => query,
    }
}

/// Whether `role` may now change every kind of record the batch wrote, as importing them
/// would need (`ImportKind::allowed_for`): a revert deletes and rewrites them, so a role
/// taken away since takes the revert with it.
pub fn role_may_revert(conn: &mut PgConnection, batch: i64, role: Role) -> QueryResult<bool> {
    let tables: Vec<String> = import_item::table
        .filter(import_item::batch_id.eq(batch))
        .select(import_item::record_table)
        .distinct()
        .load(conn)?;
    Ok(tables.iter().all(|table| {
        let kind = match table.as_str() {
            "pay_band" => ImportKind::Bands,
            "company" => ImportKind::Companies,
            _ => ImportKind::People,
        };
        kind.allowed_for(role)
    }))
}

/// Why reverting `batch` would be refused now, if it would: the first reason found, in words
/// for the batch page. Reverting runs this inside its own transaction first.
pub fn obstacle(conn: &mut PgConnection, batch: &ImportBatch) -> QueryResult<Option<String>> {
    if batch.status != BatchStatus::Applied {
        return Ok(Some(format!(
            "This batch is {}: only an applied batch can be reverted.",
            batch.status
        )));
    }
    let id = batch.id;
    if let Some(why) = updated_and_deleted(conn, id)? {
        return Ok(Some(why));
    }
    let people: Vec<i64> = recorded(id, "person", None).load(conn)?;
    let since = batch.applied_at.unwrap_or_default();
    if let Some(survivor) = PersonMerge::first_survivor_among(conn, &people, since)? {
        let name = Person::find(conn, survivor)?.fields.full_name;
        return Ok(Some(format!(
            "{name} has had another record merged into it since this import: undo that merge first (People, Merges), or keep the batch."
        )));
    }
    if let Some(name) = created_with_later_reports(conn, id)? {
        return Ok(Some(format!(
            "{name} has pay reports added after this import: delete those first, or keep the batch."
        )));
    }
    if let Some(name) = created_and_named_by_others(conn, id)? {
        return Ok(Some(format!(
            "{name} is named by people this import did not create: change them first, or keep the batch."
        )));
    }
    let bands: Vec<i64> = recorded(id, "pay_band", Some(false)).load(conn)?;
    for band in bands.into_iter().map(PayBandId) {
        if PayBand::offers_count(conn, band)? > 0 || PayDecision::on_band(conn, band)? {
            return Ok(Some(
                "A pay band this import created has offers checked against it or decided on it: keep the batch, or change those offers first.".into(),
            ));
        }
    }
    Ok(None)
}

/// A record the batch updated that was deleted since: its old values have nowhere to go.
fn updated_and_deleted(conn: &mut PgConnection, batch: i64) -> QueryResult<Option<String>> {
    let is = |table: &'static str| import_item::record_table.eq(table);
    let gone: Option<(String, Option<Value>)> = import_item::table
        .filter(import_item::batch_id.eq(batch))
        .filter(import_item::before.is_not_null())
        .filter(not(exists(person::table.filter(
            is("person").and(person::id.eq(import_item::record_id)),
        ))))
        .filter(not(exists(company::table.filter(
            is("company").and(company::id.eq(import_item::record_id)),
        ))))
        .filter(not(exists(pay_band::table.filter(
            is("pay_band").and(pay_band::id.eq(import_item::record_id)),
        ))))
        .order(import_item::id)
        .select((import_item::record_table, import_item::before))
        .first(conn)
        .optional()?;
    let Some((table, before)) = gone else {
        return Ok(None);
    };
    let before = before.unwrap_or_default();
    let text = |key: &str| before.get(key).and_then(Value::as_str).unwrap_or_default();
    let (which, whose) = match table.as_str() {
        // An erasure since leaves no name to give.
        "person" if text("full_name").is_empty() => {
            ("A person this import updated".to_owned(), "their")
        }
        "person" => (
            format!("{}, whom this import updated,", text("full_name")),
            "their",
        ),
        "company" => (
            format!("The company {}, which this import updated,", text("name")),
            "its",
        ),
        _ => (
            format!(
                "The pay band {} {} from {}, which this import updated,",
                text("job_family"),
                text("level"),
                text("effective_on")
            ),
            "its",
        ),
    };
    Ok(Some(format!(
        "{which} was deleted since: {whose} old values have nowhere to go back to, so this \
         import can no longer be reverted."
    )))
}

/// A person the batch created who has pay reports it did not create.
fn created_with_later_reports(conn: &mut PgConnection, batch: i64) -> QueryResult<Option<String>> {
    person::table
        .filter(person::id.eq_any(recorded(batch, "person", Some(false))))
        .filter(exists(
            pay_report::table
                .filter(pay_report::person_id.eq(person::id))
                .filter(not(pay_report::id.eq_any(recorded(
                    batch,
                    "pay_report",
                    Some(false),
                )))),
        ))
        .select(person::full_name)
        .order(person::id)
        .first(conn)
        .optional()
}

/// A company the batch created that people it neither created nor updated name: a revert
/// deletes its own people and gives the others their old companies back first.
fn created_and_named_by_others(conn: &mut PgConnection, batch: i64) -> QueryResult<Option<String>> {
    company::table
        .filter(company::id.eq_any(recorded(batch, "company", Some(false))))
        .filter(exists(
            person::table
                .filter(
                    person::origin_company_id
                        .eq(company::id.nullable())
                        .or(person::hiring_company_id.eq(company::id.nullable())),
                )
                .filter(not(person::id.eq_any(recorded(batch, "person", None)))),
        ))
        .select(company::name)
        .order(company::id)
        .first(conn)
        .optional()
}
