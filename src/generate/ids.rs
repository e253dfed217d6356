//! Reserving the ids COPY will give the generated rows, and checking it gave exactly those.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

/// Takes the next identity value of `table` and returns it: the rows COPY writes next get the
/// following ids in order, since nothing else writes these tables inside our transaction
/// (checked afterwards by `expect_ids`).
pub(super) fn reserve_id(conn: &mut PgConnection, table: &str) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Next {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    conn.batch_execute(&format!("LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE"))?;
    diesel::sql_query(format!(
        "SELECT nextval(pg_get_serial_sequence('{table}', 'id')) AS id"
    ))
    .get_result::<Next>(conn)
    .map(|n| n.id)
}

pub(super) fn expect_ids(
    conn: &mut PgConnection,
    table: &str,
    after: i64,
    count: u64,
) -> QueryResult<()> {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let found = diesel::sql_query(format!(
        "SELECT count(*) AS n FROM {table} WHERE id > $1 AND id <= $1 + $2"
    ))
    .bind::<BigInt, _>(after)
    .bind::<BigInt, _>(count as i64)
    .get_result::<Count>(conn)?;
    if found.n as u64 == count {
        Ok(())
    } else {
        Err(diesel::result::Error::QueryBuilderError(
            format!("{table} ids were not given out in order; nothing was written").into(),
        ))
    }
}
