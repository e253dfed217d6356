//! The user's language and the formats that go with it: message catalogues (Fluent), numbers
//! and dates as CLDR writes them (ICU4X), and timestamps in the installation's time zone.
//!
//! A page gets one `Locale` (language and zone) in its `Layout`; mails get their recipient's.
//! Input is read in the language of the form it came from (`input`), with ISO always allowed.

mod catalog;
#[cfg(test)]
mod coverage;
mod dates;
pub mod input;
mod lang;
mod numbers;

use chrono::{DateTime, NaiveDate, Utc};

pub use catalog::{Msg, catalogue, lookup_exact};
pub use dates::{format_date, format_timestamp, parse_date};
pub use lang::{Lang, LanguageSettings};
pub use numbers::{format_decimal, parse_decimal};

/// What a page or a mail is written in: the reader's language and the installation's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    pub lang: Lang,
    pub zone: chrono_tz::Tz,
}

impl Default for Locale {
    fn default() -> Self {
        Locale {
            lang: Lang::En,
            zone: chrono_tz::UTC,
        }
    }
}

impl Locale {
    /// The catalogue's text for `key`.
    pub fn t(&self, key: &str) -> String {
        Msg::new(key.to_owned()).text(self.lang)
    }

    /// The catalogue's text for `key` with one argument: most messages have at most one.
    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        Msg::new(key.to_owned())
            .arg(name.to_owned(), value.to_string())
            .text(self.lang)
    }

    /// With two arguments, as (name, value) pairs: askama passes a tuple by reference.
    pub fn t2(
        &self,
        key: &str,
        (n1, v1): &(&str, impl std::fmt::Display),
        (n2, v2): &(&str, impl std::fmt::Display),
    ) -> String {
        Msg::new(key.to_owned())
            .arg(n1.to_string(), v1.to_string())
            .arg(n2.to_string(), v2.to_string())
            .text(self.lang)
    }

    /// With three arguments.
    pub fn t3(
        &self,
        key: &str,
        (n1, v1): &(&str, impl std::fmt::Display),
        (n2, v2): &(&str, impl std::fmt::Display),
        (n3, v3): &(&str, impl std::fmt::Display),
    ) -> String {
        Msg::new(key.to_owned())
            .arg(n1.to_string(), v1.to_string())
            .arg(n2.to_string(), v2.to_string())
            .arg(n3.to_string(), v3.to_string())
            .text(self.lang)
    }

    /// A message made elsewhere (a form error, a flash), in this language.
    pub fn say(&self, msg: &Msg) -> String {
        msg.text(self.lang)
    }

    /// An exact amount with its cents: `1,234,567.89` / `1.234.567,89`.
    pub fn amount(&self, amount: &bigdecimal::BigDecimal) -> String {
        format_decimal(self.lang, amount, Some(2))
    }

    /// An exact amount with a currency, placed as the language places it.
    pub fn money(&self, amount: &bigdecimal::BigDecimal, currency: &str) -> String {
        Msg::new("money")
            .arg("amount", self.amount(amount))
            .arg("currency", currency)
            .arg(
                "symbol",
                crate::domain::money::currency_symbol(currency).unwrap_or(currency),
            )
            .text(self.lang)
    }

    /// A plain number as the language writes it, with the decimals it has.
    pub fn number(&self, value: &bigdecimal::BigDecimal) -> String {
        format_decimal(self.lang, value, None)
    }

    pub fn date(&self, date: NaiveDate) -> String {
        format_date(self.lang, date)
    }

    /// A moment, in the installation's zone and named with it.
    pub fn timestamp(&self, at: DateTime<Utc>) -> String {
        format_timestamp(self.lang, self.zone, at)
    }
}
