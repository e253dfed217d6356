//! Every kept row against the view it is refreshed from, and every kept count against a count
//! of the kept rows: what the reports read goes through filters that may hide a stray row
//! (a stage stay is read by no report the parent module compares).

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

#[derive(QueryableByName)]
struct Differing {
    #[diesel(sql_type = Text)]
    what: String,
    #[diesel(sql_type = BigInt)]
    rows: i64,
}

/// Each kept table and the query that recomputes it, row for row.
const KEPT: [(&str, &str, &str); 7] = [
    (
        "pay_figure",
        "SELECT * FROM pay_figure",
        "SELECT * FROM r.pay_figure_source",
    ),
    (
        "person_fact",
        "SELECT * FROM person_fact",
        "SELECT * FROM r.person_fact_source",
    ),
    (
        "stage_stay",
        "SELECT * FROM stage_stay",
        "SELECT * FROM r.stage_stay_source",
    ),
    (
        "offer_check",
        "SELECT * FROM offer_check",
        "SELECT * FROM r.offer_check_source",
    ),
    (
        "pipeline_count",
        "SELECT stage, entered, sum(n) FROM pipeline_count GROUP BY 1, 2 HAVING sum(n) <> 0",
        "SELECT stage, entered, count(*) FROM person_fact GROUP BY 1, 2",
    ),
    (
        "company_person_count",
        "SELECT company_id, side, sum(n) FROM company_person_count GROUP BY 1, 2
         HAVING sum(n) <> 0",
        "SELECT * FROM (
             SELECT origin_company_id, 'origin', count(*) FROM person
             WHERE origin_company_id IS NOT NULL GROUP BY 1
             UNION ALL
             SELECT hiring_company_id, 'hiring', count(*) FROM person
             WHERE hiring_company_id IS NOT NULL GROUP BY 1) counted",
    ),
    (
        "stage_stay_count",
        "SELECT stage, whole_days, sum(n) FROM stage_stay_count GROUP BY 1, 2 HAVING sum(n) <> 0",
        "SELECT stage, floor(days)::int, count(*) FROM stage_stay WHERE days IS NOT NULL
         GROUP BY 1, 2",
    ),
];

/// The kept tables whose rows differ from their recount, with how many rows differ.
pub fn differing(conn: &mut PgConnection) -> QueryResult<Vec<(String, i64)>> {
    // The test's tables were never analysed: the planner guesses millions of rows and
    // compiles the views' window functions to machine code first (JIT), 3.5 s of a query
    // that runs in 20 ms.
    conn.batch_execute("SET jit = off")?;
    let union = KEPT
        .iter()
        .map(|(what, kept, recount)| {
            format!(
                "SELECT '{what}' AS what, count(*) AS rows FROM (
                     ({kept} EXCEPT ALL {recount}) UNION ALL ({recount} EXCEPT ALL {kept})) d"
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let rows: Vec<Differing> = diesel::sql_query(union).load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|d| d.rows > 0)
        .map(|d| (d.what, d.rows))
        .collect())
}
