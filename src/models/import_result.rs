//! What an applied import batch wrote, by name, for its page to link to.

use diesel::prelude::*;

use crate::schema::{company, import_item, pay_report, person};

/// One record a batch created or updated, as its page lists it.
#[derive(Debug, Clone)]
pub struct ImportedRecord {
    pub record_table: String,
    pub record_id: i64,
    /// "created" or "updated".
    pub action: String,
    /// The person's or company's name; for a pay report, its person's.
    pub name: Option<String>,
    /// A pay report's person.
    pub person_id: Option<i64>,
}

/// An item with the names the joins found.
#[derive(Queryable)]
struct Row {
    record_table: String,
    record_id: i64,
    action: String,
    company: Option<String>,
    person: Option<String>,
    person_id: Option<i64>,
}

/// How many records a batch page lists; the counts above them cover the rest.
pub const LISTED: i64 = 500;

impl ImportedRecord {
    /// The first records of a batch, in the order they were written: companies, people, pay.
    /// A record deleted since has no name.
    pub fn of_batch(conn: &mut PgConnection, batch_id: i64) -> QueryResult<Vec<ImportedRecord>> {
        let rows: Vec<Row> = import_item::table
            .left_join(
                company::table.on(import_item::record_table
                    .eq("company")
                    .and(company::id.eq(import_item::record_id))),
            )
            .left_join(
                pay_report::table.on(import_item::record_table
                    .eq("pay_report")
                    .and(pay_report::id.eq(import_item::record_id))),
            )
            .left_join(
                person::table.on((import_item::record_table
                    .eq("person")
                    .and(person::id.eq(import_item::record_id)))
                .or(person::id.nullable().eq(pay_report::person_id.nullable()))),
            )
            .filter(import_item::batch_id.eq(batch_id))
            .order(import_item::id)
            .limit(LISTED)
            .select((
                import_item::record_table,
                import_item::record_id,
                import_item::action,
                company::name.nullable(),
                person::full_name.nullable(),
                pay_report::person_id.nullable(),
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|row| ImportedRecord {
                name: row.company.or(row.person),
                record_table: row.record_table,
                record_id: row.record_id,
                action: row.action,
                person_id: row.person_id,
            })
            .collect())
    }

    /// Where the record's page is.
    pub fn href(&self) -> Option<String> {
        self.name.as_ref()?;
        match self.record_table.as_str() {
            "company" => Some(format!("/companies/{}", self.record_id)),
            "person" => Some(format!("/people/{}", self.record_id)),
            "pay_report" => self.person_id.map(|p| format!("/people/{p}#pay")),
            _ => None,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self.record_table.as_str() {
            "company" => "company",
            "person" => "person",
            _ => "pay report",
        }
    }
}
