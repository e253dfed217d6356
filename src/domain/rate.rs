//! Exchange rates: how many units of the reporting currency one unit of a currency buys.

use bigdecimal::{BigDecimal, Zero};
use std::str::FromStr;

/// What NUMERIC(20, 10) holds: ten digits on each side of the point. The limit's home is the
/// column (and its CHECK, `> 0`); this copy lets the form answer beside the field, and
/// tests/app/rule_homes/amounts.rs runs the values at its edges through both.
const MAX_DIGITS: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rate(BigDecimal);

impl Rate {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let (whole, fraction) = raw.split_once('.').unwrap_or((raw, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) {
            return Err("Enter a positive number such as 1.0845.".into());
        }
        if fraction.len() > MAX_DIGITS || whole.trim_start_matches('0').len() > MAX_DIGITS {
            return Err(format!(
                "At most {MAX_DIGITS} digits on each side of the decimal point."
            ));
        }
        match BigDecimal::from_str(raw) {
            Ok(rate) if !rate.is_zero() => Ok(Rate(rate)),
            _ => Err("A rate must be more than zero.".into()),
        }
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
    }
}
