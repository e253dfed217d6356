//! The market for a job family and level: each person's latest `reported` or `agreed` figure
//! of that family and level, annualised and in the reporting currency, as `pay_figure` keeps
//! them (figures without a rate are left out).

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Numeric, Text};

use crate::domain::PayReportId;

/// The spread of the market figures, and where one offer's figure lies among them.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Market {
    #[diesel(sql_type = BigInt)]
    pub n: i64,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub p25: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub median: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub p75: Option<BigDecimal>,
    /// The offer's annualised midpoint in the reporting currency (`None`: no offer asked
    /// about, or no rate for it).
    #[diesel(sql_type = Nullable<Numeric>)]
    pub offer_value: Option<BigDecimal>,
    /// Market figures below, and equal to, the offer's.
    #[diesel(sql_type = BigInt)]
    pub below: i64,
    #[diesel(sql_type = BigInt)]
    pub equal: i64,
}

const MARKET: &str = "
    WITH latest AS (
        SELECT DISTINCT ON (f.person_id) f.value
        FROM pay_figure f JOIN person p ON p.id = f.person_id
        WHERE f.kind IN ('reported', 'agreed')
          AND fold_case(p.job_family) = fold_case($1) AND fold_case(p.level) = fold_case($2)
        ORDER BY f.person_id, f.as_of DESC, f.pay_report_id DESC
    ), known AS (
        SELECT value FROM latest WHERE value IS NOT NULL
    ), offer AS (
        SELECT (SELECT value FROM pay_figure WHERE pay_report_id = $3) AS value
    )
    SELECT count(k.value) AS n,
           round(r.exact_percentile(array_agg(k.value ORDER BY k.value), 0.25), 2) AS p25,
           round(r.exact_percentile(array_agg(k.value ORDER BY k.value), 0.5), 2) AS median,
           round(r.exact_percentile(array_agg(k.value ORDER BY k.value), 0.75), 2) AS p75,
           o.value AS offer_value,
           count(k.value) FILTER (WHERE k.value < o.value) AS below,
           count(k.value) FILTER (WHERE k.value = o.value) AS equal
    FROM offer o LEFT JOIN known k ON true
    GROUP BY o.value";

impl Market {
    /// The market of a family and level, and where `offer` (if any) lies in it.
    pub fn of(
        conn: &mut PgConnection,
        job_family: &str,
        level: &str,
        offer: Option<PayReportId>,
    ) -> QueryResult<Market> {
        diesel::sql_query(MARKET)
            .bind::<Text, _>(job_family)
            .bind::<Text, _>(level)
            .bind::<BigInt, _>(offer.map_or(0, PayReportId::get))
            .get_result(conn)
    }

    /// Fewer than this many figures give no percentiles: two points are not a market.
    pub const ENOUGH: i64 = 3;

    /// The offer's percentile rank: the share of market figures below it, counting those
    /// equal to it as half below, in percent with one decimal.
    pub fn offer_rank(&self) -> Option<BigDecimal> {
        if self.n < Self::ENOUGH {
            return None;
        }
        self.offer_value.as_ref()?;
        let below = BigDecimal::from(self.below * 2 + self.equal) * BigDecimal::from(50);
        Some((below / BigDecimal::from(self.n)).round(1))
    }
}
