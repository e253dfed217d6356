//! ISO 3166-1 alpha-2 country codes, also given as the alpha-3 code or the country's English
//! short name (from the isocountry crate, which follows the ISO list), so "Germany" and "DEU"
//! are stored as DE.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCode(String);

impl CountryCode {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let code = raw.to_ascii_uppercase();
        let found = match code.len() {
            2 => isocountry::CountryCode::for_alpha2(&code).ok(),
            3 => isocountry::CountryCode::for_alpha3(&code).ok(),
            _ => None,
        }
        .or_else(|| {
            isocountry::CountryCode::iter()
                .find(|c| c.name().eq_ignore_ascii_case(raw))
                .copied()
        });
        match found {
            Some(country) => Ok(CountryCode(country.alpha2().to_owned())),
            None => Err(
                "Not a country: give its ISO 3166-1 code (for example US, GB, DE) or its \
                 English name."
                    .into(),
            ),
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
        assert!(CountryCode::parse("Atlantis").is_err());
    }

    #[test]
    fn english_names_and_alpha_3_codes_are_their_alpha_2_code() {
        for given in ["Germany", "germany", " DEU ", "de"] {
            assert_eq!(
                CountryCode::parse(given).map(CountryCode::into_inner),
                Ok("DE".into()),
                "{given}"
            );
        }
        assert_eq!(
            CountryCode::parse("USA").map(CountryCode::into_inner),
            Ok("US".into())
        );
    }
}
