//! Reports: aggregated in PostgreSQL, shaped as one table that the page, its chart and its CSV
//! all show.

pub mod compensation;
pub mod drill;
pub mod filter;
pub mod offers;
pub mod pipeline;
pub mod table;
pub mod talent_flow;
pub mod timeline;
pub mod transparency;

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Date, Numeric, Text};

pub use drill::PeopleLink;
pub use filter::{GroupBy, Interval, PayScale, ReportFilter, ReportParams};
pub use table::{Cell, Column, ReportTable};

/// A pay figure a report needed but could not convert: no rate on or before its date.
#[derive(Debug, Clone, QueryableByName)]
pub struct UnconvertedFigure {
    #[diesel(sql_type = BigInt)]
    pub person_id: i64,
    #[diesel(sql_type = Text)]
    pub person_name: String,
    #[diesel(sql_type = Text)]
    pub currency: String,
    #[diesel(sql_type = Numeric)]
    pub amount_low: BigDecimal,
    #[diesel(sql_type = Numeric)]
    pub amount_high: BigDecimal,
    #[diesel(sql_type = Date)]
    pub as_of: NaiveDate,
}

/// One report's result: its table, its chart and the figures it had to leave out.
#[derive(Debug)]
pub struct Report {
    pub table: ReportTable,
    /// `None` when there is nothing to draw.
    pub chart: Option<Chart>,
    pub left_out: Vec<UnconvertedFigure>,
}

/// An SVG chart (wide and narrow) and the sentence that stands for it where it cannot be seen.
#[derive(Debug)]
pub struct Chart {
    pub svg: crate::charts::Svgs,
    pub alt: String,
    /// What a reader should know to read it right (a logarithmic scale), shown under it.
    pub note: Option<String>,
}

/// A row that may stand for every group beyond a chart's largest ones.
pub(crate) trait Pooled {
    fn is_other(&self) -> bool;
}

/// Splits a report's rows, as its query returns them (every group largest first, then the row
/// pooling those beyond the largest `TOP_ROWS` when there are more), into the table's rows and
/// the chart's. One query serves both, so the groups are aggregated once.
pub(crate) fn table_and_chart<T: Clone + Pooled>(rows: Vec<T>) -> (Vec<T>, Vec<T>) {
    let (other, groups): (Vec<T>, Vec<T>) = rows.into_iter().partition(Pooled::is_other);
    let mut chart: Vec<T> = groups
        .iter()
        .take(crate::charts::TOP_ROWS as usize)
        .cloned()
        .collect();
    chart.extend(other);
    (groups, chart)
}

pub(crate) fn to_f64(amount: &BigDecimal) -> f64 {
    bigdecimal::ToPrimitive::to_f64(amount).unwrap_or(0.0)
}

/// The CTEs `hires` (hired people matching the filters: their companies, `hired_on`, and
/// their latest pay figure's `value`) and `chosen` (those figures), read from what the database
/// keeps per person (`person_fact`, migration `report_figures`). Not materialised, so each use
/// reads the index that suits it. Binds: $1 origin company id, $2 hiring company id, $3 from,
/// $4 to.
pub(crate) const HIRES_WITH_PAY_SQL: &str = "WITH hires AS NOT MATERIALIZED (
            SELECT pf.person_id, pf.origin_company_id, pf.hiring_company_id, pf.hired_on,
                   pf.pay_report_id, pf.value
            FROM person_fact pf
            WHERE pf.stage = 'hired'
              AND ($1::bigint IS NULL OR pf.origin_company_id = $1)
              AND ($2::bigint IS NULL OR pf.hiring_company_id = $2)
              AND ($3::date IS NULL OR pf.hired_on >= $3)
              AND ($4::date IS NULL OR pf.hired_on <= $4)
        ), chosen AS (
            SELECT person_id, pay_report_id, value FROM hires WHERE pay_report_id IS NOT NULL
        )";

/// A report's SQL as a boxed query, so binds can be added in steps.
pub(crate) type ReportQuery =
    diesel::query_builder::BoxedSqlQuery<'static, diesel::pg::Pg, diesel::query_builder::SqlQuery>;

/// A report's SQL with the binds every report shares: $1 the origin company id, $2 the hiring
/// company id, $3 from, $4 to.
pub(crate) fn report_query(sql: String, filter: &ReportFilter) -> ReportQuery {
    use diesel::sql_types::Nullable;
    diesel::sql_query(sql)
        .into_boxed()
        .bind::<Nullable<BigInt>, _>(filter.origin_company_id)
        .bind::<Nullable<BigInt>, _>(filter.hiring_company_id)
        .bind::<Nullable<Date>, _>(filter.from)
        .bind::<Nullable<Date>, _>(filter.to)
}

/// Lists the figures of a `chosen` CTE (columns pay_report_id and value) that could not be
/// converted.
pub(crate) fn left_out_sql(with_chosen: &str) -> String {
    format!(
        "{with_chosen}
        SELECT DISTINCT pr.person_id, p.full_name AS person_name, pr.currency, pr.amount_low,
               pr.amount_high, pr.as_of
        FROM chosen c JOIN pay_report pr ON pr.id = c.pay_report_id
        JOIN person p ON p.id = pr.person_id
        WHERE c.value IS NULL
        ORDER BY p.full_name, pr.as_of"
    )
}
