//! CSV import: read and check a file, plan what it would change (the preview), then apply the
//! plan in one transaction as a batch that can be reverted. The web page and the `import`
//! command run the same steps.

mod apply;
mod batch;
mod budget;
mod erasure;
mod ids;
mod obstacle;
mod overlay;
mod plan;
mod revert;
mod rows;
mod skipped;
mod summary;
mod table;

pub use apply::apply;
pub use batch::{Importer, Intent, Preview, preview};
pub use budget::{rows_at_most, within_budget};
pub use erasure::forget_people;
pub use ids::{ID_COLUMN, PERSON_ID_COLUMN};
pub use obstacle::{obstacle, role_may_revert};
pub use overlay::Change;
pub use plan::{
    Action, BandStep, CHECKED_NEW_PEOPLE, CompanyStep, Counts, DuplicateMark, PayStep, PersonStep,
    Plan, plan,
};
pub use revert::revert;
pub use rows::RowError;
pub use skipped::{ERRORS_COLUMN, skipped_rows};

use crate::i18n::{Lang, Msg};
use crate::input::{CompanyInput, PayBandInput, PayReportInput, PersonInput, RecordInput};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Companies,
    /// People, each row optionally with one pay report.
    People,
    /// Pay bands, one version a row.
    Bands,
}

impl ImportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Companies => "companies",
            ImportKind::People => "people",
            ImportKind::Bands => "pay bands",
        }
    }

    /// Whether `role` may import a file of this kind: pay bands are for those who manage
    /// them, the rest for editors.
    pub fn allowed_for(self, role: crate::domain::Role) -> bool {
        match self {
            ImportKind::Bands => role.manages_bands(),
            ImportKind::Companies | ImportKind::People => role.edits(),
        }
    }
}

/// Why an import stopped: the file as a whole, or the database.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// A file read and checked row by row, before any database work.
#[derive(Debug)]
pub struct Parsed {
    pub kind: ImportKind,
    pub companies: Vec<rows::CompanyRow>,
    pub people: Vec<rows::PersonRow>,
    pub bands: Vec<rows::BandRow>,
    pub errors: Vec<RowError>,
    pub ignored_columns: Vec<String>,
    /// The file's header: a column it leaves out leaves that field of an updated record as
    /// stored (`overlay`).
    pub columns: Vec<String>,
    pub rows: usize,
}

/// Reads a file: refuses it as a whole (empty, not UTF-8, missing columns...) or parses every
/// row, collecting each row's errors with its line and column.
pub fn parse(bytes: &[u8]) -> Result<Parsed, ImportError> {
    let table = table::read(bytes).map_err(ImportError::Refused)?;
    let columns = rows::Columns::new(&table.headers);
    let mut seen = std::collections::HashSet::new();
    if let Some(twice) = table
        .headers
        .iter()
        .find(|h| !h.is_empty() && !seen.insert(h.as_str()))
    {
        return Err(ImportError::Refused(
            Msg::new("import-column-twice")
                .arg("column", twice)
                .for_input(),
        ));
    }
    let kind = if columns.has("full_name") {
        ImportKind::People
    } else if columns.has("base_mid") {
        ImportKind::Bands
    } else {
        ImportKind::Companies
    };
    let pay = PayReportInput::COLUMNS;
    let with_pay = kind == ImportKind::People && pay.iter().any(|c| columns.has(c));
    let person = PersonInput::COLUMNS.iter();
    let (known, required): (Vec<&str>, Vec<&str>) = match kind {
        ImportKind::Companies => (
            CompanyInput::COLUMNS.to_vec(),
            CompanyInput::REQUIRED.to_vec(),
        ),
        ImportKind::People if with_pay => (
            person.chain(pay).copied().collect(),
            PersonInput::REQUIRED
                .iter()
                .chain(PayReportInput::REQUIRED)
                .copied()
                .collect(),
        ),
        ImportKind::People => (person.copied().collect(), PersonInput::REQUIRED.to_vec()),
        ImportKind::Bands => (
            PayBandInput::COLUMNS.to_vec(),
            PayBandInput::REQUIRED.to_vec(),
        ),
    };
    // The ids exports write first (`ids`); a file made by hand may leave them out.
    let (mut known, ids) = (known, ids::ID_COLUMN);
    match kind {
        ImportKind::Companies => known.push(ids),
        ImportKind::People if with_pay => known.extend([ids, ids::PERSON_ID_COLUMN]),
        ImportKind::People => known.push(ids),
        ImportKind::Bands => {}
    }
    let missing: Vec<&str> = required.into_iter().filter(|c| !columns.has(c)).collect();
    if !missing.is_empty() {
        return Err(ImportError::Refused(
            Msg::new("import-columns-missing")
                .arg("columns", missing.join(", "))
                .for_input(),
        ));
    }
    let mut parsed = Parsed {
        kind,
        companies: Vec::new(),
        people: Vec::new(),
        bands: Vec::new(),
        errors: Vec::new(),
        ignored_columns: table
            .headers
            .iter()
            .filter(|h| !known.contains(&h.as_str()))
            .cloned()
            .collect(),
        columns: table.headers.clone(),
        rows: table.records.len(),
    };
    // Rows are read on every core, each taking a run of lines; their rows and errors are
    // joined in the order of the file.
    // Values are read as the file writes them (`table` made its days and amounts plain), the
    // errors said in the language of whoever reads them: the worker threads get both again.
    let messages = crate::i18n::input::messages_lang();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let run = table.records.len().div_ceil(threads).max(1_000);
    let read: Vec<Rows> = std::thread::scope(|scope| {
        let workers: Vec<_> = table
            .records
            .chunks(run)
            .map(|records| {
                let (headers, columns) = (table.headers.len(), &columns);
                scope.spawn(move || {
                    crate::i18n::input::reading(Lang::En, || {
                        crate::i18n::input::answering(messages, || {
                            read_rows(records, headers, columns, kind, with_pay)
                        })
                    })
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
            .collect()
    });
    for rows in read {
        parsed.companies.extend(rows.companies);
        parsed.people.extend(rows.people);
        parsed.bands.extend(rows.bands);
        parsed.errors.extend(rows.errors);
    }
    Ok(parsed)
}

/// What a run of records came to.
#[derive(Default)]
struct Rows {
    companies: Vec<rows::CompanyRow>,
    people: Vec<rows::PersonRow>,
    bands: Vec<rows::BandRow>,
    errors: Vec<RowError>,
}

fn read_rows(
    records: &[(u64, csv::StringRecord)],
    headers: usize,
    columns: &rows::Columns,
    kind: ImportKind,
    with_pay: bool,
) -> Rows {
    let mut read = Rows::default();
    let mut known = rows::KnownPeople::new();
    for (line, record) in records {
        if record.len() != headers {
            read.errors.push(RowError::of_row(
                *line,
                columns.who(record),
                Msg::new("import-row-length")
                    .arg("fields", record.len())
                    .arg("headers", headers)
                    .for_input(),
            ));
            continue;
        }
        match kind {
            ImportKind::Companies => {
                read.companies
                    .extend(rows::company(*line, record, columns, &mut read.errors))
            }
            ImportKind::People => read.people.extend(rows::person(
                *line,
                record,
                columns,
                with_pay,
                &mut known,
                &mut read.errors,
            )),
            ImportKind::Bands => {
                read.bands
                    .extend(rows::band(*line, record, columns, &mut read.errors))
            }
        }
    }
    read
}
