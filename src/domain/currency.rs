//! ISO 4217 currency codes.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency(String);

impl Currency {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let code = raw.trim().to_ascii_uppercase();
        match iso_currency::Currency::from_code(&code) {
            Some(_) => Ok(Currency(code)),
            None => Err("Not an ISO 4217 currency code (for example USD, EUR, GBP).".into()),
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

super::parsed_value!(Currency, String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_iso_4217_codes_are_currencies() {
        assert_eq!(
            Currency::parse("usd").map(Currency::into_inner),
            Ok("USD".into())
        );
        assert!(Currency::parse("CHF").is_ok());
        assert!(Currency::parse("XYZ").is_err());
        assert!(Currency::parse("US").is_err());
    }
}
