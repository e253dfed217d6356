//! Numbers as each language writes and reads them. Writing is ICU4X's CLDR decimal formatter;
//! reading has no CLDR data to go on, so it takes its two separators from what the formatter
//! writes and accepts the same shapes back (the round trip is a property test below).

use std::str::FromStr;

use bigdecimal::BigDecimal;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};

use super::{Lang, Msg};

struct Symbols {
    grouped: DecimalFormatter,
    plain: DecimalFormatter,
    group: char,
    decimal: char,
}

thread_local! {
    /// One formatter per language and grouping, in `Lang::ALL`'s order, made once per thread:
    /// ICU4X's formatters are not `Sync` without its `sync` feature, and are cheap to make.
    static SYMBOLS: Vec<Symbols> = all_symbols();
}

fn all_symbols() -> Vec<Symbols> {
    Lang::ALL
        .iter()
        .map(|lang| {
            let locale = icu_locale_core::Locale::try_from_str(lang.tag())
                .expect("the tags of Lang are valid locales");
            let formatter = |grouping: GroupingStrategy| {
                let options: DecimalFormatterOptions = grouping.into();
                DecimalFormatter::try_new((&locale).into(), options)
                    .expect("ICU4X's compiled data has every locale's decimal symbols")
            };
            let grouped = formatter(GroupingStrategy::Always);
            let sample = grouped
                .format(&Decimal::from_str("1234567.5").expect("a decimal literal"))
                .to_string();
            let marks: Vec<char> = sample.chars().filter(|c| !c.is_ascii_digit()).collect();
            let group = marks.first().copied().unwrap_or(',');
            let decimal = marks.last().copied().unwrap_or('.');
            Symbols {
                plain: formatter(GroupingStrategy::Never),
                grouped,
                group,
                decimal,
            }
        })
        .collect()
}

fn with_symbols<T>(lang: Lang, read: impl FnOnce(&Symbols) -> T) -> T {
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    SYMBOLS.with(|all| read(&all[index]))
}

/// `value` with thousands grouping, exactly (no float on the way), with `places` decimals
/// when given (money keeps its cents) or the decimals it has.
pub fn format_decimal(lang: Lang, value: &BigDecimal, places: Option<i64>) -> String {
    let value = match places {
        Some(places) => value.with_scale(places),
        None => value.normalized(),
    };
    with_symbols(lang, |symbols| format_with(&symbols.grouped, &value))
}

fn format_with(formatter: &DecimalFormatter, value: &BigDecimal) -> String {
    let plain = value.to_plain_string();
    match Decimal::from_str(&plain) {
        Ok(decimal) => formatter.format(&decimal).to_string(),
        // A decimal ICU cannot hold (more than its i16 magnitude range) is shown as stored.
        Err(_) => plain,
    }
}

/// A number as a user of `lang` typed it, or why it was not read. ISO input (`1234.56`) is
/// always read; the language's own (`1.234.567,89` in German, `1,234,567.89` in English) too.
/// When both readings fit and differ (`250.000` in German), it is refused with both spelt out:
/// a figure read a thousand times too small is worse than a question.
pub fn parse_decimal(lang: Lang, raw: &str) -> Result<BigDecimal, Msg> {
    with_symbols(lang, |symbols| parse_with(lang, symbols, raw))
}

fn parse_with(lang: Lang, symbols: &Symbols, raw: &str) -> Result<BigDecimal, Msg> {
    let typed = raw.trim();
    let (negative, unsigned) = match typed.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, typed),
    };
    let iso = read_iso(unsigned);
    let local = read_local(unsigned, symbols.group, symbols.decimal);
    let value = match (iso, local) {
        (Some(iso), Some(local)) if iso != local => {
            return Err(Msg::new("number-ambiguous")
                .arg("typed", typed)
                .arg("local", format_decimal(lang, &local, None))
                .arg("local-plain", format_with(&symbols.plain, &local))
                .arg("iso", format_with(&symbols.plain, &iso.normalized())));
        }
        (Some(value), _) | (None, Some(value)) => value,
        (None, None) => {
            let example = BigDecimal::from_str("1234567.89").expect("a decimal literal");
            return Err(Msg::new("number-unreadable")
                .arg("typed", typed)
                .arg("grouped", format_decimal(lang, &example, Some(2)))
                .arg("plain", format_with(&symbols.plain, &example)));
        }
    };
    Ok(if negative { -value } else { value })
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `1234` or `1234.56`: digits, a point, digits.
fn read_iso(s: &str) -> Option<BigDecimal> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, "0"));
    (digits(whole) && digits(fraction))
        .then(|| BigDecimal::from_str(s).ok())
        .flatten()
}

/// The language's shape: digits in groups of three between its group marks (or none at all),
/// then its decimal mark and digits. A space-like group mark (French, Swiss) accepts any space.
fn read_local(s: &str, group: char, decimal: char) -> Option<BigDecimal> {
    let (whole, fraction) = match s.split_once(decimal) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (s, None),
    };
    let is_group = |c: char| c == group || (group.is_whitespace() && c.is_whitespace());
    let groups: Vec<&str> = whole.split(is_group).collect();
    let grouped_well =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_well || !groups.iter().all(|g| digits(g)) {
        return None;
    }
    if fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    let plain = match fraction {
        Some(fraction) => format!("{}.{fraction}", groups.concat()),
        None => groups.concat(),
    };
    BigDecimal::from_str(&plain).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(lang: Lang, raw: &str) -> Result<String, String> {
        parse_decimal(lang, raw)
            .map(|v| v.to_plain_string())
            .map_err(|m| m.text(Lang::En))
    }

    #[test]
    fn cldr_writes_german_and_english_grouping() {
        let value = BigDecimal::from_str("1234567.89").expect("valid");
        assert_eq!(format_decimal(Lang::De, &value, Some(2)), "1.234.567,89");
        assert_eq!(format_decimal(Lang::En, &value, Some(2)), "1,234,567.89");
        let small = BigDecimal::from_str("0.5").expect("valid");
        assert_eq!(format_decimal(Lang::De, &small, Some(2)), "0,50");
    }

    #[test]
    fn german_reads_its_own_shapes_and_iso() {
        assert_eq!(read(Lang::De, "1.234.567,89"), Ok("1234567.89".into()));
        assert_eq!(read(Lang::De, "250000,00"), Ok("250000.00".into()));
        assert_eq!(read(Lang::De, "1234.56"), Ok("1234.56".into()));
        assert_eq!(read(Lang::De, " 12,5 "), Ok("12.5".into()));
        assert_eq!(read(Lang::De, "-3,25"), Ok("-3.25".into()));
    }

    #[test]
    fn a_german_point_that_could_be_either_is_refused_with_both_readings() {
        let said = read(Lang::De, "250.000").expect_err("refused");
        assert!(
            said.contains("250.000") && said.contains("250000"),
            "{said}"
        );
        assert!(read(Lang::De, "1.234").is_err());
        // Two groups cannot be an ISO decimal, so there is nothing to confuse.
        assert_eq!(read(Lang::De, "1.250.000"), Ok("1250000".into()));
    }

    #[test]
    fn english_reads_grouping_and_refuses_a_decimal_comma() {
        assert_eq!(read(Lang::En, "1,234,567.89"), Ok("1234567.89".into()));
        assert_eq!(read(Lang::En, "250,000"), Ok("250000".into()));
        assert_eq!(read(Lang::En, "250.000"), Ok("250.000".into()));
        let said = read(Lang::En, "250,00").expect_err("refused");
        assert!(said.contains("1,234,567.89"), "{said}");
        assert!(read(Lang::En, "1,23,456").is_err());
        assert!(read(Lang::En, "").is_err());
        assert!(read(Lang::En, "12e3").is_err());
    }

    proptest! {
        /// What a language writes, it reads back as the same value.
        #[test]
        fn formatting_then_parsing_gives_the_value_back(
            cents in 0i64..10_000_000_000_000,
            lang in prop::sample::select(Lang::ALL.to_vec()),
        ) {
            let value = BigDecimal::new(cents.into(), 2);
            let written = format_decimal(lang, &value, Some(2));
            prop_assert_eq!(parse_decimal(lang, &written).ok(), Some(value));
        }
    }
}
