//! Web addresses (company websites, pay sources): absolute http or https URLs only, so a
//! `javascript:` link can never be stored and rendered.
//!
//! The rule is the database's too: both CHECKs call the SQL function `is_web_url` (migration
//! `web_url_rule`), which says of every text what `WebUrl::is_web_url` says, character for
//! character; `tests/app/seams_inputs/web_addresses.rs` runs tricky and random addresses
//! through both. It is written by hand rather than with a URL parser because parsers repair
//! what they read (`https:x` and `http:\\x` become `https://x/`), and what is stored is the text
//! as typed (its scheme in lower case).

const MAX_LENGTH: usize = 2000;

// The catalogue keys of what is wrong with an address (fields.ftl).
const NOT_WEB: &str = "form-url-not-web";
const BLANKS: &str = "form-url-blanks";
const USER: &str = "form-url-user";
const HOST: &str = "form-url-host";
const PORT: &str = "form-url-port";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebUrl(String);

impl WebUrl {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let length = raw.chars().count();
        if length > MAX_LENGTH {
            return Err(crate::i18n::Msg::new("form-too-long")
                .arg("max", MAX_LENGTH)
                .arg("length", length)
                .for_input());
        }
        let url = lower_case_scheme(raw);
        check(&url).map_err(|key| crate::i18n::Msg::new(key).for_input())?;
        Ok(WebUrl(url))
    }

    /// Whether `text`, exactly as it would be stored, is a web address: what the database's
    /// `is_web_url(text)` answers.
    pub fn is_web_url(text: &str) -> bool {
        text.chars().count() <= MAX_LENGTH && check(text).is_ok()
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

super::parsed_value!(WebUrl, String);

/// Schemes ignore case (`HTTP://` is the same address); the stored one is lower case, so the
/// database's rule and the duplicate check (the same source address) see one spelling. The rest
/// is kept as typed.
fn lower_case_scheme(raw: &str) -> String {
    match raw.split_once("://") {
        Some((scheme, rest))
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            format!("{}://{rest}", scheme.to_ascii_lowercase())
        }
        _ => raw.to_owned(),
    }
}

/// Nowhere in an address: what cannot be seen or is read as a separator by some program.
/// In SQL: `\u0001-\u0020`, `\u007f-\u00a0`, the other Unicode spaces, and `\\`.
fn blank(c: char) -> bool {
    c.is_control() || c.is_whitespace() || c == '\\'
}

/// In a host name's labels: ASCII letters, digits, `-` and `_`, and any other character that
/// is not `blank` (internationalised names are typed in their own script).
fn in_label(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_' || !(c.is_ascii() || blank(c))
}

/// `http://` or `https://`, a host (names separated by single dots, optionally ending in one,
/// or an IPv6 address in brackets), an optional port, then a path, query or fragment.
fn check(text: &str) -> Result<(), &'static str> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .ok_or(NOT_WEB)?;
    if text.chars().any(blank) {
        return Err(BLANKS);
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(USER);
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(inside) => {
            let (address, after) = inside.split_once(']').ok_or(HOST)?;
            let ipv6 = |c: char| c.is_ascii_hexdigit() || c == ':' || c == '.';
            if address.is_empty() || !address.chars().all(ipv6) {
                return Err(HOST);
            }
            match after {
                "" => (None, None),
                after => (None, Some(after.strip_prefix(':').ok_or(HOST)?)),
            }
        }
        None => match authority.split_once(':') {
            Some((host, port)) => (Some(host), Some(port)),
            None => (Some(authority), None),
        },
    };
    // A name (an IPv6 address in brackets has none) is labels between single dots.
    if let Some(host) = host {
        let labels = host.strip_suffix('.').unwrap_or(host);
        let label = |label: &str| !label.is_empty() && label.chars().all(in_label);
        if !labels.split('.').all(label) {
            return Err(HOST);
        }
    }
    match port {
        None => Ok(()),
        Some(port)
            if (1..=5).contains(&port.len())
                && port.bytes().all(|b| b.is_ascii_digit())
                && port.parse::<u32>().is_ok_and(|p| p <= 65535) =>
        {
            Ok(())
        }
        Some(_) => Err(PORT),
    }
}

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
            "https:x",
            "http:/\\x",
            "http:\\\\x/y",
        ] {
            assert!(WebUrl::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn an_upper_case_scheme_is_stored_in_lower_case_and_the_rest_as_typed() {
        let url = WebUrl::parse(" HTTPS://Example.com/A ").map(WebUrl::into_inner);
        assert_eq!(url.as_deref(), Ok("https://Example.com/A"));
        assert!(!WebUrl::is_web_url("HTTPS://Example.com/A"));
    }

    #[test]
    fn each_refusal_says_what_to_change() {
        let said = |raw: &str| WebUrl::parse(raw).err().unwrap_or_default();
        // Outside a form's parse, messages are English.
        let words = |key: &'static str| crate::i18n::Msg::new(key).to_string();
        assert_eq!(said("http://x/a b"), words(BLANKS));
        assert_eq!(said("http://me:secret@x/"), words(USER));
        assert_eq!(said("http://a..b/"), words(HOST));
        assert_eq!(said("http://[::1/"), words(HOST));
        assert_eq!(said("http://x:65536/"), words(PORT));
        assert!(WebUrl::parse("http://[::1]:65535/").is_ok());
    }
}
