//! CSV exports of companies, people and pay reports, written row by row as PostgreSQL returns
//! them. The web downloads and the `export` command share these functions.
//!
//! Each record's id comes first, where a spreadsheet's user sees it and the import matches by
//! it (`ID_COLUMN`; a pay report's person is `PERSON_ID_COLUMN`).

use std::io::Write;

use diesel::{Connection, PgConnection, QueryResult, RunQueryDsl};

use crate::csv_format::{DATE_COLUMNS, DECIMAL_COLUMNS, Dialect, escaped};
use crate::domain::CompanyKind;
use crate::import::{ID_COLUMN, PERSON_ID_COLUMN};
use crate::input::{CompanyInput, PayBandInput, PayReportInput, PersonInput, RecordInput, csv_row};
use crate::models::person::PersonWithCompanies;
use crate::models::text_cells::TextCells;
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
/// import reads back. PostgreSQL prints the cells (`PayReport::EXPORT_COLUMNS`), so they are
/// written as they come.
pub fn pay_reports(
    conn: &mut PgConnection,
    filter: &PersonFilter,
    sort: PersonSort,
    descending: bool,
    dialect: Dialect,
    out: impl Write,
) -> anyhow::Result<u64> {
    conn.transaction(|conn| {
        // Dates print as ISO 8601 whatever the server's or session's DateStyle says.
        diesel::sql_query("SET LOCAL DateStyle = 'ISO'").execute(conn)?;
        let rows = PayReport::export(conn, filter, sort, descending)?;
        let ids = [ID_COLUMN, PERSON_ID_COLUMN];
        let header = ids
            .iter()
            .chain(PersonInput::COLUMNS)
            .chain(PayReportInput::COLUMNS);
        write_text((dialect, out), header, rows)
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
    let cells = rows.map(|row| row_cells(row?));
    write_cells((dialect, out), header, cells)
}

/// `write` for rows whose cells are text already.
fn write_text<'h>(
    (dialect, out): (Dialect, impl Write),
    header: impl Iterator<Item = &'h &'static str>,
    rows: impl Iterator<Item = QueryResult<TextCells>>,
) -> anyhow::Result<u64> {
    write_cells((dialect, out), header, rows.map(|row| Ok(row?.0)))
}

/// A row's cells in header order, owned one by one or in one record.
trait Cells {
    fn cells(&self) -> impl Iterator<Item = &str>;
}

impl Cells for Vec<String> {
    fn cells(&self) -> impl Iterator<Item = &str> {
        self.iter().map(String::as_str)
    }
}

impl Cells for csv::StringRecord {
    fn cells(&self) -> impl Iterator<Item = &str> {
        self.iter()
    }
}

/// What a column holds, for how the dialect writes it.
enum Cell {
    Amount,
    Day,
    Text,
}

fn write_cells<'h>(
    (dialect, out): (Dialect, impl Write),
    header: impl Iterator<Item = &'h &'static str>,
    rows: impl Iterator<Item = anyhow::Result<impl Cells>>,
) -> anyhow::Result<u64> {
    let mut writer = dialect.writer(out)?;
    let header: Vec<&str> = header.copied().collect();
    let kinds: Vec<Cell> = header
        .iter()
        .map(
            |h| match (DECIMAL_COLUMNS.contains(h), DATE_COLUMNS.contains(h)) {
                (true, _) => Cell::Amount,
                (_, true) => Cell::Day,
                _ => Cell::Text,
            },
        )
        .collect();
    writer.write_record(header.iter().map(|h| dialect.header(h).into_owned()))?;
    let mut written = 0;
    for row in rows {
        let row = row?;
        // A row of other columns than the header would shift every cell after the gap.
        let count = row.cells().count();
        anyhow::ensure!(
            count == header.len(),
            "a row of {count} cells under {} columns",
            header.len()
        );
        // Escaping every cell is safe: only free text can start like a formula (amounts are
        // never negative, and dates, choices and URLs start otherwise).
        for (cell, kind) in row.cells().zip(&kinds) {
            match kind {
                Cell::Amount => writer.write_field(dialect.decimal(cell).as_bytes())?,
                Cell::Day => writer.write_field(dialect.date(cell).as_bytes())?,
                Cell::Text => writer.write_field(escaped(cell).as_bytes())?,
            }
        }
        writer.write_record(None::<&[u8]>)?;
        written += 1;
    }
    writer.flush()?;
    Ok(written)
}
