//! Two people editing the same record: the second save never silently overwrites the first.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{company, pay_report, person};

use crate::common::TestApp;

#[test]
fn saving_over_a_newer_version_answers_409_with_both_versions_and_keeps_the_input()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_company("Scale");
    let read_at = app
        .get(&format!("/companies/{id}/edit"))
        .attrs("input[name=version]", "value")
        .pop()
        .unwrap_or_default();
    // Someone else saves first.
    app.post(
        &format!("/companies/{id}/edit"),
        &[("name", "Scale AI"), ("kind", "startup")],
    );
    // Then this form, read before their save, is sent.
    let late = app.post(
        &format!("/companies/{id}/edit"),
        &[
            ("version", &read_at),
            ("name", "Scale Inc"),
            ("kind", "ai_lab"),
            ("notes", "mine"),
        ],
    );
    assert_eq!(late.status, Status::Conflict);
    let rows: Vec<String> = late.texts(".conflict tbody tr");
    assert!(
        rows.iter()
            .any(|r| r.contains("name") && r.contains("Scale AI") && r.contains("Scale Inc")),
        "{rows:?}"
    );
    assert_eq!(
        late.field_value("name").as_deref(),
        Some("Scale Inc"),
        "the input is kept"
    );
    assert_eq!(late.field_value("notes").as_deref(), Some("mine"));
    let stored: String = company::table
        .find(id)
        .select(company::name)
        .first(&mut app.conn()?)?;
    assert_eq!(stored, "Scale AI", "nothing was overwritten");

    // Saving again from the conflict page is a deliberate choice: it goes through.
    let newer = late
        .attrs("input[name=version]", "value")
        .pop()
        .unwrap_or_default();
    let again = app.post(
        &format!("/companies/{id}/edit"),
        &[
            ("version", &newer),
            ("name", "Scale Inc"),
            ("kind", "ai_lab"),
        ],
    );
    assert_eq!(again.status, Status::SeeOther);
    let stored: String = company::table
        .find(id)
        .select(company::name)
        .first(&mut app.conn()?)?;
    assert_eq!(stored, "Scale Inc");
    Ok(())
}

#[test]
fn people_and_pay_reports_are_protected_the_same_way() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    app.post(
        &format!("/people/{id}/edit"),
        &[("full_name", "Ada"), ("stage", "contacted")],
    );
    let stale = app.post(
        &format!("/people/{id}/edit"),
        &[("version", "1"), ("full_name", "Ada L"), ("stage", "offer")],
    );
    assert_eq!(stale.status, Status::Conflict);
    let stage: String = person::table
        .find(id)
        .select(person::stage)
        .first(&mut app.conn()?)?;
    assert_eq!(stage, "contacted");

    let pay = [
        ("kind", "offered"),
        ("currency", "USD"),
        ("amount_low", "1"),
        ("amount_high", "2"),
        ("period", "annual"),
        ("as_of", "2025-01-01"),
        ("confidence", "rumor"),
    ];
    app.post(&format!("/people/{id}/pay"), &pay);
    let report: i64 = pay_report::table
        .select(pay_report::id)
        .first(&mut app.conn()?)?;
    app.post(&format!("/people/{id}/pay/{report}/edit"), &pay);
    let mut late = vec![("version", "1")];
    late.extend_from_slice(&pay);
    assert_eq!(
        app.post(&format!("/people/{id}/pay/{report}/edit"), &late)
            .status,
        Status::Conflict
    );
    // A form without its version is refused rather than trusted.
    assert_eq!(
        app.post_raw(
            &format!("/people/{id}/edit"),
            &[
                ("csrf_token", &app.csrf_token()),
                ("full_name", "X"),
                ("stage", "hired")
            ]
        )
        .status,
        Status::UnprocessableEntity
    );
    Ok(())
}
