//! Every number of the dashboard and the reports leads to the people list filtered to exactly
//! the people it counts: following each link gives a list of as many people as the number.

use rocket::http::Status;
use talent_tracker::domain::{Confidence, PayKind, Role, Stage};
use talent_tracker::views::people::PeoplePager;

use crate::common::{Page, TestApp};
use crate::reports::{fixture, pay, person};

/// How many people the list says it shows (0 when it says none match).
fn listed(page: &Page) -> i64 {
    if page.contains("No people match these filters.") {
        return 0;
    }
    let count = page.texts("p.count");
    let words = count
        .first()
        .unwrap_or_else(|| panic!("no count on the list"));
    words
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the list's count reads “{words}”"))
}

/// Follows every linked number of the page at `uri`; returns how many links were followed and
/// how many of them counted someone.
fn follow_numbers(app: &TestApp, uri: &str) -> (usize, usize) {
    let page = app.get(uri);
    assert_eq!(page.status, Status::Ok, "{uri}: {}", page.body);
    let hrefs = page.attrs("td.num a", "href");
    let numbers = page.texts("td.num a");
    assert_eq!(hrefs.len(), numbers.len());
    // Each bar of the chart leads where its number in the table does.
    for bar in page.attrs("figure.chart svg.chart-wide a.chart-link", "href") {
        assert!(
            hrefs.contains(&bar),
            "the bar's {bar} is no number's link on {uri}"
        );
    }
    let mut nonzero = 0;
    for (href, number) in hrefs.iter().zip(&numbers) {
        let n: i64 = number
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("“{number}” on {uri}"));
        let list = app.get(href);
        assert_eq!(list.status, Status::Ok, "{href} from {uri}: {}", list.body);
        assert_eq!(listed(&list), n, "{href} from {uri}, whose cell says {n}");
        nonzero += usize::from(n > 0);
    }
    (hrefs.len(), nonzero)
}

/// Adds what the fixture lacks: a hire with no origin company and a title, one with pay and
/// no title.
fn with_blanks(app: &TestApp) -> anyhow::Result<()> {
    let conn = &mut app.conn()?;
    let hal = person(
        conn,
        "Hal",
        None,
        None,
        Some("2025-05-05"),
        &[(Stage::Sourced, "2025-04-01"), (Stage::Hired, "2025-05-05")],
    )?;
    pay(
        conn,
        hal,
        PayKind::Agreed,
        "USD",
        ("150000", "150000"),
        None,
        "2025-05-01",
        Confidence::Confirmed,
    )?;
    diesel::RunQueryDsl::execute(
        diesel::sql_query(
            "UPDATE person SET title = 'Research scientist' WHERE full_name IN ('Ann', 'Bob')",
        ),
        conn,
    )?;
    Ok(())
}

#[test]
fn every_report_number_leads_to_a_list_of_as_many_people() -> anyhow::Result<()> {
    let app = fixture()?;
    with_blanks(&app)?;
    let mut uris: Vec<String> = [
        "/reports/talent-flow",
        "/reports/talent-flow?from=2025-03-15&to=2025-06-30",
        "/reports/talent-flow?origin_company=Alpha",
        "/reports/pipeline",
        "/reports/pipeline?from=2025-01-03&to=2025-06-30",
        "/reports/pipeline?hiring_company=Gamma",
        "/reports/timeline",
        "/reports/timeline?interval=quarter",
        "/reports/timeline?from=2025-03-15&to=2025-07-05&interval=quarter",
    ]
    .map(str::to_owned)
    .to_vec();
    for group_by in [
        "origin_company",
        "hiring_company",
        "title",
        "kind",
        "confidence",
    ] {
        for narrowed in [
            "",
            "&kind=reported",
            "&confidence=confirmed",
            "&from=2025-02-15&to=2025-06-30",
            "&kind=agreed&confidence=confirmed&hiring_company=Gamma",
        ] {
            uris.push(format!(
                "/reports/compensation?group_by={group_by}{narrowed}"
            ));
        }
    }
    for uri in &uris {
        let (followed, nonzero) = follow_numbers(&app, uri);
        let page = app.get(uri);
        let bars = page.attrs("figure.chart svg.chart-narrow a.chart-link", "href");
        assert_eq!(
            bars.len(),
            page.attrs("figure.chart svg.chart-wide a.chart-link", "href")
                .len()
        );
        if !uri.contains("kind=agreed") {
            assert!(!bars.is_empty(), "{uri}: the chart's bars lead nowhere");
            assert!(
                followed > 0 && nonzero > 0,
                "{uri} linked {followed} numbers, {nonzero} of them not zero"
            );
        }
    }
    Ok(())
}

#[test]
fn every_dashboard_count_leads_to_a_list_of_as_many_people() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Viewer)?;
    let (followed, nonzero) = follow_numbers(&app, "/");
    assert_eq!(
        followed,
        Stage::ALL.len() + 1,
        "a link per stage and one for all"
    );
    assert!(nonzero > 2);
    Ok(())
}

struct Silent;

impl talent_tracker::generate::Progress for Silent {
    fn phase(&self, _: &'static str, _: u64) {}
    fn advance(&self, _: u64) {}
}

#[test]
fn past_the_lists_exact_count_a_number_still_opens_a_list_of_as_many() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Viewer)?;
    let options = talent_tracker::generate::Options {
        people: 4_000,
        seed: 3,
        reporting_currency: "USD".into(),
    };
    let conn = &mut app.conn()?;
    talent_tracker::generate::generate(conn, &options, &Silent)?;
    // The statistics autovacuum would gather soon after: the estimate below reads them.
    diesel::RunQueryDsl::execute(diesel::sql_query("ANALYZE"), conn)?;
    let dashboard = app.get("/");
    let counts = dashboard.texts("td.num a");
    let most = counts.iter().filter_map(|n| n.parse::<i64>().ok()).max();
    assert!(
        most.is_some_and(|n| n > PeoplePager::COUNT_LIMIT),
        "a stage holds more people than the list counts: {counts:?}"
    );
    let (followed, _) = follow_numbers(&app, "/");
    assert_eq!(followed, Stage::ALL.len() + 1);
    let (followed, _) = follow_numbers(&app, "/reports/pipeline");
    assert_eq!(followed, Stage::ALL.len() * 2);
    // A filter no kept count answers: the planner's estimate, said as one.
    let page = app.get("/people?q=e");
    let said = page.texts("p.count").concat();
    assert!(
        said.starts_with("About ") && said.contains("estimate"),
        "{said}"
    );
    // The board's columns say their counts as the lists they open do: exact from the kept
    // counts unfiltered, and filtered past the count the list's own "about" or "more than".
    let mut abouts = 0;
    for uri in ["/pipeline", "/pipeline?q=a", "/pipeline?reached=sourced"] {
        let board = app.get(uri);
        let hrefs = board.attrs("h2 a.count", "href");
        let says = board.texts("h2 a.count");
        assert_eq!(hrefs.len(), Stage::ALL.len(), "{uri}: a count per column");
        for (href, said) in hrefs.iter().zip(&says) {
            let list = app.get(href);
            match said.parse::<i64>() {
                Ok(n) => assert_eq!(listed(&list), n, "{href} from {uri}, which says {n}"),
                Err(_) => {
                    let list_says = list.texts("p.count").concat().to_lowercase();
                    assert!(
                        (said.starts_with("about ") || said.starts_with("more than "))
                            && list_says.starts_with(&format!("{said} ")),
                        "{href} from {uri}: the column says “{said}”, the list “{list_says}”"
                    );
                    abouts += usize::from(said.starts_with("about "));
                }
            }
        }
    }
    assert!(
        abouts > 0,
        "a filtered column holds more than the list counts, and says the list's estimate"
    );
    Ok(())
}

#[test]
fn a_viewer_follows_the_pipeline_but_cannot_filter_by_pay() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Viewer)?;
    let (followed, _) = follow_numbers(&app, "/reports/pipeline");
    assert_eq!(followed, Stage::ALL.len() * 2);
    let page = app.get("/reports/pipeline");
    assert!(page.attrs("a", "href").iter().all(|h| !h.contains("pay")));
    for uri in [
        "/people?with_pay=yes",
        "/people?pay_kind=agreed",
        "/people.csv?pay_confidence=rumor",
    ] {
        assert_eq!(app.get(uri).status, Status::Forbidden, "{uri}");
    }
    Ok(())
}

#[test]
fn odd_drill_down_filters_are_named_and_refused() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Analyst)?;
    for (uri, says) in [
        ("/people?hired_from=2025-13-01", "hired_from"),
        (
            "/people?hired_from=2025-06-01&hired_to=2025-01-01",
            "is after",
        ),
        ("/people?entered_to=1800-01-01", "entered_to"),
        ("/people?without=salary", "without=salary"),
        ("/people?with_pay=maybe", "with_pay=maybe"),
        ("/people?pay_kind=bribe", "pay_kind=bribe"),
        ("/people?reached=moon", "reached=moon"),
        ("/people.csv?pay_from=soon", "pay_from"),
    ] {
        let page = app.get(uri);
        assert_eq!(page.status, Status::UnprocessableEntity, "{uri}");
        assert!(
            page.contains(says),
            "{uri} should say {says}: {}",
            page.body
        );
    }
    // The filters the links set are shown in words and kept by the form.
    let page = app.get("/people?reached=offer&without=hiring_company&entered_from=2025-01-01");
    assert_eq!(page.status, Status::Ok);
    let words = page.texts("p.carried").join(" ");
    assert!(
        words.contains("reached Offer") && words.contains("no hiring company recorded"),
        "{words}"
    );
    assert!(
        page.attrs("form.filters input[type=hidden]", "name")
            .contains(&"reached".to_owned())
    );
    Ok(())
}
