//! Exchange rates: how many units of the reporting currency one unit of a currency buys.

use bigdecimal::{BigDecimal, Zero};

use crate::i18n::{self, Msg};

/// What NUMERIC(20, 10) holds: ten digits on each side of the point. The limit's home is the
/// column (and its CHECK, `> 0`); this copy lets the form answer beside the field, and
/// tests/app/rule_homes/amounts.rs runs the values at its edges through both.
const MAX_DIGITS: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rate(BigDecimal);

impl Rate {
    /// A rate as typed in the input's language (`1,0845` from a German form), ISO always.
    pub fn parse(raw: &str) -> Result<Self, String> {
        Rate::read(raw).map_err(|msg| msg.for_input())
    }

    fn read(raw: &str) -> Result<Self, Msg> {
        let not_a_number = || Msg::new("rate-not-a-number");
        let rate = i18n::parse_decimal(i18n::input::lang(), raw).map_err(|_| not_a_number())?;
        if rate < BigDecimal::zero() {
            return Err(not_a_number());
        }
        let plain = rate.to_plain_string();
        let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
        if fraction.len() > MAX_DIGITS || whole.trim_start_matches('0').len() > MAX_DIGITS {
            return Err(Msg::new("rate-too-long").arg("digits", MAX_DIGITS));
        }
        if rate.is_zero() {
            return Err(Msg::new("rate-not-positive"));
        }
        Ok(Rate(rate))
    }

    pub fn into_inner(self) -> BigDecimal {
        self.0
    }
}

super::parsed_form_field!(Rate);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_positive_exact_decimals() {
        assert!(Rate::parse("1.0845").is_ok());
        assert!(Rate::parse("0.0000123456").is_ok());
        for bad in ["0", "0.000", "-1", "1,08", "abc", "", "0.00000000001"] {
            assert!(Rate::parse(bad).is_err(), "{bad:?} should be refused");
        }
        let german = i18n::input::reading(i18n::Lang::De, || Rate::parse("1,0845"));
        assert_eq!(
            german.map(Rate::into_inner),
            Ok("1.0845".parse().unwrap_or_default())
        );
    }
}
