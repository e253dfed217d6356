//! Lists and their CSV twins at the edges: filters that name nothing, page numbers near i64::MAX.

use diesel::prelude::*;
use rocket::http::Status;

use crate::common::TestApp;

#[test]
fn a_filtered_export_naming_an_unknown_company_answers_422_like_its_list() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for uri in [
        "/people.csv?origin_company=NoSuchCo",
        "/people.csv?hiring_company=NoSuchCo",
        "/pay-reports.csv?origin_company=NoSuchCo",
    ] {
        let response = app.client.get(uri).dispatch();
        assert_eq!(response.status(), Status::UnprocessableEntity, "{uri}");
        let body = response.into_string().unwrap_or_default();
        assert!(
            body.contains("There is no company called “NoSuchCo”."),
            "{uri}: {body}"
        );
    }
    assert_eq!(
        app.get("/people?origin_company=NoSuchCo").status,
        Status::UnprocessableEntity
    );
    assert_eq!(
        app.get("/companies.csv?kind=nope").status,
        Status::UnprocessableEntity
    );
    Ok(())
}

#[test]
fn the_largest_page_number_shows_a_page_instead_of_failing() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    // Beyond 1,000 matches the people list stops counting, so the page number is not clamped
    // to the last page: this is where it used to overflow.
    diesel::sql_query(
        "INSERT INTO person (full_name, stage) \
         SELECT 'Person ' || n, 'sourced' FROM generate_series(1, 1001) AS n",
    )
    .execute(&mut app.conn()?)?;
    let max = i64::MAX;
    for uri in [
        format!("/people?page={max}"),
        format!("/people?page={max}&sort=name&dir=desc"),
        format!("/companies?page={max}"),
        format!("/audit?page={max}"),
        format!("/import/batches?page={max}"),
        format!("/exchange-rates?page={max}"),
    ] {
        let page = app.get(&uri);
        assert_eq!(page.status, Status::Ok, "{uri}: {}", page.body);
    }
    Ok(())
}

#[test]
fn a_typed_deep_page_number_stops_where_the_count_does_and_says_so() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    diesel::sql_query(
        "INSERT INTO person (full_name, stage) \
         SELECT 'Person ' || lpad(n::text, 4, '0'), 'sourced' FROM generate_series(1, 1100) AS n",
    )
    .execute(&mut app.conn()?)?;
    let page = app.get("/people?page=500");
    assert_eq!(page.status, Status::Ok);
    assert!(page.contains("This is page 40"), "{}", page.body);
    let names = page.texts("tbody td:first-child a");
    assert_eq!(names.first().map(String::as_str), Some("Person 0976"));
    assert_eq!(names.len(), 25);
    // Its "Next" link goes on by cursor, past where a typed number may jump.
    let next = page.attrs("a[rel=next]", "href").pop().unwrap_or_default();
    let further = app.get(&format!("/people{next}"));
    assert_eq!(
        further
            .texts("tbody td:first-child a")
            .first()
            .map(String::as_str),
        Some("Person 1001")
    );
    assert!(!further.contains("This is page"));
    // Within the count, a typed number is read as it always was.
    assert!(!app.get("/people?page=3").contains("This is page"));
    Ok(())
}
