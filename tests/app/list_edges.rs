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
