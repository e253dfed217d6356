//! Where to go after logging in: a path on this site, clean enough to send as a redirect.

/// A path and query on this site: it starts with a single `/` (never `//`, which browsers read
/// as another host), holds only printable ASCII that URIs allow, and parses as Rocket's origin
/// URI, so redirecting to it cannot fail or lead elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalPath(String);

impl LocalPath {
    /// Longer than any address the app makes; a hidden field need not take more.
    pub const MAX: usize = 2048;

    pub fn parse(raw: &str) -> Result<Self, String> {
        let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?%".contains(&b);
        let clean = raw.len() <= Self::MAX
            && raw.starts_with('/')
            && !raw.starts_with("//")
            && raw.bytes().all(allowed)
            && escapes_are_whole(raw)
            && rocket::http::uri::Origin::parse(raw).is_ok();
        if clean {
            Ok(LocalPath(raw.to_owned()))
        } else {
            Err(crate::i18n::Msg::new("form-local-path").for_input())
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// Every `%` starts an escape of two hex digits.
fn escapes_are_whole(raw: &str) -> bool {
    raw.split('%')
        .skip(1)
        .all(|rest| rest.len() >= 2 && rest.bytes().take(2).all(|b| b.is_ascii_hexdigit()))
}

super::parsed_form_field!(LocalPath);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clean_paths_on_this_site_are_kept() {
        for good in ["/", "/people?stage=hired&q=Ada%20L", "/people/7/edit"] {
            assert_eq!(
                LocalPath::parse(good).map(LocalPath::into_inner),
                Ok(good.to_owned())
            );
        }
        let long = format!("/{}", "a".repeat(LocalPath::MAX));
        for bad in [
            "",
            "people",
            "//evil.example",
            "/\\evil",
            "https://x.example/",
            "/a b",
            "/a\tb",
            "/a\r\nb",
            "/a\0",
            "/é",
            "/%zz",
            "/#top",
            long.as_str(),
        ] {
            assert!(LocalPath::parse(bad).is_err(), "{bad:?}");
        }
    }
}
