//! `talent-tracker generate`: synthetic data that the app's own rules accept, the same for the
//! same seed.

use std::process::{Command, Output};

use diesel::prelude::*;
use talent_tracker::schema::{audit_log, company, pay_report, person, stage_change};

use crate::common::TestApp;

fn generate(url: &str, people: &str, seed: &str) -> anyhow::Result<Output> {
    Ok(Command::new(env!("CARGO_BIN_EXE_talent-tracker"))
        .args(["generate", "--people", people, "--seed", seed])
        .env("DATABASE_URL", url)
        .output()?)
}

fn export(url: &str) -> anyhow::Result<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_talent-tracker"))
        .args(["export", "pay-reports"])
        .env("DATABASE_URL", url)
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(String::from_utf8(out.stdout)?)
}

#[test]
fn the_same_seed_gives_the_same_data_and_a_full_pipeline() -> anyhow::Result<()> {
    let app = TestApp::with_demo(false)?;
    let first = app.database_url().to_owned();
    let second = app.empty_database("generate_again")?;
    let other_seed = app.empty_database("generate_other")?;
    for (url, seed) in [(&first, "42"), (&second, "42"), (&other_seed, "43")] {
        let out = generate(url, "400", seed)?;
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let exported = export(&first)?;
    assert_eq!(exported, export(&second)?);
    assert_ne!(exported, export(&other_seed)?);

    let conn = &mut app.conn()?;
    assert_eq!(person::table.count().get_result::<i64>(conn)?, 400);
    let reports: i64 = pay_report::table.count().get_result(conn)?;
    assert!((400..=2000).contains(&reports), "{reports} pay reports");
    // A long tail: the biggest origin company has many more people than the median one.
    let sizes: Vec<i64> = person::table
        .group_by(person::origin_company_id)
        .select(diesel::dsl::count_star())
        .order(diesel::dsl::count_star().desc())
        .load(conn)?;
    assert!(sizes[0] >= 5 * sizes[sizes.len() / 2], "{sizes:?}");
    // Every stage is present, and everyone's history ends in their current stage.
    let stages: Vec<String> = person::table.select(person::stage).distinct().load(conn)?;
    assert_eq!(stages.len(), 7, "{stages:?}");
    let mismatched: i64 = person::table
        .filter(diesel::dsl::not(diesel::dsl::exists(
            stage_change::table
                .filter(stage_change::person_id.eq(person::id))
                .filter(stage_change::to_stage.eq(person::stage)),
        )))
        .count()
        .get_result(conn)?;
    assert_eq!(mismatched, 0);
    let currencies: Vec<String> = pay_report::table
        .select(pay_report::currency)
        .distinct()
        .load(conn)?;
    assert!(currencies.len() >= 3, "{currencies:?}");
    assert!(company::table.count().get_result::<i64>(conn)? >= 20);
    // The generation is one audit entry, not one per synthetic record.
    let entries: Vec<String> = audit_log::table
        .filter(audit_log::record_table.ne("app_user"))
        .select(audit_log::record_table)
        .load(conn)?;
    assert_eq!(entries, vec!["generate".to_owned()]);
    Ok(())
}

#[test]
fn refuses_a_database_that_already_has_people() -> anyhow::Result<()> {
    let app = TestApp::with_demo(false)?;
    app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "sourced")]);
    let out = generate(app.database_url(), "10", "1")?;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already holds 1 people"));
    let conn = &mut app.conn()?;
    assert_eq!(person::table.count().get_result::<i64>(conn)?, 1);
    Ok(())
}

#[derive(QueryableByName, Debug, PartialEq)]
struct IndexDefinition {
    #[diesel(sql_type = diesel::sql_types::Text)]
    definition: String,
}

fn kept_indexes(conn: &mut PgConnection) -> QueryResult<Vec<IndexDefinition>> {
    diesel::sql_query(
        "SELECT indexdef AS definition FROM pg_indexes \
         WHERE tablename IN ('pay_figure', 'person_fact', 'stage_stay') ORDER BY indexname",
    )
    .load(conn)
}

/// The figures are filled with the kept tables' indexes dropped and built again after: every
/// one is back as the migrations made it; and the export holds every pay report once, in its
/// order.
#[test]
fn a_generated_tracker_keeps_its_indexes_and_exports_every_row_in_order() -> anyhow::Result<()> {
    let app = TestApp::with_demo(false)?;
    let migrated = kept_indexes(&mut app.conn()?)?;
    let out = generate(app.database_url(), "1500", "7")?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conn = &mut app.conn()?;
    assert_eq!(kept_indexes(conn)?, migrated);

    let exported = export(app.database_url())?;
    let ids: Vec<i64> = exported
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap_or_default().parse())
        .collect::<Result<_, _>>()?;
    let expected: Vec<i64> = pay_report::table
        .inner_join(person::table)
        .order((
            person::full_name,
            person::id,
            pay_report::as_of,
            pay_report::id,
        ))
        .select(pay_report::id)
        .load(conn)?;
    assert!(expected.len() > 3_000, "{} pay reports", expected.len());
    assert_eq!(ids, expected);
    Ok(())
}
