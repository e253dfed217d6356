//! CSV exports of companies, people and pay reports, written row by row as PostgreSQL returns
//! them. The web downloads and the `export` command share these functions.

use std::io::Write;

use bigdecimal::BigDecimal;
use diesel::PgConnection;

use crate::csv_format::{COMPANY_COLUMNS, PAY_COLUMNS, PERSON_COLUMNS, escape_text};
use crate::domain::CompanyKind;
use crate::models::person::PersonWithCompanies;
use crate::models::{Company, PayReport, Person, PersonFilter, PersonSort};

fn text(value: &Option<String>) -> String {
    value.as_deref().map(escape_text).unwrap_or_default()
}

fn plain<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// Amounts as exact plain decimals with their cents: no separators, no symbols.
fn amount(value: &BigDecimal) -> String {
    value.with_scale(2).to_plain_string()
}

fn person_record((person, origin, hiring): &PersonWithCompanies) -> Vec<String> {
    vec![
        escape_text(&person.full_name),
        text(&person.title),
        text(&person.expertise),
        text(origin),
        text(hiring),
        text(&person.team),
        person.stage.as_str().to_owned(),
        plain(&person.first_contact_on),
        plain(&person.offer_on),
        plain(&person.decided_on),
        plain(&person.start_on),
        text(&person.location),
        text(&person.notes),
    ]
}

fn pay_record(report: &PayReport) -> Vec<String> {
    vec![
        report.kind.as_str().to_owned(),
        report.currency.clone(),
        amount(&report.amount_low),
        amount(&report.amount_high),
        report.period.as_str().to_owned(),
        plain(&report.period_years),
        report.base.as_ref().map(amount).unwrap_or_default(),
        report.bonus.as_ref().map(amount).unwrap_or_default(),
        report.equity.as_ref().map(amount).unwrap_or_default(),
        report.sign_on.as_ref().map(amount).unwrap_or_default(),
        report.as_of.to_string(),
        text(&report.source_name),
        text(&report.source_url),
        report.confidence.as_str().to_owned(),
        text(&report.notes),
    ]
}

/// Companies matching the list's search and kind, by name. Returns the number of rows.
pub fn companies(
    conn: &mut PgConnection,
    search: Option<&str>,
    kind: Option<CompanyKind>,
    out: impl Write,
) -> anyhow::Result<u64> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COMPANY_COLUMNS)?;
    let mut rows = 0;
    for company in Company::export(conn, search, kind)? {
        let company = company?;
        writer.write_record([
            escape_text(&company.name),
            company.kind.as_str().to_owned(),
            text(&company.website),
            plain(&company.country),
            text(&company.notes),
        ])?;
        rows += 1;
    }
    writer.flush()?;
    Ok(rows)
}

/// People the list's filters keep, in its order, one row each.
pub fn people(
    conn: &mut PgConnection,
    filter: &PersonFilter,
    sort: PersonSort,
    descending: bool,
    out: impl Write,
) -> anyhow::Result<u64> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(PERSON_COLUMNS)?;
    let mut rows = 0;
    for person in Person::export(conn, filter, sort, descending)? {
        writer.write_record(person_record(&person?))?;
        rows += 1;
    }
    writer.flush()?;
    Ok(rows)
}

/// One row per pay report, its person's columns first: the file the import reads back.
pub fn pay_reports(
    conn: &mut PgConnection,
    filter: &PersonFilter,
    sort: PersonSort,
    descending: bool,
    out: impl Write,
) -> anyhow::Result<u64> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(PERSON_COLUMNS.iter().chain(PAY_COLUMNS))?;
    let mut rows = 0;
    for row in PayReport::export(conn, filter, sort, descending)? {
        let (report, person) = row?;
        let mut record = person_record(&person);
        record.extend(pay_record(&report));
        writer.write_record(record)?;
        rows += 1;
    }
    writer.flush()?;
    Ok(rows)
}
