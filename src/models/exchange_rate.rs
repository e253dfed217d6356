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

/// The constraint behind "there is a rate for that currency and day already".
pub const CURRENCY_DAY_KEY: &str = "exchange_rate_currency_day_key";

impl ExchangeRate {
    /// Up to `limit` rates in id order after `after`: a page of the API's list.
    pub fn page_after(
        conn: &mut PgConnection,
        after: Option<i64>,
        limit: i64,
    ) -> QueryResult<Vec<ExchangeRate>> {
        let mut query = exchange_rate::table
            .select(ExchangeRate::as_select())
            .into_boxed();
        if let Some(after) = after {
            query = query.filter(exchange_rate::id.gt(after));
        }
        query.order(exchange_rate::id).limit(limit).load(conn)
    }

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
