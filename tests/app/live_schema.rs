//! The live schema (`src/db/sql/`, schema `r`): applied after the migrations when its files
//! changed, skipped when not, and the kept figures recomputed when a migration asks.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use talent_tracker::db::sql;

use crate::common::{TestApp, count};

#[derive(QueryableByName)]
struct Applied {
    #[diesel(sql_type = Text)]
    hash: String,
    #[diesel(sql_type = Bool)]
    refresh_figures: bool,
}

fn applied(conn: &mut PgConnection) -> anyhow::Result<Applied> {
    Ok(diesel::sql_query("SELECT hash, refresh_figures FROM live_schema").get_result(conn)?)
}

const TRIGGERS: &str = "SELECT count(*) AS n FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                        WHERE NOT t.tgisinternal AND p.pronamespace = 'r'::regnamespace";

#[test]
fn the_live_schema_is_applied_when_its_files_change_and_only_then() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let mut conn = app.conn()?;
    assert_eq!(applied(&mut conn)?.hash, sql::hash());
    let triggers = count(&mut conn, TRIGGERS)?;
    assert!(
        triggers > 40,
        "{triggers} triggers call functions of schema r"
    );

    // Unchanged: nothing is dropped, so an object made by hand in `r` survives.
    conn.batch_execute("CREATE TABLE r.left_alone ()")?;
    assert!(!sql::apply_if_changed(&mut conn)?);
    assert_eq!(
        count(&mut conn, "SELECT count(*) AS n FROM r.left_alone")?,
        0
    );

    // Changed files (another hash): `r` is made anew, its triggers on public's tables too.
    conn.batch_execute("UPDATE live_schema SET hash = 'older'")?;
    assert!(sql::apply_if_changed(&mut conn)?);
    assert!(count(&mut conn, "SELECT count(*) AS n FROM r.left_alone").is_err());
    assert_eq!(applied(&mut conn)?.hash, sql::hash());
    assert_eq!(count(&mut conn, TRIGGERS)?, triggers);

    // Dropped by hand: made again, whatever the recorded hash says.
    conn.batch_execute("DROP SCHEMA r CASCADE")?;
    assert!(sql::apply_if_changed(&mut conn)?);
    assert_eq!(count(&mut conn, TRIGGERS)?, triggers);
    Ok(())
}

#[test]
fn a_migration_asking_for_a_refresh_gets_every_kept_figure_recomputed() -> anyhow::Result<()> {
    let app = TestApp::with_demo(true)?;
    let mut conn = app.conn()?;
    let figures = "SELECT count(*) AS n FROM pay_figure f JOIN r.pay_figure_source s
                   USING (pay_report_id) WHERE f.value = s.value";
    let kept = count(&mut conn, figures)?;
    assert!(kept > 0);
    // What a changed formula does to the kept figures until they are recomputed.
    conn.batch_execute(
        "UPDATE pay_figure SET value = value + 1; UPDATE person_fact SET entered = 0",
    )?;
    assert_eq!(count(&mut conn, figures)?, 0);

    conn.batch_execute("UPDATE live_schema SET refresh_figures = true")?;
    assert!(sql::apply_if_changed(&mut conn)?);
    assert_eq!(count(&mut conn, figures)?, kept);
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM person_fact f JOIN r.person_fact_source s
             USING (person_id) WHERE f.entered <> s.entered"
        )?,
        0
    );
    assert!(!applied(&mut conn)?.refresh_figures);
    Ok(())
}

/// Every function, trigger function and view is in schema `r`, but for the two that an index
/// and CHECKs depend on (src/db/sql/schema.sql says why).
#[test]
fn only_what_the_schema_depends_on_stays_in_public() -> anyhow::Result<()> {
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = Text)]
        name: String,
    }
    let app = TestApp::new()?;
    let mut conn = app.conn()?;
    let names: Vec<Name> = diesel::sql_query(
        "SELECT p.proname::text AS name FROM pg_proc p
         WHERE p.pronamespace = 'public'::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                           AND d.objid = p.oid AND d.deptype = 'e')
         UNION ALL
         SELECT relname::text FROM pg_class
         WHERE relnamespace = 'public'::regnamespace AND relkind IN ('v', 'm')
         ORDER BY 1",
    )
    .load(&mut conn)?;
    let names: Vec<String> = names.into_iter().map(|n| n.name).collect();
    assert_eq!(names, ["fold_case", "is_web_url"]);
    Ok(())
}
