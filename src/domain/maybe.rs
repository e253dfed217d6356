//! Optional form fields: an empty or missing field is `None`, anything else must parse.
//!
//! Rocket's own `Option<T>` turns a value that fails to parse into `None`, which would silently
//! drop an impossible date; this keeps the error.

use rocket::form::{self, FromFormField, ValueField};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Maybe<T>(pub Option<T>);

impl<T> Maybe<T> {
    pub fn into_inner(self) -> Option<T> {
        self.0
    }

    /// The inner value, converted: `Maybe<Text>` into `Option<String>` with `Text::into_inner`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Option<U> {
        self.0.map(f)
    }
}

#[rocket::async_trait]
impl<'v, T: FromFormField<'v> + Send> FromFormField<'v> for Maybe<T> {
    fn from_value(field: ValueField<'v>) -> form::Result<'v, Self> {
        if field.value.trim().is_empty() {
            Ok(Maybe(None))
        } else {
            T::from_value(field).map(|v| Maybe(Some(v)))
        }
    }

    fn default() -> Option<Self> {
        Some(Maybe(None))
    }
}
