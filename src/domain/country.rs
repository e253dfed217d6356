//! ISO 3166-1 alpha-2 country codes, also given as the alpha-3 code, the country's English
//! short name (from the isocountry crate, which follows the ISO list), or its name in any
//! language the app speaks as CLDR writes it (ICU4X's region display names), so "Germany",
//! "Deutschland" and "DEU" are all stored as DE.

use std::collections::HashMap;
use std::sync::LazyLock;

use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_experimental::displaynames::{DisplayNamesOptions, DisplayNamesPreferences};
use icu_locale_core::subtags::Region;

use crate::i18n::{Lang, Msg};

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
            None => match LOCAL_NAMES.get(&raw.to_lowercase()) {
                Some(alpha2) => Ok(CountryCode((*alpha2).to_owned())),
                None => Err(Msg::new("form-country").for_input()),
            },
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// Every assigned code's CLDR name in every language of the app, lower-cased, to its code.
/// Names in all languages, not only the reader's: a German name in an English reader's import
/// file names one country just as well, and no two countries share a name across these
/// languages.
static LOCAL_NAMES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut names = HashMap::new();
    for lang in Lang::ALL {
        let Ok(locale) = icu_locale_core::Locale::try_from_str(lang.tag()) else {
            continue;
        };
        let prefs = DisplayNamesPreferences::from(&locale);
        let Ok(display) = RegionDisplayNames::try_new(prefs, DisplayNamesOptions::default()) else {
            continue;
        };
        for country in isocountry::CountryCode::iter() {
            let Ok(region) = Region::try_from_str(country.alpha2()) else {
                continue;
            };
            if let Some(name) = display.of(region) {
                names.insert(name.to_lowercase(), country.alpha2());
            }
        }
    }
    names
});

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

    #[test]
    fn german_names_as_cldr_writes_them_are_their_code() {
        for (given, code) in [
            ("Deutschland", "DE"),
            ("österreich", "AT"),
            ("SCHWEIZ", "CH"),
            ("Vereinigtes Königreich", "GB"),
            ("Vereinigte Staaten", "US"),
            ("United States", "US"),
        ] {
            assert_eq!(
                CountryCode::parse(given).map(CountryCode::into_inner),
                Ok(code.into()),
                "{given}"
            );
        }
    }
}
