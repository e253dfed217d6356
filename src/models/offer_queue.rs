//! The offers that wait for a decision, oldest first, with who made each and when: what the
//! approval queue and the dashboard's notice read. "Pending" is `offer_review`'s status
//! (src/db/sql/offers.sql), the one the offer pages and the offers report read too.

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

// Each offer's band, rates and latest decision are found through indexes
// (pay_report_offers_idx, pay_band_version_key, exchange_rate's key, pay_decision_report_idx):
// the count reads each offer once and nothing else.
const COUNT: &str = "
    SELECT count(*) AS n FROM r.offer_review($1) v WHERE v.status = 'pending'";

// The creation is the latest one on record (ids are used again by imports), read from
// `r.audit_trail` so an imported offer names its importer.
const OLDEST: &str = "
    SELECT v.id, r.as_of, coalesce(u.display_name, c.actor) AS made_by, r.created_at AS made_at
    FROM r.offer_review($1) v
    JOIN pay_report r ON r.id = v.id
    LEFT JOIN LATERAL (
        SELECT t.actor FROM r.audit_trail t
        WHERE t.record_table = 'pay_report' AND t.record_id = v.id AND t.action = 'create'
        ORDER BY t.at DESC, t.id DESC LIMIT 1) c ON TRUE
    LEFT JOIN app_user u ON u.email = c.actor
    WHERE v.status = 'pending'
    ORDER BY r.as_of, r.id
    LIMIT $2";

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Runs `read` with JIT off: compiling `offer_review`'s expressions costs PostgreSQL about a
/// second once a query's cost passes its threshold (100,000 offers), more than it saves, as
/// the offers report found (src/reports/offers.rs). SET LOCAL keeps it to this transaction.
fn without_jit<T>(
    conn: &mut PgConnection,
    read: impl FnOnce(&mut PgConnection) -> QueryResult<T>,
) -> QueryResult<T> {
    conn.transaction(|conn| {
        diesel::sql_query("SET LOCAL jit = off").execute(conn)?;
        read(conn)
    })
}

impl PendingOffer {
    /// How many offers wait for a decision.
    pub fn count(conn: &mut PgConnection, reporting: &str) -> QueryResult<i64> {
        without_jit(conn, |conn| {
            let row: Count = diesel::sql_query(COUNT)
                .bind::<Text, _>(reporting)
                .get_result(conn)?;
            Ok(row.n)
        })
    }

    /// The `limit` offers that have waited longest, by the offer's day.
    pub fn oldest(
        conn: &mut PgConnection,
        reporting: &str,
        limit: i64,
    ) -> QueryResult<Vec<PendingOffer>> {
        without_jit(conn, |conn| {
            diesel::sql_query(OLDEST)
                .bind::<Text, _>(reporting)
                .bind::<BigInt, _>(limit)
                .load(conn)
        })
    }
}
