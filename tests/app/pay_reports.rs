use std::str::FromStr;

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::pay_report;

use crate::common::{TestApp, id_from};

fn report_count(app: &TestApp) -> anyhow::Result<i64> {
    Ok(pay_report::table.count().get_result(&mut app.conn()?)?)
}

/// A valid pay report form, to change one field at a time.
fn valid_report() -> Vec<(&'static str, &'static str)> {
    vec![
        ("kind", "reported"),
        ("currency", "USD"),
        ("amount_low", "100000000"),
        ("amount_high", "300000000"),
        ("period", "total"),
        ("period_years", "4"),
        ("as_of", "2025-06-30"),
        ("source_name", "Press reports"),
        ("source_url", "https://example.org/story"),
        ("confidence", "reported"),
        ("notes", "Press report, not confirmed"),
    ]
}

fn with(field: &'static str, value: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut fields = valid_report();
    fields.retain(|(name, _)| *name != field);
    fields.push((field, value));
    fields
}

#[test]
fn a_pay_report_appears_on_the_persons_page_with_exact_amounts() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Alexandr Wang"), ("stage", "hired")]);
    let page = app.post_and_follow(&format!("/people/{id}/pay"), &valid_report());
    assert_eq!(
        page.texts(".flash"),
        vec!["Saved the pay report for Alexandr Wang."]
    );
    let row = page.texts("#pay ~ .table-scroll table tbody td");
    assert!(
        row.contains(&"USD 100,000,000 – 300,000,000".to_owned()),
        "{row:?}"
    );
    assert!(row.contains(&"total over 4 years".to_owned()));
    // (100M + 300M) / 2 / 4 years.
    assert!(row.contains(&"USD 50,000,000".to_owned()));
    Ok(())
}

#[test]
fn twelve_digit_amounts_with_cents_are_stored_and_shown_exactly() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Big Number"), ("stage", "offer")]);
    let mut fields = with("amount_high", "999999999999.99");
    fields.retain(|(n, _)| *n != "amount_low");
    fields.push(("amount_low", "999999999999.98"));
    fields.push(("base", "123456789012.34"));
    let page = app.post_and_follow(&format!("/people/{id}/pay"), &fields);
    assert!(page.contains("USD 999,999,999,999.98 – 999,999,999,999.99"));
    assert!(page.contains("Base: USD 123,456,789,012.34"));
    let (low, high): (BigDecimal, BigDecimal) = pay_report::table
        .select((pay_report::amount_low, pay_report::amount_high))
        .first(&mut app.conn()?)?;
    assert_eq!(low, BigDecimal::from_str("999999999999.98")?);
    assert_eq!(high, BigDecimal::from_str("999999999999.99")?);
    Ok(())
}

#[test]
fn each_wrong_pay_field_is_refused_beside_it_and_nothing_is_saved() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Nat Friedman"), ("stage", "hired")]);
    let cases = [
        (
            with("currency", "XYZ"),
            "currency",
            "Not an ISO 4217 currency code",
        ),
        (
            with("amount_low", "-5"),
            "amount_low",
            "Must not be negative.",
        ),
        (
            with("amount_low", "400000000"),
            "amount_high",
            "The high end of the range cannot be below the low end.",
        ),
        (
            with("period_years", ""),
            "period_years",
            "A total needs the number of years it covers.",
        ),
        (
            with("period", "annual"),
            "period_years",
            "Leave this empty for an annual figure.",
        ),
        (
            with("source_url", "ftp://example.org"),
            "source_url",
            "http:// or https://",
        ),
        (with("as_of", "2025-02-30"), "as_of", "Not a real date"),
        (
            with("confidence", "certain"),
            "confidence",
            "Choose one of: rumor, reported, confirmed.",
        ),
        (
            // A German-shaped amount on an English form is refused, not read as 1.
            with("amount_high", "1.000,50"),
            "amount_high",
            "is not a number",
        ),
    ];
    for (fields, field, message) in cases {
        let page = app.post(&format!("/people/{id}/pay"), &fields);
        assert_eq!(page.status, Status::UnprocessableEntity, "{field}");
        let errors = page.field_errors(field);
        assert!(
            errors.iter().any(|e| e.contains(message)),
            "{field}: {errors:?}"
        );
        // A select cannot show a choice it does not offer; every other field keeps the input.
        if field != "confidence" {
            let typed = fields
                .iter()
                .find(|(n, _)| *n == field)
                .map(|(_, v)| v.to_string());
            assert_eq!(
                page.field_value(field),
                typed,
                "{field} keeps what was typed"
            );
        }
    }
    assert_eq!(report_count(&app)?, 0);
    Ok(())
}

#[test]
fn conflicting_reports_are_kept_side_by_side_and_can_be_edited_and_deleted() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Daniel Gross"), ("stage", "hired")]);
    let first = id_from(&app.post(&format!("/people/{id}/pay"), &valid_report()));
    assert_eq!(first, id, "redirects to the person's page");
    app.post(&format!("/people/{id}/pay"), &with("confidence", "rumor"));
    assert_eq!(report_count(&app)?, 2);

    let report_id: i64 = pay_report::table
        .select(pay_report::id)
        .order(pay_report::id)
        .first(&mut app.conn()?)?;
    let edit = app.get(&format!("/people/{id}/pay/{report_id}/edit"));
    assert_eq!(
        edit.field_value("amount_low").as_deref(),
        Some("100000000.00")
    );
    assert_eq!(edit.field_value("period").as_deref(), Some("total"));
    let page = app.post_and_follow(
        &format!("/people/{id}/pay/{report_id}/edit"),
        &with("amount_high", "250000000"),
    );
    let bands = page.texts("#pay ~ .table-scroll table tbody td:nth-child(3)");
    assert!(
        bands.contains(&"USD 100,000,000 – 250,000,000".to_owned()),
        "{bands:?}"
    );
    assert!(
        bands.contains(&"USD 100,000,000 – 300,000,000".to_owned()),
        "the other claim is untouched: {bands:?}"
    );

    let confirm = app.get(&format!("/people/{id}/pay/{report_id}/delete"));
    assert_eq!(confirm.texts("button.danger"), vec!["Delete pay report"]);
    app.post_and_follow(&format!("/people/{id}/pay/{report_id}/delete"), &[]);
    assert_eq!(report_count(&app)?, 1);
    Ok(())
}

#[test]
fn a_pay_report_is_only_found_under_its_own_person() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let owner = app.create_person(&[("full_name", "Owner"), ("stage", "offer")]);
    let other = app.create_person(&[("full_name", "Other"), ("stage", "offer")]);
    app.post(&format!("/people/{owner}/pay"), &valid_report());
    let report_id: i64 = pay_report::table
        .select(pay_report::id)
        .first(&mut app.conn()?)?;
    assert_eq!(
        app.get(&format!("/people/{other}/pay/{report_id}/edit"))
            .status,
        Status::NotFound
    );
    assert_eq!(
        app.post(&format!("/people/{other}/pay/{report_id}/delete"), &[])
            .status,
        Status::NotFound
    );
    assert_eq!(
        app.post(
            &format!("/people/{other}/pay/{report_id}/edit"),
            &valid_report()
        )
        .status,
        Status::NotFound
    );
    assert_eq!(
        app.post("/people/999999/pay", &valid_report()).status,
        Status::NotFound
    );
    assert_eq!(report_count(&app)?, 1);
    Ok(())
}

#[test]
fn the_database_refuses_inconsistent_pay_reports() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Check"), ("stage", "offer")]);
    let mut conn = app.conn()?;
    let insert = |conn: &mut PgConnection, values: &str| {
        diesel::sql_query(format!(
            "INSERT INTO pay_report (person_id, kind, currency, amount_low, amount_high, period, period_years, as_of, confidence) VALUES ({id}, {values})"
        ))
        .execute(conn)
    };
    assert!(
        insert(
            &mut conn,
            "'reported', 'USD', 1, 2, 'annual', NULL, '2025-01-01', 'rumor'"
        )
        .is_ok()
    );
    for bad in [
        "'reported', 'USD', 3, 2, 'annual', NULL, '2025-01-01', 'rumor'",
        "'reported', 'USD', -1, 2, 'annual', NULL, '2025-01-01', 'rumor'",
        "'reported', 'USD', 1, 2, 'total', NULL, '2025-01-01', 'rumor'",
        "'reported', 'USD', 1, 2, 'annual', 4, '2025-01-01', 'rumor'",
        "'reported', 'usd', 1, 2, 'annual', NULL, '2025-01-01', 'rumor'",
        "'reported', 'USD', 1, 2, 'annual', NULL, '2025-01-01', 'sure'",
    ] {
        assert!(
            insert(&mut conn, bad).is_err(),
            "the database accepted: {bad}"
        );
    }
    Ok(())
}

#[test]
fn rules_between_fields_show_together_with_other_errors() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Both Wrong"), ("stage", "offer")]);
    let mut fields = with("currency", "XYZ");
    fields.retain(|(n, _)| *n != "amount_low" && *n != "period_years");
    fields.push(("amount_low", "400000000"));
    fields.push(("period_years", ""));
    let page = app.post(&format!("/people/{id}/pay"), &fields);
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(page.field_errors("currency").len(), 1);
    assert_eq!(
        page.field_errors("amount_high"),
        vec!["The high end of the range cannot be below the low end."]
    );
    assert_eq!(
        page.field_errors("period_years"),
        vec!["A total needs the number of years it covers."]
    );
    Ok(())
}
