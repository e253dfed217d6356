//! A converted figure too large for the kept figures: refused beside the rate or the amount,
//! nothing saved.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{exchange_rate, pay_report};

use crate::common::{TestApp, id_from};

/// Twelve nines: the largest amount a pay report holds.
const LARGEST: &str = "999999999999";

fn idr_report(amount: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("kind", "reported"),
        ("currency", "IDR"),
        ("amount_low", amount),
        ("amount_high", amount),
        ("period", "annual"),
        ("as_of", "2025-06-30"),
        ("confidence", "reported"),
    ]
}

fn counts(app: &TestApp) -> anyhow::Result<(i64, i64)> {
    let mut conn = app.conn()?;
    Ok((
        exchange_rate::table.count().get_result(&mut conn)?,
        pay_report::table.count().get_result(&mut conn)?,
    ))
}

#[test]
fn a_rate_that_would_make_a_figure_too_large_is_refused_beside_the_rate() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let person = app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    id_from(&app.post(&format!("/people/{person}/pay"), &idr_report(LARGEST)));
    let rate = |rate_on: &str, rate: &str| {
        app.post(
            "/exchange-rates",
            &[("currency", "IDR"), ("rate_on", rate_on), ("rate", rate)],
        )
    };
    let page = rate("2025-01-01", "1000");
    assert_eq!(page.status, Status::UnprocessableEntity, "{}", page.body);
    assert_eq!(page.field_errors("rate").len(), 1, "{}", page.body);
    assert_eq!(page.field_value("rate").as_deref(), Some("1000"));
    assert_eq!(counts(&app)?, (0, 1));

    // An earlier rate too large for the report is harmless while a later one is in force; the
    // later one cannot then be deleted.
    assert_eq!(rate("2025-01-01", "0.0002").status, Status::SeeOther);
    assert_eq!(rate("2024-01-01", "1000").status, Status::SeeOther);
    let later: i64 = exchange_rate::table
        .order(exchange_rate::rate_on.desc())
        .select(exchange_rate::id)
        .first(&mut app.conn()?)?;
    let page = app.post(&format!("/exchange-rates/{later}/delete"), &[]);
    assert_eq!(page.status, Status::UnprocessableEntity, "{}", page.body);
    assert!(page.contains("more than reports can hold"), "{}", page.body);
    assert_eq!(counts(&app)?, (2, 1));
    Ok(())
}

#[test]
fn a_pay_report_too_large_at_its_rate_is_refused_beside_the_amount() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let person = app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    app.post(
        "/exchange-rates",
        &[
            ("currency", "IDR"),
            ("rate_on", "2025-01-01"),
            ("rate", "1000"),
        ],
    );
    let page = app.post(&format!("/people/{person}/pay"), &idr_report(LARGEST));
    assert_eq!(page.status, Status::UnprocessableEntity, "{}", page.body);
    assert_eq!(page.field_errors("amount_high").len(), 1, "{}", page.body);
    assert_eq!(page.field_value("amount_high").as_deref(), Some(LARGEST));
    assert_eq!(counts(&app)?, (1, 0));

    // Edited up to such an amount, likewise; the report keeps what it had.
    id_from(&app.post(&format!("/people/{person}/pay"), &idr_report("1000")));
    let report: i64 = pay_report::table
        .select(pay_report::id)
        .first(&mut app.conn()?)?;
    let page = app.post(
        &format!("/people/{person}/pay/{report}/edit"),
        &idr_report(LARGEST),
    );
    assert_eq!(page.status, Status::UnprocessableEntity, "{}", page.body);
    assert_eq!(page.field_errors("amount_high").len(), 1, "{}", page.body);
    let high: bigdecimal::BigDecimal = pay_report::table
        .select(pay_report::amount_high)
        .first(&mut app.conn()?)?;
    assert_eq!(high, bigdecimal::BigDecimal::from(1000));
    Ok(())
}
