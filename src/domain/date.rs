//! Calendar dates as HTML date inputs and CSV files write them: YYYY-MM-DD.

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date(NaiveDate);

impl Date {
    pub fn parse(raw: &str) -> Result<Self, String> {
        NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
            .map(Date)
            .map_err(|_| "Not a real date: use YYYY-MM-DD, e.g. 2025-06-30.".to_owned())
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
}
