//! The planner's estimate of how many people a filter picks: what the list says ("about")
//! when more match than it counts exactly and no kept count answers the filter.

use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::Text;

use super::PersonFilter;
use crate::models::Person;
use crate::schema::person;

/// `EXPLAIN` of a query: its plan as lines of text, the first naming the rows expected.
struct Explained<Q>(Q);

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for Explained<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("EXPLAIN ");
        self.0.walk_ast(out.reborrow())
    }
}

impl<Q> QueryId for Explained<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q> Query for Explained<Q> {
    type SqlType = Text;
}

impl<Q> RunQueryDsl<PgConnection> for Explained<Q> {}

impl Person {
    /// How many people the planner expects the filter to pick, from the table's statistics:
    /// planning costs a fraction of a millisecond where counting a million rows takes seconds.
    /// `None` if the plan names no row count (it always does today).
    pub fn estimated_count(
        conn: &mut PgConnection,
        filter: &PersonFilter,
    ) -> QueryResult<Option<i64>> {
        let plan: Vec<String> = Explained(filter.query().select(person::id)).load(conn)?;
        Ok(plan.first().and_then(|top| rows_of(top)))
    }
}

/// The `rows=N` of a plan line such as `Seq Scan on person  (cost=0.00..1.01 rows=6100 width=8)`.
fn rows_of(line: &str) -> Option<i64> {
    let (_, after) = line.split_once(" rows=")?;
    after.split(' ').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_top_line_names_the_rows_expected() {
        let line = "Hash Join  (cost=10.50..250.75 rows=6100 width=8)";
        assert_eq!(super::rows_of(line), Some(6100));
        assert_eq!(super::rows_of("Result  (cost=0.00..0.01)"), None);
    }
}
