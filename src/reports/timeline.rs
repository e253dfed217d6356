//! Timeline: hires per month or quarter, and the annual pay committed so far.

use bigdecimal::BigDecimal;
use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Numeric, Text};

use super::{
    Cell, Chart, Column, HIRES_WITH_PAY_SQL, Interval, PeopleLink, Report, ReportFilter,
    ReportTable, UnconvertedFigure, left_out_sql, report_query, to_f64,
};
use crate::charts;
use crate::error::AppError;

#[derive(Debug, Clone, QueryableByName)]
pub struct PeriodRow {
    #[diesel(sql_type = Date)]
    pub period: NaiveDate,
    #[diesel(sql_type = BigInt)]
    pub hires: i64,
    #[diesel(sql_type = BigInt)]
    pub with_pay: i64,
    #[diesel(sql_type = Numeric)]
    pub pay: BigDecimal,
    #[diesel(sql_type = Numeric)]
    pub cumulative: BigDecimal,
}

impl PeriodRow {
    pub fn label(&self, interval: Interval) -> String {
        match interval {
            Interval::Month => self.period.format("%Y-%m").to_string(),
            Interval::Quarter => {
                format!("{}-Q{}", self.period.year(), self.period.month0() / 3 + 1)
            }
        }
    }
}

/// Every period from the first hire to the last, empty ones included so the chart's time axis
/// is even. Binds $6 and $7: the interval's name and its length.
pub fn periods(conn: &mut PgConnection, filter: &ReportFilter) -> QueryResult<Vec<PeriodRow>> {
    let sql = format!(
        "{}, per AS (
            SELECT date_trunc($5::text, h.hired_on::timestamp)::date AS period, count(*) AS hires,
                   count(h.value) AS with_pay, coalesce(sum(h.value), 0) AS pay
            FROM hires h
            WHERE h.hired_on IS NOT NULL
            GROUP BY 1
        ), periods AS (
            SELECT generate_series(min(period)::timestamp, max(period)::timestamp,
                                   $6::interval)::date AS period
            FROM per
        )
        SELECT ps.period, coalesce(per.hires, 0) AS hires, coalesce(per.with_pay, 0) AS with_pay,
               coalesce(per.pay, 0) AS pay,
               sum(coalesce(per.pay, 0)) OVER (ORDER BY ps.period) AS cumulative
        FROM periods ps LEFT JOIN per ON per.period = ps.period
        ORDER BY ps.period",
        HIRES_WITH_PAY_SQL
    );
    report_query(sql, filter)
        .bind::<Text, _>(filter.interval.as_str())
        .bind::<Text, _>(filter.interval.step())
        .load(conn)
}

pub fn run(
    conn: &mut PgConnection,
    filter: &ReportFilter,
    currency: &str,
) -> Result<Report, AppError> {
    let rows = periods(conn, filter)?;
    let chart = if rows.is_empty() {
        None
    } else {
        Some(chart(&rows, filter, currency)?)
    };
    let left_out =
        report_query(left_out_sql(HIRES_WITH_PAY_SQL), filter).load::<UnconvertedFigure>(conn)?;
    let table = ReportTable {
        columns: vec![
            Column::text(if filter.interval == Interval::Month {
                "Month"
            } else {
                "Quarter"
            }),
            Column::number("Hires"),
            Column::number("With pay"),
            Column::number(format!("Annual pay committed ({currency})")),
            Column::number(format!("Cumulative ({currency})")),
        ],
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let hires = || hires_link(filter, r.period);
                vec![
                    Cell::Text(r.label(filter.interval)),
                    Cell::people(i, r.hires, hires),
                    Cell::people(i, r.with_pay, || hires().with("with_pay", "yes")),
                    Cell::Money(Some(r.pay.clone())),
                    Cell::Money(Some(r.cumulative.clone())),
                ]
            })
            .collect(),
    };
    Ok(Report {
        table,
        chart,
        left_out,
    })
}

/// The hires of the period starting on `start`, within the report's own dates.
fn hires_link(filter: &ReportFilter, start: NaiveDate) -> PeopleLink {
    let months = if filter.interval == Interval::Month {
        1
    } else {
        3
    };
    let end = start
        .checked_add_months(chrono::Months::new(months))
        .and_then(|next| next.pred_opt())
        .unwrap_or(start);
    let from = filter.from.map_or(start, |from| from.max(start));
    let to = filter.to.map_or(end, |to| to.min(end));
    PeopleLink::companies(filter)
        .with("stage", "hired")
        .with_date("hired_from", Some(from))
        .with_date("hired_to", Some(to))
}

fn chart(rows: &[PeriodRow], filter: &ReportFilter, currency: &str) -> anyhow::Result<Chart> {
    let interval = filter.interval;
    let links: Vec<Option<String>> = rows
        .iter()
        .map(|r| Some(hires_link(filter, r.period).href()))
        .collect();
    let top = rows.last().map_or(0.0, |r| to_f64(&r.cumulative));
    let (divisor, unit) = charts::money_scale(top, currency);
    let points: Vec<(String, f64, f64)> = rows
        .iter()
        .map(|r| {
            (
                r.label(interval),
                r.hires as f64,
                to_f64(&r.cumulative) / divisor,
            )
        })
        .collect();
    let title = format!(
        "Hires per {} and cumulative annual pay committed",
        interval.as_str()
    );
    let svg = charts::periods(
        &title,
        "Hires (people)",
        &format!("Cumulative annual pay ({unit})"),
        &points,
        &links,
    )?;
    let hires: i64 = rows.iter().map(|r| r.hires).sum();
    let alt = format!(
        "Bars of hires per {} from {} to {} ({hires} in all) with a line of the cumulative annual pay committed, reaching {} {currency}.",
        interval.as_str(),
        points[0].0,
        points[points.len() - 1].0,
        crate::domain::format_money(&rows[rows.len() - 1].cumulative),
    );
    Ok(Chart {
        svg,
        alt,
        note: None,
    })
}
