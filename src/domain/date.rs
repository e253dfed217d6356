//! Calendar dates as HTML date inputs and CSV files write them: YYYY-MM-DD, within 1900–2100.

use chrono::NaiveDate;

use crate::i18n::{self, Msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date(NaiveDate);

/// Why a text is not a date we keep; filters word the first kind their own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    NotADate,
    OutOfRange,
}

impl DateError {
    pub fn message(self) -> Msg {
        match self {
            DateError::NotADate => Msg::new("date-not-a-date"),
            DateError::OutOfRange => Msg::new("date-out-of-range"),
        }
    }
}

impl Date {
    /// The first and last dates kept: a typo such as 0205 or 20255 is caught here, and every
    /// date a report does arithmetic on stays far from PostgreSQL's and chrono's limits. The
    /// database's CHECK constraints hold the same window.
    pub const FIRST: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a real date");
    pub const LAST: NaiveDate = NaiveDate::from_ymd_opt(2100, 12, 31).expect("a real date");

    pub fn parse(raw: &str) -> Result<Self, String> {
        Date::read(raw).map_err(|e| e.message().for_input())
    }

    /// As `parse`, with the kind of error. ISO always; the input's language's own shape too.
    pub fn read(raw: &str) -> Result<Self, DateError> {
        let date = i18n::parse_date(i18n::input::lang(), raw).map_err(|_| DateError::NotADate)?;
        if (Date::FIRST..=Date::LAST).contains(&date) {
            Ok(Date(date))
        } else {
            Err(DateError::OutOfRange)
        }
    }

    pub fn into_inner(self) -> NaiveDate {
        self.0
    }
}

super::parsed_value!(Date, NaiveDate);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::parse("2025-02-28").is_ok());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2025-02-30").is_err());
        assert!(Date::parse("28/02/2025").is_err());
    }

    #[test]
    fn dates_outside_1900_to_2100_are_refused_as_out_of_range() {
        assert!(Date::parse("1900-01-01").is_ok());
        assert!(Date::parse("2100-12-31").is_ok());
        for raw in [
            "1899-12-31",
            "2101-01-01",
            "0000-01-01",
            "-4713-01-01",
            "+10000-01-01",
        ] {
            assert_eq!(Date::read(raw), Err(DateError::OutOfRange), "{raw}");
        }
    }
}
