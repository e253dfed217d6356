//! What a form shows: the values to put back in its fields and the errors beside them, as the
//! input layer found them (`input::FieldErrors`).

use std::collections::HashMap;

use rocket::form::Context;

use crate::domain::ChoiceName;
use crate::input::{FieldErrors, RecordInput, TypedFields};

#[derive(Debug, Default)]
pub struct FormState {
    values: HashMap<String, String>,
    errors: FieldErrors,
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

    /// Every value of a choice enum, labelled in the reader's language.
    pub fn all_in<T: ChoiceName>(locale: crate::i18n::Locale) -> Vec<Choice> {
        T::all()
            .iter()
            .map(|c| Choice::new(c.as_str(), c.label_in(locale.lang)))
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
        FormState::shown_again(context, FieldErrors::from_context(context))
    }

    /// The user's input exactly as sent, with what is wrong with it.
    pub fn shown_again(context: &Context<'_>, errors: FieldErrors) -> Self {
        let values = context
            .fields()
            .filter_map(|name| Some((name.to_string(), context.field_value(name)?.to_owned())))
            .collect();
        FormState { values, errors }
    }

    /// A form filled from a stored record, for editing it.
    pub fn with_values<'a>(values: impl IntoIterator<Item = (&'a str, String)>) -> Self {
        FormState {
            values: values.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
            errors: FieldErrors::default(),
        }
    }

    /// A stored record's form, carrying the version it was read at.
    pub fn stored<T: RecordInput>(record: &T, version: i32) -> anyhow::Result<Self> {
        let mut form = FormState::with_values(crate::csv_format::cells(record)?);
        form.set("version", version.to_string());
        Ok(form)
    }

    pub fn add_error(&mut self, field: &str, message: impl Into<String>) {
        self.errors.add(field, message);
    }

    /// Adds what the input layer found wrong.
    pub fn add_errors(&mut self, errors: FieldErrors) {
        self.errors.extend(errors);
    }

    /// Everything found wrong, by field (the API's 422 lists them).
    pub fn field_errors(&self) -> &FieldErrors {
        &self.errors
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Errors beyond the question asked beside `field`: the person form's duplicate check is
    /// a warning to answer, not a mistake to correct, so it raises no "correct the fields".
    pub fn has_errors_besides(&self, field: &str) -> bool {
        self.errors.besides(field)
    }

    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn errors(&self, name: &str) -> &[String] {
        self.errors.on(name)
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
        self.errors.has(name)
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

/// The import reads a stored record's values merged with a file's through the same rules.
impl TypedFields for FormState {
    fn value(&self, field: &str) -> &str {
        FormState::value(self, field)
    }
}
