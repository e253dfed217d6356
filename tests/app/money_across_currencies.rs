//! Pay figures in several currencies: the dashboard ranks them in the reporting currency, and
//! every page that shows a figure gives its equivalent and the day of the rate used.

use std::str::FromStr;

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use talent_tracker::domain::{Confidence, PayKind, Period, PersonId};
use talent_tracker::models::{ExchangeRate, NewExchangeRate, PayReport, PayReportFields};

use crate::common::TestApp;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a fixture date")
}

fn amount(text: &str) -> BigDecimal {
    BigDecimal::from_str(text).expect("a fixture amount")
}

/// A person with one annual point figure; returns the person's and the report's ids.
fn person_paid(
    app: &TestApp,
    name: &str,
    currency: &str,
    annual: &str,
    as_of: &str,
) -> anyhow::Result<(i64, i64)> {
    let id = app.create_person(&[("full_name", name), ("stage", "hired")]);
    let fields = PayReportFields {
        kind: PayKind::Reported,
        currency: currency.into(),
        amount_low: amount(annual),
        amount_high: amount(annual),
        period: Period::Annual,
        period_years: None,
        base: None,
        bonus: None,
        equity: None,
        sign_on: None,
        as_of: day(as_of),
        source_name: None,
        source_url: None,
        confidence: Confidence::Reported,
        notes: None,
    };
    let report = PayReport::insert(&mut app.conn()?, PersonId(id), &fields)?;
    Ok((id, report.id.get()))
}

/// EUR at 1.00 in May, 1.10 from 1 June and 1.30 from 1 July; no rate for yen at all.
fn rates(app: &TestApp) -> anyhow::Result<()> {
    for (on, rate) in [
        ("2025-05-01", "1.00"),
        ("2025-06-01", "1.10"),
        ("2025-07-01", "1.30"),
    ] {
        ExchangeRate::insert(
            &mut app.conn()?,
            &NewExchangeRate {
                currency: "EUR".into(),
                rate_on: day(on),
                rate: amount(rate),
            },
        )?;
    }
    Ok(())
}

#[test]
fn the_dashboard_ranks_packages_by_their_value_in_the_reporting_currency() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    rates(&app)?;
    // EUR 900,000 on 15 June is USD 990,000 at the 1 June rate: below USD 1,000,000, above
    // USD 950,000. Ranked as raw numbers it would come last; at the May or July rate it would
    // land elsewhere (900,000 or 1,170,000).
    person_paid(&app, "Bea Dollar", "USD", "950000", "2025-06-15")?;
    person_paid(&app, "Eve Euro", "EUR", "900000", "2025-06-15")?;
    person_paid(&app, "Ann Dollar", "USD", "1000000", "2025-06-15")?;
    // Any yen figure tops a raw ranking; with no rate it cannot be ranked at all.
    person_paid(&app, "Jun Yen", "JPY", "150000000", "2025-06-15")?;

    let page = app.get("/");
    assert_eq!(
        page.texts("#largest ~ .table-scroll table tbody.ranked td:first-child a"),
        vec!["Ann Dollar", "Eve Euro", "Bea Dollar"]
    );
    assert_eq!(
        page.texts("#largest ~ .table-scroll table tbody.ranked td.num"),
        vec![
            "USD 1,000,000",
            "EUR 900,000 ≈ USD 990,000 at the 2025-06-01 rate",
            "USD 950,000"
        ]
    );
    assert_eq!(
        page.texts("#largest ~ .table-scroll table tbody.no-rate td:first-child a"),
        vec!["Jun Yen"],
        "a figure without a rate is listed after the ranking"
    );
    assert_eq!(
        page.texts("#largest ~ .table-scroll table tbody.no-rate td.num"),
        vec!["JPY 150,000,000 not in USD: no rate on or before 2025-06-15"]
    );
    assert_eq!(page.texts("#largest + p .summary"), vec!["$1M"]);
    Ok(())
}

#[test]
fn a_figure_shows_its_equivalent_on_the_person_and_delete_pages() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    rates(&app)?;
    let (id, report) = person_paid(&app, "Eve Euro", "EUR", "900000", "2025-06-15")?;
    let equivalent = "EUR 900,000 ≈ USD 990,000 at the 2025-06-01 rate";

    let person = app.get(&format!("/people/{id}"));
    let row = person.texts("#pay ~ .table-scroll table tbody td");
    assert!(row.contains(&equivalent.to_owned()), "{row:?}");
    assert!(row.contains(&"EUR 900,000".to_owned()), "the band: {row:?}");

    let confirm = app.get(&format!("/people/{id}/pay/{report}/delete"));
    assert!(
        confirm.contains("≈ USD 990,000 at the 2025-06-01 rate"),
        "{}",
        confirm.texts(".card").join(" | ")
    );
    Ok(())
}

#[test]
fn a_figure_in_the_reporting_currency_needs_no_rate_and_shows_no_equivalent() -> anyhow::Result<()>
{
    let app = TestApp::new()?;
    let (id, _) = person_paid(&app, "Ann Dollar", "USD", "1000000.50", "2025-06-15")?;
    let row = app
        .get(&format!("/people/{id}"))
        .texts("#pay ~ .table-scroll table tbody td");
    assert!(
        row.contains(&"USD 1,000,000.50".to_owned()),
        "cents kept: {row:?}"
    );
    assert!(!row.iter().any(|cell| cell.contains('≈')), "{row:?}");
    Ok(())
}
