//! Offers chosen, counted and ordered in SQL by approval status and job family, so the
//! offers report reads only the rows it shows however many offers there are. The status is
//! `offer_review`'s (migrations), the one definition the offer pages read too.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text};

use crate::domain::{ApprovalStatus, PayReportId};

/// Which offers the report lists.
#[derive(Debug, Clone, Default)]
pub struct OfferFilter {
    pub status: Option<ApprovalStatus>,
    /// Without case, as bands match families.
    pub job_family: Option<String>,
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: PayReportId,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// How many chosen offers the chart could draw, and how many of them lie outside their base
/// range.
#[derive(Debug, Clone, Copy, Default)]
pub struct Charted {
    pub total: i64,
    pub outside: i64,
}

const CHOSEN: &str = "
    FROM offer_review($1) v
    JOIN pay_report r ON r.id = v.id
    JOIN person p ON p.id = r.person_id
    WHERE ($2::text IS NULL OR v.status = $2)
      AND ($3::text IS NULL OR lower(p.job_family) = lower($3))";

/// Without a status filter the count needs no review: offers and their people suffice.
const COUNTED_WITHOUT_STATUS: &str = "
    SELECT count(*) AS n FROM pay_report r JOIN person p ON p.id = r.person_id
    WHERE r.kind = 'offered' AND ($1::text IS NULL OR lower(p.job_family) = lower($1))";

impl OfferFilter {
    fn status(&self) -> Option<&'static str> {
        self.status.map(ApprovalStatus::as_str)
    }

    /// The chosen offers' ids, newest first, at most `limit` (`None`: all).
    pub fn ids(
        &self,
        conn: &mut PgConnection,
        reporting: &str,
        limit: Option<i64>,
    ) -> QueryResult<Vec<PayReportId>> {
        let sql = format!("SELECT v.id {CHOSEN} ORDER BY r.as_of DESC, r.id DESC LIMIT $4");
        let rows: Vec<Id> = diesel::sql_query(sql)
            .bind::<Text, _>(reporting)
            .bind::<Nullable<Text>, _>(self.status())
            .bind::<Nullable<Text>, _>(self.job_family.as_deref())
            .bind::<Nullable<BigInt>, _>(limit)
            .load(conn)?;
        Ok(rows.into_iter().map(|r| r.id).collect())
    }

    /// How many offers are chosen.
    pub fn count(&self, conn: &mut PgConnection, reporting: &str) -> QueryResult<i64> {
        let row: Count = match self.status() {
            None => diesel::sql_query(COUNTED_WITHOUT_STATUS)
                .bind::<Nullable<Text>, _>(self.job_family.as_deref())
                .get_result(conn)?,
            Some(status) => diesel::sql_query(format!("SELECT count(*) AS n {CHOSEN}"))
                .bind::<Text, _>(reporting)
                .bind::<Nullable<Text>, _>(Some(status))
                .bind::<Nullable<Text>, _>(self.job_family.as_deref())
                .get_result(conn)?,
        };
        Ok(row.n)
    }

    /// The `top` chosen offers with a base checked against their band, highest compa-ratio
    /// first, with how many such offers there are and how many lie outside their base range.
    pub fn charted(
        &self,
        conn: &mut PgConnection,
        reporting: &str,
        top: i64,
    ) -> QueryResult<(Vec<PayReportId>, Charted)> {
        let sql = format!(
            "SELECT v.id, count(*) OVER () AS n,
                    count(*) FILTER (WHERE NOT v.base_inside) OVER () AS outside
             {CHOSEN} AND v.base_compa IS NOT NULL
             ORDER BY v.base_compa DESC, r.as_of DESC, r.id DESC LIMIT $4"
        );
        let rows: Vec<ChartRow> = diesel::sql_query(sql)
            .bind::<Text, _>(reporting)
            .bind::<Nullable<Text>, _>(self.status())
            .bind::<Nullable<Text>, _>(self.job_family.as_deref())
            .bind::<BigInt, _>(top)
            .load(conn)?;
        let charted = Charted {
            total: rows.first().map_or(0, |r| r.n),
            outside: rows.first().map_or(0, |r| r.outside),
        };
        Ok((rows.into_iter().map(|r| r.id).collect(), charted))
    }
}

#[derive(QueryableByName)]
struct ChartRow {
    #[diesel(sql_type = BigInt)]
    id: PayReportId,
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = BigInt)]
    outside: i64,
}
