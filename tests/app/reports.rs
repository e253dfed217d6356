//! Each report's numbers against values worked out by hand on a small fixed data set: a
//! multi-year total, a euro figure, figures with no exchange rate, people with no pay, and a
//! person with two conflicting reports.

use std::str::FromStr;

use bigdecimal::BigDecimal;
use chrono::{NaiveDate, TimeZone, Utc};
use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::{
    CompanyId, CompanyKind, Confidence, PayKind, Period, PersonId, Stage,
};
use talent_tracker::models::{
    Company, CompanyFields, ExchangeRate, NewExchangeRate, PayReport, PayReportFields, Person,
    PersonFields,
};

use crate::common::{Page, TestApp};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a fixture date")
}

fn amount(text: &str) -> BigDecimal {
    BigDecimal::from_str(text).expect("a fixture amount")
}

pub(crate) fn company(conn: &mut PgConnection, name: &str) -> anyhow::Result<CompanyId> {
    let fields = CompanyFields {
        name: name.into(),
        kind: CompanyKind::AiLab,
        website: None,
        country: None,
        notes: None,
    };
    Ok(Company::insert(conn, &fields)?.id)
}

/// A person with a stage history: each (stage, day) at 09:00 UTC, the first being their entry.
pub(crate) fn person(
    conn: &mut PgConnection,
    name: &str,
    origin: Option<CompanyId>,
    hiring: Option<CompanyId>,
    decided_on: Option<&str>,
    path: &[(Stage, &str)],
) -> anyhow::Result<PersonId> {
    let at = |d: &str| Utc.from_utc_datetime(&day(d).and_hms_opt(9, 0, 0).expect("a time"));
    let fields = PersonFields {
        full_name: name.into(),
        origin_company_id: origin,
        hiring_company_id: hiring,
        stage: path[0].0,
        decided_on: decided_on.map(day),
        ..PersonFields::default()
    };
    let id = Person::insert_entered(conn, &fields, at(path[0].1))?.id;
    for (stage, on) in &path[1..] {
        Person::move_stage(conn, id, *stage, at(on))?;
    }
    Ok(id)
}

#[expect(
    clippy::too_many_arguments,
    reason = "a fixture row reads best as one call"
)]
pub(crate) fn pay(
    conn: &mut PgConnection,
    person_id: PersonId,
    kind: PayKind,
    currency: &str,
    band: (&str, &str),
    years: Option<i16>,
    as_of: &str,
    confidence: Confidence,
) -> anyhow::Result<()> {
    let fields = PayReportFields {
        kind,
        currency: currency.into(),
        amount_low: amount(band.0),
        amount_high: amount(band.1),
        period: if years.is_some() {
            Period::Total
        } else {
            Period::Annual
        },
        period_years: years,
        base: None,
        bonus: None,
        equity: None,
        sign_on: None,
        as_of: day(as_of),
        source_name: None,
        source_url: None,
        confidence,
        notes: None,
    };
    PayReport::insert(conn, person_id, &fields)?;
    Ok(())
}

/// The data set the expected numbers below were worked out from.
pub(crate) fn fixture() -> anyhow::Result<TestApp> {
    use Stage::*;
    let app = TestApp::new()?;
    let conn = &mut app.conn()?;
    let (alpha, beta) = (company(conn, "Alpha")?, company(conn, "Beta")?);
    let (gamma, delta) = (company(conn, "Gamma")?, company(conn, "Delta")?);
    for (on, rate) in [("2025-01-01", "1.10"), ("2025-06-01", "1.20")] {
        ExchangeRate::insert(
            conn,
            &NewExchangeRate {
                currency: "EUR".into(),
                rate_on: day(on),
                rate: amount(rate),
            },
        )?;
    }
    // Ann: a total over four years: 500,000 / 4 = 125,000 a year.
    let ann = person(
        conn,
        "Ann",
        Some(alpha),
        Some(gamma),
        Some("2025-03-10"),
        &[
            (Sourced, "2025-01-01"),
            (Contacted, "2025-01-11"),
            (Offer, "2025-02-10"),
            (Hired, "2025-03-10"),
        ],
    )?;
    pay(
        conn,
        ann,
        PayKind::Reported,
        "USD",
        ("400000", "600000"),
        Some(4),
        "2025-03-01",
        Confidence::Reported,
    )?;
    // Bob: two conflicting reports; the later one (310,000) is his figure.
    let bob = person(
        conn,
        "Bob",
        Some(alpha),
        Some(gamma),
        Some("2025-03-20"),
        &[
            (Sourced, "2025-01-05"),
            (Contacted, "2025-01-10"),
            (Interviewing, "2025-01-20"),
            (Offer, "2025-02-20"),
            (Hired, "2025-03-20"),
        ],
    )?;
    pay(
        conn,
        bob,
        PayKind::Reported,
        "USD",
        ("200000", "200000"),
        None,
        "2025-02-01",
        Confidence::Rumor,
    )?;
    pay(
        conn,
        bob,
        PayKind::Agreed,
        "USD",
        ("300000", "320000"),
        None,
        "2025-04-01",
        Confidence::Confirmed,
    )?;
    // Cid: euros at the 2025-06-01 rate: 105,000 × 1.20 = 126,000.
    let cid = person(
        conn,
        "Cid",
        Some(beta),
        Some(gamma),
        Some("2025-06-15"),
        &[
            (Contacted, "2025-05-01"),
            (Interviewing, "2025-05-11"),
            (Offer, "2025-06-01"),
            (Hired, "2025-06-15"),
        ],
    )?;
    pay(
        conn,
        cid,
        PayKind::Offered,
        "EUR",
        ("100000", "110000"),
        None,
        "2025-06-10",
        Confidence::Reported,
    )?;
    // Dee: pounds, for which there is no rate at all.
    let dee = person(
        conn,
        "Dee",
        Some(beta),
        Some(delta),
        Some("2025-07-02"),
        &[
            (Sourced, "2025-06-01"),
            (Offer, "2025-06-21"),
            (Hired, "2025-07-02"),
        ],
    )?;
    pay(
        conn,
        dee,
        PayKind::Reported,
        "GBP",
        ("250000", "250000"),
        None,
        "2025-07-01",
        Confidence::Reported,
    )?;
    // Eve: hired, no pay known.
    person(
        conn,
        "Eve",
        Some(alpha),
        Some(delta),
        Some("2025-07-20"),
        &[(Sourced, "2025-07-01"), (Hired, "2025-07-20")],
    )?;
    // Fay: an offer in euros dated before the first euro rate.
    let fay = person(
        conn,
        "Fay",
        Some(beta),
        Some(gamma),
        None,
        &[
            (Sourced, "2025-01-01"),
            (Contacted, "2025-02-01"),
            (Offer, "2025-03-01"),
        ],
    )?;
    pay(
        conn,
        fay,
        PayKind::Offered,
        "EUR",
        ("90000", "90000"),
        None,
        "2024-12-15",
        Confidence::Reported,
    )?;
    // Gus: just sourced.
    person(
        conn,
        "Gus",
        Some(alpha),
        None,
        None,
        &[(Sourced, "2025-08-01")],
    )?;
    Ok(app)
}

/// The report's table as text rows, as the page shows them.
fn table(page: &Page) -> Vec<Vec<String>> {
    let html = scraper::Html::parse_document(&page.body);
    let row = scraper::Selector::parse("main table tbody tr").expect("selector");
    let cell = scraper::Selector::parse("td").expect("selector");
    html.select(&row)
        .map(|r| {
            r.select(&cell)
                .map(|c| c.text().collect::<String>().trim().to_owned())
                .collect()
        })
        .collect()
}

fn rows(expected: &[&[&str]]) -> Vec<Vec<String>> {
    expected
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

fn left_out(page: &Page) -> Vec<String> {
    page.texts(".left-out li")
}

#[test]
fn talent_flow_counts_hires_and_their_pay_per_pair() -> anyhow::Result<()> {
    let app = fixture()?;
    let page = app.get("/reports/talent-flow");
    assert_eq!(page.status, Status::Ok);
    assert_eq!(
        table(&page),
        rows(&[
            &["Alpha", "Gamma", "2", "2", "217,500.00", "435,000.00"],
            &["Alpha", "Delta", "1", "0", "—", "—"],
            &["Beta", "Delta", "1", "0", "—", "—"],
            &["Beta", "Gamma", "1", "1", "126,000.00", "126,000.00"],
        ])
    );
    assert_eq!(
        left_out(&page),
        vec!["Dee: GBP 250,000.00 as of 2025-07-01"]
    );
    assert!(page.contains("1 figure left out: no exchange rate"));

    let later = app.get("/reports/talent-flow?from=2025-06-01");
    assert_eq!(
        table(&later)
            .iter()
            .map(|r| r[2].as_str())
            .collect::<Vec<_>>(),
        vec!["1", "1", "1"]
    );
    let to_delta = app.get("/reports/talent-flow?hiring_company=Delta");
    assert_eq!(table(&to_delta).len(), 2);
    let from_beta = app.get("/reports/talent-flow?origin_company=beta");
    assert_eq!(
        table(&from_beta)
            .iter()
            .map(|r| r[0].as_str())
            .collect::<Vec<_>>(),
        vec!["Beta", "Beta"]
    );
    Ok(())
}

#[test]
fn compensation_spreads_each_persons_latest_figure_per_group() -> anyhow::Result<()> {
    let app = fixture()?;
    let page = app.get("/reports/compensation");
    assert_eq!(
        table(&page),
        rows(&[
            &[
                "Alpha",
                "2",
                "125,000.00",
                "171,250.00",
                "217,500.00",
                "263,750.00",
                "310,000.00"
            ],
            &[
                "Beta",
                "1",
                "126,000.00",
                "126,000.00",
                "126,000.00",
                "126,000.00",
                "126,000.00"
            ],
        ])
    );
    assert_eq!(
        left_out(&page),
        vec![
            "Dee: GBP 250,000.00 as of 2025-07-01",
            "Fay: EUR 90,000.00 as of 2024-12-15"
        ]
    );

    // Filtering comes before choosing each person's latest figure: Bob's reported 200,000 counts.
    let reported = app.get("/reports/compensation?kind=reported");
    assert_eq!(
        table(&reported)[0],
        rows(&[&[
            "Alpha",
            "2",
            "125,000.00",
            "143,750.00",
            "162,500.00",
            "181,250.00",
            "200,000.00"
        ]])[0]
    );
    let confirmed = app.get("/reports/compensation?confidence=confirmed");
    assert_eq!(
        table(&confirmed),
        rows(&[&[
            "Alpha",
            "1",
            "310,000.00",
            "310,000.00",
            "310,000.00",
            "310,000.00",
            "310,000.00"
        ]])
    );

    let by_kind = app.get("/reports/compensation?group_by=kind");
    let groups: Vec<(String, String)> = table(&by_kind)
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    assert_eq!(
        groups,
        vec![
            ("reported".into(), "2".into()),
            ("agreed".into(), "1".into()),
            ("offered".into(), "1".into())
        ]
    );
    let by_hiring = app.get("/reports/compensation?group_by=hiring_company");
    assert_eq!(
        table(&by_hiring)[0][0..2],
        ["Gamma".to_owned(), "3".to_owned()]
    );

    let dated = app.get("/reports/compensation?from=2025-03-01&to=2025-12-31");
    assert_eq!(
        left_out(&dated),
        vec!["Dee: GBP 250,000.00 as of 2025-07-01"]
    );
    Ok(())
}

#[test]
fn pipeline_counts_the_funnel_and_the_days_in_each_stage() -> anyhow::Result<()> {
    let app = fixture()?;
    let page = app.get("/reports/pipeline");
    assert_eq!(
        table(&page),
        rows(&[
            &["Sourced", "7", "1", "85.7%", "19.0"],
            &["Contacted", "6", "0", "100.0%", "19.0"],
            &["Interviewing", "6", "0", "100.0%", "26.0"],
            &["Offer", "6", "1", "83.3%", "21.0"],
            &["Hired", "5", "5", "—", "—"],
            &["Declined", "0", "0", "—", "—"],
            &["Withdrawn", "0", "0", "—", "—"],
        ])
    );
    let entered_later = app.get("/reports/pipeline?from=2025-05-01");
    assert_eq!(table(&entered_later)[0][1], "4");
    assert_eq!(table(&entered_later)[4][1], "3");
    let from_beta = app.get("/reports/pipeline?origin_company=Beta");
    assert_eq!(
        (
            table(&from_beta)[0][1].as_str(),
            table(&from_beta)[4][1].as_str()
        ),
        ("3", "2")
    );
    Ok(())
}

#[test]
fn timeline_adds_up_hires_and_pay_per_month_and_quarter() -> anyhow::Result<()> {
    let app = fixture()?;
    let monthly = app.get("/reports/timeline");
    assert_eq!(
        table(&monthly),
        rows(&[
            &["2025-03", "2", "2", "435,000.00", "435,000.00"],
            &["2025-04", "0", "0", "0.00", "435,000.00"],
            &["2025-05", "0", "0", "0.00", "435,000.00"],
            &["2025-06", "1", "1", "126,000.00", "561,000.00"],
            &["2025-07", "2", "0", "0.00", "561,000.00"],
        ])
    );
    let quarterly = app.get("/reports/timeline?interval=quarter");
    assert_eq!(
        table(&quarterly),
        rows(&[
            &["2025-Q1", "2", "2", "435,000.00", "435,000.00"],
            &["2025-Q2", "1", "1", "126,000.00", "561,000.00"],
            &["2025-Q3", "2", "0", "0.00", "561,000.00"],
        ])
    );
    let delta = app.get("/reports/timeline?hiring_company=Delta");
    assert_eq!(
        table(&delta),
        rows(&[&["2025-07", "2", "0", "0.00", "0.00"]])
    );
    Ok(())
}

#[test]
fn each_reports_csv_holds_exactly_its_table() -> anyhow::Result<()> {
    let app = fixture()?;
    for uri in [
        "/reports/talent-flow",
        "/reports/compensation?group_by=kind",
        "/reports/pipeline",
        "/reports/timeline?interval=quarter",
    ] {
        let page = app.get(uri);
        let csv_uri = uri.replacen('?', ".csv?", 1);
        let csv_uri = if csv_uri.contains(".csv") {
            csv_uri
        } else {
            format!("{uri}.csv")
        };
        let download = app.client.get(csv_uri.clone()).dispatch();
        assert_eq!(download.status(), Status::Ok, "{csv_uri}");
        assert_eq!(
            download.headers().get_one("Content-Type"),
            Some("text/csv; charset=utf-8")
        );
        assert!(
            download
                .headers()
                .get_one("Content-Disposition")
                .is_some_and(|d| d.starts_with("attachment; filename="))
        );
        assert_eq!(
            download.headers().get_one("Cache-Control"),
            Some("no-store")
        );
        let body = download.into_string().unwrap_or_default();
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let header: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
        assert_eq!(header, page.texts("main table thead th"), "{uri}");
        let records: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.map(|r| r.iter().map(str::to_owned).collect()))
            .collect::<Result<_, _>>()?;
        // The page adds thousands separators, a % sign and a dash for nothing; the CSV is plain.
        let shown: Vec<Vec<String>> = table(&page)
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .map(|c| {
                        if c == "—" {
                            String::new()
                        } else {
                            c.replace([',', '%'], "")
                        }
                    })
                    .collect()
            })
            .collect();
        assert_eq!(records, shown, "{uri}");
    }
    Ok(())
}

#[test]
fn wrong_filters_answer_422_saying_what_is_wrong() -> anyhow::Result<()> {
    let app = fixture()?;
    for (uri, reason) in [
        (
            "/reports/compensation?group_by=salary",
            "cannot be grouped by “salary”",
        ),
        (
            "/reports/compensation?kind=leaked",
            "There is no kind of pay figure “leaked”",
        ),
        (
            "/reports/compensation?confidence=sure",
            "There is no confidence “sure”",
        ),
        (
            "/reports/talent-flow?from=2025-07-01&to=2025-01-01",
            "“from” (2025-07-01) is after “to” (2025-01-01).",
        ),
        (
            "/reports/pipeline?from=2025-02-30",
            "“from” is not a real date",
        ),
        (
            "/reports/timeline?interval=week",
            "“week” is not an interval",
        ),
        (
            "/reports/talent-flow?origin_company=Nowhere",
            "There is no company called “Nowhere”.",
        ),
    ] {
        let page = app.get(uri);
        assert_eq!(page.status, Status::UnprocessableEntity, "{uri}");
        assert!(
            page.texts(".form-errors li")
                .iter()
                .any(|p| p.contains(reason)),
            "{uri}: {:?}",
            page.texts(".form-errors li")
        );
        assert!(page.texts("main table").is_empty(), "{uri} shows no report");
        let csv = app.client.get(uri.replacen('?', ".csv?", 1)).dispatch();
        assert_eq!(csv.status(), Status::UnprocessableEntity);
    }
    assert_eq!(app.get("/reports/salaries").status, Status::NotFound);
    Ok(())
}

#[test]
fn a_report_with_no_data_says_so_instead_of_drawing() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for (uri, message) in [
        ("/reports/talent-flow", "No hires match these filters."),
        (
            "/reports/compensation",
            "No pay figures match these filters.",
        ),
        ("/reports/pipeline", "No people match these filters."),
        ("/reports/timeline", "No hires match these filters."),
    ] {
        let page = app.get(uri);
        assert_eq!(page.status, Status::Ok);
        assert!(page.texts(".card").contains(&message.to_owned()), "{uri}");
        assert!(!page.contains("<svg"), "{uri} draws no chart");
    }
    Ok(())
}

/// The chart's wide SVG as the page holds it inline.
pub(crate) fn chart_svg(page: &Page) -> String {
    let start = page
        .body
        .find("<svg class=\"chart-wide\"")
        .expect("a chart");
    let end = page.body[start..].find("</svg>").expect("the chart's end") + start;
    page.body[start..end + "</svg>".len()].to_owned()
}

/// The chart's text alternative.
pub(crate) fn chart_alt(page: &Page) -> String {
    page.texts("figure.chart #chart-alt").concat()
}

#[test]
fn charts_pool_groups_beyond_the_top_fifteen_into_other() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let conn = &mut app.conn()?;
    for n in 1..=20 {
        let origin = company(conn, &format!("Lab {n:02}"))?;
        let id = person(
            conn,
            &format!("Person {n:02}"),
            Some(origin),
            None,
            None,
            &[(Stage::Offer, "2025-01-01")],
        )?;
        pay(
            conn,
            id,
            PayKind::Offered,
            "USD",
            ("100000", "100000"),
            None,
            "2025-01-01",
            Confidence::Rumor,
        )?;
    }
    let page = app.get("/reports/compensation");
    assert_eq!(table(&page).len(), 20, "the table keeps every group");
    let svg = chart_svg(&page);
    assert!(svg.contains("Lab 15 (n=1)"));
    assert!(!svg.contains("Lab 16"));
    assert!(svg.contains("Other groups (n=5)"));
    assert!(
        svg.contains("Annualised pay midpoint (thousands of USD)"),
        "the axis names its unit"
    );
    assert!(!chart_alt(&page).is_empty());
    Ok(())
}

#[test]
fn a_single_group_still_gets_a_chart() -> anyhow::Result<()> {
    let app = fixture()?;
    let page = app.get("/reports/talent-flow?origin_company=Beta&hiring_company=Gamma");
    let svg = chart_svg(&page);
    assert!(svg.contains("Beta → Gamma"));
    assert!(svg.contains("Hires by origin and hiring company"));
    Ok(())
}

/// A page shows the first rows of a long report table and sends the rest to the CSV.
#[test]
fn long_report_tables_are_cut_on_the_page_not_in_the_csv() -> anyhow::Result<()> {
    let app = TestApp::with_demo(false)?;
    diesel::sql_query(
        "WITH c AS (INSERT INTO company (name, kind) SELECT 'Lab ' || n, 'ai_lab' \
         FROM generate_series(1, 230) n RETURNING id) \
         INSERT INTO person (full_name, stage, origin_company_id, decided_on, offer_on) \
         SELECT 'Hire ' || id, 'hired', id, DATE '2025-03-01', DATE '2025-02-01' FROM c",
    )
    .execute(&mut app.conn()?)?;
    let page = app.get("/reports/talent-flow");
    assert_eq!(page.texts("table tbody tr").len(), 200);
    assert!(page.contains("30 more are in the"));
    let csv = app.download("/reports/talent-flow.csv");
    assert_eq!(csv.lines().count(), 231);
    Ok(())
}
