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

#[test]
fn a_search_matching_more_people_than_are_counted_pages_like_any_other() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    // 4,400 people; the even ones are called Wang (2,200: more than the list counts, so the
    // list walks the names in order), every fourth one is hired (1,100 Wangs).
    diesel::sql_query(
        "INSERT INTO person (full_name, name_key, stage) \
         SELECT name, lower(name), CASE WHEN n % 4 = 0 THEN 'hired' ELSE 'sourced' END \
         FROM generate_series(1, 4400) AS n, \
              LATERAL (SELECT 'P' || lpad(n::text, 4, '0') || \
                       CASE WHEN n % 2 = 0 THEN ' Wang' ELSE ' Li' END AS name) AS named",
    )
    .execute(&mut app.conn()?)?;
    let wang = |n: usize| format!("P{n:04} Wang");
    let first_names = |uri: &str| {
        let page = app.get(uri);
        assert_eq!(page.status, Status::Ok, "{uri}");
        page.texts("tbody td:first-child a")
    };
    let page_one = app.get("/people?q=WANG");
    let names = page_one.texts("tbody td:first-child a");
    assert_eq!(names, (1..=25).map(|i| wang(2 * i)).collect::<Vec<_>>());
    // Past the exact count: the planner's estimate once autovacuum has analysed the table.
    let said = page_one.texts("p.count").concat();
    assert!(
        said == "More than 1000 people" || said.starts_with("About "),
        "{said}"
    );

    let next = page_one
        .attrs("a[rel=next]", "href")
        .pop()
        .unwrap_or_default();
    let page_two = app.get(&format!("/people{next}"));
    let second = page_two.texts("tbody td:first-child a");
    assert_eq!(second.first(), Some(&wang(52)));
    assert_eq!(second.len(), 25);
    let previous = page_two
        .attrs("a[rel=prev]", "href")
        .pop()
        .unwrap_or_default();
    assert_eq!(first_names(&format!("/people{previous}")), names);

    assert_eq!(
        first_names("/people?q=wang&page=3").first(),
        Some(&wang(102))
    );
    let descending = first_names("/people?q=wang&sort=name&dir=desc");
    assert_eq!(descending.first(), Some(&wang(4400)));
    assert_eq!(descending.get(1), Some(&wang(4398)));
    let hired = first_names("/people?q=wang&stage=hired");
    assert_eq!(hired, (1..=25).map(|i| wang(4 * i)).collect::<Vec<_>>());
    Ok(())
}

#[test]
fn a_common_name_found_only_far_down_the_list_still_heads_its_search() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    // 21,000 people before the first of 1,100 Tans in name order: more than the list reads
    // ahead in name order before it gathers the matches the other way.
    diesel::sql_query(
        "INSERT INTO person (full_name, name_key, stage) \
         SELECT 'A' || lpad(n::text, 5, '0') || ' Li', 'a' || lpad(n::text, 5, '0') || ' li', \
                'sourced' FROM generate_series(1, 21000) AS n \
         UNION ALL \
         SELECT 'Z' || lpad(n::text, 4, '0') || ' Tan', 'z' || lpad(n::text, 4, '0') || ' tan', \
                'sourced' FROM generate_series(1, 1100) AS n",
    )
    .execute(&mut app.conn()?)?;
    let page = app.get("/people?q=tan");
    let names = page.texts("tbody td:first-child a");
    let expected: Vec<String> = (1..=25).map(|n| format!("Z{n:04} Tan")).collect();
    assert_eq!(names, expected);
    // Paged from all the matches sorted, by cursor both ways and by page number.
    let next = page.attrs("a[rel=next]", "href").pop().unwrap_or_default();
    let second = app.get(&format!("/people{next}"));
    let second_names = second.texts("tbody td:first-child a");
    assert_eq!(second_names.first().map(String::as_str), Some("Z0026 Tan"));
    assert_eq!(second_names.len(), 25);
    let previous = second
        .attrs("a[rel=prev]", "href")
        .pop()
        .unwrap_or_default();
    assert_eq!(
        app.get(&format!("/people{previous}"))
            .texts("tbody td:first-child a"),
        expected
    );
    assert_eq!(
        app.get("/people?q=tan&page=3")
            .texts("tbody td:first-child a")
            .first()
            .map(String::as_str),
        Some("Z0051 Tan")
    );
    // The last page ends with the last Tan, which a page of its own would not fill either.
    let last = app.get("/people?q=tan&sort=name&dir=desc");
    assert_eq!(
        last.texts("tbody td:first-child a")
            .first()
            .map(String::as_str),
        Some("Z1100 Tan")
    );
    Ok(())
}
