//! What is wrong with a record as typed, by field, and the text of each field the rules
//! between fields read. The view layer shows both in a form (`views::FormState`); the import
//! lists them by column.

use std::collections::HashMap;

use rocket::form::Context;
use rocket::form::error::ErrorKind;

/// Messages by field; `""` holds those about the record as a whole.
#[derive(Debug, Default, Clone)]
pub struct FieldErrors(HashMap<String, Vec<String>>);

impl FieldErrors {
    /// What Rocket found when it parsed the fields, in words for the user.
    pub fn from_context(context: &Context<'_>) -> Self {
        let mut errors = FieldErrors::default();
        for error in context.errors() {
            let field = error
                .name
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default();
            let message = match &error.kind {
                ErrorKind::Validation(message) => message.to_string(),
                ErrorKind::Missing => "This field is required.".to_owned(),
                other => format!("{other}."),
            };
            errors.add(&field, message);
        }
        errors
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_owned())
            .or_default()
            .push(message.into());
    }

    /// Adds every message of `other`.
    pub fn extend(&mut self, other: FieldErrors) {
        for (field, messages) in other.0 {
            self.0.entry(field).or_default().extend(messages);
        }
    }

    /// Every field with its messages, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.0
            .iter()
            .map(|(field, messages)| (field.as_str(), messages.as_slice()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The messages about `field`.
    pub fn on(&self, field: &str) -> &[String] {
        self.0.get(field).map_or(&[], Vec::as_slice)
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    /// Whether any field but `field` has a message.
    pub fn besides(&self, field: &str) -> bool {
        self.0.keys().any(|f| f != field)
    }
}

/// A record's fields as typed, before they parse: what the rules between fields read, so that
/// each broken rule shows beside its field together with any other error.
pub trait TypedFields {
    /// The field's text as sent, `""` when it was not.
    fn value(&self, field: &str) -> &str;
}

/// A record's cells as its CSV row holds them (`csv_format::cells`): what the import checks
/// the rules on when a file's row is completed with stored values.
impl TypedFields for Vec<(&'static str, String)> {
    fn value(&self, field: &str) -> &str {
        self.iter()
            .find(|(name, _)| *name == field)
            .map_or("", |(_, value)| value.as_str())
    }
}

impl TypedFields for Context<'_> {
    fn value(&self, field: &str) -> &str {
        self.field_value(field).unwrap_or("")
    }
}
