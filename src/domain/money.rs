//! Money amounts: exact decimals with at most two decimal places, never floating point.

use bigdecimal::BigDecimal;

use crate::i18n::{self, Lang, Msg};

/// What NUMERIC(14, 2) holds: twelve digits before the point, two after. The limit's home is
/// the columns (and their CHECKs, `>= 0`); this copy lets a form answer beside the field, and
/// tests/app/rule_homes/amounts.rs runs the values at its edges through both.
const MAX_INTEGER_DIGITS: usize = 12;

/// A non-negative amount in some currency, as typed: "250000000" or "1234.56".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money(BigDecimal);

impl Money {
    /// An amount as typed in the input's language (`i18n::input`): `1.234.567,89` from a
    /// German form, `1,234,567.89` from an English one, ISO `1234567.89` from either.
    pub fn parse(raw: &str) -> Result<Self, String> {
        Money::read(raw).map_err(|msg| msg.for_input())
    }

    /// As `parse`, with the message still to be put into words.
    pub fn read(raw: &str) -> Result<Self, Msg> {
        let value = i18n::parse_decimal(i18n::input::lang(), raw)?;
        if value < 0 {
            return Err(Msg::new("money-negative"));
        }
        // Typed decimals count, zeros too: `250.000` from someone who groups thousands with points
        // must not become 250 unnoticed, so it is refused with how it was read.
        if value.fractional_digit_count() > 2 {
            return Err(Msg::new("money-cents").arg("typed", raw.trim()));
        }
        let whole_digits = value
            .with_scale(0)
            .abs()
            .to_plain_string()
            .trim_start_matches('0')
            .len();
        if whole_digits > MAX_INTEGER_DIGITS {
            return Err(Msg::new("money-too-long").arg("digits", MAX_INTEGER_DIGITS));
        }
        Ok(Money(value.with_scale(2)))
    }

    pub fn amount(&self) -> &BigDecimal {
        &self.0
    }

    pub fn into_inner(self) -> BigDecimal {
        self.0
    }

    /// An amount read back from the database, whose NUMERIC(14, 2) and CHECK held it.
    pub fn stored(amount: BigDecimal) -> Self {
        Money(amount)
    }
}

super::parsed_form_field!(Money);
super::parsed_deserialize!(Money);

/// As the forms and CSV files write amounts: a plain decimal with its cents.
impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.with_scale(2).to_plain_string())
    }
}

/// Shows an amount exactly, with thousands separators: 1234567.5 → "1,234,567.50".
pub fn format_money(amount: &BigDecimal) -> String {
    let plain = amount.with_scale(2).to_plain_string();
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (whole, cents) = unsigned.split_once('.').unwrap_or((unsigned, "00"));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped}.{cents}")
}

/// Shows an amount exactly, without cents when there are none: 100000000 → "100,000,000",
/// 1234.5 → "1,234.50". For pages; `format_money` keeps the cents for tables and files whose
/// columns should line up.
pub fn format_amount(amount: &BigDecimal) -> String {
    let full = format_money(amount);
    match full.strip_suffix(".00") {
        Some(whole) => whole.to_owned(),
        None => full,
    }
}

/// An amount for a page in the reader's language, without cents when there are none:
/// `1,234,567` / `1.234.567`, `1,234.50` / `1.234,50`.
pub fn show_amount(lang: Lang, amount: &BigDecimal) -> String {
    let whole = amount.with_scale(2) == amount.with_scale(0);
    i18n::format_decimal(lang, amount, Some(if whole { 0 } else { 2 }))
}

/// `show_amount` with its currency, placed as the language places it (`USD 1,234,567` /
/// `1.234.567 $`); `Locale::money` keeps the cents.
pub fn show_money(lang: Lang, amount: &BigDecimal, currency: &str) -> String {
    Msg::new("money")
        .arg("amount", show_amount(lang, amount))
        .arg("currency", currency)
        .arg("symbol", currency_symbol(currency).unwrap_or(currency))
        .text(lang)
}

/// An exact amount with its cents and currency in `lang` (`Locale::money` for a language
/// alone): tables and checks whose figures should line up.
pub fn exact_money(lang: Lang, amount: &BigDecimal, currency: &str) -> String {
    i18n::Locale {
        lang,
        ..i18n::Locale::default()
    }
    .money(amount, currency)
}

/// A short, rounded amount for summaries, never for a figure someone reads exactly: "$1.2M",
/// "€900k", "CHF 14.3B"; in German CLDR's short currency units, "1,2 Mio. $", "900 Tsd. €".
/// One decimal below 100 of the unit and none from there, so at most three digits show; a
/// currency without an unambiguous symbol keeps its code. The units come from the catalogue
/// (`pay-compact-*`): ICU4X's compact formatter is still in `icu_experimental`, a second
/// copy of its data for five words per language.
pub fn format_compact(lang: Lang, amount: &BigDecimal, currency: &str) -> String {
    use bigdecimal::RoundingMode;
    const UNITS: [(i64, &str); 5] = [
        (0, ""),
        (3, "pay-compact-thousand"),
        (6, "pay-compact-million"),
        (9, "pay-compact-billion"),
        (12, "pay-compact-trillion"),
    ];
    let zero = BigDecimal::from(0);
    let sign = if *amount < zero { "-" } else { "" };
    let unsigned = amount.abs();
    let power = |exponent: i64| BigDecimal::new(1.into(), -exponent);
    let mut unit = UNITS
        .iter()
        .rposition(|(exponent, _)| unsigned >= power(*exponent))
        .unwrap_or(0);
    loop {
        let (exponent, suffix) = UNITS[unit];
        let scaled = &unsigned / power(exponent);
        let places = if unit > 0 && scaled < 100 { 1 } else { 0 };
        let shown = scaled.with_scale_round(places, RoundingMode::HalfUp);
        // Rounding up can reach the next unit: 999,960 is "1M", not "1000k".
        if shown >= 1000 && unit + 1 < UNITS.len() {
            unit += 1;
            continue;
        }
        let shown = if shown.with_scale(0) == shown {
            shown.with_scale(0)
        } else {
            shown
        };
        // Never grouped: at most four digits, and "$2000T" reads better than "$2,000T".
        let number = i18n::format_decimal(lang, &shown, None).replace([',', '.'], "");
        let number = match shown.fractional_digit_count() {
            0 => number,
            _ => {
                let (whole, tenth) = number.split_at(number.len() - 1);
                format!("{whole}{}{tenth}", decimal_mark(lang))
            }
        };
        let unit_word = if suffix.is_empty() {
            String::new()
        } else {
            Msg::new(suffix).text(lang)
        };
        let key = match currency_symbol(currency) {
            Some(_) => "pay-compact-symbol",
            None => "pay-compact-code",
        };
        return Msg::new(key)
            .arg("sign", sign)
            .arg("number", number)
            .arg("unit", unit_word)
            .arg("symbol", currency_symbol(currency).unwrap_or(currency))
            .arg("currency", currency)
            .text(lang);
    }
}

/// The language's decimal mark, as its formatter writes a half.
fn decimal_mark(lang: Lang) -> char {
    let half = BigDecimal::new(5.into(), 1);
    i18n::format_decimal(lang, &half, None)
        .chars()
        .find(|c| !c.is_ascii_digit())
        .unwrap_or('.')
}

/// Symbols that name one currency only: "$" alone could be any of a dozen dollars.
pub fn currency_symbol(currency: &str) -> Option<&'static str> {
    match currency {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn twelve_digit_amounts_with_cents_stay_exact() {
        let money = Money::parse("999999999999.99").map(Money::into_inner);
        assert_eq!(
            money.as_ref().map(format_money),
            Ok("999,999,999,999.99".to_owned())
        );
    }

    #[test]
    fn refuses_what_is_not_a_plain_non_negative_amount() {
        for bad in [
            "",
            "-5",
            "1,00",
            "$100",
            "1.234",
            "250.000",
            "1e9",
            "1000000000000",
            "abc",
            ".",
        ] {
            assert!(Money::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(Money::parse("0").is_ok());
        // Outside a form, input is read as English, which groups thousands with commas.
        assert!(Money::parse("1,000").is_ok());
        assert!(Money::parse(" 100.5 ").is_ok());
        let said = Money::parse("250.000").expect_err("three decimals");
        assert!(
            said.contains("250.000") && said.contains("decimal point"),
            "{said}"
        );
    }

    #[test]
    fn formats_with_separators_and_cents() {
        let amount = |s: &str| BigDecimal::from_str(s).unwrap_or_default();
        assert_eq!(format_money(&amount("0")), "0.00");
        assert_eq!(format_money(&amount("999")), "999.00");
        assert_eq!(format_money(&amount("1000")), "1,000.00");
        assert_eq!(format_money(&amount("100000000.5")), "100,000,000.50");
    }

    #[test]
    fn amounts_for_pages_drop_only_cents_that_are_zero() {
        let amount = |s: &str| BigDecimal::from_str(s).unwrap_or_default();
        assert_eq!(format_amount(&amount("100000000.00")), "100,000,000");
        assert_eq!(format_amount(&amount("0")), "0");
        assert_eq!(format_amount(&amount("1234.5")), "1,234.50");
        assert_eq!(
            format_amount(&amount("999999999999.99")),
            "999,999,999,999.99"
        );
        assert_eq!(format_amount(&amount("1000.01")), "1,000.01");
    }

    #[test]
    fn compact_amounts_round_to_three_digits_at_most_with_a_unit() {
        let compact = |s: &str, currency: &str| {
            format_compact(
                Lang::En,
                &BigDecimal::from_str(s).unwrap_or_default(),
                currency,
            )
        };
        assert_eq!(compact("1234567", "USD"), "$1.2M");
        assert_eq!(compact("900000", "EUR"), "€900k");
        assert_eq!(compact("1000000", "USD"), "$1M");
        assert_eq!(compact("14300000000", "USD"), "$14.3B");
        assert_eq!(compact("250000", "GBP"), "£250k");
        assert_eq!(compact("150000000", "JPY"), "¥150M");
        assert_eq!(compact("1250000", "CHF"), "CHF 1.3M");
        assert_eq!(compact("12345", "USD"), "$12.3k");
        assert_eq!(compact("999", "USD"), "$999");
        assert_eq!(compact("999.50", "USD"), "$1k");
        assert_eq!(compact("0.40", "USD"), "$0");
        assert_eq!(compact("0", "EUR"), "€0");
        assert_eq!(
            compact("999960", "USD"),
            "$1M",
            "rounding up moves to the next unit"
        );
        assert_eq!(compact("99960", "USD"), "$100k");
        assert_eq!(compact("2000000000000000", "USD"), "$2000T");
    }

    #[test]
    fn german_compact_amounts_use_cldr_units_after_the_number() {
        let compact = |s: &str, currency: &str| {
            format_compact(
                Lang::De,
                &BigDecimal::from_str(s).unwrap_or_default(),
                currency,
            )
        };
        assert_eq!(compact("1234567", "EUR"), "1,2 Mio. €");
        assert_eq!(compact("900000", "EUR"), "900 Tsd. €");
        assert_eq!(compact("14300000000", "USD"), "14,3 Mrd. $");
        assert_eq!(compact("1250000", "CHF"), "1,3 Mio. CHF");
        assert_eq!(compact("999", "EUR"), "999 €");
        assert_eq!(compact("2000000000000000", "EUR"), "2000 Bio. €");
    }

    #[test]
    fn page_amounts_follow_the_language_and_drop_zero_cents() {
        let amount = |s: &str| BigDecimal::from_str(s).unwrap_or_default();
        assert_eq!(
            show_amount(Lang::En, &amount("100000000.00")),
            "100,000,000"
        );
        assert_eq!(
            show_amount(Lang::De, &amount("100000000.00")),
            "100.000.000"
        );
        assert_eq!(show_amount(Lang::De, &amount("1234.5")), "1.234,50");
        assert_eq!(
            show_money(Lang::En, &amount("900000"), "EUR"),
            "EUR 900,000"
        );
        assert_eq!(show_money(Lang::De, &amount("900000"), "EUR"), "900.000 €");
        // What the pages wrote before, for English, so its pages read as they did.
        for s in ["0", "1000.01", "999999999999.99", "1234.5"] {
            assert_eq!(show_amount(Lang::En, &amount(s)), format_amount(&amount(s)));
        }
    }
}
