//! The CSV files talent-tracker writes and reads: records as cells (their columns are named
//! as the form fields, see `input`) and the defence against spreadsheet formulas, undone again
//! on import.

use std::borrow::Cow;

mod cells;
mod dialect;
mod labels;

pub use cells::{CellError, cells};
pub use dialect::{
    DATE_COLUMNS, DECIMAL_COLUMNS, Dialect, from_decimal_comma, from_german_date, groups_thousands,
};
pub use labels::{ALL_COLUMNS, label, machine_name};

/// What a spreadsheet would take for the start of a formula (OWASP "CSV injection").
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn looks_like_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A text cell as written to CSV: a leading single quote keeps a spreadsheet from running it.
/// Text that already starts with quotes before such a character gets one more, so that
/// `unescape_text` gives back exactly what was stored.
pub fn escape_text(text: &str) -> String {
    escaped(text).into_owned()
}

/// `escape_text` without a copy of the text that needs no quote (nearly every cell).
pub fn escaped(text: &str) -> Cow<'_, str> {
    if looks_like_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The stored text of a CSV cell written by `escape_text`.
pub fn unescape_text(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => cell,
    }
}

/// A cell read from a file, written into another that imports as the first one would: the text
/// it stands for, escaped again, so a formula the file held bare is defused and one it held
/// defused is not quoted twice.
pub fn escape_read_cell(cell: &str) -> String {
    escape_text(unescape_text(cell))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_restored_exactly() {
        for text in [
            "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "''-y", "plain", "'quoted", "",
        ] {
            let written = escape_text(text);
            assert!(
                !written.starts_with(FORMULA_STARTS),
                "{text:?} written as {written:?}"
            );
            assert_eq!(unescape_text(&written), text, "round trip of {text:?}");
        }
        assert_eq!(escape_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(escape_text("Meta"), "Meta");
    }

    #[test]
    fn a_read_cell_written_again_reads_back_the_same() {
        for cell in ["=1+1", "'=1+1", "''-y", "-2", "plain", "'quoted", ""] {
            let again = escape_read_cell(cell);
            assert!(!again.starts_with(FORMULA_STARTS), "{cell:?} as {again:?}");
            assert_eq!(unescape_text(&again), unescape_text(cell), "{cell:?}");
        }
    }
}
