//! Free text: trimmed, and bounded so a huge field is refused with a message.

use crate::i18n::Msg;

use rocket::form::{self, FromFormField, ValueField};

/// One line of required text of at most `MAX` characters (names, titles, places).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<const MAX: usize = 200>(String);

/// Notes: up to ten thousand characters, line breaks kept.
pub type LongText = Text<10_000>;

impl<const MAX: usize> Text<MAX> {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let trimmed = raw.trim();
        let length = trimmed.chars().count();
        if trimmed.is_empty() {
            Err(Msg::new("form-required").for_input())
        } else if trimmed.contains('\0') {
            // PostgreSQL cannot store NUL in text; say so rather than fail on save.
            Err(Msg::new("form-nul").for_input())
        } else if length > MAX {
            Err(Msg::new("form-too-long")
                .arg("max", MAX)
                .arg("length", length)
                .for_input())
        } else {
            Ok(Text(trimmed.to_owned()))
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Text read back from the database, which was checked when it was stored.
    pub fn stored(text: String) -> Self {
        Text(text)
    }
}

impl<'de, const MAX: usize> serde::Deserialize<'de> for Text<MAX> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl<const MAX: usize> std::fmt::Display for Text<MAX> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<const MAX: usize> serde::Serialize for Text<MAX> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'v, const MAX: usize> FromFormField<'v> for Text<MAX> {
    fn from_value(field: ValueField<'v>) -> form::Result<'v, Self> {
        Ok(Self::parse(field.value).map_err(form::Error::validation)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(
            Text::<5>::parse("  Ada  ").map(Text::into_inner),
            Ok("Ada".into())
        );
        assert!(Text::<5>::parse("   ").is_err());
        assert!(Text::<5>::parse("Ada Lovelace").is_err());
        // Characters, not bytes: five accented letters fit in five.
        assert!(Text::<5>::parse("ééééé").is_ok());
        assert!(Text::<5>::parse("a\0b").is_err());
    }
}
