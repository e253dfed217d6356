//! ISO 4217 currency codes.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency(String);

impl Currency {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let code = raw.trim().to_ascii_uppercase();
        match iso_currency::Currency::from_code(&code) {
            Some(_) => Ok(Currency(code)),
            None => Err(crate::i18n::Msg::new("pay-not-a-currency").for_input()),
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }

    /// Every code `parse` takes, with its name, by code: what a currency field offers.
    pub fn known() -> &'static [(String, String)] {
        static KNOWN: std::sync::LazyLock<Vec<(String, String)>> = std::sync::LazyLock::new(|| {
            // iso_currency lists its currencies only behind a feature that pulls in strum;
            // asking it about every three-letter code reads the same table.
            let letters = || b'A'..=b'Z';
            letters()
                .flat_map(|a| letters().flat_map(move |b| letters().map(move |c| [a, b, c])))
                .filter_map(|code| {
                    let code = String::from_utf8_lossy(&code).into_owned();
                    iso_currency::Currency::from_code(&code).map(|c| (code, c.name().to_owned()))
                })
                .collect()
        });
        &KNOWN
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

    #[test]
    fn the_known_codes_are_those_parse_takes() {
        let known = Currency::known();
        assert!(known.len() > 150);
        assert!(
            known
                .iter()
                .any(|(code, name)| code == "EUR" && name == "Euro")
        );
        assert!(known.iter().all(|(code, _)| Currency::parse(code).is_ok()));
    }
}
