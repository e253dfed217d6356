//! Dates everywhere: within 1900–2100 and in pipeline order, checked the same by forms, files,
//! filters and the database.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::person;

use crate::common::{Page, TestApp};

const OUT_OF_WINDOW: &str = "A date between 1900-01-01 and 2100-12-31, please.";

/// A file's row errors as "line column message".
fn import_errors(page: &Page) -> Vec<String> {
    let cells = page.texts(".import-errors tbody td");
    cells.chunks(5).map(|row| row.join(" ")).collect()
}

fn people(app: &TestApp) -> anyhow::Result<i64> {
    Ok(person::table.count().get_result(&mut app.conn()?)?)
}

#[test]
fn dates_outside_1900_to_2100_are_refused_by_the_person_and_pay_forms() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for (field, raw) in [
        ("first_contact_on", "0000-01-01"),
        ("offer_on", "1899-12-31"),
        ("decided_on", "2101-01-01"),
        ("start_on", "-4713-01-01"),
    ] {
        let page = app.post(
            "/people",
            &[("full_name", "Ada"), ("stage", "hired"), (field, raw)],
        );
        assert_eq!(page.status, Status::UnprocessableEntity, "{field}={raw}");
        assert_eq!(
            page.field_errors(field),
            vec![OUT_OF_WINDOW],
            "{field}={raw}"
        );
    }
    assert_eq!(people(&app)?, 0);

    let id = app.create_person(&[("full_name", "Ada"), ("stage", "hired")]);
    let report = [
        ("kind", "reported"),
        ("currency", "USD"),
        ("amount_low", "100"),
        ("amount_high", "200"),
        ("period", "annual"),
        ("confidence", "rumor"),
        ("as_of", "2101-01-01"),
    ];
    let page = app.post(&format!("/people/{id}/pay"), &report);
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(page.field_errors("as_of"), vec![OUT_OF_WINDOW]);
    Ok(())
}

#[test]
fn dates_outside_the_window_are_row_errors_in_an_import() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let file = "full_name,stage,first_contact_on\nAda,sourced,2025-01-01\nBen,sourced,0000-01-01\n";
    let page = app.upload("people.csv", file.as_bytes());
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(
        import_errors(&page),
        vec![format!(
            "3 Ben first_contact_on “0000-01-01” {OUT_OF_WINDOW}"
        )]
    );
    assert_eq!(people(&app)?, 0);
    Ok(())
}

#[test]
fn report_and_audit_filters_outside_the_window_answer_422_not_500() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for report in ["compensation", "talent-flow", "pipeline", "timeline"] {
        for query in ["from=-4713-01-01", "to=%2B10000-01-01", "from=1899-12-31"] {
            let uri = format!("/reports/{report}?{query}");
            let page = app.get(&uri);
            assert_eq!(page.status, Status::UnprocessableEntity, "{uri}");
            assert!(
                page.texts(".form-errors li")
                    .iter()
                    .any(|p| p.contains(OUT_OF_WINDOW)),
                "{uri}: {:?}",
                page.texts(".form-errors li")
            );
            let csv = app.get(&uri.replacen('?', ".csv?", 1));
            assert_eq!(csv.status, Status::UnprocessableEntity, "{uri} as CSV");
        }
    }
    for query in ["from=-4713-01-01", "to=2101-01-01"] {
        let page = app.get(&format!("/audit?{query}"));
        assert_eq!(page.status, Status::UnprocessableEntity, "{query}");
        assert!(page.contains(OUT_OF_WINDOW), "{query}: {}", page.body);
    }
    Ok(())
}

#[test]
fn pipeline_dates_out_of_order_are_refused_beside_the_later_field() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let page = app.post(
        "/people",
        &[
            ("full_name", "Ada"),
            ("stage", "hired"),
            ("first_contact_on", "2025-05-01"),
            ("offer_on", "2025-04-01"),
            ("decided_on", "2025-03-01"),
            ("start_on", "2025-02-01"),
        ],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(
        page.field_errors("offer_on"),
        vec!["The offer cannot come before the first contact."]
    );
    assert_eq!(
        page.field_errors("decided_on"),
        vec!["The decision cannot come before the offer date."]
    );
    assert_eq!(
        page.field_errors("start_on"),
        vec!["The start cannot come before the decision."]
    );
    assert!(page.field_errors("first_contact_on").is_empty());

    // A date left out is skipped: the start is compared with the first contact.
    let page = app.post(
        "/people",
        &[
            ("full_name", "Ada"),
            ("stage", "hired"),
            ("first_contact_on", "2025-05-01"),
            ("start_on", "2025-02-01"),
        ],
    );
    assert_eq!(
        page.field_errors("start_on"),
        vec!["The start cannot come before the first contact."]
    );
    assert_eq!(people(&app)?, 0);

    let same_day = app.post(
        "/people",
        &[
            ("full_name", "Ada"),
            ("stage", "hired"),
            ("first_contact_on", "2025-05-01"),
            ("offer_on", "2025-05-01"),
            ("start_on", "2025-05-02"),
        ],
    );
    assert_eq!(same_day.status, Status::SeeOther, "{}", same_day.body);
    Ok(())
}

#[test]
fn an_import_checks_the_order_of_pipeline_dates_as_the_form_does() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let file = "full_name,stage,first_contact_on,offer_on,decided_on,start_on\n\
                Ada,hired,2025-01-01,2025-02-01,2025-03-01,2025-04-01\n\
                Ben,hired,2025-03-01,,,2025-01-01\n";
    let page = app.upload("people.csv", file.as_bytes());
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(
        import_errors(&page),
        vec!["3 Ben start_on “2025-01-01” The start cannot come before the first contact."]
    );
    assert_eq!(people(&app)?, 0);
    Ok(())
}

#[test]
fn the_database_refuses_dates_outside_the_window_or_out_of_order() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let mut conn = app.conn()?;
    let insert = |dates: &str| {
        diesel::sql_query(format!(
            "INSERT INTO person (full_name, stage, first_contact_on, offer_on, decided_on, start_on) \
             VALUES ('Ada', 'hired', {dates})"
        ))
    };
    for refused in [
        "'0001-01-01', NULL, NULL, NULL",
        "NULL, NULL, NULL, '2101-01-01'",
        "'2025-03-01', '2025-02-01', NULL, NULL",
        "'2025-03-01', NULL, NULL, '2025-02-01'",
        "NULL, NULL, '2025-03-01', '2025-02-01'",
    ] {
        assert!(insert(refused).execute(&mut conn).is_err(), "{refused}");
    }
    insert("'2025-01-01', NULL, '2025-03-01', '2025-03-01'").execute(&mut conn)?;
    let person_id: i64 = person::table.select(person::id).first(&mut conn)?;
    let pay = |as_of: &str| {
        diesel::sql_query(format!(
            "INSERT INTO pay_report (person_id, kind, currency, amount_low, amount_high, period, as_of, confidence) \
             VALUES ({person_id}, 'reported', 'USD', 1, 2, 'annual', '{as_of}', 'rumor')"
        ))
    };
    assert!(pay("1899-12-31").execute(&mut conn).is_err());
    pay("2100-12-31").execute(&mut conn)?;
    Ok(())
}
