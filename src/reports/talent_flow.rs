//! Talent flow: hires from each origin company to each hiring company, and what they cost.

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Numeric, Text};

use super::{
    Cell, Chart, Column, HIRES_WITH_PAY_SQL, Report, ReportFilter, ReportTable, UnconvertedFigure,
    chart_rows, left_out_sql, report_query,
};
use crate::charts;
use crate::error::AppError;

#[derive(Debug, Clone, QueryableByName)]
pub struct FlowRow {
    /// The row stands for every pair beyond the top ones (charts only).
    #[diesel(sql_type = Bool)]
    pub is_other: bool,
    #[diesel(sql_type = Text)]
    pub origin: String,
    #[diesel(sql_type = Text)]
    pub hiring: String,
    #[diesel(sql_type = BigInt)]
    pub people: i64,
    #[diesel(sql_type = BigInt)]
    pub with_pay: i64,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub median: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub total: Option<BigDecimal>,
}

/// The pairs, largest first; with `top`, the pairs beyond it are summed into one "Other" row.
pub fn flows(
    conn: &mut PgConnection,
    filter: &ReportFilter,
    top: Option<i64>,
) -> QueryResult<Vec<FlowRow>> {
    let sql = format!(
        "{}, pairs AS (
            SELECT coalesce(oc.name, '(not recorded)') AS origin,
                   coalesce(hc.name, '(not recorded)') AS hiring, c.value
            FROM hires h
            LEFT JOIN chosen c ON c.person_id = h.id
            LEFT JOIN company oc ON oc.id = h.origin_company_id
            LEFT JOIN company hc ON hc.id = h.hiring_company_id
        ), ranked AS (
            SELECT origin, hiring FROM pairs GROUP BY origin, hiring
            ORDER BY count(*) DESC, origin, hiring LIMIT $5
        )
        SELECT (r.origin IS NULL) AS is_other, coalesce(r.origin, 'Other') AS origin,
               coalesce(r.hiring, '') AS hiring, count(*) AS people, count(p.value) AS with_pay,
               round(exact_percentile(array_agg(p.value ORDER BY p.value)
                     FILTER (WHERE p.value IS NOT NULL), 0.5), 2) AS median,
               sum(p.value) AS total
        FROM pairs p LEFT JOIN ranked r ON r.origin = p.origin AND r.hiring = p.hiring
        GROUP BY 1, 2, 3
        ORDER BY is_other, people DESC, origin, hiring",
        HIRES_WITH_PAY_SQL
    );
    report_query(sql, filter)
        .bind::<Nullable<BigInt>, _>(top)
        .load(conn)
}

pub fn run(
    conn: &mut PgConnection,
    filter: &ReportFilter,
    currency: &str,
) -> Result<Report, AppError> {
    let rows = flows(conn, filter, None)?;
    let chart = if rows.is_empty() {
        None
    } else {
        let pooled = chart_rows(&rows, |top| flows(conn, filter, Some(top)))?;
        Some(chart(&pooled)?)
    };
    let left_out =
        report_query(left_out_sql(HIRES_WITH_PAY_SQL), filter).load::<UnconvertedFigure>(conn)?;
    let table = ReportTable {
        columns: vec![
            Column::text("Origin company"),
            Column::text("Hiring company"),
            Column::number("Hires"),
            Column::number("With pay"),
            Column::number(format!("Median annual pay ({currency})")),
            Column::number(format!("Total annual pay ({currency})")),
        ],
        rows: rows
            .into_iter()
            .map(|r| {
                vec![
                    Cell::Text(r.origin),
                    Cell::Text(r.hiring),
                    Cell::Count(r.people),
                    Cell::Count(r.with_pay),
                    Cell::Money(r.median),
                    Cell::Money(r.total),
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

fn chart(rows: &[FlowRow]) -> anyhow::Result<Chart> {
    let bars: Vec<(String, f64)> = rows
        .iter()
        .map(|r| {
            let label = if r.is_other {
                "Other pairs".to_owned()
            } else {
                format!("{} → {}", r.origin, r.hiring)
            };
            (label, r.people as f64)
        })
        .collect();
    let svg = charts::bars(
        "Hires by origin and hiring company",
        "Hires (people)",
        &bars,
    )?;
    let alt = format!(
        "Bar chart of hires per origin and hiring company. The largest flow is {} with {} hire(s).",
        bars[0].0, rows[0].people
    );
    Ok(Chart { svg, alt })
}
