//! What each chart tells a reader: a title, both axes named, a legend where it has more than
//! one kind of mark, counts as whole numbers, a logarithmic pay axis said as such.

use diesel::prelude::*;
use rocket::http::Status;
use scraper::{Html, Selector};
use talent_tracker::domain::{Confidence, PayKind, Stage};

use crate::common::TestApp;
use crate::reports::{chart_alt, chart_svg, fixture, pay, person};

/// The texts an SVG shows.
fn svg_texts(svg: &str) -> Vec<String> {
    let html = Html::parse_fragment(svg);
    let text = Selector::parse("text").expect("a selector");
    html.select(&text)
        .map(|t| t.text().collect::<String>().trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

fn numbers(texts: &[String]) -> Vec<String> {
    texts
        .iter()
        .filter(|t| t.parse::<f64>().is_ok())
        .cloned()
        .collect()
}

#[test]
fn talent_flow_counts_hires_in_whole_numbers_along_a_named_axis() -> anyhow::Result<()> {
    let app = fixture()?;
    let texts = svg_texts(&chart_svg(&app.get("/reports/talent-flow")));
    let labels = numbers(&texts);
    assert!(
        labels.contains(&"0".to_owned()) && labels.contains(&"1".to_owned()),
        "{labels:?}"
    );
    assert!(labels.iter().all(|l| !l.contains('.')), "{labels:?}");
    for name in [
        "Hires by origin and hiring company",
        "Hires (people)",
        "Origin → hiring company",
    ] {
        assert!(texts.iter().any(|t| t == name), "no “{name}” in {texts:?}");
    }
    Ok(())
}

#[test]
fn pay_spanning_orders_of_magnitude_is_drawn_on_a_log_scale_that_says_so() -> anyhow::Result<()> {
    let app = fixture()?;
    let conn = &mut app.conn()?;
    let star = person(
        conn,
        "Star",
        None,
        None,
        None,
        &[(Stage::Offer, "2025-05-01")],
    )?;
    let amount = ("50000000", "50000000");
    pay(
        conn,
        star,
        PayKind::Offered,
        "USD",
        amount,
        None,
        "2025-05-01",
        Confidence::Rumor,
    )?;
    let page = app.get("/reports/compensation");
    let texts = svg_texts(&chart_svg(&page));
    for name in ["Minimum to maximum", "25th to 75th percentile", "Median"] {
        assert!(
            texts.iter().any(|t| t == name),
            "the legend lacks “{name}”: {texts:?}"
        );
    }
    assert!(
        texts.iter().any(|t| t.contains("logarithmic scale")),
        "{texts:?}"
    );
    assert!(
        page.texts("figure.chart figcaption")
            .concat()
            .contains("logarithmic")
    );
    assert!(chart_alt(&page).contains("logarithmic"));

    let linear = app.get("/reports/compensation?scale=linear");
    assert!(
        !svg_texts(&chart_svg(&linear))
            .iter()
            .any(|t| t.contains("logarithmic"))
    );
    assert!(linear.texts("figure.chart figcaption").is_empty());
    // Close figures stay linear unless asked.
    let close = app.get("/reports/compensation?hiring_company=Gamma");
    assert!(
        !svg_texts(&chart_svg(&close))
            .iter()
            .any(|t| t.contains("logarithmic"))
    );
    let asked = app.get("/reports/compensation?hiring_company=Gamma&scale=log");
    assert!(
        svg_texts(&chart_svg(&asked))
            .iter()
            .any(|t| t.contains("logarithmic"))
    );

    let odd = app.get("/reports/compensation?scale=cubic");
    assert_eq!(odd.status, Status::UnprocessableEntity);
    assert!(odd.contains("is not a scale"));
    Ok(())
}

#[test]
fn the_timeline_explains_bars_and_line_and_counts_in_whole_numbers() -> anyhow::Result<()> {
    let app = TestApp::with_demo(false)?;
    diesel::sql_query(
        "INSERT INTO person (full_name, stage, decided_on) \
         SELECT 'Hire ' || n, 'hired', DATE '2025-03-01' FROM generate_series(1, 140) n",
    )
    .execute(&mut app.conn()?)?;
    let texts = svg_texts(&chart_svg(&app.get("/reports/timeline")));
    for name in [
        "Hires in the period (left axis)",
        "Cumulative annual pay (right axis)",
        "Hire date",
    ] {
        assert!(texts.iter().any(|t| t == name), "no “{name}” in {texts:?}");
    }
    let labels = numbers(&texts);
    assert!(labels.contains(&"140".to_owned()), "{labels:?}");
    assert!(labels.iter().all(|l| !l.ends_with(".0")), "{labels:?}");
    Ok(())
}

#[test]
fn every_chart_has_a_title_named_axes_and_a_text_alternative() -> anyhow::Result<()> {
    let app = fixture()?;
    for (uri, title, axes) in [
        (
            "/reports/talent-flow",
            "Hires by origin and hiring company",
            ["Hires (people)", "Origin → hiring company"],
        ),
        (
            "/reports/compensation",
            "Annualised pay by origin company",
            [
                "Annualised pay midpoint (thousands of USD)",
                "Origin company",
            ],
        ),
        (
            "/reports/pipeline",
            "How far people got",
            ["People who reached the stage", "Stage"],
        ),
        (
            "/reports/timeline",
            "Hires per month and cumulative annual pay committed",
            ["Hires (people)", "Hire date"],
        ),
    ] {
        let page = app.get(uri);
        let texts = svg_texts(&chart_svg(&page));
        for name in std::iter::once(title).chain(axes) {
            assert!(
                texts.iter().any(|t| t == name),
                "{uri}: no “{name}” in {texts:?}"
            );
        }
        assert!(chart_alt(&page).len() > 40, "{uri}");
    }
    Ok(())
}

#[test]
fn names_in_a_chart_are_text_however_they_are_written() -> anyhow::Result<()> {
    // The charts are inline SVG (their bars link): every name in them must stay text.
    let app = TestApp::new()?;
    let conn = &mut app.conn()?;
    let script = "<script>alert(1)</script>";
    let image = "\"><img src=x onerror=alert(2)>";
    let origin = crate::reports::company(conn, script)?;
    let hiring = crate::reports::company(conn, image)?;
    let hire = person(
        conn,
        "Ada",
        Some(origin),
        Some(hiring),
        Some("2025-03-01"),
        &[(Stage::Sourced, "2025-01-01"), (Stage::Hired, "2025-03-01")],
    )?;
    pay(
        conn,
        hire,
        PayKind::Agreed,
        "USD",
        ("100000", "100000"),
        None,
        "2025-03-01",
        Confidence::Confirmed,
    )?;
    for uri in [
        "/reports/talent-flow",
        "/reports/compensation",
        "/reports/compensation?group_by=hiring_company",
    ] {
        let page = app.get(uri);
        assert_eq!(page.status, Status::Ok, "{uri}");
        assert!(page.texts("script").is_empty(), "{uri}: a script element");
        assert!(page.attrs("img", "src").is_empty(), "{uri}: an img element");
        assert!(!page.body.contains(script), "{uri}: unescaped");
        // Long labels are shortened in the chart: their start is enough to see them as text.
        let texts = svg_texts(&chart_svg(&page)).join(" ");
        let start = if uri.ends_with("hiring_company") {
            "\"><img src"
        } else {
            "<script>"
        };
        assert!(
            texts.contains(start),
            "{uri}: {start} not shown as text in {texts}"
        );
    }
    Ok(())
}
