//! Arbitrary UTF-8 text as a form field, a query string or a CSV cell, given to every public
//! parser of talent-tracker's domain values (`talent_tracker::domain`), to their Rocket
//! `FromFormField` impls, to the whole forms the routes accept, and to the report filters.
//!
//! Nothing may panic. Beyond that, only properties the code states or relies on are checked:
//! - a stored value is shown again in its edit form or written to CSV, and must parse back to
//!   the same value (Text, Email, WebUrl, Currency, CountryCode, PeriodYears, the choices);
//! - amounts go to CSV as `with_scale(2).to_plain_string()` and dates as `to_string()` (see
//!   src/export.rs), and the import reads them back with the same parsers;
//! - money fits NUMERIC(14, 2) and is never negative; rates fit NUMERIC(20, 10) and are > 0;
//! - `format_money` shows the exact amount, only with thousands separators;
//! - a form field (`FromFormField`) accepts exactly what the type's `parse` accepts, and
//!   `Maybe<T>` reads a blank field as `None`;
//! - the rules in `domain::rules` fire exactly when their comparison says so.

#![no_main]

use bigdecimal::{BigDecimal, Zero};
use libfuzzer_sys::fuzz_target;
use rocket::form::{Form, FromFormField, ValueField};
use rocket::http::RawStr;
use talent_tracker::domain::{
    ChoiceName, CompanyKind, Confidence, CountryCode, Currency, Date, Email, LongText, Maybe,
    Money, PayKind, Period, PeriodYears, Rate, Role, Stage, Text, WebUrl, format_money, rules,
};
use talent_tracker::reports::filter::ReportParams;
use talent_tracker::routes::companies::CompanyForm;
use talent_tracker::routes::exchange_rates::ExchangeRateForm;
use talent_tracker::routes::pay_reports::PayReportForm;
use talent_tracker::routes::people::PersonForm;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    values(s);
    form_fields(s);
    choices(s);
    whole_forms(s);
    rules_between_fields(s);
});

/// Each value type's own `parse`, and what may be said of what it accepts.
fn values(s: &str) {
    if let Ok(money) = Money::parse(s) {
        let amount = money.amount();
        assert!(
            *amount >= BigDecimal::zero(),
            "{s:?} gave a negative amount"
        );
        assert!(
            *amount < BigDecimal::from(1_000_000_000_000i64),
            "{s:?} gave more than NUMERIC(14, 2) holds"
        );
        let exported = amount.with_scale(2).to_plain_string();
        assert_eq!(
            Money::parse(&exported).as_ref(),
            Ok(&money),
            "{s:?} exported as {exported:?}"
        );
        let shown = format_money(amount);
        assert_eq!(shown.replace(',', ""), exported, "{s:?} shown as {shown:?}");
    }

    if let Ok(rate) = Rate::parse(s) {
        let rate = rate.into_inner();
        assert!(
            rate > BigDecimal::zero(),
            "{s:?} gave a rate that is not positive"
        );
        assert!(
            rate < BigDecimal::from(10_000_000_000i64) && rate.fractional_digit_count() <= 10,
            "{s:?} gave {rate} which NUMERIC(20, 10) cannot hold"
        );
    }

    if let Ok(currency) = Currency::parse(s) {
        let code = currency.clone().into_inner();
        assert_eq!(
            Currency::parse(&code),
            Ok(currency),
            "{s:?} stored as {code:?}"
        );
    }

    if let Ok(country) = CountryCode::parse(s) {
        let code = country.clone().into_inner();
        assert_eq!(
            CountryCode::parse(&code),
            Ok(country),
            "{s:?} stored as {code:?}"
        );
    }

    if let Ok(date) = Date::parse(s) {
        let exported = date.into_inner().to_string();
        assert_eq!(
            Date::parse(&exported),
            Ok(date),
            "{s:?} exported as {exported:?}"
        );
    }

    if let Ok(email) = Email::parse(s) {
        let stored = email.clone().into_inner();
        assert!(
            stored.len() <= 254 && stored.contains('@'),
            "{s:?} stored as {stored:?}"
        );
        assert_eq!(
            Email::parse(&stored),
            Ok(email),
            "{s:?} stored as {stored:?}"
        );
    }

    if let Ok(url) = WebUrl::parse(s) {
        let stored = url.clone().into_inner();
        assert_eq!(
            WebUrl::parse(&stored),
            Ok(url),
            "{s:?} stored as {stored:?}"
        );
    }

    if let Ok(years) = PeriodYears::parse(s) {
        let stored = years.into_inner();
        assert!((1..=20).contains(&stored), "{s:?} gave {stored} years");
        assert_eq!(PeriodYears::parse(&stored.to_string()), Ok(years));
    }

    text::<5>(s);
    text::<200>(s);
    text::<10_000>(s);
}

fn text<const MAX: usize>(s: &str) {
    if let Ok(text) = Text::<MAX>::parse(s) {
        let stored = text.clone().into_inner();
        assert_eq!(stored, s.trim(), "text is stored trimmed");
        assert!(!stored.is_empty() && !stored.contains('\0'));
        assert!(stored.chars().count() <= MAX, "{s:?} is longer than {MAX}");
        assert_eq!(
            Text::<MAX>::parse(&stored),
            Ok(text),
            "{s:?} stored as {stored:?}"
        );
    }
}

/// A single form field: the Rocket impls must agree with the parsers, and `Maybe<T>` must
/// read a blank field as `None`.
fn form_fields(s: &str) {
    fn field<'v, T>(s: &'v str, parse: impl Fn(&str) -> Result<T, String>)
    where
        T: FromFormField<'v> + PartialEq + std::fmt::Debug + Send,
    {
        let from_form = T::from_value(ValueField::from_value(s)).ok();
        assert_eq!(
            from_form,
            parse(s).ok(),
            "the form field and parse disagree on {s:?}"
        );
        let maybe = Maybe::<T>::from_value(ValueField::from_value(s)).ok();
        if s.trim().is_empty() {
            assert_eq!(maybe, Some(Maybe(None)), "a blank field is None");
        } else {
            assert_eq!(
                maybe,
                parse(s).ok().map(|v| Maybe(Some(v))),
                "Maybe of {s:?}"
            );
        }
    }
    field(s, Money::parse);
    field(s, Rate::parse);
    field(s, Currency::parse);
    field(s, CountryCode::parse);
    field(s, Date::parse);
    field(s, Email::parse);
    field(s, WebUrl::parse);
    field(s, PeriodYears::parse);
    field(s, Text::<200>::parse);
    field(s, LongText::parse);
    field(s, choice(CompanyKind::parse));
    field(s, choice(Stage::parse));
    field(s, choice(PayKind::parse));
    field(s, choice(Period::parse));
    field(s, choice(Confidence::parse));
    field(s, choice(Role::parse));
}

/// A choice's `parse` in the shape of the value parsers (its form field's message aside).
fn choice<T>(parse: fn(&str) -> Option<T>) -> impl Fn(&str) -> Result<T, String> {
    move |s| parse(s).ok_or_else(String::new)
}

/// The choice enums: a name parses to the choice stored under it, and back.
fn choices(s: &str) {
    fn named<T: ChoiceName + PartialEq + std::fmt::Debug>(s: &str, parse: fn(&str) -> Option<T>) {
        if let Some(found) = parse(s) {
            assert_eq!(found.as_str(), s.trim(), "{s:?} parsed as {found:?}");
            assert_eq!(parse(found.as_str()), Some(found));
        }
        for c in T::all() {
            assert_eq!(parse(c.as_str()), Some(*c));
        }
    }
    named(s, CompanyKind::parse);
    named(s, Stage::parse);
    named(s, PayKind::parse);
    named(s, Period::parse);
    named(s, Confidence::parse);
    named(s, Role::parse);
}

/// The input as an `application/x-www-form-urlencoded` body or query string, as Rocket
/// parses it for the routes (lenient, like the `Form<T>` guard).
fn whole_forms(s: &str) {
    let raw = RawStr::new(s);
    let _ = Form::<CompanyForm>::parse_encoded(raw);
    let _ = Form::<PersonForm>::parse_encoded(raw);
    let _ = Form::<PayReportForm>::parse_encoded(raw);
    let _ = Form::<ExchangeRateForm>::parse_encoded(raw);
    if let Ok(params) = Form::<ReportParams>::parse_encoded(raw)
        && let Ok(filter) = params.parse()
        && let (Some(from), Some(to)) = (filter.from, filter.to)
    {
        assert!(
            from <= to,
            "{s:?}: the filter accepted from {from} after to {to}"
        );
    }
}

/// The rules between fields, on two halves of the input (split at the first newline).
fn rules_between_fields(s: &str) {
    let (a, b) = s.split_once('\n').unwrap_or((s, s));
    if let (Ok(low), Ok(high)) = (Money::parse(a), Money::parse(b)) {
        assert_eq!(
            rules::band_ordered(&low, &high).is_some(),
            low.amount() > high.amount()
        );
        assert!(rules::band_ordered(&low, &low).is_none());
    }
    if let (Ok(offer), Ok(decided)) = (Date::parse(a), Date::parse(b)) {
        assert_eq!(
            rules::decided_after_offer(offer, decided).is_some(),
            decided.into_inner() < offer.into_inner()
        );
        assert!(rules::decided_after_offer(offer, offer).is_none());
    }
    if let Some(period) = Period::parse(a) {
        let has_years = PeriodYears::parse(b).is_ok();
        let broken = rules::years_match_period(period, has_years);
        assert_eq!(broken.is_some(), (period == Period::Total) != has_years);
    }
}
