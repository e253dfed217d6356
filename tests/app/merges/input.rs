//! Merge requests that make no sense, and chosen values that cannot be one person's: a clear
//! answer, and nothing merged.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::person;

use super::{Pair, merge, merge_page, pair};
use crate::common::TestApp;

#[test]
fn merge_input_that_makes_no_sense_gets_a_clear_answer() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    let same = app.get(&format!(
        "/people/merge?left={}&right={}",
        pair.left, pair.left
    ));
    assert_eq!(same.status, Status::UnprocessableEntity);
    assert!(same.contains("two different people"), "{}", same.body);
    assert_eq!(
        app.get("/people/merge?left=x").status,
        Status::UnprocessableEntity
    );
    assert_eq!(
        app.get("/people/merge?left=1&right=999999").status,
        Status::NotFound
    );
    let token = app.csrf_token();
    let (left, right) = (pair.left.to_string(), pair.right.to_string());
    let unknown = app.post_raw(
        "/people/merge",
        &[
            ("csrf_token", &token),
            ("left", &left),
            ("right", &right),
            ("left_version", "1"),
            ("right_version", "1"),
            ("survivor", "left"),
            ("take[version]", "right"),
        ],
    );
    assert_eq!(unknown.status, Status::UnprocessableEntity);
    assert!(unknown.contains("not a field"), "{}", unknown.body);
    let both: i64 = person::table
        .filter(person::id.eq_any([pair.left, pair.right]))
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(both, 2);
    // The newer record may survive too.
    let page = merge_page(&app, &pair);
    let merged = merge(&app, &page, &[("survivor", "right")]);
    assert_eq!(
        merged.location.as_deref(),
        Some(format!("/people/{}", pair.right).as_str())
    );
    Ok(())
}

#[test]
fn chosen_dates_out_of_order_are_refused_and_nothing_is_merged() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let left = app.create_person(&[
        ("full_name", "Nat Friedman"),
        ("stage", "hired"),
        ("first_contact_on", "2025-01-01"),
        ("offer_on", "2025-02-01"),
    ]);
    let right = app.create_person(&[
        ("full_name", "Nat Friedman Jr"),
        ("stage", "hired"),
        ("first_contact_on", "2025-03-01"),
        ("offer_on", "2025-04-01"),
    ]);
    let page = merge_page(
        &app,
        &Pair {
            left,
            right,
            other: 0,
        },
    );
    let mixed = merge(
        &app,
        &page,
        &[("first_contact_on", "right"), ("offer_on", "left")],
    );
    assert_eq!(mixed.status, Status::UnprocessableEntity, "{}", mixed.body);
    assert!(mixed.contains("out of order"), "{}", mixed.body);
    let both: i64 = person::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(both, 2);
    Ok(())
}
