//! Turning records into typed rows with the forms' own input types, collecting every error
//! with its line and column.

use std::collections::HashMap;

use csv::StringRecord;

use crate::csv_format::unescape_text;
use crate::input::{self, CompanyInput, PayReportInput, PersonInput, RecordInput};
use crate::models::{CompanyFields, PayReportFields};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub column: String,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct PersonRow {
    pub line: u64,
    pub person: PersonInput,
    pub pay: Option<PayReportFields>,
}

#[derive(Debug, Clone)]
pub struct CompanyRow {
    pub line: u64,
    pub fields: CompanyFields,
}

/// Where each known column is in the file.
pub struct Columns(HashMap<String, usize>);

impl Columns {
    pub fn new(headers: &[String]) -> Self {
        Columns(
            headers
                .iter()
                .enumerate()
                .map(|(i, h)| (h.clone(), i))
                .collect(),
        )
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }
}

/// One record of a file, read as the input types read forms.
struct Row<'a> {
    line: u64,
    record: &'a StringRecord,
    columns: &'a Columns,
}

impl Row<'_> {
    /// A cell as stored: a defused formula gets its text back.
    fn cell(&self, column: &str) -> &str {
        let cell = self
            .columns
            .0
            .get(column)
            .and_then(|i| self.record.get(*i))
            .unwrap_or_default();
        unescape_text(cell)
    }

    /// The record's `T`, or `None` with its errors noted by column, in column order.
    fn read<T: RecordInput>(&self, errors: &mut Vec<RowError>) -> Option<T> {
        let cells = T::COLUMNS
            .iter()
            .filter(|c| self.columns.has(c))
            .map(|c| (*c, self.cell(c)));
        let (value, state) = input::read::<T>(cells);
        for field in input::fields_in_order::<T>().iter().chain(&[""]) {
            for message in state.errors(field) {
                errors.push(RowError {
                    line: self.line,
                    column: T::column_of(field).to_owned(),
                    message: message.clone(),
                });
            }
        }
        value
    }
}

/// A company row, or `None` when the errors say why not.
pub fn company(
    line: u64,
    record: &StringRecord,
    columns: &Columns,
    errors: &mut Vec<RowError>,
) -> Option<CompanyRow> {
    let row = Row {
        line,
        record,
        columns,
    };
    let company: CompanyInput = row.read(errors)?;
    Some(CompanyRow {
        line,
        fields: company.into_fields(),
    })
}

/// A person row with its pay report, if the row has one.
pub fn person(
    line: u64,
    record: &StringRecord,
    columns: &Columns,
    with_pay: bool,
    errors: &mut Vec<RowError>,
) -> Option<PersonRow> {
    let row = Row {
        line,
        record,
        columns,
    };
    let person = row.read::<PersonInput>(errors);
    let has_pay = with_pay
        && PayReportInput::COLUMNS
            .iter()
            .any(|c| !row.cell(c).trim().is_empty());
    // Both are read before either is given up on, so that each error is reported.
    let pay = if has_pay {
        Some(row.read::<PayReportInput>(errors)?.into_fields())
    } else {
        None
    };
    Some(PersonRow {
        line,
        person: person?,
        pay,
    })
}
