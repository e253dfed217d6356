//! The same comparison after transactions that each hold several of the app's own operations
//! (an import, a merge, an undo of one, a revert, an erasure) among plain writes, in any
//! order, some committed and some rolled back. The figures of every person a transaction
//! touched are refreshed once, at its commit (src/db/sql/figure_triggers.sql): whatever the
//! operations queued, however often one of them refreshed early (an erasure does), and
//! whichever savepoint of theirs failed, the commit must leave every kept figure equal to a
//! recount, and a rollback must leave nothing behind.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use proptest::prelude::*;
use proptest::sample::Index;
use talent_tracker::domain::{MergeId, PersonId, Role};
use talent_tracker::import::{self, ImportError, Importer, Intent};
use talent_tracker::models::{MergeOutcome, MergeRequest, Person, PersonMerge, UndoOutcome};

use super::{Pay, STAGES, TITLES, Write, apply, companies, compare_all, day, ids, pick};
use crate::common::{TestApp, count};

/// Cases `cargo test` runs; `TT_CONSISTENCY_CASES=200` hunts longer.
const CASES: u32 = 4;

#[derive(Debug, Clone)]
enum Step {
    Plain(Write),
    Import(Vec<ImportRow>),
    Merge { survivor: Index, removed: Index },
    UndoMerge(Index),
    Revert(Index),
    Erase(Index),
}

/// A row of a people file with a pay report: of a stored person (by id) or a new one.
#[derive(Debug, Clone)]
struct ImportRow {
    stored: Option<Index>,
    name: Index,
    origin: Option<Index>,
    stage: Index,
    title: Index,
    pay: Pay,
}

#[derive(Debug, Clone)]
struct Transaction {
    steps: Vec<Step>,
    commit: bool,
}

/// New people are called alike on purpose: a file's name then matches stored people, and a
/// row that matches several is skipped beside its error.
const NAMES: [&str; 3] = ["Someone", "Ann Import", "Bo Import"];
const COMPANIES: [&str; 3] = ["Alpha Lab", "Beta Lab", "Gamma Lab"];

fn import_row() -> impl Strategy<Value = ImportRow> {
    (
        prop::option::weighted(0.5, any::<Index>()),
        any::<Index>(),
        prop::option::weighted(0.8, any::<Index>()),
        any::<Index>(),
        any::<Index>(),
        super::pay(),
    )
        .prop_map(|(stored, name, origin, stage, title, pay)| ImportRow {
            stored,
            name,
            origin,
            stage,
            title,
            pay,
        })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => super::write().prop_map(Step::Plain),
        2 => prop::collection::vec(import_row(), 1..5).prop_map(Step::Import),
        2 => (any::<Index>(), any::<Index>())
            .prop_map(|(survivor, removed)| Step::Merge { survivor, removed }),
        1 => any::<Index>().prop_map(Step::UndoMerge),
        1 => any::<Index>().prop_map(Step::Revert),
        1 => any::<Index>().prop_map(Step::Erase),
    ]
}

fn transaction() -> impl Strategy<Value = Transaction> {
    (
        prop::collection::vec(step(), 1..8),
        prop::bool::weighted(0.75),
    )
        .prop_map(|(steps, commit)| Transaction { steps, commit })
}

/// The file of `rows`, in the columns the export writes.
fn people_file(conn: &mut PgConnection, rows: &[ImportRow]) -> QueryResult<String> {
    let people = ids(conn, "person")?;
    let mut file = String::from(
        "id,full_name,origin_company,stage,title,kind,currency,amount_low,amount_high,period,\
         period_years,as_of,confidence\n",
    );
    for row in rows {
        let id = row
            .stored
            .as_ref()
            .and_then(|at| pick(&people, at))
            .map_or(String::new(), |id| id.to_string());
        let (kind, confidence, currency, low, high) = row.pay.columns();
        let (period, years) = match row.pay.years {
            Some(years) => ("total", years.to_string()),
            None => ("annual", String::new()),
        };
        file.push_str(&format!(
            "{id},{},{},{},{},{kind},{currency},{low},{high},{period},{years},{},{confidence}\n",
            NAMES[row.name.index(NAMES.len())],
            row.origin
                .as_ref()
                .map_or("", |at| COMPANIES[at.index(COMPANIES.len())]),
            STAGES[row.stage.index(STAGES.len())],
            TITLES[row.title.index(TITLES.len())].unwrap_or_default(),
            day(row.pay.as_of),
        ));
    }
    Ok(file)
}

/// Runs one step in a savepoint of its own. A refusal the app would show its user (a blocked
/// undo or revert) is an outcome like any other; an error is not.
fn run(conn: &mut PgConnection, companies: &[i64], by: i64, step: &Step) -> anyhow::Result<()> {
    conn.transaction(|conn| match step {
        Step::Plain(write) => Ok(apply(conn, companies, write)?),
        Step::Import(rows) => {
            let file = people_file(conn, rows)?;
            import_file(conn, &file).map(drop)
        }
        Step::Merge { survivor, removed } => {
            let people = ids(conn, "person")?;
            match (pick(&people, survivor), pick(&people, removed)) {
                (Some(survivor), Some(removed)) if survivor != removed => {
                    merge(conn, survivor, removed, by).map(drop)
                }
                _ => Ok(()),
            }
        }
        Step::UndoMerge(at) => {
            let standing = ids_of(conn, "SELECT id FROM person_merge WHERE undone_at IS NULL")?;
            match pick(&standing, at) {
                Some(id) => undo(conn, id, by).map(drop),
                None => Ok(()),
            }
        }
        Step::Revert(at) => {
            let applied = ids_of(conn, "SELECT id FROM import_batch WHERE status = 'applied'")?;
            match pick(&applied, at) {
                Some(id) => revert(conn, id).map(drop),
                None => Ok(()),
            }
        }
        Step::Erase(at) => {
            if let Some(id) = pick(&ids(conn, "person")?, at) {
                Person::erase(conn, PersonId(id))?;
            }
            Ok(())
        }
    })
}

/// Applies a people file's valid rows as `import --skip-errors` does; returns its batch.
fn import_file(conn: &mut PgConnection, file: &str) -> anyhow::Result<i64> {
    let importer = Importer {
        name: "consistency",
        user_id: None,
        role: None,
    };
    let preview = import::preview(
        conn,
        "people.csv",
        file.as_bytes(),
        importer,
        Intent::ApplyValidRows,
    )?;
    let batch = preview
        .batch_id
        .ok_or_else(|| anyhow::anyhow!("no batch kept for {file}"))?;
    import::within_budget(conn, import::rows_at_most(file.as_bytes()), |conn| {
        import::apply(conn, &preview.plan, batch, true, &mut |_| {})
    })?;
    Ok(batch)
}

/// Merges `removed` into `survivor`, keeping the survivor's fields, at the versions stored.
fn merge(conn: &mut PgConnection, survivor: i64, removed: i64, by: i64) -> anyhow::Result<i64> {
    let (survivor, removed) = (
        Person::find(conn, PersonId(survivor))?,
        Person::find(conn, PersonId(removed))?,
    );
    let request = MergeRequest {
        survivor: (survivor.id, survivor.version),
        removed: (removed.id, removed.version),
        fields: survivor.fields,
        by,
    };
    match PersonMerge::merge(conn, &request)? {
        MergeOutcome::Merged(merge) => Ok(merge.id.get()),
        MergeOutcome::Stale(_) => anyhow::bail!("stale at the versions just read"),
    }
}

/// Whether the undo was done (else it was refused, with reasons the page would show).
fn undo(conn: &mut PgConnection, merge: i64, by: i64) -> anyhow::Result<bool> {
    Ok(matches!(
        PersonMerge::undo(conn, MergeId(merge), by)?,
        UndoOutcome::Undone(_)
    ))
}

/// Whether the batch was reverted (else it was refused, as the page would say why).
fn revert(conn: &mut PgConnection, batch: i64) -> anyhow::Result<bool> {
    match import::revert(conn, batch) {
        Ok(()) => Ok(true),
        Err(ImportError::Refused(_)) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

fn ids_of(conn: &mut PgConnection, sql: &str) -> QueryResult<Vec<i64>> {
    let rows: Vec<Id> = diesel::sql_query(format!("{sql} ORDER BY id")).load(conn)?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// Runs `steps` in one transaction, committed or rolled back.
fn transact(
    conn: &mut PgConnection,
    companies: &[i64],
    by: i64,
    transaction: &Transaction,
) -> anyhow::Result<()> {
    let outcome = conn.transaction::<(), anyhow::Error, _>(|conn| {
        for step in &transaction.steps {
            run(conn, companies, by, step).map_err(|e| e.context(format!("{step:?}")))?;
        }
        if transaction.commit {
            Ok(())
        } else {
            Err(diesel::result::Error::RollbackTransaction.into())
        }
    });
    match outcome {
        Err(e)
            if matches!(
                e.downcast_ref(),
                Some(diesel::result::Error::RollbackTransaction)
            ) =>
        {
            Ok(())
        }
        other => other,
    }
}

/// Nothing left in the queue, and every kept row equal to its recount.
fn consistent(conn: &mut PgConnection) -> anyhow::Result<()> {
    let queued = count(
        conn,
        "SELECT (SELECT count(*) FROM figures_due) + (SELECT count(*) FROM figures_due_tx) AS n",
    )?;
    anyhow::ensure!(
        queued == 0,
        "{queued} rows stay queued after the transaction"
    );
    let differing = super::kept_rows::differing(conn)?;
    anyhow::ensure!(
        differing.is_empty(),
        "kept rows against their recount (table, rows differing): {differing:?}"
    );
    Ok(())
}

fn check(transactions: &[Transaction]) -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let by = app.add_user("merger@example.com", Role::Admin)?.id;
    let mut conn = app.conn()?;
    let companies = companies(&mut conn)?;
    for transaction in transactions {
        transact(&mut conn, &companies, by, transaction)?;
        consistent(&mut conn)?;
    }
    compare_all(&mut conn, &companies, "USD")
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("TT_CONSISTENCY_CASES")
            .ok()
            .and_then(|cases| cases.parse().ok())
            .unwrap_or(CASES),
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_report_equals_its_recomputation_after_transactions_of_imports_merges_and_reverts(
        transactions in prop::collection::vec(transaction(), 2..8),
    ) {
        check(&transactions).expect("transactions and a comparison");
    }
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// One stored person with a stage and a pay figure, outside any of the tests' transactions.
fn stored_person(conn: &mut PgConnection) -> anyhow::Result<i64> {
    let id: Id = diesel::sql_query(
        "WITH p AS (INSERT INTO person (full_name, title, stage)
                    VALUES ('Cy Stored', 'Engineer', 'contacted') RETURNING id),
              s AS (INSERT INTO stage_change (person_id, to_stage, changed_at)
                    SELECT id, 'contacted', '2024-02-01 10:00' FROM p)
         INSERT INTO pay_report (person_id, kind, confidence, currency, amount_low, amount_high,
                                 period, as_of)
         SELECT id, 'reported', 'reported', 'USD', 100000, 120000, 'annual', '2024-02-01' FROM p
         RETURNING person_id AS id",
    )
    .get_result(conn)?;
    Ok(id.id)
}

/// The file creates Ann with a pay report, and moves the stored person on with another.
fn file_about(stored: i64) -> String {
    format!(
        "id,full_name,origin_company,stage,title,kind,currency,amount_low,amount_high,period,\
         period_years,as_of,confidence\n\
         ,Ann Import,Alpha Lab,hired,Researcher,reported,EUR,200000,220000,annual,,2024-03-01,reported\n\
         {stored},Cy Stored,Beta Lab,offer,Engineer,offered,USD,150000,150000,total,3,2024-04-01,reported\n"
    )
}

/// Every kind of step, each succeeding, in one transaction: an import, a merge of the person
/// it created into a stored one, an undo of that merge, a revert of the import, an erasure.
fn every_kind_of_step(conn: &mut PgConnection, stored: i64, by: i64) -> anyhow::Result<()> {
    let batch = import_file(conn, &file_about(stored))?;
    let ann = ids_of(conn, "SELECT id FROM person WHERE full_name = 'Ann Import'")?;
    let merged = merge(conn, stored, ann[0], by)?;
    anyhow::ensure!(undo(conn, merged, by)?, "the merge was undone");
    anyhow::ensure!(revert(conn, batch)?, "the import was reverted");
    // Figures read in the middle of the transaction, as a later statement of a request might.
    conn.batch_execute("SET CONSTRAINTS figures_due_at_commit IMMEDIATE")?;
    conn.batch_execute("SET CONSTRAINTS figures_due_at_commit DEFERRED")?;
    let batch = import_file(conn, &file_about(stored))?;
    let ann = ids_of(conn, "SELECT id FROM person WHERE full_name = 'Ann Import'")?;
    merge(conn, ann[0], stored, by)?;
    Person::erase(conn, PersonId(ann[0]))?;
    // Refused or not (the person it updated was merged away), the figures must hold.
    revert(conn, batch)?;
    Ok(())
}

#[test]
fn imports_merges_undos_reverts_and_an_erasure_in_one_transaction_keep_every_figure()
-> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let by = app.add_user("merger@example.com", Role::Admin)?.id;
    let conn = &mut app.conn()?;
    let companies = companies(conn)?;
    let stored = stored_person(conn)?;
    conn.transaction(|conn| every_kind_of_step(conn, stored, by))?;
    consistent(conn)?;
    assert!(
        count(conn, "SELECT count(*) AS n FROM pay_figure")? > 0,
        "the figures of the people left are kept"
    );
    compare_all(conn, &companies, "USD")
}

#[test]
fn the_same_steps_rolled_back_leave_the_figures_as_they_were() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let by = app.add_user("merger@example.com", Role::Admin)?.id;
    let conn = &mut app.conn()?;
    let companies = companies(conn)?;
    let stored = stored_person(conn)?;
    let rolled_back = conn.transaction::<(), anyhow::Error, _>(|conn| {
        every_kind_of_step(conn, stored, by)?;
        Err(diesel::result::Error::RollbackTransaction.into())
    });
    assert!(rolled_back.is_err());
    consistent(conn)?;
    assert_eq!(
        count(conn, "SELECT count(*) AS n FROM pay_figure")?,
        1,
        "the stored person's figure alone"
    );
    compare_all(conn, &companies, "USD")
}
