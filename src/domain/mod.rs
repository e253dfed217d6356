//! Parsed value types: once a form or a file has produced one of these, it is valid.

mod choices;
mod country;
mod currency;
mod date;
mod maybe;
mod money;
mod text;
mod web_url;
mod years;

pub use choices::{ChoiceName, CompanyKind, Confidence, PayKind, Period, Stage};
pub use country::CountryCode;
pub use currency::Currency;
pub use date::Date;
pub use maybe::Maybe;
pub use money::{Money, format_money};
pub use text::{LongText, Text};
pub use web_url::WebUrl;
pub use years::PeriodYears;
