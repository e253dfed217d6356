//! The time an import may take: a budget of its own, grown with the file, instead of a
//! request's statement timeout, so that every file the upload limit admits can be applied
//! (and its batch reverted).

use std::time::Duration;

use diesel::prelude::*;
use diesel::sql_types::BigInt;

/// What any file gets, however small: room for waiting on a row another user holds.
const FLOOR: Duration = Duration::from_secs(5 * 60);
/// And per row: its statements grow with its rows. A people file of 70,000 rows spends its
/// longest statement (the people's COPY, with the report figures' triggers) in 4 to 15 s on
/// two busy cores, and all of its confirm in 13 to 30 s; 70 s a statement is several times
/// either, and the floor more still.
const PER_ROW: Duration = Duration::from_millis(1);

/// How many rows a file holds at most: its lines (a quoted cell may span several, which only
/// makes the budget larger).
pub fn rows_at_most(file: &[u8]) -> usize {
    file.iter().filter(|&&b| b == b'\n').count() + 1
}

/// How long each statement of importing `rows` rows may run: 5 minutes, or 1 ms a row when
/// that is longer (17 minutes for a million rows).
fn budget(rows: usize) -> Duration {
    FLOOR.max(PER_ROW.saturating_mul(u32::try_from(rows).unwrap_or(u32::MAX)))
}

/// Runs `work` in one transaction whose statements may each run for the budget of `rows`
/// rows (see `allow`).
pub fn within_budget<T, E>(
    conn: &mut PgConnection,
    rows: usize,
    work: impl FnOnce(&mut PgConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    conn.transaction(|conn| {
        allow(conn, rows)?;
        work(conn)
    })
}

/// Gives the statements of the transaction under way the budget of `rows` rows. It only ever
/// lengthens the connection's own limit (a request's 30 s, or what a deployment's URL or role
/// sets), and a connection without one keeps none. Local to the transaction: the pooled
/// connection serves its next request with a request's limit again.
pub(super) fn allow(conn: &mut PgConnection, rows: usize) -> QueryResult<()> {
    let millis = i64::try_from(budget(rows).as_millis()).unwrap_or(i64::MAX);
    diesel::sql_query(
        "SELECT set_config('statement_timeout', $1::text, true) FROM pg_settings \
         WHERE name = 'statement_timeout' AND setting::bigint BETWEEN 1 AND $1 - 1",
    )
    .bind::<BigInt, _>(millis)
    .execute(conn)
    .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gets_five_minutes_or_a_millisecond_a_row() {
        assert_eq!(budget(0), FLOOR);
        assert_eq!(budget(70_000), FLOOR);
        assert_eq!(budget(1_000_000), Duration::from_secs(1_000));
        assert_eq!(rows_at_most(b"full_name,stage\nAda,sourced\n"), 3);
    }
}
