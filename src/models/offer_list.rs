//! Offers chosen, counted and ordered in SQL by approval status and job family, so the
//! offers report reads only the rows it shows however many offers there are. The status is
//! `offer_review`'s (src/db/sql/offers.sql), the one definition the offer pages read too,
//! kept per offer in `offer_check` (src/db/sql/offer_checks.sql).

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Nullable, Text};

use crate::domain::{ApprovalStatus, PayReportId};

/// Which offers the report lists.
#[derive(Debug, Clone, Default)]
pub struct OfferFilter {
    pub status: Option<ApprovalStatus>,
    /// Without case, as bands match families.
    pub job_family: Option<String>,
}

/// One page of the chosen offers, from one pass over them.
#[derive(Debug, Clone, QueryableByName)]
pub struct OfferPage {
    /// The first `shown` ids, newest first.
    #[diesel(sql_type = Array<BigInt>)]
    pub shown: Vec<PayReportId>,
    /// How many offers are chosen.
    #[diesel(sql_type = BigInt)]
    pub total: i64,
    /// The chart's offers: those with a checked base furthest above their midpoint.
    #[diesel(sql_type = Array<BigInt>)]
    pub top: Vec<PayReportId>,
    /// How many chosen offers have a checked base, and how many of those lie outside it.
    #[diesel(sql_type = BigInt)]
    pub charted: i64,
    #[diesel(sql_type = BigInt)]
    pub outside: i64,
}

/// From the kept checks (migration `offer_check`): each part reads its own index, so a page
/// costs the same at any number of offers apart from the counts' index-only scans.
const PAGE: &str = "
    WITH chosen AS NOT MATERIALIZED (
        SELECT pay_report_id AS id, as_of, base_compa, base_inside
        FROM offer_check
        WHERE ($1::text IS NULL OR status = $1)
          AND ($2::text IS NULL OR family_key = fold_case($2)))
    SELECT
        ARRAY(SELECT id FROM chosen ORDER BY as_of DESC, id DESC LIMIT $3) AS shown,
        (SELECT count(*) FROM chosen) AS total,
        ARRAY(SELECT id FROM chosen WHERE base_compa IS NOT NULL
              ORDER BY base_compa DESC, as_of DESC, id DESC LIMIT $4) AS top,
        (SELECT count(*) FROM chosen WHERE base_compa IS NOT NULL) AS charted,
        (SELECT count(*) FROM chosen WHERE NOT base_inside) AS outside";

impl OfferFilter {
    /// The page: at most `shown` rows and `top` offers for the chart.
    pub fn page(&self, conn: &mut PgConnection, shown: i64, top: i64) -> QueryResult<OfferPage> {
        diesel::sql_query(PAGE)
            .bind::<Nullable<Text>, _>(self.status.map(ApprovalStatus::as_str))
            .bind::<Nullable<Text>, _>(self.job_family.as_deref())
            .bind::<BigInt, _>(shown)
            .bind::<BigInt, _>(top)
            .get_result(conn)
    }
}
