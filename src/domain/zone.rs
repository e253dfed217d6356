//! Pay zones: where a band applies ("US", "EU"), two to ten capital letters.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone(String);

impl Zone {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let code = raw.trim().to_ascii_uppercase();
        let letters = code.bytes().all(|b| b.is_ascii_uppercase());
        if letters && (2..=10).contains(&code.len()) {
            Ok(Zone(code))
        } else {
            Err(crate::i18n::Msg::new("form-zone").for_input())
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

super::parsed_value!(Zone, String);

impl std::fmt::Display for Zone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The zone of the European Union, where the pay transparency directive applies.
pub const EU: &str = "EU";

/// Whether a person's zone (stored, typed or absent) is the EU's, where candidates' pay
/// history may not be asked for: the one test the forms, the merge and the import share.
pub fn is_eu(zone: Option<&str>) -> bool {
    zone == Some(EU)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_upper_cased_letters() {
        assert_eq!(Zone::parse(" eu ").map(Zone::into_inner), Ok("EU".into()));
        assert!(Zone::parse("U").is_err());
        assert!(Zone::parse("U S").is_err());
        assert!(Zone::parse("ÉU").is_err());
        assert!(Zone::parse("ABCDEFGHIJK").is_err());
    }
}
