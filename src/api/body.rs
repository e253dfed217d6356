//! A JSON body as the fields of the form the same record has: the API translates, and the
//! input type, its rules and the save decide exactly as they do for the form.

use rocket::form::{Contextual, Form, FromForm, ValueField};
use serde_json::{Map, Value};

use super::problem::Problem;
use crate::input::FieldErrors;

/// The body's members as form fields: text as is, whole numbers written out, `true`/`false`
/// as a checkbox says them, `null` as a field left out. A fraction as a JSON number is
/// refused: it has passed through floating point, so money must come as a decimal string.
/// `version` is not taken from the body: a write names its version in `If-Match`.
pub fn fields(body: &Map<String, Value>) -> Result<Vec<(String, String)>, Problem> {
    let mut errors = FieldErrors::default();
    let mut fields = Vec::new();
    for (name, value) in body {
        let text = match value {
            Value::Null => continue,
            Value::String(text) => text.clone(),
            Value::Bool(yes) => if *yes { "yes" } else { "no" }.to_owned(),
            Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
            Value::Number(_) => {
                errors.add(name, "Send a fraction as a decimal string (\"1234.50\").");
                continue;
            }
            Value::Array(_) | Value::Object(_) => {
                errors.add(name, "Send text, a number or true/false here.");
                continue;
            }
        };
        if name != "version" {
            fields.push((name.clone(), text));
        }
    }
    if errors.is_empty() {
        Ok(fields)
    } else {
        Err(Problem::invalid(&errors))
    }
}

/// The fields parsed as the form parses them, with the version the write changes.
pub fn parsed<'f, T: FromForm<'f>>(
    fields: &'f [(String, String)],
    version: Option<&'f str>,
) -> Result<Contextual<'f, T>, Problem> {
    let sent = fields
        .iter()
        .map(|(name, value)| ValueField::from((name.as_str(), value.as_str())))
        .chain(version.map(|v| ValueField::from(("version", v))));
    Form::<Contextual<'f, T>>::parse_iter(sent).map_err(|failed| {
        let mut errors = FieldErrors::default();
        for error in failed {
            errors.add("", error.to_string());
        }
        Problem::invalid(&errors)
    })
}
