//! The one-row table saying which reporting currency the database keeps report values in
//! (migration `report_figures`).

use diesel::prelude::*;
use diesel::sql_types::Text;

/// Makes `currency` the one the kept values are in. When it differs from what the database
/// has, a trigger re-values every pay figure in this statement's transaction, so the reports
/// never mix currencies; when it is the same, nothing is written.
pub fn use_reporting_currency(conn: &mut PgConnection, currency: &str) -> QueryResult<bool> {
    let changed = diesel::sql_query(
        "UPDATE report_setting SET reporting_currency = $1 WHERE reporting_currency <> $1",
    )
    .bind::<Text, _>(currency)
    .execute(conn)?;
    if changed > 0 {
        log::info!("re-valued every pay figure in {currency}, the new reporting currency");
    }
    Ok(changed > 0)
}
