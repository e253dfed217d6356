//! Directive (EU) 2023/970, art. 5(2) in the database: pay history from a candidate in the EU
//! is refused whichever way it comes, and the forms say so beside the field.

use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};
use rocket::http::Status;
use talent_tracker::schema::{pay_report, person};

use crate::common::TestApp;

fn insert_from_candidate(
    app: &TestApp,
    person: i64,
    source: &str,
) -> anyhow::Result<QueryResult<usize>> {
    Ok(diesel::sql_query(
        "INSERT INTO pay_report (person_id, kind, currency, amount_low, amount_high, period,
                                 as_of, confidence, source_name)
         VALUES ($1, 'reported', 'EUR', 1, 1, 'annual', '2025-06-01', 'confirmed', $2)",
    )
    .bind::<diesel::sql_types::BigInt, _>(person)
    .bind::<diesel::sql_types::Text, _>(source)
    .execute(&mut app.conn()?))
}

fn refused(result: QueryResult<usize>) -> bool {
    matches!(
        result,
        Err(Error::DatabaseError(DatabaseErrorKind::CheckViolation, ref info))
            if info.constraint_name() == Some("pay_history_refused")
    )
}

#[test]
fn a_raw_insert_of_pay_history_for_an_eu_person_is_refused_by_the_database() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let eu = app.create_person(&[
        ("full_name", "Ada"),
        ("stage", "interviewing"),
        ("zone", "EU"),
    ]);
    let us = app.create_person(&[
        ("full_name", "Grace"),
        ("stage", "interviewing"),
        ("zone", "US"),
    ]);
    assert!(refused(insert_from_candidate(&app, eu, " CANDIDATE\t")?));
    // Only the candidate as source is pay history, and only in the EU.
    assert_eq!(
        insert_from_candidate(&app, eu, "candidate's former manager")?,
        Ok(1)
    );
    assert_eq!(insert_from_candidate(&app, us, "candidate")?, Ok(1));
    // An update into the rule is refused too.
    let changed = diesel::update(pay_report::table.filter(pay_report::person_id.eq(eu)))
        .set(pay_report::source_name.eq("Candidate"))
        .execute(&mut app.conn()?);
    assert!(refused(changed));
    // Grace has a figure from herself: moving her into the EU would make it pay history.
    let moved = diesel::update(person::table.find(us))
        .set(person::zone.eq("EU"))
        .execute(&mut app.conn()?);
    assert!(refused(moved));
    let stored: i64 = pay_report::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(stored, 2);
    Ok(())
}

#[test]
fn moving_a_person_with_figures_from_themself_into_the_eu_is_refused_beside_the_zone()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let grace = app.create_person(&[
        ("full_name", "Grace"),
        ("stage", "interviewing"),
        ("zone", "US"),
    ]);
    assert_eq!(insert_from_candidate(&app, grace, "candidate")?, Ok(1));
    let fields = [
        ("full_name", "Grace"),
        ("stage", "interviewing"),
        ("zone", "EU"),
    ];
    let page = app.post(&format!("/people/{grace}/edit"), &fields);
    assert_eq!(page.status, Status::UnprocessableEntity, "{}", page.body);
    assert_eq!(
        page.field_errors("zone"),
        vec![
            "This person has pay figures whose source is the candidate; in the EU these are pay \
             history (Directive (EU) 2023/970, art. 5(2)). Remove those figures before moving \
             them into the EU."
        ]
    );
    let zone: Option<String> = person::table
        .find(grace)
        .select(person::zone)
        .first(&mut app.conn()?)?;
    assert_eq!(zone.as_deref(), Some("US"));
    // Without such figures the move is an ordinary edit.
    let ada = app.create_person(&[
        ("full_name", "Ada"),
        ("stage", "interviewing"),
        ("zone", "US"),
    ]);
    let fields = [
        ("full_name", "Ada"),
        ("stage", "interviewing"),
        ("zone", "EU"),
    ];
    assert_eq!(
        app.post(&format!("/people/{ada}/edit"), &fields).status,
        Status::SeeOther
    );
    Ok(())
}

#[test]
fn an_import_moving_a_person_with_figures_from_themself_into_the_eu_refuses_that_row()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let grace = app.create_person(&[
        ("full_name", "Grace"),
        ("stage", "interviewing"),
        ("zone", "US"),
    ]);
    assert_eq!(insert_from_candidate(&app, grace, "candidate")?, Ok(1));
    let file = "full_name,stage,zone\nGrace,interviewing,EU\nAda,sourced,EU\n";
    let preview = app.upload("people.csv", file.as_bytes());
    assert_eq!(preview.status, Status::UnprocessableEntity);
    assert!(
        preview.contains("Remove those figures before moving them into the EU."),
        "{}",
        preview.body
    );
    // The other rows still import, and Grace stays where she was.
    let done = app.post("/import/1/confirm", &[("skip_errors", "true")]);
    assert_eq!(done.status, Status::SeeOther, "{}", done.body);
    let zones: Vec<(String, Option<String>)> = person::table
        .order(person::full_name)
        .select((person::full_name, person::zone))
        .load(&mut app.conn()?)?;
    assert_eq!(
        zones,
        vec![
            ("Ada".to_owned(), Some("EU".to_owned())),
            ("Grace".to_owned(), Some("US".to_owned())),
        ]
    );
    Ok(())
}
