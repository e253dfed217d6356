//! Which spreadsheet a CSV file is for. Plain files are what other systems and the import
//! expect; Excel needs a byte-order mark to read UTF-8 (else "Müller" shows as "MÃ¼ller");
//! German Excel and LibreOffice in German split on semicolons and read "1234,50" as a number.

use std::borrow::Cow;
use std::io::Write;

use chrono::NaiveDate;

use crate::i18n::{Lang, format_date, parse_date};

/// The columns that hold decimal amounts, written with the dialect's decimal separator and read
/// back from either.
pub const DECIMAL_COLUMNS: [&str; 12] = [
    "amount_low",
    "amount_high",
    "base",
    "bonus",
    "equity",
    "sign_on",
    "base_min",
    "base_mid",
    "base_max",
    "total_min",
    "total_mid",
    "total_max",
];

/// The columns that hold days, written `07.12.2026` in the German dialect and read back from
/// either form.
pub const DATE_COLUMNS: [&str; 7] = [
    "first_contact_on",
    "offer_on",
    "decided_on",
    "start_on",
    "range_disclosed_on",
    "as_of",
    "effective_on",
];

/// Which spreadsheet a file is written for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Sheet {
    /// Commas, decimal points, no byte-order mark: the files the import and other systems read.
    #[default]
    Plain,
    /// As plain, with a UTF-8 byte-order mark.
    Excel,
    /// Semicolons, decimal commas and `DD.MM.YYYY` days, with a byte-order mark.
    German,
}

/// How a CSV file is written: for which spreadsheet, and whether its header says the columns'
/// labels in a language (`header=labels`) rather than their machine names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dialect {
    sheet: Sheet,
    labels: Option<Lang>,
}

#[expect(
    non_upper_case_globals,
    reason = "the three dialects keep the names they had as an enum's variants"
)]
impl Dialect {
    pub const Plain: Dialect = Dialect {
        sheet: Sheet::Plain,
        labels: None,
    };
    pub const Excel: Dialect = Dialect {
        sheet: Sheet::Excel,
        labels: None,
    };
    pub const German: Dialect = Dialect {
        sheet: Sheet::German,
        labels: None,
    };
}

impl Dialect {
    /// The `for` query value that asks for it.
    pub fn parse(key: &str) -> Option<Dialect> {
        match key {
            "" | "csv" => Some(Dialect::Plain),
            "excel" => Some(Dialect::Excel),
            "excel-de" => Some(Dialect::German),
            _ => None,
        }
    }

    /// The same, its header in `lang`'s labels.
    pub fn with_labels(self, lang: Lang) -> Dialect {
        Dialect {
            labels: Some(lang),
            ..self
        }
    }

    /// What the download's file name gets: `people-2026-11-27-excel-de.csv`.
    pub fn file_suffix(self) -> &'static str {
        match self.sheet {
            Sheet::Plain => "",
            Sheet::Excel => "-excel",
            Sheet::German => "-excel-de",
        }
    }

    pub fn delimiter(self) -> u8 {
        match self.sheet {
            Sheet::German => b';',
            Sheet::Plain | Sheet::Excel => b',',
        }
    }

    /// A CSV writer for this dialect over `out`, the byte-order mark already written.
    pub fn writer<W: Write>(self, mut out: W) -> std::io::Result<csv::Writer<W>> {
        if self.sheet != Sheet::Plain {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        Ok(csv::WriterBuilder::new()
            .delimiter(self.delimiter())
            .from_writer(out))
    }

    /// An exact decimal as written (`1234.50`) in this dialect: the text itself is changed,
    /// never a float, so no cent can move.
    pub fn decimal(self, plain: &str) -> Cow<'_, str> {
        match self.sheet {
            Sheet::German => Cow::Owned(plain.replace('.', ",")),
            Sheet::Plain | Sheet::Excel => Cow::Borrowed(plain),
        }
    }

    /// A stored day (`2026-12-07`) as this dialect writes days: German Excel reads
    /// `07.12.2026` as a date, and an ISO day as text. Anything else is left as it is.
    pub fn date(self, iso: &str) -> Cow<'_, str> {
        match (self.sheet, NaiveDate::parse_from_str(iso, "%Y-%m-%d")) {
            (Sheet::German, Ok(day)) if iso.len() == 10 => Cow::Owned(format_date(Lang::De, day)),
            _ => Cow::Borrowed(iso),
        }
    }

    /// A column's header cell: its machine name, or its label when the file was asked for
    /// with them.
    pub fn header(self, column: &str) -> Cow<'_, str> {
        match self.labels {
            Some(lang) => Cow::Owned(super::labels::label(column, lang)),
            None => Cow::Borrowed(column),
        }
    }
}

/// A day cell of a file read as German spreadsheets write days (`1.7.2026`, `01.07.2026`), as
/// the import reads days: ISO. Anything else is left for the parser to refuse as it stands.
pub fn from_german_date(cell: &str) -> Option<String> {
    let trimmed = cell.trim();
    if !trimmed.contains('.') {
        return None;
    }
    parse_date(Lang::De, trimmed)
        .ok()
        .map(|day| day.format("%Y-%m-%d").to_string())
}

/// Whether a cell groups thousands with points (`250.000`, `1.234.567`): never an amount with
/// a decimal point, which has at most two decimals, so a semicolon file holding one writes
/// decimal commas even where no cell has a comma.
pub fn groups_thousands(cell: &str) -> bool {
    let mut groups = cell.trim().split('.');
    let first = groups.next().unwrap_or_default();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let rest: Vec<&str> = groups.collect();
    digits(first)
        && first.len() <= 3
        && !rest.is_empty()
        && rest.iter().all(|g| g.len() == 3 && digits(g))
}

/// A decimal cell of a file that writes decimal commas, as the import reads decimals: points
/// there group thousands (`1.234,50` → `1234.50`). Anything else is left for the parser to
/// refuse with the cell as the file has it.
pub fn from_decimal_comma(cell: &str) -> Option<String> {
    let trimmed = cell.trim();
    let (whole, fraction) = trimmed.split_once(',').unwrap_or((trimmed, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped = whole.contains('.') && {
        let mut groups = whole.split('.');
        let first = groups.next().unwrap_or_default();
        digits(first) && first.len() <= 3 && groups.all(|g| g.len() == 3 && digits(g))
    };
    let whole_ok = digits(whole) || grouped;
    let fraction_ok = fraction.is_empty() || digits(fraction);
    (whole_ok && fraction_ok && trimmed.contains([',', '.'])).then(|| {
        let whole = whole.replace('.', "");
        match fraction {
            "" => whole,
            _ => format!("{whole}.{fraction}"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_decimals_go_both_ways_exactly() {
        assert_eq!(Dialect::German.decimal("1234567.89"), "1234567,89");
        assert_eq!(Dialect::Excel.decimal("1234567.89"), "1234567.89");
        assert_eq!(
            from_decimal_comma("1234567,89").as_deref(),
            Some("1234567.89")
        );
        assert_eq!(
            from_decimal_comma("1.234.567,89").as_deref(),
            Some("1234567.89")
        );
        assert_eq!(from_decimal_comma("1.234").as_deref(), Some("1234"));
        assert_eq!(from_decimal_comma("0,1").as_deref(), Some("0.1"));
        assert_eq!(from_decimal_comma("1234"), None, "nothing to change");
        assert_eq!(from_decimal_comma("12.34,5,6"), None);
        assert_eq!(from_decimal_comma("abc,5"), None);
        assert!(groups_thousands("250.000") && groups_thousands("1.234.567"));
        assert!(
            !groups_thousands("1234.50") && !groups_thousands("250") && !groups_thousands("1.5")
        );
    }

    #[test]
    fn german_days_go_both_ways() {
        assert_eq!(Dialect::German.date("2026-07-01"), "01.07.2026");
        assert_eq!(Dialect::Excel.date("2026-07-01"), "2026-07-01");
        assert_eq!(Dialect::German.date("soon"), "soon");
        assert_eq!(
            from_german_date("01.07.2026").as_deref(),
            Some("2026-07-01")
        );
        assert_eq!(from_german_date("1.7.2026").as_deref(), Some("2026-07-01"));
        assert_eq!(from_german_date("2026-07-01"), None, "nothing to change");
        assert_eq!(
            from_german_date("31.02.2026"),
            None,
            "left for the parser to refuse"
        );
        assert_eq!(from_german_date("01.07.26"), None, "no century guessed");
    }
}
