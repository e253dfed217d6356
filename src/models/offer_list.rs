//! Offers chosen, counted and ordered in SQL by approval status and job family, so the
//! offers report reads only the rows it shows however many offers there are. The status is
//! `offer_review`'s (src/db/sql/offers.sql), the one definition the offer pages read too.

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

/// Materialised so the review runs once per offer for the rows, the count and the chart.
const PAGE: &str = "
    WITH chosen AS MATERIALIZED (
        SELECT v.id, r.as_of, v.base_compa, v.base_inside
        FROM r.offer_review($1) v
        JOIN pay_report r ON r.id = v.id
        JOIN person p ON p.id = r.person_id
        WHERE ($2::text IS NULL OR v.status = $2)
          AND ($3::text IS NULL OR fold_case(p.job_family) = fold_case($3)))
    SELECT
        ARRAY(SELECT id FROM chosen ORDER BY as_of DESC, id DESC LIMIT $4) AS shown,
        (SELECT count(*) FROM chosen) AS total,
        ARRAY(SELECT id FROM chosen WHERE base_compa IS NOT NULL
              ORDER BY base_compa DESC, as_of DESC, id DESC LIMIT $5) AS top,
        (SELECT count(*) FROM chosen WHERE base_compa IS NOT NULL) AS charted,
        (SELECT count(*) FROM chosen WHERE NOT base_inside) AS outside";

impl OfferFilter {
    /// The page: at most `shown` rows and `top` offers for the chart.
    pub fn page(
        &self,
        conn: &mut PgConnection,
        reporting: &str,
        shown: i64,
        top: i64,
    ) -> QueryResult<OfferPage> {
        diesel::sql_query(PAGE)
            .bind::<Text, _>(reporting)
            .bind::<Nullable<Text>, _>(self.status.map(ApprovalStatus::as_str))
            .bind::<Nullable<Text>, _>(self.job_family.as_deref())
            .bind::<BigInt, _>(shown)
            .bind::<BigInt, _>(top)
            .get_result(conn)
    }
}
