//! What users give for a record, by a web form or a CSV row: one input type per record, whose
//! fields are domain types that parse themselves. Both ways go through Rocket's form parsing,
//! so a field is declared once and checked the same everywhere. What is wrong with an input is
//! told by field (`FieldErrors`), for the views to show; each record's save, with the rules
//! that need the database, is its `Versioned` impl beside its input.

mod company;
mod errors;
mod pay_band;
mod pay_report;
mod person;
mod person_save;
mod stage_move;
mod versioned;

use rocket::form::{Context, Contextual, Form, FromForm, ValueField};

pub use company::CompanyInput;
pub use errors::{FieldErrors, TypedFields};
pub use pay_band::PayBandInput;
pub use pay_report::PayReportInput;
pub use person::PersonInput;
pub use person_save::DIFFERENT_PERSON;
pub use stage_move::{MoveRisk, StageMoveInput, next_stage, risks};
pub use versioned::{Target, Versioned, Written};

use crate::domain::rules::Broken;

/// A record as users give it.
pub trait RecordInput:
    for<'v> FromForm<'v> + serde::Serialize + serde::de::DeserializeOwned + Send + 'static
{
    /// The CSV columns, in the order files are written (`csv_row` follows it, whatever the
    /// order of the type's fields, which is the order a file's errors are listed in). A column
    /// is named as its form field unless `field_of` says otherwise.
    const COLUMNS: &'static [&'static str];
    /// The columns a file of these records must have.
    const REQUIRED: &'static [&'static str];

    /// The form field a CSV column fills.
    fn field_of(column: &str) -> &str {
        column
    }

    /// The CSV column of a form field.
    fn column_of(field: &str) -> &str {
        field
    }

    /// Rules between fields, read from the input as typed so that each shows beside its field
    /// together with any other error.
    fn rules(_typed: &dyn TypedFields) -> Vec<Broken> {
        Vec::new()
    }
}

/// What is wrong with a submitted form (or a file's row): every field that did not parse, and
/// every rule between fields that the input as typed breaks (the value may have parsed even
/// so: it is for the caller to refuse it while there are errors).
pub fn checked<T: RecordInput>(context: &Context<'_>) -> FieldErrors {
    let mut errors = FieldErrors::from_context(context);
    for (field, key) in T::rules(context) {
        errors.add(field, crate::domain::rules::said(key));
    }
    errors
}

/// A record's CSV cells in the order of `T::COLUMNS`.
pub fn csv_row<T: RecordInput>(record: &T) -> anyhow::Result<Vec<String>> {
    let mut cells = crate::csv_format::cells(record)?;
    T::COLUMNS
        .iter()
        .map(|column| {
            let field = T::field_of(column);
            let at = cells.iter().position(|(name, _)| *name == field);
            at.map(|at| std::mem::take(&mut cells[at].1))
                .ok_or_else(|| anyhow::anyhow!("{column} is not a field of the record"))
        })
        .collect()
}

/// The fields of `T` in the order they are declared, where a file's errors are listed.
pub fn fields_in_order<T: RecordInput>() -> &'static [&'static str] {
    serde_aux::serde_introspection::serde_introspect::<T>()
}

/// Reads a record from (column, cell) pairs as if a form had sent them, `None` on any error.
/// Empty cells are left out, so that a required field says it is required and an optional
/// one is empty.
pub fn read<'a, T: RecordInput>(
    cells: impl Iterator<Item = (&'a str, &'a str)>,
) -> (Option<T>, FieldErrors) {
    let fields = cells
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(column, value)| ValueField::from((T::field_of(column), value)));
    match Form::<Contextual<'_, T>>::parse_iter(fields) {
        Ok(parsed) => {
            let errors = checked::<T>(&parsed.context);
            (parsed.value.filter(|_| errors.is_empty()), errors)
        }
        // Contextual keeps every error in its context; this is only for completeness.
        Err(failed) => {
            let mut errors = FieldErrors::default();
            for error in failed {
                errors.add("", error.to_string());
            }
            (None, errors)
        }
    }
}
