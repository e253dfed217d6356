//! Exchange rates to the reporting currency, by day.

use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use crate::schema::exchange_rate;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = exchange_rate, check_for_backend(diesel::pg::Pg))]
pub struct ExchangeRate {
    pub id: i64,
    pub currency: String,
    pub rate_on: NaiveDate,
    pub rate: BigDecimal,
    pub is_demo: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = exchange_rate)]
pub struct NewExchangeRate {
    pub currency: String,
    pub rate_on: NaiveDate,
    pub rate: BigDecimal,
}

/// Turns the CTE `picked` (pay figures with currency, amount_low, amount_high, period_years
/// and as_of) into `chosen`: the same rows with `value`, the annualised midpoint in the
/// reporting currency (bind $1) rounded to the cent, or NULL when no exchange rate is known on
/// or before the figure's as_of date; and `rate_on`, the day of the rate used (NULL for a
/// figure already in the reporting currency, or one without a rate). DOMAIN.md: the midpoint
/// of the band, a total divided by its years. The reports, the dashboard and the pay pages all
/// convert here, so they cannot disagree on which rate applies.
///
/// The rate is looked up once per currency and day rather than once per figure: a million
/// figures share a few thousand such pairs.
pub const VALUED_SQL: &str = ", rates AS MATERIALIZED (
            SELECT d.currency, d.as_of, er.rate, er.rate_on
            FROM (SELECT DISTINCT currency, as_of FROM picked WHERE currency <> $1) d
            LEFT JOIN LATERAL (
                SELECT er.rate, er.rate_on FROM exchange_rate er
                WHERE er.currency = d.currency AND er.rate_on <= d.as_of
                ORDER BY er.rate_on DESC LIMIT 1) er ON true
        ), chosen AS (
            SELECT pk.*, round(
                (pk.amount_low + pk.amount_high) / 2 / coalesce(pk.period_years, 1)
                * CASE WHEN pk.currency = $1 THEN 1 ELSE r.rate END, 2) AS value,
                r.rate_on
            FROM picked pk LEFT JOIN rates r ON r.currency = pk.currency AND r.as_of = pk.as_of
        )";

/// The constraint behind "there is a rate for that currency and day already".
pub const CURRENCY_DAY_KEY: &str = "exchange_rate_currency_day_key";

impl ExchangeRate {
    pub fn find(conn: &mut PgConnection, id: i64) -> QueryResult<ExchangeRate> {
        exchange_rate::table
            .find(id)
            .select(ExchangeRate::as_select())
            .first(conn)
    }

    pub fn count(conn: &mut PgConnection, currency: Option<&str>) -> QueryResult<i64> {
        filtered(currency).count().get_result(conn)
    }

    /// One page of rates, by currency and newest day first.
    pub fn list(
        conn: &mut PgConnection,
        currency: Option<&str>,
        offset: i64,
        limit: i64,
    ) -> QueryResult<Vec<ExchangeRate>> {
        filtered(currency)
            .order((exchange_rate::currency, exchange_rate::rate_on.desc()))
            .offset(offset)
            .limit(limit)
            .select(ExchangeRate::as_select())
            .load(conn)
    }

    pub fn insert(conn: &mut PgConnection, rate: &NewExchangeRate) -> QueryResult<ExchangeRate> {
        diesel::insert_into(exchange_rate::table)
            .values(rate)
            .returning(ExchangeRate::as_returning())
            .get_result(conn)
    }

    pub fn delete(conn: &mut PgConnection, id: i64) -> QueryResult<usize> {
        diesel::delete(exchange_rate::table.find(id)).execute(conn)
    }
}

fn filtered<'a>(currency: Option<&str>) -> exchange_rate::BoxedQuery<'a, diesel::pg::Pg> {
    let mut query = exchange_rate::table.into_boxed();
    if let Some(currency) = currency {
        query = query.filter(exchange_rate::currency.eq(currency.to_ascii_uppercase()));
    }
    query
}
