//! What a form shows: the values to put back in its fields and the errors beside them.

use std::collections::HashMap;

use rocket::form::Context;

use crate::domain::ChoiceName;
use rocket::form::error::ErrorKind;

#[derive(Debug, Default)]
pub struct FormState {
    values: HashMap<String, String>,
    errors: HashMap<String, Vec<String>>,
}

/// One option of a select field.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl Choice {
    /// Every value of a choice enum, by stored name and label.
    pub fn all_of<T: ChoiceName>() -> Vec<Choice> {
        T::all()
            .iter()
            .map(|c| Choice::new(c.as_str(), c.label()))
            .collect()
    }

    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Choice {
            value: value.into(),
            label: label.into(),
        }
    }
}

impl FormState {
    /// The user's input exactly as sent, with the parse errors Rocket collected.
    pub fn from_context(context: &Context<'_>) -> Self {
        let mut state = FormState::default();
        for name in context.fields() {
            if let Some(value) = context.field_value(name) {
                state.values.insert(name.to_string(), value.to_owned());
            }
        }
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
            state.add_error(&field, message);
        }
        state
    }

    /// A form filled from a stored record, for editing it.
    pub fn with_values<'a>(values: impl IntoIterator<Item = (&'a str, String)>) -> Self {
        FormState {
            values: values.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
            errors: HashMap::new(),
        }
    }

    pub fn add_error(&mut self, field: &str, message: impl Into<String>) {
        self.errors
            .entry(field.to_owned())
            .or_default()
            .push(message.into());
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn errors(&self, name: &str) -> &[String] {
        self.errors.get(name).map_or(&[], Vec::as_slice)
    }

    /// The type a field is shown as: a date field whose value is not an ISO date is shown as
    /// text, because a browser empties a `type=date` input it cannot read, and the user must
    /// see what they typed beside the error.
    pub fn input_type<'a>(&self, name: &str, kind: &'a str) -> &'a str {
        let value = self.value(name);
        let readable =
            value.is_empty() || chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok();
        if kind == "date" && !readable {
            "text"
        } else {
            kind
        }
    }

    pub fn has_error(&self, name: &str) -> bool {
        self.errors.contains_key(name)
    }

    /// Errors not tied to a field of the form, shown at its top.
    pub fn form_errors(&self) -> &[String] {
        self.errors("")
    }

    /// Where `theirs` (the record as saved now) differs from this input: (field, theirs, yours).
    pub fn differences(&self, theirs: &FormState) -> Vec<(String, String, String)> {
        let mut fields: Vec<&String> = theirs
            .values
            .keys()
            .filter(|k| k.as_str() != "version")
            .collect();
        fields.sort();
        fields
            .into_iter()
            .filter(|field| theirs.value(field).trim() != self.value(field).trim())
            .map(|field| {
                (
                    field.clone(),
                    theirs.value(field).to_owned(),
                    self.value(field).to_owned(),
                )
            })
            .collect()
    }

    /// Sets a value, e.g. the version the next save should overwrite.
    pub fn set(&mut self, name: &str, value: String) {
        self.values.insert(name.to_owned(), value);
    }

    /// The record version an edit form sent back.
    pub fn version(&self) -> Option<i32> {
        self.value("version").trim().parse().ok()
    }

    pub fn is_selected(&self, name: &str, option: &str) -> bool {
        self.value(name) == option
    }
}
