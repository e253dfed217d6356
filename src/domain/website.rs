//! A company's website: a web address, where a bare site name (`aleph-alpha.com`) means its
//! https address, as browsers' address bars take it. Kept apart from `WebUrl`, whose parse
//! says exactly what the database's `is_web_url` says of stored text.

use super::WebUrl;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Website(String);

impl Website {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let url = if has_scheme(raw) || raw.is_empty() {
            WebUrl::parse(raw)?
        } else {
            WebUrl::parse(&format!("https://{raw}"))?
        };
        Ok(Website(url.into_inner()))
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

super::parsed_value!(Website, String);

/// Whether the text starts with a scheme (`https:`, `mailto:`, `javascript:`): letters, digits,
/// `+`, `-` or `.` before a colon that comes before any `/`. Those are left to `WebUrl` to accept
/// or refuse, never prefixed.
fn has_scheme(raw: &str) -> bool {
    let head = raw.split('/').next().unwrap_or_default();
    match head.split_once(':') {
        Some((scheme, rest)) => {
            let named = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            // `example.com:8080` is a site with a port, not a scheme called "example.com".
            named && !(scheme.contains('.') && rest.chars().all(|c| c.is_ascii_digit()))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(raw: &str) -> Result<String, String> {
        Website::parse(raw).map(Website::into_inner)
    }

    #[test]
    fn a_bare_site_name_means_its_https_address() {
        assert_eq!(
            parsed("aleph-alpha.com"),
            Ok("https://aleph-alpha.com".into())
        );
        assert_eq!(
            parsed(" www.example.org/jobs "),
            Ok("https://www.example.org/jobs".into())
        );
        assert_eq!(
            parsed("example.com:8080"),
            Ok("https://example.com:8080".into())
        );
        assert_eq!(
            parsed("HTTP://example.com"),
            Ok("http://example.com".into())
        );
    }

    #[test]
    fn other_schemes_are_still_refused_not_prefixed() {
        assert!(parsed("javascript:alert(1)").is_err());
        assert!(parsed("mailto:jobs@example.com").is_err());
        assert!(parsed("ftp://example.com").is_err());
        assert!(parsed("not a site").is_err());
    }
}
