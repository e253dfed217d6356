//! Talent flow: hires from each origin company to each hiring company, and what they cost.

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Numeric, Text};

use super::{
    Cell, Chart, Column, HIRES_WITH_PAY_SQL, PeopleLink, Report, ReportFilter, ReportTable,
    UnconvertedFigure, left_out_sql, report_query, table_and_chart,
};
use crate::charts;
use crate::error::AppError;

#[derive(Debug, Clone, QueryableByName)]
pub struct FlowRow {
    /// The row stands for every pair beyond the top ones (charts only).
    #[diesel(sql_type = Bool)]
    pub is_other: bool,
    /// The companies' ids; `None` where none is recorded (and on the "Other" row).
    #[diesel(sql_type = Nullable<BigInt>)]
    pub origin_id: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub hiring_id: Option<i64>,
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

/// Every pair, largest first; with `top`, then one "Other" row summing the pairs beyond it
/// (when there are any).
impl super::Pooled for FlowRow {
    fn is_other(&self) -> bool {
        self.is_other
    }
}

pub fn flows(
    conn: &mut PgConnection,
    filter: &ReportFilter,
    top: Option<i64>,
) -> QueryResult<Vec<FlowRow>> {
    // Pairs are counted by company id (in the order of `person_fact_flow_idx`) and named
    // afterwards; with `top`, the hires of the pairs beyond it are pooled in one more pass, read in
    // value order (`person_fact_hired_value_idx`) so the median's sort finds them sorted. No
    // company has id 0 (ids start at 1), so it stands for "none" where NOT IN needs a value.
    let sql = format!(
        "{HIRES_WITH_PAY_SQL}, pairs AS (
            SELECT origin_company_id AS o, hiring_company_id AS h, count(*) AS people,
                   count(value) AS with_pay,
                   round(r.exact_percentile(array_agg(value ORDER BY value)
                         FILTER (WHERE value IS NOT NULL), 0.5), 2) AS median,
                   sum(value) AS total
            FROM hires GROUP BY 1, 2
        ), named AS (
            SELECT p.*, coalesce(oc.name, '(not recorded)') AS origin,
                   coalesce(hc.name, '(not recorded)') AS hiring
            FROM pairs p
            LEFT JOIN company oc ON oc.id = p.o
            LEFT JOIN company hc ON hc.id = p.h
        ), top AS (
            SELECT o, h FROM named ORDER BY people DESC, origin, hiring LIMIT $5
        )
        SELECT false AS is_other, o AS origin_id, h AS hiring_id, origin, hiring, people, with_pay,
               median, total
        FROM named
        UNION ALL
        SELECT true, NULL, NULL, 'Other', '', count(*), count(value),
               round(r.exact_percentile(array_agg(value ORDER BY value)
                     FILTER (WHERE value IS NOT NULL), 0.5), 2),
               sum(value)
        FROM (
            SELECT x.value FROM hires x
            WHERE $5::bigint IS NOT NULL
              AND (coalesce(x.origin_company_id, 0), coalesce(x.hiring_company_id, 0))
                  NOT IN (SELECT coalesce(o, 0), coalesce(h, 0) FROM top)
            ORDER BY x.value
        ) other
        HAVING count(*) > 0
        ORDER BY is_other, people DESC, origin, hiring"
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
    let (rows, pooled) = table_and_chart(flows(conn, filter, Some(charts::TOP_ROWS))?);
    let chart = if rows.is_empty() {
        None
    } else {
        Some(chart(&pooled, filter)?)
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
            .enumerate()
            .map(|(i, r)| {
                let hires = Cell::people(i, r.people, || hires_link(filter, &r));
                let with_pay = Cell::people(i, r.with_pay, || {
                    hires_link(filter, &r).with("with_pay", "yes")
                });
                vec![
                    Cell::Text(r.origin),
                    Cell::Text(r.hiring),
                    hires,
                    with_pay,
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

/// The hires of one pair, within the report's filters.
fn hires_link(filter: &ReportFilter, r: &FlowRow) -> PeopleLink {
    PeopleLink::companies(filter)
        .with("stage", "hired")
        .with_date("hired_from", filter.from)
        .with_date("hired_to", filter.to)
        .company("origin_company", r.origin_id.map(|_| r.origin.as_str()))
        .company("hiring_company", r.hiring_id.map(|_| r.hiring.as_str()))
}

fn chart(rows: &[FlowRow], filter: &ReportFilter) -> anyhow::Result<Chart> {
    let links: Vec<Option<String>> = rows
        .iter()
        .map(|r| (!r.is_other).then(|| hires_link(filter, r).href()))
        .collect();
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
        "Origin → hiring company",
        &bars,
        &links,
    )?;
    let alt = format!(
        "Bar chart of hires per origin and hiring company. The largest flow is {} with {} hire(s).",
        bars[0].0, rows[0].people
    );
    Ok(Chart {
        svg,
        alt,
        note: None,
    })
}
