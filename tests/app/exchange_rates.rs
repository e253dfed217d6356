use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::exchange_rate;

use crate::common::TestApp;

fn rate_count(app: &TestApp) -> anyhow::Result<i64> {
    Ok(exchange_rate::table.count().get_result(&mut app.conn()?)?)
}

#[test]
fn adding_a_rate_lists_it_under_its_currency() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let page = app.post_and_follow(
        "/exchange-rates",
        &[
            ("currency", "eur"),
            ("rate_on", "2025-06-30"),
            ("rate", "1.1720"),
        ],
    );
    assert_eq!(
        page.texts(".flash"),
        vec!["Saved the EUR rate of 2025-06-30."]
    );
    assert_eq!(page.texts("tbody td:nth-child(2)"), vec!["2025-06-30"]);
    assert_eq!(page.texts("tbody td.num"), vec!["1.172"]);
    Ok(())
}

#[test]
fn a_wrong_rate_is_refused_beside_its_field() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.post(
        "/exchange-rates",
        &[
            ("currency", "EUR"),
            ("rate_on", "2025-06-30"),
            ("rate", "1.17"),
        ],
    );
    let cases = [
        (
            [
                ("currency", "EUR"),
                ("rate_on", "2025-06-30"),
                ("rate", "1.2"),
            ],
            "rate_on",
            "There is a EUR rate for 2025-06-30 already.",
        ),
        (
            [
                ("currency", "USD"),
                ("rate_on", "2025-06-30"),
                ("rate", "1"),
            ],
            "currency",
            "USD is the reporting currency: it needs no rate.",
        ),
        (
            [
                ("currency", "EUR"),
                ("rate_on", "2025-06-31"),
                ("rate", "1.2"),
            ],
            "rate_on",
            "Not a real date",
        ),
        (
            [
                ("currency", "EUR"),
                ("rate_on", "2025-07-01"),
                ("rate", "0"),
            ],
            "rate",
            "A rate must be more than zero.",
        ),
        (
            [
                ("currency", "EUR"),
                ("rate_on", "2025-07-01"),
                ("rate", "-1.2"),
            ],
            "rate",
            "Enter a positive number",
        ),
        (
            [
                ("currency", "ABC"),
                ("rate_on", "2025-07-01"),
                ("rate", "1.2"),
            ],
            "currency",
            "Not an ISO 4217 currency code",
        ),
    ];
    for (fields, field, message) in cases {
        let page = app.post("/exchange-rates", &fields);
        assert_eq!(page.status, Status::UnprocessableEntity, "{fields:?}");
        assert!(
            page.field_errors(field).iter().any(|e| e.contains(message)),
            "{field}: {:?}",
            page.field_errors(field)
        );
        let typed = fields
            .iter()
            .find(|(n, _)| *n == field)
            .map(|(_, v)| v.to_string());
        assert_eq!(page.field_value(field), typed);
    }
    assert_eq!(rate_count(&app)?, 1);
    Ok(())
}

#[test]
fn deleting_a_rate_asks_first() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.post(
        "/exchange-rates",
        &[
            ("currency", "GBP"),
            ("rate_on", "2025-01-01"),
            ("rate", "1.25"),
        ],
    );
    let id: i64 = exchange_rate::table
        .select(exchange_rate::id)
        .first(&mut app.conn()?)?;
    let confirm = app.get(&format!("/exchange-rates/{id}/delete"));
    assert_eq!(confirm.texts("button.danger"), vec!["Delete exchange rate"]);
    app.post_and_follow(&format!("/exchange-rates/{id}/delete"), &[]);
    assert_eq!(rate_count(&app)?, 0);
    assert_eq!(
        app.get(&format!("/exchange-rates/{id}/delete")).status,
        Status::NotFound
    );
    Ok(())
}

#[test]
fn the_demo_has_rates_for_the_main_currencies() -> anyhow::Result<()> {
    let app = TestApp::with_demo(true)?;
    let currencies: Vec<String> = exchange_rate::table
        .select(exchange_rate::currency)
        .distinct()
        .order(exchange_rate::currency)
        .load(&mut app.conn()?)?;
    assert_eq!(currencies, vec!["CHF", "CNY", "EUR", "GBP"]);
    Ok(())
}
