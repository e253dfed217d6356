//! The offers that wait for a decision, oldest first, with who made each and when: what the
//! approval queue and the dashboard's notice read. "Pending" is `offer_review`'s status
//! (src/db/sql/offers.sql), the one the offer pages and the offers report read too, as kept
//! per offer in `offer_check`.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Nullable, Text, Timestamptz};

use crate::domain::PayReportId;

/// One waiting offer as the queue orders it.
#[derive(Debug, Clone, QueryableByName)]
pub struct PendingOffer {
    #[diesel(sql_type = BigInt)]
    pub id: PayReportId,
    #[diesel(sql_type = Date)]
    pub as_of: NaiveDate,
    /// The display name of whoever created the offer (the audit's actor where it names no
    /// user, such as "system" for the demo data); `None` for a record from before the audit.
    #[diesel(sql_type = Nullable<Text>)]
    pub made_by: Option<String>,
    #[diesel(sql_type = Timestamptz)]
    pub made_at: DateTime<Utc>,
}

// From the kept checks (`offer_check`, src/db/sql/offer_checks.sql): an index range of the
// pending, where reviewing every offer took 200–340 ms at 2,800 offers.
const COUNT: &str = "SELECT count(*) AS n FROM offer_check WHERE status = 'pending'";

// The creation is the latest one on record (ids are used again by imports), read from
// `r.audit_trail` so an imported offer names its importer. `offer_check_status_idx` read
// backwards gives the oldest first.
const OLDEST: &str = "
    SELECT k.pay_report_id AS id, k.as_of, coalesce(u.display_name, c.actor) AS made_by,
           r.created_at AS made_at
    FROM offer_check k
    JOIN pay_report r ON r.id = k.pay_report_id
    LEFT JOIN LATERAL (
        SELECT t.actor FROM r.audit_trail t
        WHERE t.record_table = 'pay_report' AND t.record_id = k.pay_report_id
          AND t.action = 'create'
        ORDER BY t.at DESC, t.id DESC LIMIT 1) c ON TRUE
    LEFT JOIN app_user u ON u.email = c.actor
    WHERE k.status = 'pending'
    ORDER BY k.as_of, k.pay_report_id
    LIMIT $1";

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

impl PendingOffer {
    /// How many offers wait for a decision.
    pub fn count(conn: &mut PgConnection) -> QueryResult<i64> {
        let row: Count = diesel::sql_query(COUNT).get_result(conn)?;
        Ok(row.n)
    }

    /// The `limit` offers that have waited longest, by the offer's day.
    pub fn oldest(conn: &mut PgConnection, limit: i64) -> QueryResult<Vec<PendingOffer>> {
        diesel::sql_query(OLDEST)
            .bind::<BigInt, _>(limit)
            .load(conn)
    }
}
