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
