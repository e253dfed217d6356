//! ISO 3166-1 alpha-2 country codes.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCode(String);

impl CountryCode {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let code = raw.trim().to_ascii_uppercase();
        match isocountry::CountryCode::for_alpha2(&code) {
            Ok(_) => Ok(CountryCode(code)),
            Err(_) => {
                Err("Not an ISO 3166-1 alpha-2 country code (for example US, GB, FR).".into())
            }
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

super::parsed_value!(CountryCode, String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_assigned_alpha_2_codes_are_countries() {
        assert_eq!(
            CountryCode::parse("us").map(CountryCode::into_inner),
            Ok("US".into())
        );
        assert!(CountryCode::parse("XX").is_err());
        assert!(CountryCode::parse("USA").is_err());
    }
}
