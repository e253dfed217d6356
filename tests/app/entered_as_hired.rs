//! A person entered straight as hired, by the form or a file, was hired on their decision date.

use chrono::NaiveDate;
use diesel::prelude::*;
use talent_tracker::schema::{person, stage_change};

use crate::common::{TestApp, id_from};

/// The day each of a person's stage changes is dated.
fn history_days(app: &TestApp, id: i64) -> anyhow::Result<Vec<NaiveDate>> {
    let at: Vec<chrono::DateTime<chrono::Utc>> = stage_change::table
        .filter(stage_change::person_id.eq(id))
        .order(stage_change::id)
        .select(stage_change::changed_at)
        .load(&mut app.conn()?)?;
    Ok(at.iter().map(|t| t.date_naive()).collect())
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

#[test]
fn a_person_entered_as_hired_is_hired_on_their_decision_date() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let decided = app.create_person(&[
        ("full_name", "Ada"),
        ("stage", "hired"),
        ("decided_on", "2024-03-15"),
        ("start_on", "2024-04-01"),
    ]);
    assert_eq!(history_days(&app, decided)?, vec![day("2024-03-15")]);
    let started = app.create_person(&[
        ("full_name", "Ben"),
        ("stage", "hired"),
        ("start_on", "2024-05-02"),
    ]);
    assert_eq!(history_days(&app, started)?, vec![day("2024-05-02")]);

    // Anyone else enters the pipeline the day they are entered.
    let today = chrono::Utc::now().date_naive();
    let offered = id_from(&app.post(
        "/people",
        &[
            ("full_name", "Cy"),
            ("stage", "offer"),
            ("offer_on", "2024-01-10"),
        ],
    ));
    assert!(history_days(&app, offered)?[0] >= today);
    Ok(())
}

#[test]
fn people_imported_as_hired_are_hired_on_their_decision_date() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let file = "full_name,stage,decided_on,start_on\n\
                Ada,hired,2024-03-15,2024-04-01\n\
                Ben,hired,,2024-05-02\n";
    app.import("people.csv", file.as_bytes());
    let mut conn = app.conn()?;
    let ids: Vec<i64> = person::table
        .order(person::full_name)
        .select(person::id)
        .load(&mut conn)?;
    assert_eq!(history_days(&app, ids[0])?, vec![day("2024-03-15")]);
    assert_eq!(history_days(&app, ids[1])?, vec![day("2024-05-02")]);
    Ok(())
}
