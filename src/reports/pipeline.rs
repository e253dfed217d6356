//! Pipeline: how far people get, stage by stage, and how long they stay in each.

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Date, Nullable, Numeric, Text};

use super::{Cell, Chart, Column, PeopleLink, Report, ReportFilter, ReportTable};
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

/// `counts` (people per current stage and stages entered, as `stage_bit` flags) and `medians`
/// (median finished days per stage) for people matching the filters, from what the database
/// keeps per person and per stay. The stays are read in order through `stage_stay_days_idx`
/// (each stay carries its person's companies and first day), so a median sorts nothing; for
/// one origin company, usually a few hundred people, their stays are found through them. By
/// hiring company or by day, an index range holds just those people and stays (migration
/// `pipeline_filter_indexes`). Each median's array is gathered from the stays already in
/// order, without `array_agg(.. ORDER BY ..)`, which PostgreSQL 15 would sort again.
/// Binds: $1 origin company id, $2 hiring company id, $3 from, $4 to (the day a person
/// entered the tracker).
fn filtered_sql(filter: &ReportFilter) -> String {
    let window = filter.from.is_some() || filter.to.is_some();
    // A window's stays come in no order, and sorting them by days alone takes half as long as
    // by stage and days (a handful of stages leaves most comparisons to the days); each
    // stage's array then takes its stays from that one ordered stream.
    let order = if window { "days" } else { "stage, days" };
    let stays = if filter.origin_company_id.is_some() {
        format!(
            "SELECT ss.stage, ss.days FROM stage_stay ss JOIN people p ON p.person_id = ss.person_id
             WHERE ss.days IS NOT NULL
             ORDER BY {order}"
        )
    } else {
        format!(
            "SELECT stage, days FROM stage_stay
             WHERE days IS NOT NULL
               AND ($2::bigint IS NULL OR hiring_company_id = $2)
               AND ($3::date IS NULL OR entered_on >= $3)
               AND ($4::date IS NULL OR entered_on <= $4)
             ORDER BY {order}"
        )
    };
    let medians = if window {
        let stage = |f: &dyn Fn(&str) -> String| -> String {
            Stage::ALL
                .iter()
                .map(|s| f(s.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            "SELECT m.stage, round(r.exact_percentile(m.days, 0.5), 1) AS median_days
            FROM (SELECT {arrays} FROM ({stays}) stays) per_stage
            CROSS JOIN LATERAL (VALUES {rows}) AS m(stage, days)
            WHERE m.days IS NOT NULL",
            arrays = stage(&|s| format!("array_agg(days) FILTER (WHERE stage = '{s}') AS \"{s}\"")),
            rows = stage(&|s| format!("('{s}', \"{s}\")")),
        )
    } else {
        format!(
            "SELECT stage, round(r.exact_percentile(array_agg(days), 0.5), 1) AS median_days
            FROM ({stays}) stays
            GROUP BY stage"
        )
    };
    format!(
        "WITH people AS (
            SELECT person_id, stage, entered FROM person_fact
            WHERE ($1::bigint IS NULL OR origin_company_id = $1)
              AND ($2::bigint IS NULL OR hiring_company_id = $2)
              AND ($3::date IS NULL OR entered_on >= $3)
              AND ($4::date IS NULL OR entered_on <= $4)
        ), counts AS (
            SELECT stage, entered, count(*) AS n FROM people GROUP BY stage, entered
        ), medians AS ({medians})"
    )
}

/// The same for everyone, from the kept summaries: the counts (each key's stripes added up),
/// and each median from the one or two stays at its rank, found by counting whole days
/// (`stage_stay_count`) and then reading within that day through the ordered index, so no stay
/// is sorted here.
const EVERYONE_SQL: &str = "
    WITH counts AS (
        SELECT stage, entered, sum(n) AS n FROM pipeline_count
        GROUP BY stage, entered HAVING sum(n) > 0
    ), stays AS (
        SELECT stage, whole_days, sum(n) AS n FROM stage_stay_count
        GROUP BY stage, whole_days HAVING sum(n) > 0
    ), days AS (
        SELECT stage, whole_days, n,
               sum(n) OVER (PARTITION BY stage ORDER BY whole_days) - n AS before,
               sum(n) OVER (PARTITION BY stage) AS total
        FROM stays
    ), ranks AS (
        SELECT DISTINCT stage, total, floor(0.5 * (total - 1)) AS lo, ceil(0.5 * (total - 1)) AS hi
        FROM days
    ), at_rank AS (
        SELECT r.stage, r.total, r.lo, r.hi, x.rank, x.days
        FROM ranks r
        CROSS JOIN LATERAL (VALUES (r.lo), (r.hi)) AS k(rank)
        JOIN days d ON d.stage = r.stage AND k.rank >= d.before AND k.rank < d.before + d.n
        CROSS JOIN LATERAL (
            SELECT k.rank, ss.days FROM stage_stay ss
            WHERE ss.stage = d.stage AND ss.days >= d.whole_days AND ss.days < d.whole_days + 1
            ORDER BY ss.days OFFSET (k.rank - d.before) LIMIT 1
        ) x
    ), medians AS (
        SELECT stage,
               round(min(days) FILTER (WHERE rank = lo)
                     + (0.5 * (total - 1) - lo)
                       * (min(days) FILTER (WHERE rank = hi) - min(days) FILTER (WHERE rank = lo)),
                     1) AS median_days
        FROM at_rank GROUP BY stage, total, lo, hi
    )";

/// The stages in order, then the ways out, from `counts` and `medians`. A funnel stage was
/// reached by everyone whose furthest funnel stage is it or a later one: with the stages as
/// bits in pipeline order, that is the funnel bits read as a number being at least the stage's
/// bit. A way out was reached by who entered it. Binds: $5 every stage in pipeline order, $6
/// the funnel's stages.
const STAGES_SQL: &str = ", funnel AS (
        SELECT bit_or(r.stage_bit(f))::smallint AS bits FROM unnest($6::text[]) AS f
    ), stages AS (
        SELECT stage, position::int FROM unnest($5::text[]) WITH ORDINALITY AS s(stage, position)
    ), counted AS (
        SELECT s.stage, s.position,
               CASE WHEN s.position <= cardinality($6::text[])
                    THEN (SELECT coalesce(sum(c.n), 0) FROM counts c, funnel
                          WHERE (c.entered & funnel.bits) >= r.stage_bit(s.stage))
                    ELSE (SELECT coalesce(sum(c.n), 0) FROM counts c
                          WHERE c.entered & r.stage_bit(s.stage) <> 0)
               END::bigint AS reached,
               (SELECT coalesce(sum(c.n), 0) FROM counts c WHERE c.stage = s.stage)::bigint AS now,
               m.median_days
        FROM stages s LEFT JOIN medians m ON m.stage = s.stage
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
    let everyone = filter.origin_company_id.is_none()
        && filter.hiring_company_id.is_none()
        && filter.from.is_none()
        && filter.to.is_none();
    let counts = if everyone {
        EVERYONE_SQL.to_owned()
    } else {
        filtered_sql(filter)
    };
    diesel::sql_query(format!("{counts}{STAGES_SQL}"))
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
    let chart = if anyone {
        Some(chart(&rows, filter)?)
    } else {
        None
    };
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
                .enumerate()
                .map(|(i, r)| {
                    let people = || entered_link(filter);
                    vec![
                        Cell::Text(label(&r.stage)),
                        Cell::people(i, r.reached, || people().with("reached", &*r.stage)),
                        Cell::people(i, r.now, || people().with("stage", &*r.stage)),
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

/// The people the report's filters keep.
fn entered_link(filter: &ReportFilter) -> PeopleLink {
    PeopleLink::companies(filter)
        .with_date("entered_from", filter.from)
        .with_date("entered_to", filter.to)
}

fn chart(rows: &[StageRow], filter: &ReportFilter) -> anyhow::Result<Chart> {
    let links: Vec<Option<String>> = rows
        .iter()
        .map(|r| Some(entered_link(filter).with("reached", &*r.stage).href()))
        .collect();
    let bars: Vec<(String, f64)> = rows
        .iter()
        .map(|r| (label(&r.stage), r.reached as f64))
        .collect();
    let svg = charts::bars(
        "How far people got",
        "People who reached the stage",
        "Stage",
        &bars,
        &links,
    )?;
    let summary: Vec<String> = rows
        .iter()
        .map(|r| format!("{} {}", label(&r.stage), r.reached))
        .collect();
    Ok(Chart {
        note: None,
        svg,
        alt: format!(
            "Funnel of people per stage reached: {}.",
            summary.join(", ")
        ),
    })
}
