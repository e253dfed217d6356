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

/// A parsed value whose inner value prints as forms and CSV files spell it: a form field
/// (`parsed_form_field!`), written out by serde as that text, and taken back from the database
/// with `stored`.
macro_rules! parsed_value {
    ($type:ty, $inner:ty) => {
        super::parsed_form_field!($type);

        impl $type {
            /// A value read back from the database, which checked it when it was stored.
            pub fn stored(value: $inner) -> Self {
                Self(value)
            }
        }

        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&self.0)
            }
        }

        super::parsed_deserialize!($type);
    };
}
use parsed_value;

/// Reads a parsed value from text with its own `parse`, so serde cannot make an invalid one.
macro_rules! parsed_deserialize {
    ($type:ty) => {
        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}
use parsed_deserialize;

pub mod choices;
mod country;
mod currency;
mod date;
mod document;
mod email;
mod id;
mod local_path;
mod maybe;
pub mod money;
mod name_key;
mod rate;
pub mod rules;
mod text;
mod web_url;
mod webhook_event;
mod website;
mod years;
pub mod zone;

pub use choices::{
    ApprovalStatus, BatchStatus, ChoiceName, CompanyKind, Confidence, Decision, PayKind, Period,
    Role, Stage,
};
pub use country::CountryCode;
pub use currency::Currency;
pub use date::{Date, DateError};
pub use document::{DocumentKind, REFUSED_KIND, format_size};
pub use email::Email;
pub use id::{CompanyId, FileId, MAX_RECORD_ID, MergeId, NoteId, PayBandId, PayReportId, PersonId};
pub use local_path::LocalPath;
pub use maybe::Maybe;
pub use money::{
    Money, exact_money, format_amount, format_compact, format_money, show_amount, show_money,
};
pub use name_key::{name_key, name_search_key};
pub use rate::Rate;
pub use text::{LongText, Text};
pub use web_url::WebUrl;
pub use webhook_event::WebhookEvent;
pub use website::Website;
pub use years::PeriodYears;
pub use zone::Zone;
