//! The demo's pay reports and US dollar exchange rates.

use bigdecimal::BigDecimal;
use diesel::prelude::*;

use super::day;
use crate::domain::{Confidence, PayKind, Period};
use crate::models::{ExchangeRate, NewExchangeRate, PayReport, PayReportFields, Person};

const PRESS_NOTE: &str = "Press report of the package, not a confirmed figure; the hire was \
                          part of a wider deal.";

pub(super) fn seed_pay(conn: &mut PgConnection, person: &Person) -> QueryResult<()> {
    let millions = |m: i64| BigDecimal::from(m * 1_000_000);
    let report = |low: i64, high: i64| PayReportFields {
        kind: PayKind::Reported,
        currency: "USD".into(),
        amount_low: millions(low),
        amount_high: millions(high),
        period: Period::Total,
        period_years: Some(4),
        base: None,
        bonus: None,
        equity: None,
        sign_on: None,
        as_of: day("2025-06-30"),
        source_name: Some("Press reports".into()),
        source_url: None,
        confidence: Confidence::Reported,
        notes: Some(PRESS_NOTE.into()),
    };
    let reports = match person.fields.full_name.as_str() {
        "Alexandr Wang" => vec![report(100, 300)],
        "Nat Friedman" => vec![report(100, 200)],
        "Daniel Gross" => vec![report(100, 200)],
        "Samuel Okafor" => vec![PayReportFields {
            kind: PayKind::Offered,
            currency: "EUR".into(),
            amount_low: BigDecimal::from(850_000),
            amount_high: BigDecimal::from(950_000),
            period: Period::Annual,
            period_years: None,
            base: Some(BigDecimal::from(400_000)),
            confidence: Confidence::Confirmed,
            source_name: Some("Offer letter (fictional)".into()),
            as_of: day("2025-08-01"),
            notes: None,
            ..report(0, 0)
        }],
        _ => vec![],
    };
    for fields in &reports {
        PayReport::insert(conn, person.id, fields)?;
    }
    Ok(())
}

/// Approximate US dollars per unit at the start and the middle of 2025 (demo values).
pub(super) fn seed_rates(conn: &mut PgConnection) -> QueryResult<()> {
    let rates = [
        ("EUR", "2025-01-01", "1.0350"),
        ("EUR", "2025-06-30", "1.1720"),
        ("GBP", "2025-01-01", "1.2520"),
        ("GBP", "2025-06-30", "1.3710"),
        ("CHF", "2025-01-01", "1.1030"),
        ("CHF", "2025-06-30", "1.2560"),
        ("CNY", "2025-01-01", "0.1370"),
        ("CNY", "2025-06-30", "0.1396"),
    ];
    for (currency, on, rate) in rates {
        ExchangeRate::insert(
            conn,
            &NewExchangeRate {
                currency: currency.into(),
                rate_on: day(on),
                rate: rate.parse().unwrap_or_default(),
            },
        )?;
    }
    Ok(())
}
