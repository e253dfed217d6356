//! The app in the reader's language: the frame and the formats of German pages, and amounts
//! and dates typed the German way, read as meant or refused with both readings.

use std::str::FromStr;

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use rocket::http::{Header, Status};
use talent_tracker::schema::pay_report;

use crate::common::TestApp;

fn german_report() -> Vec<(&'static str, &'static str)> {
    vec![
        ("kind", "offered"),
        ("currency", "EUR"),
        ("amount_low", "1.234.567,89"),
        ("amount_high", ""),
        ("period", "annual"),
        ("base", "250000,00"),
        ("as_of", "01.07.2026"),
        ("confidence", "confirmed"),
    ]
}

#[test]
fn a_german_reader_gets_the_frame_in_german_and_says_so() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    let page = app.get("/people");
    assert_eq!(page.attrs("html", "lang"), ["de"]);
    let nav = page.texts("nav a");
    assert!(nav.contains(&"Personen".to_owned()), "{nav:?}");
    assert!(page.texts(".who button").contains(&"Abmelden".to_owned()));
    Ok(())
}

#[test]
fn the_browser_decides_for_a_user_without_a_setting_and_the_setting_wins() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let ask = |language: &str| {
        let response = app
            .client
            .get("/people")
            .header(Header::new("Accept-Language", language.to_owned()))
            .dispatch();
        crate::common::Page::from(response).attrs("html", "lang")
    };
    assert_eq!(ask("de-DE,de;q=0.9,en;q=0.8"), ["de"]);
    assert_eq!(ask("fr-FR, en;q=0.5"), ["en"]);
    app.read_in("en")?;
    assert_eq!(ask("de-DE"), ["en"]);
    Ok(())
}

#[test]
fn german_amounts_and_dates_are_read_as_a_german_typed_them() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    let id = app.create_person(&[("full_name", "Jürgen Müller"), ("stage", "offer")]);
    let page = app.post(&format!("/people/{id}/pay"), &german_report());
    assert_eq!(page.status, Status::SeeOther, "{:?}", page.texts(".error"));
    let (low, base, as_of): (BigDecimal, Option<BigDecimal>, chrono::NaiveDate) = pay_report::table
        .select((pay_report::amount_low, pay_report::base, pay_report::as_of))
        .first(&mut app.conn()?)?;
    assert_eq!(low, BigDecimal::from_str("1234567.89")?);
    assert_eq!(base, Some(BigDecimal::from_str("250000.00")?));
    assert_eq!(
        as_of,
        chrono::NaiveDate::from_ymd_opt(2026, 7, 1).expect("valid")
    );
    Ok(())
}

#[test]
fn a_german_point_that_could_mean_either_is_refused_with_both_readings() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    let id = app.create_person(&[("full_name", "Jürgen Müller"), ("stage", "sourced")]);
    let mut fields = german_report();
    fields.retain(|(name, _)| *name != "base");
    fields.push(("base", "250.000"));
    let page = app.post(&format!("/people/{id}/pay"), &fields);
    assert_eq!(page.status, Status::UnprocessableEntity);
    let said = page.field_errors("base").join(" ");
    assert!(
        said.contains("250.000") && said.contains("250000"),
        "{said}"
    );
    // What was typed stays in the field.
    assert_eq!(page.field_value("base").as_deref(), Some("250.000"));
    let stored: i64 = pay_report::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(stored, 0);
    Ok(())
}

#[test]
fn an_english_reader_may_group_thousands_and_iso_works_for_everyone() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Nat Friedman"), ("stage", "sourced")]);
    let mut fields = german_report();
    fields.retain(|(name, _)| !["amount_low", "base", "as_of"].contains(name));
    fields.extend([
        ("amount_low", "1,234,567.89"),
        ("base", "250000.00"),
        ("as_of", "2026-07-01"),
    ]);
    let page = app.post(&format!("/people/{id}/pay"), &fields);
    assert_eq!(page.status, Status::SeeOther, "{:?}", page.texts(".error"));
    let low: BigDecimal = pay_report::table
        .select(pay_report::amount_low)
        .first(&mut app.conn()?)?;
    assert_eq!(low, BigDecimal::from_str("1234567.89")?);
    Ok(())
}

#[test]
fn a_rule_between_fields_speaks_the_language_the_form_was_typed_in() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    let id = app.create_person(&[("full_name", "Jürgen Müller"), ("stage", "sourced")]);
    let mut fields = german_report();
    fields.retain(|(name, _)| *name != "amount_high");
    fields.push(("amount_high", "1.000,00"));
    let page = app.post(&format!("/people/{id}/pay"), &fields);
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(
        page.field_errors("amount_high"),
        ["Das obere Ende der Spanne darf nicht unter dem unteren liegen."]
    );
    Ok(())
}
