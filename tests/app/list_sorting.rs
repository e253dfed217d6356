//! Lists sort by their column headings: the current column shows its direction, a second
//! click reverses it, filters stay; the column sorted by is shown; companies show how many
//! people came from them and how many they hired.

use rocket::http::Status;
use talent_tracker::domain::Role;

use crate::common::TestApp;

fn header_link(page: &crate::common::Page, label: &str) -> String {
    let texts = page.texts("th a.sort");
    let hrefs = page.attrs("th a.sort", "href");
    let at = texts
        .iter()
        .position(|t| t.starts_with(label))
        .unwrap_or_else(|| panic!("no heading “{label}” in {texts:?}"));
    hrefs[at].clone()
}

#[test]
fn people_sort_by_a_heading_and_back_keeping_the_filters() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Viewer)?;
    let page = app.get("/people?stage=hired");
    assert_eq!(
        page.attrs("th[aria-sort=ascending]", "scope").len(),
        1,
        "sorted by name"
    );
    let by_origin = header_link(&page, "Origin company");
    assert!(by_origin.contains("stage=hired") && by_origin.contains("sort=origin_company&dir=asc"));
    let page = app.get(&by_origin);
    assert_eq!(page.status, Status::Ok);
    assert!(
        page.texts("th[aria-sort=ascending]")
            .concat()
            .contains("Origin company ▲")
    );
    let origins: Vec<String> = page.texts("tbody tr td:nth-child(3)");
    let mut sorted = origins.clone();
    sorted.sort();
    assert_eq!(origins, sorted);
    let reversed = app.get(&header_link(&page, "Origin company"));
    assert!(
        reversed
            .texts("th[aria-sort=descending]")
            .concat()
            .contains("▼")
    );
    let mut backwards = reversed.texts("tbody tr td:nth-child(3)");
    backwards.reverse();
    assert_eq!(backwards, sorted);
    assert!(
        reversed
            .texts("tbody td span[class*='stage-']")
            .iter()
            .all(|s| s == "Hired")
    );
    Ok(())
}

#[test]
fn sorting_by_start_date_or_last_update_shows_that_column() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Viewer)?;
    let page = app.get("/people?sort=start&dir=desc");
    assert!(page.texts("th").iter().any(|t| t.starts_with("Start date")));
    let dates = page.texts("tbody tr td:nth-child(6)");
    assert!(
        dates.iter().any(|d| d.len() == 10 && d.starts_with("20")),
        "{dates:?}"
    );
    let page = app.get("/people?sort=updated");
    assert!(
        page.texts("th")
            .iter()
            .any(|t| t.starts_with("Last updated"))
    );
    let plain = app.get("/people");
    assert!(
        !plain
            .texts("th")
            .iter()
            .any(|t| t.starts_with("Start date") || t.starts_with("Last updated"))
    );
    for odd in [
        "/people?sort=salary",
        "/people?dir=sideways",
        "/companies?sort=size",
        "/companies?dir=up",
    ] {
        assert_eq!(app.get(odd).status, Status::UnprocessableEntity, "{odd}");
    }
    Ok(())
}

#[test]
fn companies_show_and_sort_by_their_people_counts() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Viewer)?;
    let page = app.get("/companies?sort=hired_by&dir=desc");
    assert_eq!(page.status, Status::Ok);
    let hired: Vec<i64> = page
        .texts("tbody tr td:nth-child(5)")
        .iter()
        .map(|n| n.parse().expect("a count"))
        .collect();
    assert!(
        hired[0] > 0 && hired.windows(2).all(|w| w[0] >= w[1]),
        "{hired:?}"
    );
    // Each count leads to exactly its people.
    for (href, n) in page
        .attrs("td.num a", "href")
        .iter()
        .zip(page.texts("td.num a"))
    {
        let list = app.get(href);
        let shown = if n == "0" {
            list.contains("No people match").then(|| "0".to_owned())
        } else {
            list.texts("p.count")
                .first()
                .and_then(|c| c.split_whitespace().next().map(str::to_owned))
        };
        assert_eq!(shown.as_deref(), Some(n.as_str()), "{href}");
    }
    let by_came_from = app.get(&header_link(&page, "People from it"));
    assert!(
        by_came_from
            .texts("th[aria-sort=ascending]")
            .concat()
            .contains("People from it")
    );
    Ok(())
}
