//! Export cells: PostgreSQL prints the pay-report file's cells (`EXPORT_COLUMNS`), so the
//! export copies bytes, while the input types print the same values for the forms and the
//! other files (and printed this file before). Over stored values at the edges (whole and largest amounts, NULLs, text a CSV
//! must quote or a spreadsheet would run, the date window's ends) and under a DateStyle that
//! is not ISO, PostgreSQL's cells must be the input types' cells.

use diesel::prelude::*;
use talent_tracker::csv_format::{DATE_COLUMNS, DECIMAL_COLUMNS, Dialect, escape_text};
use talent_tracker::domain::PersonId;
use talent_tracker::export;
use talent_tracker::input::{PayReportInput, PersonInput, RecordInput, csv_row};
use talent_tracker::models::pay_report::EXPORT_COLUMNS;
use talent_tracker::models::{Company, PayReport, Person, PersonFilter, PersonSort};

use crate::common::TestApp;

/// Amounts at the edges of NUMERIC(14, 2), and text that is quoted, defused or plain.
const REPORTS: [(&str, &str, &str, &str); 5] = [
    ("0", "0.01", "NULL", "'=HYPERLINK(\"x\")'"),
    (
        "1234.5",
        "999999999999.99",
        "0",
        "'a, \"quoted\"\nsecond line'",
    ),
    ("250000", "250000", "1000000", "'''-already defused'"),
    ("1", "2", "NULL", "'Müller; plain'"),
    ("3.10", "4", "5.5", "NULL"),
];

#[test]
fn postgres_prints_every_export_cell_as_the_input_types_do() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let origin = app.create_company("+Origin, Inc.");
    let person = app.create_person(&[("full_name", "@Ada \"Lovelace\""), ("stage", "hired")]);
    let mut conn = app.conn()?;
    diesel::sql_query(format!(
        "UPDATE person SET origin_company_id = {origin}, title = '-lead', team = E'\\tteam',
         first_contact_on = '1900-01-01', offer_on = '1999-12-31', decided_on = '2000-02-29',
         start_on = '2100-12-31', notes = E'line\\r\\nbreak', level = 'L5'
         WHERE id = {person}"
    ))
    .execute(&mut conn)?;
    for (low, high, base, notes) in REPORTS {
        diesel::sql_query(format!(
            "INSERT INTO pay_report (person_id, kind, currency, amount_low, amount_high, period,
                                     period_years, base, as_of, confidence, notes, source_url)
             VALUES ({person}, 'reported', 'USD', {low}, {high}, 'annual', NULL, {base},
                     '2026-01-05', 'rumor', {notes}, 'https://example.com/a,b')"
        ))
        .execute(&mut conn)?;
    }
    // A session whose dates print otherwise must still write ISO dates into the file.
    diesel::sql_query("SET DateStyle = 'SQL, DMY'").execute(&mut conn)?;

    let header: Vec<&str> = ["id", "person_id"]
        .iter()
        .chain(PersonInput::COLUMNS)
        .chain(PayReportInput::COLUMNS)
        .copied()
        .collect();
    let labels: Vec<&str> = EXPORT_COLUMNS.iter().map(|(label, _)| *label).collect();
    assert_eq!(labels, header, "the export's columns are the file's header");

    let stored = Person::find(&mut conn, PersonId(person))?;
    let origin_name = Company::name_of(&mut conn, stored.fields.origin_company_id)?;
    let person_cells = csv_row(&PersonInput::stored(stored.fields, origin_name, None))?;
    let mut expected = Vec::new();
    for report in PayReport::for_person(&mut conn, PersonId(person))? {
        let mut cells = vec![report.id.get().to_string(), person.to_string()];
        cells.extend(person_cells.iter().cloned());
        cells.extend(csv_row(&PayReportInput::stored(report.fields))?);
        expected.push(cells);
    }
    expected.sort_by_key(|cells| cells[0].parse::<i64>().unwrap_or_default());
    assert_eq!(expected.len(), REPORTS.len());

    for dialect in [Dialect::Plain, Dialect::German] {
        let mut file = Vec::new();
        let everyone = PersonFilter::default();
        export::pay_reports(
            &mut conn,
            &everyone,
            PersonSort::Name,
            false,
            dialect,
            &mut file,
        )?;
        let body = file.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&file);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(dialect.delimiter())
            .from_reader(body);
        assert_eq!(reader.headers()?, header, "{dialect:?}");
        let written: Vec<Vec<String>> = reader
            .records()
            .map(|record| Ok(record?.iter().map(str::to_owned).collect()))
            .collect::<anyhow::Result<_>>()?;
        // What the input types print, as the file writes it: amounts and days in the dialect,
        // every other cell with formulas defused.
        let wanted: Vec<Vec<String>> = expected
            .iter()
            .map(|cells| {
                cells
                    .iter()
                    .zip(&header)
                    .map(|(cell, column)| {
                        match (
                            DECIMAL_COLUMNS.contains(column),
                            DATE_COLUMNS.contains(column),
                        ) {
                            (true, _) => dialect.decimal(cell).into_owned(),
                            (_, true) => dialect.date(cell).into_owned(),
                            _ => escape_text(cell),
                        }
                    })
                    .collect()
            })
            .collect();
        assert_eq!(written, wanted, "{dialect:?}");
    }
    Ok(())
}
