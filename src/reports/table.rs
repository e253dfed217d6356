//! A report's table: typed cells that render for people on the page and plainly in CSV, so the
//! CSV holds exactly the numbers the page shows.

use bigdecimal::BigDecimal;

use crate::csv_format::{Dialect, escape_text};
use crate::domain::format_money;
use crate::i18n::{Lang, Msg, format_decimal};

#[derive(Debug, Clone)]
pub struct Column {
    pub label: String,
    pub numeric: bool,
}

impl Column {
    pub fn text(label: impl Into<String>) -> Self {
        Column {
            label: label.into(),
            numeric: false,
        }
    }

    pub fn number(label: impl Into<String>) -> Self {
        Column {
            label: label.into(),
            numeric: true,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    /// Text that leads to its record on the page (text, `href`); plain text in CSV.
    Linked(String, String),
    Count(i64),
    /// A count of people, linked to the people list showing exactly them (as `href`).
    People(i64, String),
    /// An amount in the reporting currency; `None` where there is nothing to measure.
    Money(Option<BigDecimal>),
    /// A share in percent, one decimal.
    Percent(Option<BigDecimal>),
    /// A duration in days, one decimal.
    Days(Option<BigDecimal>),
    /// A ratio such as a compa-ratio, two decimals.
    Ratio(Option<BigDecimal>),
}

impl Cell {
    /// As the page shows it: thousands separators, a dash for nothing.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(text) | Cell::Linked(text, _) => text.clone(),
            Cell::Count(n) | Cell::People(n, _) => n.to_string(),
            Cell::Money(Some(amount)) => format_money(amount),
            Cell::Percent(Some(p)) => format!("{}%", p.with_scale(1)),
            Cell::Days(Some(d)) => d.with_scale(1).to_string(),
            Cell::Ratio(Some(r)) => r.with_scale(2).to_string(),
            Cell::Money(None) | Cell::Percent(None) | Cell::Days(None) | Cell::Ratio(None) => {
                "—".to_owned()
            }
        }
    }

    /// As a reader of `lang` writes it: English exactly as `display`; German amounts, shares,
    /// days and ratios with its separators (`1.234.567,89`, `12,5 %`). Counts stay ungrouped
    /// in both, as they always were.
    pub fn display_in(&self, lang: Lang) -> String {
        let decimals = |value: &BigDecimal, places: i64| format_decimal(lang, value, Some(places));
        match (lang, self) {
            (Lang::En, _) => self.display(),
            (_, Cell::Money(Some(amount))) => decimals(amount, 2),
            (_, Cell::Percent(Some(p))) => Msg::new("report-percent")
                .arg("value", decimals(p, 1))
                .text(lang),
            (_, Cell::Days(Some(d))) => decimals(d, 1),
            (_, Cell::Ratio(Some(r))) => decimals(r, 2),
            _ => self.display(),
        }
    }

    /// As CSV holds it: plain exact decimals, empty for nothing, text safe from spreadsheet
    /// formulas.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(text) | Cell::Linked(text, _) => escape_text(text),
            Cell::Count(n) | Cell::People(n, _) => n.to_string(),
            Cell::Money(Some(amount)) => amount.with_scale(2).to_plain_string(),
            Cell::Percent(Some(p)) | Cell::Days(Some(p)) => p.with_scale(1).to_plain_string(),
            Cell::Ratio(Some(r)) => r.with_scale(2).to_plain_string(),
            Cell::Money(None) | Cell::Percent(None) | Cell::Days(None) | Cell::Ratio(None) => {
                String::new()
            }
        }
    }

    /// A count of people in row `row`, linked to them where the page shows the row: a report
    /// can have tens of thousands of rows, and only the CSV has them all.
    /// The cell as JSON: text as it is (no spreadsheet escaping), counts as numbers, amounts,
    /// shares, days and ratios as decimal strings, null where there is nothing to measure.
    pub fn json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Cell::Text(text) | Cell::Linked(text, _) => Value::String(text.clone()),
            Cell::Count(n) | Cell::People(n, _) => Value::from(*n),
            Cell::Money(None) | Cell::Percent(None) | Cell::Days(None) | Cell::Ratio(None) => {
                Value::Null
            }
            Cell::Money(Some(_))
            | Cell::Percent(Some(_))
            | Cell::Days(Some(_))
            | Cell::Ratio(Some(_)) => Value::String(self.plain()),
        }
    }

    pub fn people(row: usize, n: i64, link: impl FnOnce() -> super::PeopleLink) -> Cell {
        if row < ReportTable::SHOWN_ROWS {
            Cell::People(n, link().href())
        } else {
            Cell::Count(n)
        }
    }

    /// Where the number leads: the people behind it.
    pub fn link(&self) -> Option<&str> {
        match self {
            Cell::People(_, href) | Cell::Linked(_, href) => Some(href),
            _ => None,
        }
    }

    pub fn is_numeric(&self) -> bool {
        !matches!(self, Cell::Text(_) | Cell::Linked(..))
    }
}

#[derive(Debug, Clone)]
pub struct ReportTable {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl ReportTable {
    /// A page shows this many rows of a table; a million people can make tens of thousands of
    /// groups, and the CSV has them all.
    pub const SHOWN_ROWS: usize = 200;

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as CSV in `dialect`: numbers with its decimal separator.
    pub fn to_csv(&self, dialect: Dialect) -> Result<Vec<u8>, csv::Error> {
        let mut writer = dialect.writer(Vec::new())?;
        writer.write_record(self.columns.iter().map(|c| c.label.as_str()))?;
        for row in &self.rows {
            writer.write_record(row.iter().map(|cell| match cell.is_numeric() {
                true => dialect.decimal(&cell.plain()).into_owned(),
                false => cell.plain(),
            }))?;
        }
        writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stay_plain_in_csv() {
        assert_eq!(Cell::Text("=1+1".into()).plain(), "'=1+1");
        let amount = Cell::Money(Some(BigDecimal::from(1_234_567)));
        assert_eq!(amount.display(), "1,234,567.00");
        assert_eq!(amount.plain(), "1234567.00");
    }
}
