//! Random sequences of writes through the routes, as an office makes them over weeks: people
//! created, people files previewed and confirmed, merges and their undo, erasures, reverts,
//! role changes. Every personal field the test sends holds a marker of its own. After every
//! step: no answer is a 5xx, no marker of an erased person is anywhere in the database, and
//! every write the app acknowledged is stored exactly once.

mod checks;
mod files;
mod merging;
mod model;
mod steps;

use std::thread::JoinHandle;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};

use self::model::Model;
use crate::common::TestApp;

/// Sequences per run: seconds in a debug build. `SEQUENCE_CASES=200` hunts longer, and
/// `SEQUENCE_SEED=<n>` replays the run a failure names.
const CASES: u32 = 16;

/// Steps per sequence.
const STEPS: std::ops::Range<usize> = 1..40;

/// One step, its choices relative to what exists when it runs (the n-th person, preview,
/// merge), so that any shorter sequence is still a valid one and failures shrink.
#[derive(Debug, Clone)]
pub enum Op {
    /// A person with a marker in each personal field, with a pay report whose source and notes
    /// are marked too.
    Create,
    /// A people file previewed, named after the person of one of its rows when `named_after`.
    Upload {
        rows: Vec<Row>,
        named_after: Option<Index>,
    },
    /// Confirms one of the previews shown (again, if it was confirmed already).
    Confirm(Pick),
    /// Merges two stored people, choosing the survivor and taking some fields from the right.
    Merge {
        left: Pick,
        right: Pick,
        survivor_right: bool,
        take_right: Vec<Index>,
    },
    Undo(Pick),
    Erase(Pick),
    Revert(Pick),
    Role {
        user: Index,
        role: Index,
    },
}

/// A row of an uploaded people file.
#[derive(Debug, Clone)]
pub enum Row {
    /// Someone the tracker does not know yet.
    New,
    /// A stored person by id, under a new name.
    ById(Pick),
    /// A stored person by their current name, in capitals when `shout`.
    ByName { person: Pick, shout: bool },
}

/// Which of a list (people, previews, merges, batches; the latest last) a step takes: mostly
/// the latest or one of the latest three, as people go on with what they just did; otherwise
/// any.
#[derive(Debug, Clone, Copy)]
pub enum Pick {
    Latest,
    Recent(Index),
    Any(Index),
}

impl Pick {
    pub fn of<T>(self, list: &[T]) -> Option<&T> {
        let recent = &list[list.len().saturating_sub(3)..];
        match self {
            _ if list.is_empty() => None,
            Pick::Latest => list.last(),
            Pick::Recent(index) => Some(index.get(recent)),
            Pick::Any(index) => Some(index.get(list)),
        }
    }
}

fn pick() -> impl Strategy<Value = Pick> {
    prop_oneof![
        2 => Just(Pick::Latest),
        1 => any::<Index>().prop_map(Pick::Recent),
        1 => any::<Index>().prop_map(Pick::Any),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let row = prop_oneof![
        Just(Row::New),
        pick().prop_map(Row::ById),
        (pick(), any::<bool>()).prop_map(|(person, shout)| Row::ByName { person, shout }),
    ];
    let merge = (
        pick(),
        pick(),
        any::<bool>(),
        prop::collection::vec(any::<Index>(), 0..3),
    );
    prop_oneof![
        4 => Just(Op::Create),
        3 => (prop::collection::vec(row, 1..4), prop::option::of(any::<Index>()))
            .prop_map(|(rows, named_after)| Op::Upload { rows, named_after }),
        3 => pick().prop_map(Op::Confirm),
        2 => merge.prop_map(|(left, right, survivor_right, take_right)| Op::Merge {
            left,
            right,
            survivor_right,
            take_right,
        }),
        2 => pick().prop_map(Op::Undo),
        2 => pick().prop_map(Op::Erase),
        1 => pick().prop_map(Op::Revert),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(user, role)| Op::Role { user, role }),
    ]
}

#[test]
fn random_sequences_of_writes_keep_no_erased_data_and_store_each_write_once() -> anyhow::Result<()>
{
    let seed = from_env("SEQUENCE_SEED").unwrap_or_else(fresh_seed);
    let config = Config {
        cases: from_env("SEQUENCE_CASES").map_or(CASES, |n| u32::try_from(n).unwrap_or(CASES)),
        failure_persistence: None,
        // Each shrinking step replays a sequence on a new database: bound the search.
        max_shrink_time: from_env("PROPTEST_MAX_SHRINK_TIME")
            .map_or(120_000, |ms| u32::try_from(ms).unwrap_or(u32::MAX)),
        max_shrink_iters: from_env("PROPTEST_MAX_SHRINK_ITERS")
            .map_or(500, |n| u32::try_from(n).unwrap_or(u32::MAX)),
        ..Config::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[seed.to_le_bytes(); 4].concat());
    let mut runner = TestRunner::new_with_rng(config, rng);
    // A database that cannot be made is no finding: it ends the run instead of being shrunk.
    let setup = std::cell::RefCell::new(None);
    let apps = std::cell::RefCell::new(Apps::default());
    // Shrinking drops steps; a step's own choices are relative picks, not worth halving.
    let sequences = prop::collection::vec(op().no_shrink(), STEPS);
    let outcome = runner.run(&sequences, |ops| {
        if setup.borrow().is_some() {
            return Ok(());
        }
        let made = apps.borrow_mut().take();
        let (model, app) = match made.and_then(|app| Ok((Model::new(&app)?, app))) {
            Ok(made) => made,
            Err(e) => {
                let failed = TestCaseError::fail(format!("setting up: {e:#}"));
                *setup.borrow_mut() = Some(e);
                return Err(failed);
            }
        };
        let outcome = run(&app, model, &ops);
        apps.borrow_mut().give_back(app);
        outcome.map_err(|e| TestCaseError::fail(format!("{e:#}")))
    });
    drop(apps);
    if let Some(e) = setup.into_inner() {
        return Err(e.context("setting up a sequence's database"));
    }
    match outcome {
        Ok(()) => Ok(()),
        Err(TestError::Fail(why, ops)) => anyhow::bail!(
            "seed {seed} (SEQUENCE_SEED={seed} replays it). The smallest failing sequence:\n\
             {why}\nas generated: {ops:?}"
        ),
        Err(e) => anyhow::bail!("seed {seed}: {e}"),
    }
}

/// Runs one sequence on a fresh database, an admin logged in; the steps taken, in words, with
/// the failure.
fn run(app: &TestApp, mut model: Model, ops: &[Op]) -> anyhow::Result<()> {
    // One connection for the test's own reads: a new one per query would cost more than the
    // steps.
    let db = &mut app.conn()?;
    let mut said = Vec::new();
    for (n, op) in ops.iter().enumerate() {
        let mut step = String::new();
        let outcome = steps::apply(app, db, &mut model, op, n + 1, &mut step)
            .and_then(|()| checks::after_step(db, &model));
        said.push(format!("  {}. {step}", n + 1));
        if let Err(failure) = outcome {
            anyhow::bail!(
                "step {} failed: {failure:#}\nthe steps:\n{}",
                n + 1,
                said.join("\n")
            );
        }
    }
    Ok(())
}

/// Test apps made one ahead and dropped behind, each on a thread of its own: making and
/// dropping a database takes longer than most sequences do.
#[derive(Default)]
struct Apps {
    next: Option<JoinHandle<anyhow::Result<TestApp>>>,
    dropping: Vec<JoinHandle<()>>,
}

impl Apps {
    fn take(&mut self) -> anyhow::Result<TestApp> {
        let ready = match self.next.take() {
            Some(making) => making
                .join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("making a test app panicked"))),
            None => TestApp::new(),
        };
        self.next = Some(std::thread::spawn(TestApp::new));
        ready
    }

    fn give_back(&mut self, app: TestApp) {
        // Two databases dropping at a time at most: more would only queue in PostgreSQL.
        if self.dropping.len() >= 2 {
            let _ = self.dropping.remove(0).join();
        }
        self.dropping.push(std::thread::spawn(move || drop(app)));
    }
}

impl Drop for Apps {
    fn drop(&mut self) {
        let spare = self.next.take().map(JoinHandle::join);
        drop(spare);
        for dropping in self.dropping.drain(..) {
            let _ = dropping.join();
        }
    }
}

fn from_env(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.parse().ok()
}

fn fresh_seed() -> u64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    now.map_or(0, |d| d.as_secs() ^ u64::from(d.subsec_nanos()) << 32)
}
