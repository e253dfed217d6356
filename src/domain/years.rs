//! The number of years a total pay figure is spread over.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodYears(i16);

impl PeriodYears {
    pub fn parse(raw: &str) -> Result<Self, String> {
        match raw.trim().parse::<i16>() {
            Ok(years @ 1..=20) => Ok(PeriodYears(years)),
            _ => Err(crate::i18n::Msg::new("form-years").for_input()),
        }
    }

    pub fn into_inner(self) -> i16 {
        self.0
    }
}

super::parsed_value!(PeriodYears, i16);
