//! Which language a reader gets: their own setting, else what their browser asks for, else the
//! installation's default (`TALENT_TRACKER_LANGUAGE`).

use rocket::Request;
use rocket::request::{FromRequest, Outcome};

use super::Locale;

/// The languages with a catalogue. Adding one is a folder of `.ftl` files under
/// `templates/locales/` and a variant here (ICU4X's compiled CLDR data has every locale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::De];

    /// The BCP 47 tag: `<html lang>`, the stored setting and the catalogue's folder.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language's name in itself, for the choice on `/account`.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
        }
    }

    /// A tag such as `de`, `de-AT` or `en_GB`: its primary language, if we have it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.iter().copied().find(|l| l.tag() == primary)
    }

    /// The first language of an `Accept-Language` header we have, by the browser's weights
    /// (RFC 9110 §12.5.4); ties keep the header's order.
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut ranges: Vec<(f32, usize, Lang)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(position, range)| {
                let mut parts = range.split(';');
                let lang = Lang::from_tag(parts.next()?)?;
                let weight = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (weight > 0.0).then_some((weight, position, lang))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranges.first().map(|(_, _, lang)| *lang)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// The installation's language and time zone, as Rocket managed state.
#[derive(Debug, Clone, Copy, Default)]
pub struct LanguageSettings {
    pub default: Lang,
    pub zone: chrono_tz::Tz,
}

impl LanguageSettings {
    /// `TALENT_TRACKER_LANGUAGE` and `TALENT_TRACKER_TIME_ZONE` as given; unknown values are a
    /// start-up error, not a silent English or UTC.
    pub fn parse(language: &str, zone: &str) -> anyhow::Result<Self> {
        let default = Lang::from_tag(language).ok_or_else(|| {
            let known: Vec<_> = Lang::ALL.iter().map(|l| l.tag()).collect();
            anyhow::anyhow!(
                "TALENT_TRACKER_LANGUAGE: no catalogue for {language:?} (there are: {})",
                known.join(", ")
            )
        })?;
        let zone = zone.trim().parse::<chrono_tz::Tz>().map_err(|_| {
            anyhow::anyhow!(
                "TALENT_TRACKER_TIME_ZONE: {zone:?} is not an IANA time zone such as Europe/Berlin"
            )
        })?;
        Ok(LanguageSettings { default, zone })
    }

    /// The locale for a reader with this stored setting and browser header.
    pub fn locale(&self, setting: Option<&str>, accept_language: Option<&str>) -> Locale {
        let lang = setting
            .and_then(Lang::from_tag)
            .or_else(|| accept_language.and_then(Lang::negotiate))
            .unwrap_or(self.default);
        Locale {
            lang,
            zone: self.zone,
        }
    }

    /// For a request: the logged-in user's setting counts first (`auth::session_of`).
    pub fn of_request(request: &Request<'_>, setting: Option<&str>) -> Locale {
        let settings = request
            .rocket()
            .state::<LanguageSettings>()
            .copied()
            .unwrap_or_default();
        settings.locale(setting, request.headers().get_one("Accept-Language"))
    }
}

/// The reader's locale: a logged-in user's own setting, else the browser's.
#[rocket::async_trait]
impl<'r> FromRequest<'r> for Locale {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let locale = match crate::auth::session_of(request).await {
            crate::auth::Asker::User(user) => user.locale,
            _ => LanguageSettings::of_request(request, None),
        };
        Outcome::Success(locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_weights_decide_and_unknown_languages_are_passed_over() {
        assert_eq!(Lang::negotiate("de-DE,de;q=0.9,en;q=0.8"), Some(Lang::De));
        assert_eq!(
            Lang::negotiate("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7"),
            Some(Lang::En)
        );
        assert_eq!(Lang::negotiate("en;q=0.5, de;q=0.6"), Some(Lang::De));
        assert_eq!(Lang::negotiate("de;q=0, en"), Some(Lang::En));
        assert_eq!(Lang::negotiate("fr, it"), None);
        assert_eq!(Lang::negotiate(""), None);
    }

    #[test]
    fn the_users_setting_wins_over_the_browser_and_the_default_comes_last() {
        let settings = LanguageSettings::parse("de", "Europe/Berlin").expect("valid");
        assert_eq!(settings.locale(Some("en"), Some("de")).lang, Lang::En);
        assert_eq!(settings.locale(None, Some("en-GB")).lang, Lang::En);
        assert_eq!(settings.locale(None, Some("fr")).lang, Lang::De);
        assert!(LanguageSettings::parse("fr", "UTC").is_err());
        assert!(LanguageSettings::parse("en", "Mars/Olympus").is_err());
    }
}
