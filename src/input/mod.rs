//! What users give for a record, by a web form or a CSV row: one input type per record, whose
//! fields are domain types that parse themselves. Both ways go through Rocket's form parsing,
//! so a field is declared once and checked the same everywhere.

mod company;
mod pay_band;
mod pay_report;
mod person;

use rocket::form::{Contextual, Form, FromForm, ValueField};

pub use company::CompanyInput;
pub use pay_band::PayBandInput;
pub use pay_report::PayReportInput;
pub use person::PersonInput;

use crate::domain::rules::Broken;
use crate::views::FormState;

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
    fn rules(_typed: &FormState) -> Vec<Broken> {
        Vec::new()
    }
}

/// What a submitted form (or a file's row) came to: the input as typed with every error by
/// field, and the value when each field parsed (the rules between fields may still have
/// failed: see the state's errors).
pub fn checked<T: RecordInput>(parsed: Contextual<'_, T>) -> (Option<T>, FormState) {
    let mut state = FormState::from_context(&parsed.context);
    for (field, message) in T::rules(&state) {
        state.add_error(field, message);
    }
    (parsed.value, state)
}

/// A stored record as its form shows it: field names and text.
pub fn form_values<T: RecordInput>(record: &T) -> anyhow::Result<FormState> {
    Ok(FormState::with_values(crate::csv_format::cells(record)?))
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
) -> (Option<T>, FormState) {
    let fields = cells
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(column, value)| ValueField::from((T::field_of(column), value)));
    match Form::<Contextual<'_, T>>::parse_iter(fields) {
        Ok(parsed) => {
            let (value, state) = checked(parsed);
            (value.filter(|_| !state.has_errors()), state)
        }
        // Contextual keeps every error in its context; this is only for completeness.
        Err(errors) => {
            let mut state = FormState::default();
            for error in errors {
                state.add_error("", error.to_string());
            }
            (None, state)
        }
    }
}
