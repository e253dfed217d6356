//! Removing the demo data in one step, once a tracker holds real data: every demo pay report,
//! person, exchange rate, and the demo companies nobody else refers to. The audit triggers
//! record each deletion under the admin who asked.

use diesel::prelude::*;

use crate::schema::{company, exchange_rate, pay_report, person};

/// How much demo data there is, or was removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DemoCounts {
    pub people: i64,
    pub pay_reports: i64,
    pub companies: i64,
    pub exchange_rates: i64,
    /// Demo companies that people of your own refer to: these stay.
    pub companies_kept: i64,
}

impl DemoCounts {
    pub fn any(&self) -> bool {
        self.people + self.pay_reports + self.companies + self.exchange_rates > 0
    }
}

/// Demo companies that no person who stays refers to.
fn removable_companies() -> company::BoxedQuery<'static, diesel::pg::Pg> {
    let staying = person::table.filter(person::is_demo.eq(false));
    company::table
        .filter(company::is_demo.eq(true))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            staying
                .filter(
                    person::origin_company_id
                        .eq(company::id.nullable())
                        .or(person::hiring_company_id.eq(company::id.nullable())),
                )
                .select(person::id),
        )))
        .into_boxed()
}

/// Whether any demo data is left, as `count(..).any()` says, without counting it: the
/// dashboard asks on every view. Each part stops at its first row, found through the `is_demo`
/// partial indexes (migration `demo_indexes`), so a tracker without demo data answers from
/// empty indexes.
pub fn any(conn: &mut PgConnection) -> QueryResult<bool> {
    use diesel::dsl::exists;
    diesel::select(
        exists(person::table.filter(person::is_demo.eq(true)))
            .or(exists(
                pay_report::table.filter(pay_report::is_demo.eq(true)),
            ))
            .or(exists(
                exchange_rate::table.filter(exchange_rate::is_demo.eq(true)),
            ))
            .or(exists(removable_companies().select(company::id))),
    )
    .get_result(conn)
}

pub fn count(conn: &mut PgConnection) -> QueryResult<DemoCounts> {
    let companies: i64 = removable_companies().count().get_result(conn)?;
    let all_companies: i64 = company::table
        .filter(company::is_demo.eq(true))
        .count()
        .get_result(conn)?;
    Ok(DemoCounts {
        people: person::table
            .filter(person::is_demo.eq(true))
            .count()
            .get_result(conn)?,
        pay_reports: pay_report::table
            .filter(pay_report::is_demo.eq(true))
            .count()
            .get_result(conn)?,
        companies,
        exchange_rates: exchange_rate::table
            .filter(exchange_rate::is_demo.eq(true))
            .count()
            .get_result(conn)?,
        companies_kept: all_companies - companies,
    })
}

/// Removes it all in one transaction: either everything goes or nothing does.
pub fn remove(conn: &mut PgConnection) -> QueryResult<DemoCounts> {
    conn.transaction(|conn| {
        let before = count(conn)?;
        diesel::delete(pay_report::table.filter(pay_report::is_demo.eq(true))).execute(conn)?;
        diesel::delete(person::table.filter(person::is_demo.eq(true))).execute(conn)?;
        let ids: Vec<crate::domain::CompanyId> =
            removable_companies().select(company::id).load(conn)?;
        diesel::delete(company::table.filter(company::id.eq_any(ids))).execute(conn)?;
        diesel::delete(exchange_rate::table.filter(exchange_rate::is_demo.eq(true)))
            .execute(conn)?;
        Ok(before)
    })
}
