//! The audit: an entry for every change, in the same transaction, never changed afterwards.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{audit_log, company, exchange_rate, pay_report, person};

use crate::common::TestApp;

fn entries(app: &TestApp) -> anyhow::Result<Vec<(String, String, String)>> {
    Ok(audit_log::table
        .order(audit_log::id)
        .select((audit_log::record_table, audit_log::action, audit_log::actor))
        .load(&mut app.conn()?)?)
}

#[test]
fn every_kind_of_change_is_audited_with_who_made_it() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let before = entries(&app)?.len();
    let company = app.create_company("Audit Co");
    app.post(
        &format!("/companies/{company}/edit"),
        &[("name", "Audit Company"), ("kind", "startup")],
    );
    let person = app.create_person(&[
        ("full_name", "Ada"),
        ("stage", "sourced"),
        ("origin_company", "Audit Company"),
    ]);
    app.post(
        &format!("/people/{person}/edit"),
        &[
            ("full_name", "Ada"),
            ("stage", "offer"),
            ("origin_company", "Audit Company"),
        ],
    );
    let pay = [
        ("kind", "offered"),
        ("currency", "USD"),
        ("amount_low", "1"),
        ("amount_high", "2"),
        ("period", "annual"),
        ("as_of", "2025-01-01"),
        ("confidence", "confirmed"),
    ];
    app.post(&format!("/people/{person}/pay"), &pay);
    let report: i64 = pay_report::table
        .select(pay_report::id)
        .first(&mut app.conn()?)?;
    let mut changed = pay.to_vec();
    changed.retain(|(f, _)| *f != "amount_high");
    changed.push(("amount_high", "3"));
    app.post(&format!("/people/{person}/pay/{report}/edit"), &changed);
    app.post(&format!("/people/{person}/pay/{report}/delete"), &[]);
    app.post(&format!("/people/{person}/delete"), &[]);
    app.post(&format!("/companies/{company}/delete"), &[]);
    app.post(
        "/exchange-rates",
        &[
            ("currency", "EUR"),
            ("rate_on", "2025-01-01"),
            ("rate", "1.1"),
        ],
    );
    let rate: i64 = exchange_rate::table
        .select(exchange_rate::id)
        .first(&mut app.conn()?)?;
    app.post(&format!("/exchange-rates/{rate}/delete"), &[]);
    app.import("companies.csv", b"name,kind\nImported Co,other\n");

    let mine: Vec<(String, String)> = entries(&app)?
        .into_iter()
        .skip(before)
        .map(|(table, action, actor)| {
            assert_eq!(actor, "admin@example.com", "{table} {action}");
            (table, action)
        })
        .collect();
    for expected in [
        ("company", "create"),
        ("company", "update"),
        ("company", "delete"),
        ("person", "create"),
        ("person", "update"),
        ("person", "delete"),
        ("pay_report", "create"),
        ("pay_report", "update"),
        ("pay_report", "delete"),
        ("exchange_rate", "create"),
        ("exchange_rate", "delete"),
        ("import_batch", "create"),
        // Confirming a file: one entry for the batch, its records' read from its items.
        ("import_batch", "import"),
    ] {
        assert!(
            mine.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "no entry for {expected:?}: {mine:?}"
        );
    }
    // Users are audited too, never with their password hash.
    let user: (String, Option<serde_json::Value>) = audit_log::table
        .filter(audit_log::record_table.eq("app_user"))
        .select((audit_log::actor, audit_log::after))
        .first(&mut app.conn()?)?;
    assert!(
        user.1.is_some_and(
            |after| after.get("password_hash").is_none() && after.get("email").is_some()
        )
    );
    Ok(())
}

#[test]
fn a_failed_change_leaves_no_entry_and_entries_cannot_be_changed() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Taken");
    let before = entries(&app)?.len();
    app.post("/companies", &[("name", "TAKEN"), ("kind", "other")]);
    assert_eq!(
        entries(&app)?.len(),
        before,
        "the refused insert left nothing"
    );
    let mut conn = app.conn()?;
    assert!(
        diesel::sql_query("UPDATE audit_log SET actor = 'someone else'")
            .execute(&mut conn)
            .is_err()
    );
    assert!(
        diesel::sql_query("DELETE FROM audit_log")
            .execute(&mut conn)
            .is_err()
    );
    assert!(
        diesel::sql_query("TRUNCATE audit_log")
            .execute(&mut conn)
            .is_err()
    );
    assert_eq!(entries(&app)?.len(), before);
    Ok(())
}

#[test]
fn admins_browse_the_audit_and_a_person_shows_their_history() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Grace"), ("stage", "sourced")]);
    app.post(
        &format!("/people/{id}/edit"),
        &[("full_name", "Grace"), ("stage", "hired")],
    );
    let page = app.get("/audit?record_table=person");
    assert_eq!(page.status, Status::Ok);
    assert_eq!(page.texts("table.audit tbody tr").len(), 2);
    assert!(
        page.texts("table.audit tbody td")
            .iter()
            .any(|t| t.contains("changed the stage of Grace from Sourced to Hired"))
    );
    assert_eq!(
        app.get("/audit?record_table=person&actor=nobody")
            .texts("table.audit tbody tr")
            .len(),
        0
    );
    assert_eq!(
        app.get("/audit?record_table=salaries").status,
        Status::UnprocessableEntity
    );
    let person = app.get(&format!("/people/{id}"));
    assert!(
        person
            .texts("table.audit tbody td")
            .iter()
            .any(|t| t.contains("admin@example.com changed the stage of Grace"))
    );
    let unchanged: i64 = company::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(unchanged, 0);
    let people: i64 = person::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(people, 1);
    Ok(())
}

#[test]
fn erasing_a_person_keeps_their_pay_as_anonymous_statistics() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Meta");
    let id = app.create_person(&[
        ("full_name", "Private Person"),
        ("stage", "hired"),
        ("hiring_company", "Meta"),
        ("title", "Secret Title"),
        ("notes", "met at a private dinner"),
    ]);
    app.post(
        &format!("/people/{id}/edit"),
        &[
            ("full_name", "Private Person"),
            ("stage", "hired"),
            ("hiring_company", "Meta"),
            ("title", "Secret Title 2"),
        ],
    );
    let pay = [
        ("kind", "agreed"),
        ("currency", "USD"),
        ("amount_low", "500000"),
        ("amount_high", "500000"),
        ("period", "annual"),
        ("as_of", "2025-01-01"),
        ("confidence", "confirmed"),
        ("source_name", "Private Source"),
    ];
    app.post(&format!("/people/{id}/pay"), &pay);

    let confirm = app.get(&format!("/people/{id}/erase"));
    assert_eq!(confirm.texts("button.danger"), vec!["Erase personal data"]);
    let page = app.post_and_follow(&format!("/people/{id}/erase"), &[]);
    assert_eq!(page.texts("h1"), vec![format!("Erased person {id}")]);
    assert_eq!(
        page.texts("#pay + p + .table-scroll table tbody td:nth-child(3)"),
        vec!["USD 500,000"],
        "the pay figure stays"
    );
    assert!(
        !page.contains("Private"),
        "no personal data on the page, in its history either"
    );
    assert!(!page.contains("Secret Title"));

    let mut conn = app.conn()?;
    let audit: Vec<(String, Option<serde_json::Value>, Option<serde_json::Value>)> =
        audit_log::table
            .select((audit_log::action, audit_log::before, audit_log::after))
            .load(&mut conn)?;
    let text = format!("{audit:?}");
    for secret in [
        "Private Person",
        "Secret Title",
        "private dinner",
        "Private Source",
    ] {
        assert!(!text.contains(secret), "the audit still holds {secret:?}");
    }
    assert!(
        audit.iter().any(|(action, before, after)| action == "erase"
            && before.is_none()
            && after.is_none())
    );
    let hiring: Option<i64> = person::table
        .find(id)
        .select(person::hiring_company_id)
        .first(&mut conn)?;
    assert!(hiring.is_some(), "the statistics keep the company");
    // Outside an erasure the audit is still append-only.
    assert!(
        diesel::sql_query("UPDATE audit_log SET before = NULL")
            .execute(&mut conn)
            .is_err()
    );
    Ok(())
}
