//! The rows of an export, read through a cursor a batch at a time.
//!
//! libpq's single-row mode (`PgRowByRowLoadingMode`) hands over each row as a result of its
//! own, with its column descriptions copied again: at 600,000 pay reports of 45 columns that
//! per-row work was most of the export's own time. A cursor fetched `BATCH` rows at a time
//! costs one result per batch and still keeps memory flat. The cursor lives in the caller's
//! transaction and closes with it.

use std::marker::PhantomData;

use diesel::connection::{Connection, TransactionManager};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::query_dsl::LoadQuery;
use diesel::{PgConnection, QueryResult, RunQueryDsl};

/// Rows per FETCH: large enough that a result's fixed costs vanish, small enough that a batch of
/// wide rows stays a few MiB.
const BATCH: usize = 2_000;

const CURSOR: &str = "export_rows";

/// `DECLARE export_rows NO SCROLL CURSOR FOR` the query, with its binds.
struct Declare<Q>(Q);

impl<Q> QueryId for Declare<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for Declare<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        // A cursor of the same name may be declared again in the next transaction: the
        // statement is not kept prepared.
        out.unsafe_to_cache_prepared();
        out.push_sql("DECLARE ");
        out.push_identifier(CURSOR)?;
        out.push_sql(" NO SCROLL CURSOR FOR ");
        self.0.walk_ast(out.reborrow())
    }
}

impl<Q> RunQueryDsl<PgConnection> for Declare<Q> {}

/// The next batch of the cursor's rows, typed as the declared query's.
pub struct Fetch<ST>(PhantomData<ST>);

impl<ST> QueryId for Fetch<ST> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<ST> Query for Fetch<ST> {
    type SqlType = ST;
}

impl<ST> QueryFragment<Pg> for Fetch<ST> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(&format!("FETCH {BATCH} FROM "));
        out.push_identifier(CURSOR)
    }
}

impl<ST> RunQueryDsl<PgConnection> for Fetch<ST> {}

/// The rows of `query`, in its order, loaded `BATCH` at a time. The connection must be in a
/// transaction (the cursor closes with it); `NotInTransaction` otherwise.
pub fn read_in_batches<'c, Q, U>(
    conn: &'c mut PgConnection,
    query: Q,
) -> QueryResult<impl Iterator<Item = QueryResult<U>> + 'c>
where
    Q: Query + QueryFragment<Pg>,
    Q::SqlType: 'c,
    U: 'c,
    Fetch<Q::SqlType>: LoadQuery<'static, PgConnection, U>,
{
    let manager = <PgConnection as Connection>::TransactionManager::transaction_manager_status_mut;
    if manager(conn).transaction_depth()?.is_none() {
        return Err(diesel::result::Error::NotInTransaction);
    }
    Declare(query).execute(conn)?;
    let mut batch = Vec::new().into_iter();
    let mut finished = false;
    Ok(std::iter::from_fn(move || {
        if let Some(row) = batch.next() {
            return Some(Ok(row));
        }
        if finished {
            return None;
        }
        match Fetch::<Q::SqlType>(PhantomData).load::<U>(conn) {
            Ok(rows) => {
                finished = rows.len() < BATCH;
                batch = rows.into_iter();
                batch.next().map(Ok)
            }
            Err(e) => {
                finished = true;
                Some(Err(e))
            }
        }
    }))
}
