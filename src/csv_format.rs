//! The CSV files talent-tracker writes and reads: their columns (named as the form fields) and
//! the defence against spreadsheet formulas, undone again on import.

pub const COMPANY_COLUMNS: &[&str] = &["name", "kind", "website", "country", "notes"];

pub const PERSON_COLUMNS: &[&str] = &[
    "full_name",
    "title",
    "expertise",
    "origin_company",
    "hiring_company",
    "team",
    "stage",
    "first_contact_on",
    "offer_on",
    "decided_on",
    "start_on",
    "location",
    "notes",
];

/// The pay report columns that follow the person's in a pay-reports file. The report's notes
/// are `pay_notes`, since `notes` is the person's.
pub const PAY_COLUMNS: &[&str] = &[
    "kind",
    "currency",
    "amount_low",
    "amount_high",
    "period",
    "period_years",
    "base",
    "bonus",
    "equity",
    "sign_on",
    "as_of",
    "source_name",
    "source_url",
    "confidence",
    "pay_notes",
];

/// What a spreadsheet would take for the start of a formula (OWASP "CSV injection").
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn looks_like_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A text cell as written to CSV: a leading single quote keeps a spreadsheet from running it.
/// Text that already starts with quotes before such a character gets one more, so that
/// `unescape_text` gives back exactly what was stored.
pub fn escape_text(text: &str) -> String {
    if looks_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The stored text of a CSV cell written by `escape_text`.
pub fn unescape_text(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => cell,
    }
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
}
