//! The stage order: its home is Rust's `Stage` (`Stage::ALL`); the database keeps a copy in
//! `r.stage_order` for the kept figures' stage bits (`r.stage_bit`), which the reports and the
//! people list ask for rather than compute.

use diesel::prelude::*;
use diesel::sql_types::{Array, SmallInt, Text};
use talent_tracker::domain::Stage;

use crate::common::TestApp;

#[derive(QueryableByName)]
struct Order {
    #[diesel(sql_type = Array<Text>)]
    stages: Vec<String>,
}

#[derive(QueryableByName)]
struct Bit {
    #[diesel(sql_type = SmallInt)]
    bit: i16,
}

/// "Got at least this far" is a comparison of bits in pipeline order: the database's order
/// must be `Stage::ALL`'s, every stage and no other.
#[test]
fn the_database_lists_and_numbers_the_stages_in_pipeline_order() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let mut conn = app.conn()?;
    let order: Order =
        diesel::sql_query("SELECT r.stage_order() AS stages").get_result(&mut conn)?;
    let names: Vec<&str> = Stage::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(order.stages, names);
    for (position, stage) in Stage::ALL.iter().enumerate() {
        let found: Bit = diesel::sql_query("SELECT r.stage_bit($1) AS bit")
            .bind::<Text, _>(stage.as_str())
            .get_result(&mut conn)?;
        assert_eq!(found.bit, 1 << position, "{stage:?}");
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Check {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    definition: String,
}

/// The CHECKs that keep a stored stage one of the stages (person, stage changes) are copies
/// of `Stage::ALL` too: a stage added in Rust but not there would be refused on save, one
/// removed would stay storable. Each names exactly the stages, none more, none fewer.
#[test]
fn every_check_on_a_stage_names_exactly_the_stages() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let mut conn = app.conn()?;
    let checks: Vec<Check> = diesel::sql_query(
        "SELECT conrelid::regclass || '.' || conname AS name, \
                pg_get_constraintdef(oid) AS definition \
         FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace \
           AND pg_get_constraintdef(oid) ~ $1 ORDER BY 1",
    )
    .bind::<Text, _>(format!(
        "'({})'",
        Stage::ALL
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("|")
    ))
    .load(&mut conn)?;
    let names: Vec<String> = checks.iter().map(|c| c.name.clone()).collect();
    for expected in [
        "person.person_stage_check",
        "stage_change.stage_change_from_stage_check",
        "stage_change.stage_change_to_stage_check",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    let mut stages: Vec<&str> = Stage::ALL.iter().map(|s| s.as_str()).collect();
    stages.sort_unstable();
    for check in &checks {
        let mut listed: Vec<&str> = check.definition.split('\'').skip(1).step_by(2).collect();
        listed.sort_unstable();
        listed.dedup();
        assert_eq!(listed, stages, "{}: {}", check.name, check.definition);
    }
    Ok(())
}
