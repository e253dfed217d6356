use bigdecimal::BigDecimal;
use diesel::prelude::*;
use talent_tracker::schema::{company, pay_report, person};

use crate::common::TestApp;

#[test]
fn an_empty_database_gets_the_meta_hires_as_demo_data() -> anyhow::Result<()> {
    let app = TestApp::with_demo(true)?;
    let mut conn = app.conn()?;
    let companies: Vec<String> = company::table
        .order(company::name)
        .select(company::name)
        .load(&mut conn)?;
    for expected in [
        "Anthropic",
        "GitHub",
        "Google DeepMind",
        "Meta",
        "OpenAI",
        "Safe Superintelligence",
        "Scale AI",
    ] {
        assert!(
            companies.contains(&expected.to_owned()),
            "{expected} missing"
        );
    }
    let meta_hires: Vec<(String, BigDecimal, String, String, Option<String>)> = person::table
        .inner_join(pay_report::table)
        .inner_join(company::table.on(person::hiring_company_id.eq(company::id.nullable())))
        .filter(company::name.eq("Meta").and(person::stage.eq("hired")))
        .filter(pay_report::kind.eq("reported"))
        .order(person::full_name)
        .select((
            person::full_name,
            pay_report::amount_low,
            pay_report::currency,
            pay_report::confidence,
            pay_report::notes,
        ))
        .load(&mut conn)?;
    let names: Vec<&str> = meta_hires.iter().map(|h| h.0.as_str()).collect();
    assert_eq!(names, vec!["Alexandr Wang", "Daniel Gross", "Nat Friedman"]);
    let hundred_million = BigDecimal::from(100_000_000);
    for (name, low, currency, confidence, notes) in &meta_hires {
        assert!(low >= &hundred_million, "{name}: hundreds of millions");
        assert_eq!(currency, "USD");
        assert_eq!(confidence, "reported");
        assert!(
            notes
                .as_deref()
                .is_some_and(|n| n.contains("not a confirmed figure"))
        );
    }
    let stages: Vec<String> = person::table
        .select(person::stage)
        .distinct()
        .load(&mut conn)?;
    assert_eq!(stages.len(), 7, "every stage shows someone: {stages:?}");
    let not_demo: i64 = person::table
        .filter(person::is_demo.eq(false))
        .count()
        .get_result(&mut conn)?;
    assert_eq!(not_demo, 0, "demo rows are marked as demo");
    Ok(())
}

#[test]
fn demo_data_is_not_added_to_a_database_that_has_data() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Our Own Co");
    talent_tracker::demo::seed_if_empty(&mut app.conn()?, "USD")?;
    let count: i64 = company::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(count, 1);
    Ok(())
}

#[test]
fn without_demo_the_tracker_starts_empty() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let count: i64 = person::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(count, 0);
    assert!(app.get("/people").contains("No people match"));
    Ok(())
}
