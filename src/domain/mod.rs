//! Parsed value types: once a form or a file has produced one of these, it is valid.

/// Lets a form field be one of these types: the type's own `parse` decides, and its message is
/// what the form shows beside the field.
macro_rules! parsed_form_field {
    ($type:ty) => {
        impl<'v> rocket::form::FromFormField<'v> for $type {
            fn from_value(field: rocket::form::ValueField<'v>) -> rocket::form::Result<'v, Self> {
                Ok(Self::parse(field.value).map_err(rocket::form::Error::validation)?)
            }
        }
    };
}
use parsed_form_field;

mod choices;
mod country;
mod currency;
mod date;
mod email;
mod maybe;
mod money;
mod rate;
pub mod rules;
mod text;
mod web_url;
mod years;

pub use choices::{BatchStatus, ChoiceName, CompanyKind, Confidence, PayKind, Period, Role, Stage};
pub use country::CountryCode;
pub use currency::Currency;
pub use date::Date;
pub use email::Email;
pub use maybe::Maybe;
pub use money::{Money, format_money};
pub use rate::Rate;
pub use text::{LongText, Text};
pub use web_url::WebUrl;
pub use years::PeriodYears;
