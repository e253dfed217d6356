//! Web addresses (company websites, pay sources): absolute http or https URLs only, so a
//! `javascript:` link can never be stored and rendered.

const MAX_LENGTH: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebUrl(String);

impl WebUrl {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let refused = || "Enter a full web address starting with http:// or https://.".to_owned();
        if raw.len() > MAX_LENGTH {
            return Err(format!("At most {MAX_LENGTH} characters, please."));
        }
        let url = url::Url::parse(raw).map_err(|_| refused())?;
        let web = matches!(url.scheme(), "http" | "https") && url.host_str().is_some();
        // Stored as typed, so it reads as the user wrote it; the parse only vouches for it.
        if web && !raw.chars().any(char::is_whitespace) {
            Ok(WebUrl(raw.to_owned()))
        } else {
            Err(refused())
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

super::parsed_value!(WebUrl, String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_addresses_are_accepted() {
        assert!(WebUrl::parse("https://scale.com").is_ok());
        assert!(WebUrl::parse("http://example.org/a?b=c").is_ok());
        for bad in [
            "javascript:alert(1)",
            "ftp://example.org",
            "scale.com",
            "https://",
            "http://a b",
        ] {
            assert!(WebUrl::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
