//! Reading an uploaded file into a header and records: the encoding, the separator, the lines.

use csv::{ReaderBuilder, StringRecord, Trim};

use crate::i18n::Msg;

use crate::csv_format::{
    DATE_COLUMNS, DECIMAL_COLUMNS, from_decimal_comma, from_german_date, groups_thousands,
    machine_name,
};

/// A file's header (names trimmed and lower-cased) and its records with the line each starts on.
#[derive(Debug)]
pub struct Table {
    pub headers: Vec<String>,
    pub records: Vec<(u64, StringRecord)>,
    /// How the file was written, so what is sent back (its skipped rows) is written alike.
    pub delimiter: u8,
    pub bom: bool,
}

/// Reads a CSV file as spreadsheets write them: UTF-8 with or without a byte-order mark, comma
/// or semicolon separated, CRLF, LF or CR line ends (mixed, too), quoted fields over several
/// lines. The error says what
/// is wrong with the file as a whole.
pub fn read(bytes: &[u8]) -> Result<Table, String> {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Msg::new("import-file-empty").for_input());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = line_breaks(bytes, 0..e.valid_up_to()) + 1;
        Msg::new("import-file-not-utf8")
            .arg("line", line)
            .for_input()
    })?;
    let header_line = text.split(['\r', '\n']).next().unwrap_or_default();
    // German and other spreadsheets write semicolons; a header names no field with either.
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(Trim::Headers)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            Msg::new("import-header-unreadable")
                .arg("error", e)
                .for_input()
        })?
        .iter()
        .map(|h| machine_name(h).map_or_else(|| h.trim().to_lowercase(), str::to_owned))
        .collect();
    let mut records = Vec::new();
    let bytes = text.as_bytes();
    let (mut line, mut counted) = (1u64, 0usize);
    for record in reader.records() {
        let record = record.map_err(|e| Msg::new("import-not-csv").arg("error", e).for_input())?;
        // Counted here: after a CRLF the csv crate places a record at the previous line's end.
        // Counting on from the last record keeps this linear in the file's size.
        let mut start = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        line += line_breaks(bytes, counted..start.max(counted)) as u64;
        counted = start.max(counted);
        // A blank line (or a line of empty cells) is not a row.
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        records.push((line, record));
    }
    if records.is_empty() {
        return Err(Msg::new("import-no-rows").for_input());
    }
    if delimiter == b';' {
        read_decimal_commas(&headers, &mut records);
    }
    // Days with points are German whatever the separator: nobody writes month first with
    // points, so `01.07.2026` means one day only.
    read_german_days(&headers, &mut records);
    Ok(Table {
        headers,
        records,
        delimiter,
        bom,
    })
}

/// How many lines end within `bytes[within]`: CRLF, LF and a lone CR (old Mac files; the csv
/// crate ends a record at each alike) each end one. A CR is counted only where no LF follows,
/// looking past the range's end, so ranges that meet count a CRLF between them once.
fn line_breaks(bytes: &[u8], within: std::ops::Range<usize>) -> usize {
    within
        .filter(|&i| match bytes[i] {
            b'\n' => true,
            b'\r' => bytes.get(i + 1) != Some(&b'\n'),
            _ => false,
        })
        .count()
}

/// A semicolon file whose amounts have decimal commas (German spreadsheets, our `excel-de`
/// download) or points grouping thousands (`250.000`) gets decimal points in its amount
/// columns, as text, so no cent moves. A file with neither keeps its cells: then points are
/// decimal points.
fn read_decimal_commas(headers: &[String], records: &mut [(u64, StringRecord)]) {
    let amounts: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| DECIMAL_COLUMNS.contains(&h.as_str()))
        .map(|(i, _)| i)
        .collect();
    let commas = records.iter().any(|(_, record)| {
        amounts.iter().any(|i| {
            record
                .get(*i)
                .is_some_and(|cell| cell.contains(',') || groups_thousands(cell))
        })
    });
    if !commas {
        return;
    }
    for (_, record) in records.iter_mut() {
        let cells: Vec<String> = record
            .iter()
            .enumerate()
            .map(|(i, cell)| match amounts.contains(&i) {
                true => from_decimal_comma(cell).unwrap_or_else(|| cell.to_owned()),
                false => cell.to_owned(),
            })
            .collect();
        *record = StringRecord::from(cells);
    }
}

/// Days as German spreadsheets write them (`01.07.2026`, our `excel-de` download) become ISO
/// days, as text; an ISO day stays as it is, and a cell that is no day
/// is left for the parser to refuse as the file has it.
fn read_german_days(headers: &[String], records: &mut [(u64, StringRecord)]) {
    let days: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| DATE_COLUMNS.contains(&h.as_str()))
        .map(|(i, _)| i)
        .collect();
    if days.is_empty() {
        return;
    }
    for (_, record) in records.iter_mut() {
        if !days
            .iter()
            .any(|i| record.get(*i).is_some_and(|c| c.contains('.')))
        {
            continue;
        }
        let cells: Vec<String> = record
            .iter()
            .enumerate()
            .map(|(i, cell)| match days.contains(&i) {
                true => from_german_date(cell).unwrap_or_else(|| cell.to_owned()),
                false => cell.to_owned(),
            })
            .collect();
        *record = StringRecord::from(cells);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_spreadsheets_write() {
        let table = read(
            b"\xEF\xBB\xBFname;kind\r\n\"Caf\xC3\xA9; Labs\";startup\r\n\"Multi\nline\";other\r\n",
        )
        .expect("a readable file");
        assert_eq!(table.headers, vec!["name", "kind"]);
        assert_eq!(&table.records[0].1[0], "Café; Labs");
        assert_eq!(&table.records[1].1[0], "Multi\nline");
        assert_eq!(table.records[1].0, 3);
    }

    #[test]
    fn counts_crlf_lf_and_a_lone_cr_as_one_line_break_each() {
        let bytes = b"a\r\nb\rc\nd\r\r\ne";
        assert_eq!(line_breaks(bytes, 0..bytes.len()), 5);
        // Split inside a CRLF, the two ranges count it once.
        assert_eq!(
            line_breaks(bytes, 0..2) + line_breaks(bytes, 2..bytes.len()),
            5
        );
    }

    #[test]
    fn refuses_files_that_are_not_csv_text() {
        assert_eq!(read(b"").expect_err("refused"), "The file is empty.");
        assert_eq!(
            read(b"name,kind\n").expect_err("refused"),
            "The file has a header line but no rows."
        );
        let latin1 = read(b"name,kind\nA,startup\nCaf\xE9,startup\n").expect_err("refused");
        assert!(latin1.contains("line 3"), "{latin1}");
    }
}
