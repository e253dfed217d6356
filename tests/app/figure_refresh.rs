//! The kept report figures are refreshed once per person per transaction, at its commit
//! (src/db/sql/figure_triggers.sql), however many statements touched the person.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use crate::common::{TestApp, count};

/// Calls of the refresh in this transaction so far (the test's user is the cluster's
/// superuser, which may count function calls for its own session).
const REFRESHES: &str = "SELECT coalesce(sum(calls), 0)::bigint AS n
    FROM pg_stat_xact_user_functions
    WHERE schemaname = 'r' AND funcname = 'refresh_person_figures'";

#[test]
fn many_statements_about_two_people_in_one_transaction_refresh_them_once_at_commit()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let conn = &mut app.conn()?;
    conn.batch_execute("SET track_functions = 'pl'")?;
    conn.transaction(|conn| {
        conn.batch_execute(
            "INSERT INTO person (full_name, name_key, stage) VALUES
                 ('Ada Once', 'ada once', 'sourced'), ('Bo Once', 'bo once', 'sourced');
             INSERT INTO stage_change (person_id, to_stage, changed_at)
             SELECT id, 'sourced', now() FROM person WHERE name_key LIKE '% once';
             INSERT INTO pay_report (person_id, kind, currency, amount_low, amount_high, period,
                                     as_of, confidence)
             SELECT id, 'reported', 'USD', 100000, 120000, 'annual', '2026-01-01', 'reported'
             FROM person WHERE name_key LIKE '% once';
             UPDATE person SET stage = 'contacted' WHERE name_key LIKE '% once';
             INSERT INTO stage_change (person_id, from_stage, to_stage, changed_at)
             SELECT id, 'sourced', 'contacted', now() FROM person WHERE name_key LIKE '% once';
             UPDATE pay_report SET amount_high = 130000;",
        )?;
        assert_eq!(
            count(conn, REFRESHES)?,
            0,
            "nothing is refreshed before the commit"
        );
        assert_eq!(
            count(conn, "SELECT count(*) AS n FROM pay_figure")?,
            0,
            "the figures wait for the commit"
        );
        // What the commit runs, run here so that the test can look before the commit ends.
        conn.batch_execute("SET CONSTRAINTS figures_due_at_commit IMMEDIATE")?;
        assert_eq!(count(conn, REFRESHES)?, 1, "one refresh for both people");
        assert_eq!(count(conn, "SELECT count(*) AS n FROM pay_figure")?, 2);
        assert_eq!(count(conn, "SELECT count(*) AS n FROM figures_due")?, 0);
        anyhow::Ok(())
    })?;
    let contacted = count(
        conn,
        "SELECT count(*) AS n FROM person_fact WHERE stage = 'contacted'",
    )?;
    assert_eq!(contacted, 2, "the kept facts hold the last stage");
    Ok(())
}

#[test]
fn a_write_outside_a_transaction_is_in_the_figures_when_its_statement_returns() -> anyhow::Result<()>
{
    let app = TestApp::new()?;
    let conn = &mut app.conn()?;
    let person = app.create_person(&[("full_name", "Cy Soon"), ("stage", "sourced")]);
    diesel::sql_query(
        "INSERT INTO pay_report (person_id, kind, currency, amount_low, amount_high, period,
                                 as_of, confidence)
         VALUES ($1, 'reported', 'USD', 100000, 100000, 'annual', '2026-01-01', 'reported')",
    )
    .bind::<BigInt, _>(person)
    .execute(conn)?;
    let kept = count(
        conn,
        &format!("SELECT count(*) AS n FROM pay_figure WHERE person_id = {person}"),
    )?;
    assert_eq!(kept, 1);
    let queued = count(conn, "SELECT count(*) AS n FROM figures_due")?
        + count(conn, "SELECT count(*) AS n FROM figures_due_tx")?;
    assert_eq!(queued, 0, "the queue is empty once its transaction ended");
    Ok(())
}

#[test]
fn a_rolled_back_transaction_leaves_no_figures_and_no_queue() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let conn = &mut app.conn()?;
    let rolled_back = conn.transaction::<(), _, _>(|conn| {
        conn.batch_execute(
            "INSERT INTO person (full_name, name_key, stage) VALUES ('Di Gone', 'di gone', 'sourced')",
        )?;
        Err(diesel::result::Error::RollbackTransaction)
    });
    assert!(rolled_back.is_err());
    let left = count(conn, "SELECT count(*) AS n FROM person_fact")?
        + count(conn, "SELECT count(*) AS n FROM figures_due")?
        + count(conn, "SELECT count(*) AS n FROM figures_due_tx")?;
    assert_eq!(left, 0);
    Ok(())
}
