//! The rows an import skipped for their errors, as a file to fix and import again: the rows as
//! the file has them, written the way it was (separator, byte-order mark), each with its errors
//! in a last column that the import ignores. Its cells are escaped as every export's are: a
//! formula the uploaded file held bare must not run in the spreadsheet that opens this one.

use std::collections::BTreeMap;

use super::rows::RowError;
use super::table;
use crate::csv_format::{escape_read_cell, escape_text};

/// The column that tells what is wrong with each row; not one the import knows.
pub const ERRORS_COLUMN: &str = "import_errors";

pub fn skipped_rows(bytes: &[u8], errors: &[RowError]) -> Result<Vec<u8>, String> {
    let table = table::read(bytes)?;
    let mut by_line: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    for error in errors {
        let said = match error.column.as_str() {
            "" => error.message.clone(),
            column => format!("{column}: {}", error.message),
        };
        by_line.entry(error.line).or_default().push(said);
    }
    let mut out = Vec::new();
    if table.bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(table.delimiter)
        .flexible(true)
        .from_writer(out);
    let failed = |e: csv::Error| format!("writing the skipped rows failed: {e}");
    // Names the import does not know are ignored, so a defused one changes nothing.
    let header = table.headers.iter().map(|name| escape_text(name));
    writer
        .write_record(header.chain([ERRORS_COLUMN.to_owned()]))
        .map_err(failed)?;
    for (line, record) in &table.records {
        if let Some(said) = by_line.get(line) {
            let said = escape_text(&said.join(" "));
            writer
                .write_record(record.iter().map(escape_read_cell).chain([said]))
                .map_err(failed)?;
        }
    }
    writer
        .into_inner()
        .map_err(|e| format!("writing the skipped rows failed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_rows_with_errors_as_the_file_wrote_them() -> Result<(), String> {
        let file = "\u{feff}full_name;stage\r\nAda;hired\r\nBob;promoted\r\n".as_bytes();
        let errors = [RowError {
            line: 3,
            who: "Bob".into(),
            column: "stage".into(),
            value: "promoted".into(),
            message: "Choose one.".into(),
        }];
        let skipped = String::from_utf8(skipped_rows(file, &errors)?).map_err(|e| e.to_string())?;
        assert_eq!(
            skipped,
            "\u{feff}full_name;stage;import_errors\nBob;promoted;stage: Choose one.\n"
        );
        Ok(())
    }
}
