//! CSV exports of companies, people and pay reports, written row by row as PostgreSQL returns
//! them. The web downloads and the `export` command share these functions.
//!
//! Each record's id comes first, where a spreadsheet's user sees it and the import matches by
//! it (`ID_COLUMN`; a pay report's person is `PERSON_ID_COLUMN`).

use std::io::Write;

use diesel::{PgConnection, QueryResult};

use crate::csv_format::{DECIMAL_COLUMNS, Dialect, escaped};
use crate::domain::CompanyKind;
use crate::import::{ID_COLUMN, PERSON_ID_COLUMN};
use crate::input::{CompanyInput, PayBandInput, PayReportInput, PersonInput, RecordInput, csv_row};
use crate::models::person::PersonWithCompanies;
use crate::models::{Company, PayBand, PayBandFilter, PayReport, Person, PersonFilter, PersonSort};

/// Companies matching the list's search and kind, by name. Returns the number of rows.
pub fn companies(
    conn: &mut PgConnection,
    search: Option<&str>,
    kind: Option<CompanyKind>,
    dialect: Dialect,
    out: impl Write,
) -> anyhow::Result<u64> {
    let rows = Company::export(conn, search, kind)?;
    let header = [ID_COLUMN].iter().chain(CompanyInput::COLUMNS);
    write((dialect, out), header, rows, |company| {
        let mut row = vec![company.id.get().to_string()];
        row.extend(csv_row(&CompanyInput::stored(company.fields))?);
        Ok(row)
    })
}

/// Pay bands the list's filters keep, every version, by family, level, zone and day.
pub fn pay_bands(
    conn: &mut PgConnection,
    filter: &PayBandFilter,
    dialect: Dialect,
    out: impl Write,
) -> anyhow::Result<u64> {
    let rows = PayBand::export(conn, filter)?;
    write((dialect, out), PayBandInput::COLUMNS.iter(), rows, |band| {
        csv_row(&PayBandInput::stored(band.fields))
    })
}

/// People the list's filters keep, in its order, one row each.
pub fn people(
    conn: &mut PgConnection,
    filter: &PersonFilter,
    sort: PersonSort,
    descending: bool,
    dialect: Dialect,
    out: impl Write,
) -> anyhow::Result<u64> {
    let rows = Person::export(conn, filter, sort, descending)?;
    let header = [ID_COLUMN].iter().chain(PersonInput::COLUMNS);
    write((dialect, out), header, rows, |person| {
        let mut row = vec![person.0.id.get().to_string()];
        row.extend(person_cells(person)?);
        Ok(row)
    })
}

/// One row per pay report, its person's columns first (after the two ids): the file the
/// import reads back.
pub fn pay_reports(
    conn: &mut PgConnection,
    filter: &PersonFilter,
    sort: PersonSort,
    descending: bool,
    dialect: Dialect,
    out: impl Write,
) -> anyhow::Result<u64> {
    let rows = PayReport::export(conn, filter, sort, descending)?;
    let ids = [ID_COLUMN, PERSON_ID_COLUMN];
    let header = ids
        .iter()
        .chain(PersonInput::COLUMNS)
        .chain(PayReportInput::COLUMNS);
    write((dialect, out), header, rows, |(report, person)| {
        let mut row = vec![report.id.get().to_string(), person.0.id.get().to_string()];
        row.extend(person_cells(person)?);
        row.extend(csv_row(&PayReportInput::stored(report.fields))?);
        Ok(row)
    })
}

fn person_cells((person, origin, hiring): PersonWithCompanies) -> anyhow::Result<Vec<String>> {
    csv_row(&PersonInput::stored(person.fields, origin, hiring))
}

/// Writes the header, then each row's cells with formulas defused, in `dialect`. Returns the
/// number of rows.
fn write<'h, R>(
    (dialect, out): (Dialect, impl Write),
    header: impl Iterator<Item = &'h &'static str>,
    rows: impl Iterator<Item = QueryResult<R>>,
    row_cells: impl Fn(R) -> anyhow::Result<Vec<String>>,
) -> anyhow::Result<u64> {
    let mut writer = dialect.writer(out)?;
    let header: Vec<&str> = header.copied().collect();
    let amounts: Vec<bool> = header.iter().map(|h| DECIMAL_COLUMNS.contains(h)).collect();
    writer.write_record(&header)?;
    let mut written = 0;
    for row in rows {
        // Escaping every cell is safe: only free text can start like a formula (amounts are
        // never negative, and dates, choices and URLs start otherwise).
        let cells = row_cells(row?)?;
        for (cell, amount) in cells.iter().zip(&amounts) {
            match amount {
                true => writer.write_field(dialect.decimal(cell).as_bytes())?,
                false => writer.write_field(escaped(cell).as_bytes())?,
            }
        }
        writer.write_record(None::<&[u8]>)?;
        written += 1;
    }
    writer.flush()?;
    Ok(written)
}
