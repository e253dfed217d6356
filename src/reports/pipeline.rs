//! Pipeline: how far people get, stage by stage, and how long they stay in each.

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Date, Nullable, Numeric, Text};

use super::{Cell, Chart, Column, Report, ReportFilter, ReportTable};
use crate::charts;
use crate::domain::Stage;
use crate::error::AppError;

#[derive(Debug, Clone, QueryableByName)]
pub struct StageRow {
    #[diesel(sql_type = Text)]
    pub stage: String,
    /// People who got at least this far (for declined and withdrawn: who ended there).
    #[diesel(sql_type = BigInt)]
    pub reached: i64,
    #[diesel(sql_type = BigInt)]
    pub now: i64,
    /// Percent of those who reached this stage who went on to the next.
    #[diesel(sql_type = Nullable<Numeric>)]
    pub conversion: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub median_days: Option<BigDecimal>,
}

/// The funnel stages in order, then the ways out. Each CTE is one pass over the stage
/// history (MATERIALIZED so the per-stage lookups read the small results, not the history
/// again). Binds: $1 origin company id, $2 hiring company id, $3 from, $4 to (the day a
/// person entered the tracker, kept in `person_fact`), $5 every stage in pipeline order, $6 the funnel's stages.
const PIPELINE_SQL: &str = "
    WITH people AS (
        SELECT p.id, p.stage FROM person p JOIN person_fact pf ON pf.person_id = p.id
        WHERE ($1::bigint IS NULL OR p.origin_company_id = $1)
          AND ($2::bigint IS NULL OR p.hiring_company_id = $2)
          AND ($3::date IS NULL OR pf.entered_on >= $3)
          AND ($4::date IS NULL OR pf.entered_on <= $4)
    ), moves AS MATERIALIZED (
        SELECT sc.person_id, sc.to_stage,
               extract(epoch FROM lead(sc.changed_at) OVER (PARTITION BY sc.person_id ORDER BY sc.changed_at, sc.id)
                                  - sc.changed_at) / 86400 AS days
        FROM stage_change sc JOIN people pe ON pe.id = sc.person_id
    ), by_stage AS (
        SELECT to_stage AS stage, count(DISTINCT person_id) AS entered,
               round(exact_percentile(array_agg(days ORDER BY days) FILTER (WHERE days IS NOT NULL), 0.5), 1) AS median_days
        FROM moves GROUP BY to_stage
    ), furthest AS MATERIALIZED (
        SELECT reached, count(*) AS n FROM (
            SELECT max(array_position($6::text[], to_stage)) AS reached
            FROM moves GROUP BY person_id
        ) f GROUP BY reached
    ), now AS (
        SELECT stage, count(*) AS n FROM people GROUP BY stage
    ), stages AS (
        SELECT stage, position::int FROM unnest($5::text[]) WITH ORDINALITY AS s(stage, position)
    ), counted AS (
        SELECT s.stage, s.position,
               CASE WHEN s.position <= cardinality($6::text[])
                    THEN (SELECT coalesce(sum(f.n), 0) FROM furthest f WHERE f.reached >= s.position)
                    ELSE coalesce(b.entered, 0)
               END::bigint AS reached,
               coalesce(nw.n, 0) AS now, b.median_days
        FROM stages s LEFT JOIN by_stage b ON b.stage = s.stage LEFT JOIN now nw ON nw.stage = s.stage
    )
    SELECT stage, reached, now,
           CASE WHEN position < cardinality($6::text[]) AND reached > 0
                THEN round(100.0 * lead(reached) OVER (ORDER BY position) / reached, 1) END AS conversion,
           median_days
    FROM counted ORDER BY position";

pub fn stages(conn: &mut PgConnection, filter: &ReportFilter) -> QueryResult<Vec<StageRow>> {
    let names = |stages: &mut dyn Iterator<Item = &Stage>| -> Vec<&'static str> {
        stages.map(|s| s.as_str()).collect()
    };
    diesel::sql_query(PIPELINE_SQL)
        .bind::<Nullable<BigInt>, _>(filter.origin_company_id)
        .bind::<Nullable<BigInt>, _>(filter.hiring_company_id)
        .bind::<Nullable<Date>, _>(filter.from)
        .bind::<Nullable<Date>, _>(filter.to)
        .bind::<Array<Text>, _>(names(&mut Stage::ALL.iter()))
        .bind::<Array<Text>, _>(names(&mut Stage::ALL.iter().filter(|s| s.in_funnel())))
        .load(conn)
}

pub fn run(conn: &mut PgConnection, filter: &ReportFilter) -> Result<Report, AppError> {
    let rows = stages(conn, filter)?;
    let anyone = rows.iter().any(|r| r.reached > 0 || r.now > 0);
    let chart = if anyone { Some(chart(&rows)?) } else { None };
    let table = ReportTable {
        columns: vec![
            Column::text("Stage"),
            Column::number("Reached"),
            Column::number("There now"),
            Column::number("Went on to the next stage"),
            Column::number("Median days in stage"),
        ],
        rows: if anyone {
            rows.into_iter()
                .map(|r| {
                    vec![
                        Cell::Text(label(&r.stage)),
                        Cell::Count(r.reached),
                        Cell::Count(r.now),
                        Cell::Percent(r.conversion),
                        Cell::Days(r.median_days),
                    ]
                })
                .collect()
        } else {
            Vec::new()
        },
    };
    Ok(Report {
        table,
        chart,
        left_out: Vec::new(),
    })
}

fn label(stage: &str) -> String {
    Stage::parse(stage).map_or(stage.to_owned(), |s| s.label().to_owned())
}

fn chart(rows: &[StageRow]) -> anyhow::Result<Chart> {
    let bars: Vec<(String, f64)> = rows
        .iter()
        .map(|r| (label(&r.stage), r.reached as f64))
        .collect();
    let svg = charts::bars("How far people got", "People who reached the stage", &bars)?;
    let summary: Vec<String> = rows
        .iter()
        .map(|r| format!("{} {}", label(&r.stage), r.reached))
        .collect();
    Ok(Chart {
        svg,
        alt: format!(
            "Funnel of people per stage reached: {}.",
            summary.join(", ")
        ),
    })
}
