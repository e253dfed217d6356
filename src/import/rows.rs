//! Turning records into typed rows with the forms' own input types, collecting every error
//! with its line and column.

use std::collections::HashMap;

use csv::StringRecord;

use super::ids;
use crate::csv_format::unescape_text;
use crate::domain::{CompanyId, PayReportId, PersonId};
use crate::input::{self, CompanyInput, PayBandInput, PayReportInput, PersonInput, RecordInput};
use crate::models::{CompanyFields, PayBandFields, PayReportFields};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    /// Whose row it is, as the file names them (a person's or a company's name), so people
    /// find it without counting lines; empty when the row names nobody.
    pub who: String,
    pub column: String,
    /// The cell as the file has it; empty for an error of the row as a whole.
    pub value: String,
    pub message: String,
}

impl RowError {
    /// Where it is, for the command line: `line 4 (Ada Lovelace), amount_low “abc”`.
    pub fn place(&self) -> String {
        let mut place = format!("line {}", self.line);
        if !self.who.is_empty() {
            place.push_str(&format!(" ({})", self.who));
        }
        if !self.column.is_empty() {
            place.push_str(&format!(", {} “{}”", self.column, self.value));
        }
        place
    }

    /// An error of a whole row, not of one of its cells.
    pub fn of_row(line: u64, who: &str, message: String) -> Self {
        RowError {
            line,
            who: who.to_owned(),
            column: String::new(),
            value: String::new(),
            message,
        }
    }
}

#[derive(Debug, Clone)]
pub struct PersonRow {
    pub line: u64,
    /// The person's id when the file gives it, and the column it is in.
    pub id: Option<PersonId>,
    pub id_column: &'static str,
    pub person: PersonInput,
    pub pay: Option<PayReportFields>,
    /// The pay report's id when the file gives it.
    pub pay_id: Option<PayReportId>,
}

#[derive(Debug, Clone)]
pub struct CompanyRow {
    pub line: u64,
    pub id: Option<CompanyId>,
    pub fields: CompanyFields,
}

#[derive(Debug, Clone)]
pub struct BandRow {
    pub line: u64,
    pub fields: PayBandFields,
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

    /// Whose row `record` is: the person's name in a people file, else the company's.
    pub fn who<'r>(&self, record: &'r StringRecord) -> &'r str {
        let column = if self.has("full_name") {
            "full_name"
        } else {
            "name"
        };
        let cell = self.0.get(column).and_then(|i| record.get(*i));
        unescape_text(cell.unwrap_or_default()).trim()
    }
}

/// One record of a file, read as the input types read forms.
struct Row<'a> {
    line: u64,
    record: &'a StringRecord,
    columns: &'a Columns,
}

impl<'a> Row<'a> {
    /// A cell as stored: a defused formula gets its text back.
    fn cell(&self, column: &str) -> &'a str {
        let cell = self
            .columns
            .0
            .get(column)
            .and_then(|i| self.record.get(*i))
            .unwrap_or_default();
        unescape_text(cell)
    }

    /// The id in `column`: `Some(None)` when there is none, `None` with an error noted when
    /// the cell is not an id.
    fn id(&self, column: &str, errors: &mut Vec<RowError>) -> Option<Option<i64>> {
        let cell = self.cell(column);
        match ids::parse(cell) {
            Ok(id) => Some(id),
            Err(message) => {
                errors.push(RowError {
                    line: self.line,
                    who: self.columns.who(self.record).to_owned(),
                    column: column.to_owned(),
                    value: shown(cell),
                    message,
                });
                None
            }
        }
    }

    /// The record's `T`, or `None` with its errors noted by column, in column order.
    fn read<T: RecordInput>(&self, errors: &mut Vec<RowError>) -> Option<T> {
        let cells = T::COLUMNS
            .iter()
            .filter(|c| self.columns.has(c))
            .map(|c| (*c, self.cell(c)));
        let (value, found) = input::read::<T>(cells);
        for field in input::fields_in_order::<T>().iter().chain(&[""]) {
            let column = T::column_of(field);
            for message in found.on(field) {
                errors.push(RowError {
                    line: self.line,
                    who: self.columns.who(self.record).to_owned(),
                    column: column.to_owned(),
                    value: shown(self.cell(column)),
                    message: message.clone(),
                });
            }
        }
        value
    }
}

/// A cell as an error shows it: enough to recognise it, not a whole page of notes.
fn shown(cell: &str) -> String {
    const LONGEST: usize = 80;
    match cell.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("{}…", &cell[..cut]),
        None => cell.to_owned(),
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
    let id = row.id(ids::ID_COLUMN, errors);
    let company: CompanyInput = row.read(errors)?;
    Some(CompanyRow {
        line,
        id: id?.map(CompanyId),
        fields: company.into_fields(),
    })
}

/// People already read from a file, by the cells of their columns: a person is on a row for
/// each of their pay reports, and reading them again would give the same.
pub type KnownPeople<'a> = HashMap<Vec<&'a str>, PersonInput>;

/// A person row with its pay report, if the row has one.
pub fn person<'a>(
    line: u64,
    record: &'a StringRecord,
    columns: &'a Columns,
    with_pay: bool,
    known: &mut KnownPeople<'a>,
    errors: &mut Vec<RowError>,
) -> Option<PersonRow> {
    let row = Row {
        line,
        record,
        columns,
    };
    let id_column = ids::person_column(with_pay);
    let id = row.id(id_column, errors);
    let cells: Vec<&'a str> = PersonInput::COLUMNS.iter().map(|c| row.cell(c)).collect();
    // Only a person read without errors is kept: a row with errors lists them on its own line.
    let person = match known.get(&cells) {
        Some(person) => Some(person.clone()),
        None => {
            let before = errors.len();
            let person = row.read::<PersonInput>(errors);
            if let (Some(person), true) = (&person, errors.len() == before) {
                known.insert(cells, person.clone());
            }
            person
        }
    };
    let has_pay = with_pay
        && PayReportInput::COLUMNS
            .iter()
            .any(|c| !row.cell(c).trim().is_empty());
    // All are read before any is given up on, so that each error is reported.
    let (pay, pay_id) = if has_pay {
        let pay_id = row.id(ids::ID_COLUMN, errors);
        let pay = row.read::<PayReportInput>(errors)?.into_fields();
        (Some(pay), pay_id?.map(PayReportId))
    } else {
        (None, None)
    };
    Some(PersonRow {
        line,
        id: id?.map(PersonId),
        id_column,
        person: person?,
        pay,
        pay_id,
    })
}

/// A pay band row, or `None` when the errors say why not.
pub fn band(
    line: u64,
    record: &StringRecord,
    columns: &Columns,
    errors: &mut Vec<RowError>,
) -> Option<BandRow> {
    let row = Row {
        line,
        record,
        columns,
    };
    let band: PayBandInput = row.read(errors)?;
    Some(BandRow {
        line,
        fields: band.into_fields(),
    })
}
