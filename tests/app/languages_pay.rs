//! Pay, bands, rates, reports and the dashboard for a German reader: German words, German
//! amounts and dates on the pages, and German-typed rates and filter dates read as meant.

use std::str::FromStr;

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::exchange_rate;

use crate::common::TestApp;
use crate::pay_bands::{band, with};

#[test]
fn a_german_reader_sees_bands_with_german_amounts_dates_and_standing() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    let fields = with(
        band("Research Scientist", "L7", "", "2025-01-01"),
        &[
            ("total_max", "500000,50"),
            ("total_mid", "400000"),
            ("total_min", "300000"),
        ],
    );
    let page = app.post_and_follow("/pay-bands", &fields);
    assert_eq!(
        page.texts(".flash"),
        ["Das Gehaltsband Research Scientist L7 (alle Zonen) wurde gespeichert."]
    );
    assert_eq!(page.texts("#band-base"), ["200.000 / 250.000 / 300.000 €"]);
    assert_eq!(
        page.texts("#band-total"),
        ["300.000 / 400.000 / 500.000,50 €"]
    );
    let list = app.get("/pay-bands");
    assert_eq!(list.texts("h1"), ["Gehaltsbänder"]);
    assert_eq!(list.texts("tbody td:nth-child(4)"), ["01.01.2025"]);
    assert_eq!(list.texts("tbody td:nth-child(5)"), ["gültig"]);
    assert_eq!(list.attrs("tbody tr", "class"), ["band-in-force"]);
    Ok(())
}

#[test]
fn a_german_rate_with_a_decimal_comma_is_read_as_meant_and_shown_back() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    let page = app.post_and_follow(
        "/exchange-rates",
        &[
            ("currency", "EUR"),
            ("rate_on", "30.06.2025"),
            ("rate", "1,0845"),
        ],
    );
    assert_eq!(
        page.texts(".flash"),
        ["Der EUR-Kurs vom 30.06.2025 wurde gespeichert."]
    );
    assert_eq!(page.texts("tbody td:nth-child(2)"), ["30.06.2025"]);
    assert_eq!(page.texts("tbody td.num"), ["1,0845"]);
    let stored: BigDecimal = exchange_rate::table
        .select(exchange_rate::rate)
        .first(&mut app.conn()?)?;
    assert_eq!(stored, BigDecimal::from_str("1.0845")?);
    Ok(())
}

/// A reported USD 1,234,567.89 a year as of 2026-07-01, typed the German way.
fn german_figure(app: &TestApp) {
    let id = app.create_person(&[("full_name", "Jürgen Müller"), ("stage", "offer")]);
    let report = app.post(
        &format!("/people/{id}/pay"),
        &[
            ("kind", "reported"),
            ("currency", "USD"),
            ("amount_low", "1.234.567,89"),
            ("period", "annual"),
            ("as_of", "01.07.2026"),
            ("confidence", "confirmed"),
        ],
    );
    assert_eq!(
        report.status,
        Status::SeeOther,
        "{:?}",
        report.texts(".error")
    );
}

#[test]
fn the_german_dashboard_shortens_the_largest_package_as_cldr_does() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    german_figure(&app);
    let page = app.get("/");
    assert_eq!(page.texts("h1"), ["Übersicht"]);
    assert_eq!(page.texts("#largest + p .summary"), ["1,2 Mio. $"]);
    let row = page.texts("#largest ~ .table-scroll tbody.ranked td");
    assert!(row.contains(&"1.234.567,89 $".to_owned()), "{row:?}");
    assert!(row.contains(&"01.07.2026".to_owned()), "{row:?}");
    assert!(row.contains(&"Bestätigt".to_owned()), "{row:?}");
    Ok(())
}

#[test]
fn a_german_report_filter_reads_german_dates_and_answers_in_german() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    german_figure(&app);
    let page = app.get("/reports/compensation?group_by=kind&from=01.07.2025&to=31.12.2026");
    assert_eq!(
        page.status,
        Status::Ok,
        "{:?}",
        page.texts(".form-errors li")
    );
    assert_eq!(page.texts("h1"), ["Vergütung"]);
    let cells = page.texts("table.report-compensation td.num");
    assert!(cells.contains(&"1.234.567,89".to_owned()), "{cells:?}");
    let refused = app.get("/reports/compensation?from=31.12.2026&to=01.07.2025");
    assert_eq!(refused.status, Status::UnprocessableEntity);
    assert_eq!(
        refused.texts(".form-errors li"),
        ["„Von“ (31.12.2026) liegt nach „Bis“ (01.07.2025)."]
    );
    let unreadable = app.get("/reports/pipeline?from=31.02.2026");
    let said = unreadable.texts(".form-errors li").join(" ");
    assert!(said.contains("kein gültiges Datum"), "{said}");
    Ok(())
}
