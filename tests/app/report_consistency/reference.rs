//! The reports as they were computed before any figure was kept: every conversion looked up
//! and every "latest figure" picked from the base tables, in the query itself. Slow, and
//! obviously right; the kept figures must give the same rows.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Date, Nullable, Text};
use talent_tracker::domain::Stage;
use talent_tracker::reports::compensation::Distribution;
use talent_tracker::reports::pipeline::StageRow;
use talent_tracker::reports::talent_flow::FlowRow;
use talent_tracker::reports::timeline::PeriodRow;
use talent_tracker::reports::{GroupBy, ReportFilter, UnconvertedFigure};

/// `picked` to `chosen`: each figure's annualised midpoint in $1, at the rate of its day or
/// the nearest earlier one.
const VALUED: &str = ", chosen AS (
        SELECT pk.*, round((pk.amount_low + pk.amount_high) / 2 / coalesce(pk.period_years, 1)
               * CASE WHEN pk.currency = $1 THEN 1 ELSE (
                   SELECT er.rate FROM exchange_rate er
                   WHERE er.currency = pk.currency AND er.rate_on <= pk.as_of
                   ORDER BY er.rate_on DESC LIMIT 1) END, 2) AS value
        FROM picked pk
    )";

/// $1 currency, $2 origin, $3 hiring, $4 from, $5 to.
fn hires() -> String {
    format!(
        "WITH hires AS (
            SELECT * FROM (
                SELECT p.id, p.origin_company_id, p.hiring_company_id,
                       coalesce(p.decided_on, p.start_on, (
                           SELECT max(sc.changed_at)::date FROM stage_change sc
                           WHERE sc.person_id = p.id AND sc.to_stage = 'hired')) AS hired_on
                FROM person p
                WHERE p.stage = 'hired'
                  AND ($2::bigint IS NULL OR p.origin_company_id = $2)
                  AND ($3::bigint IS NULL OR p.hiring_company_id = $3)
            ) h
            WHERE ($4::date IS NULL OR h.hired_on >= $4) AND ($5::date IS NULL OR h.hired_on <= $5)
        ), picked AS (
            SELECT DISTINCT ON (pr.person_id) pr.person_id, pr.currency, pr.amount_low,
                   pr.amount_high, pr.period_years, pr.as_of
            FROM pay_report pr JOIN hires h ON h.id = pr.person_id
            ORDER BY pr.person_id, pr.as_of DESC, pr.id DESC
        ){VALUED}"
    )
}

/// $1 to $5 as for hires, $6 kind, $7 confidence.
fn chosen_by_group(group_by: GroupBy) -> String {
    let (group, raw) = match group_by {
        GroupBy::OriginCompany => ("coalesce(oc.name, '(not recorded)')", "oc.id"),
        GroupBy::HiringCompany => ("coalesce(hc.name, '(not recorded)')", "hc.id"),
        GroupBy::Title => ("coalesce(p.title, '(not recorded)')", "p.title"),
        GroupBy::Kind => ("pr.kind", "pr.kind"),
        GroupBy::Confidence => ("pr.confidence", "pr.confidence"),
    };
    format!(
        "WITH picked AS (
            SELECT DISTINCT ON (grp, pr.person_id) {group} AS grp, {raw} IS NOT NULL AS recorded,
                   pr.person_id, pr.currency,
                   pr.amount_low, pr.amount_high, pr.period_years, pr.as_of
            FROM pay_report pr
            JOIN person p ON p.id = pr.person_id
            LEFT JOIN company oc ON oc.id = p.origin_company_id
            LEFT JOIN company hc ON hc.id = p.hiring_company_id
            WHERE ($2::bigint IS NULL OR p.origin_company_id = $2)
              AND ($3::bigint IS NULL OR p.hiring_company_id = $3)
              AND ($4::date IS NULL OR pr.as_of >= $4)
              AND ($5::date IS NULL OR pr.as_of <= $5)
              AND ($6::text IS NULL OR pr.kind = $6)
              AND ($7::text IS NULL OR pr.confidence = $7)
            ORDER BY grp, pr.person_id, pr.as_of DESC, pr.id DESC
        ){VALUED}"
    )
}

type Query =
    diesel::query_builder::BoxedSqlQuery<'static, diesel::pg::Pg, diesel::query_builder::SqlQuery>;

fn query(sql: String, filter: &ReportFilter, currency: &str) -> Query {
    diesel::sql_query(sql)
        .into_boxed()
        .bind::<Text, _>(currency.to_owned())
        .bind::<Nullable<BigInt>, _>(filter.origin_company_id)
        .bind::<Nullable<BigInt>, _>(filter.hiring_company_id)
        .bind::<Nullable<Date>, _>(filter.from)
        .bind::<Nullable<Date>, _>(filter.to)
        .bind::<Nullable<Text>, _>(filter.kind.map(|k| k.as_str()))
        .bind::<Nullable<Text>, _>(filter.confidence.map(|c| c.as_str()))
}

fn left_out(with_chosen: String) -> String {
    format!(
        "{with_chosen}
        SELECT DISTINCT c.person_id, p.full_name AS person_name, c.currency, c.amount_low,
               c.amount_high, c.as_of
        FROM chosen c JOIN person p ON p.id = c.person_id
        WHERE c.value IS NULL
        ORDER BY p.full_name, c.as_of"
    )
}

/// With `top`, the groups beyond it pooled into one "Other" row, as the charts show them.
pub fn distributions(
    conn: &mut PgConnection,
    filter: &ReportFilter,
    currency: &str,
    top: Option<i64>,
) -> QueryResult<Vec<Distribution>> {
    let sql = format!(
        "{}, ranked AS (
            SELECT grp FROM chosen WHERE value IS NOT NULL GROUP BY grp
            ORDER BY count(*) DESC, grp LIMIT $8
        ), sorted AS (
            SELECT (r.grp IS NULL) AS is_other, coalesce(r.grp, 'Other') AS label,
                   bool_and(r.grp IS NOT NULL AND c.recorded) AS recorded,
                   array_agg(c.value ORDER BY c.value) AS v
            FROM chosen c LEFT JOIN ranked r ON r.grp = c.grp
            WHERE c.value IS NOT NULL
            GROUP BY 1, 2
        )
        SELECT is_other, recorded, label, cardinality(v)::bigint AS n, v[1] AS min,
               round(r.exact_percentile(v, 0.25), 2) AS p25,
               round(r.exact_percentile(v, 0.5), 2) AS median,
               round(r.exact_percentile(v, 0.75), 2) AS p75,
               v[cardinality(v)] AS max
        FROM sorted ORDER BY is_other, n DESC, label",
        chosen_by_group(filter.group_by)
    );
    query(sql, filter, currency)
        .bind::<Nullable<BigInt>, _>(top)
        .load(conn)
}

pub fn compensation_left_out(
    conn: &mut PgConnection,
    filter: &ReportFilter,
    currency: &str,
) -> QueryResult<Vec<UnconvertedFigure>> {
    query(left_out(chosen_by_group(filter.group_by)), filter, currency).load(conn)
}

pub fn hires_left_out(
    conn: &mut PgConnection,
    filter: &ReportFilter,
    currency: &str,
) -> QueryResult<Vec<UnconvertedFigure>> {
    query(left_out(hires()), filter, currency).load(conn)
}

/// With `top`, the pairs beyond it pooled into one "Other" row.
pub fn flows(
    conn: &mut PgConnection,
    filter: &ReportFilter,
    currency: &str,
    top: Option<i64>,
) -> QueryResult<Vec<FlowRow>> {
    let sql = format!(
        "{}, pairs AS (
            SELECT coalesce(oc.name, '(not recorded)') AS origin,
                   coalesce(hc.name, '(not recorded)') AS hiring, c.value,
                   h.origin_company_id AS o, h.hiring_company_id AS h
            FROM hires h
            LEFT JOIN chosen c ON c.person_id = h.id
            LEFT JOIN company oc ON oc.id = h.origin_company_id
            LEFT JOIN company hc ON hc.id = h.hiring_company_id
        ), ranked AS (
            SELECT origin, hiring FROM pairs GROUP BY origin, hiring
            ORDER BY count(*) DESC, origin, hiring LIMIT $8
        )
        SELECT (r.origin IS NULL) AS is_other,
               CASE WHEN r.origin IS NOT NULL THEN min(p.o) END AS origin_id,
               CASE WHEN r.origin IS NOT NULL THEN min(p.h) END AS hiring_id,
               coalesce(r.origin, 'Other') AS origin,
               coalesce(r.hiring, '') AS hiring, count(*) AS people, count(p.value) AS with_pay,
               round(r.exact_percentile(array_agg(p.value ORDER BY p.value)
                     FILTER (WHERE p.value IS NOT NULL), 0.5), 2) AS median,
               sum(p.value) AS total
        FROM pairs p LEFT JOIN ranked r ON r.origin = p.origin AND r.hiring = p.hiring
        GROUP BY r.origin, r.hiring
        ORDER BY is_other, people DESC, origin, hiring",
        hires()
    );
    query(sql, filter, currency)
        .bind::<Nullable<BigInt>, _>(top)
        .load(conn)
}

pub fn periods(
    conn: &mut PgConnection,
    filter: &ReportFilter,
    currency: &str,
) -> QueryResult<Vec<PeriodRow>> {
    let sql = format!(
        "{}, per AS (
            SELECT date_trunc($8::text, h.hired_on::timestamp)::date AS period, count(*) AS hires,
                   count(c.value) AS with_pay, coalesce(sum(c.value), 0) AS pay
            FROM hires h LEFT JOIN chosen c ON c.person_id = h.id
            WHERE h.hired_on IS NOT NULL
            GROUP BY 1
        ), periods AS (
            SELECT generate_series(min(period)::timestamp, max(period)::timestamp,
                                   $9::interval)::date AS period
            FROM per
        )
        SELECT ps.period, coalesce(per.hires, 0) AS hires, coalesce(per.with_pay, 0) AS with_pay,
               coalesce(per.pay, 0) AS pay,
               sum(coalesce(per.pay, 0)) OVER (ORDER BY ps.period) AS cumulative
        FROM periods ps LEFT JOIN per ON per.period = ps.period
        ORDER BY ps.period",
        hires()
    );
    query(sql, filter, currency)
        .bind::<Text, _>(filter.interval.as_str())
        .bind::<Text, _>(filter.interval.step())
        .load(conn)
}

/// Per stage: who reached it (the funnel's stages by the furthest one each person reached; the
/// ways out by who entered them), who is there now, and the median days spent in it.
pub fn stages(conn: &mut PgConnection, filter: &ReportFilter) -> QueryResult<Vec<StageRow>> {
    let names = |stages: &mut dyn Iterator<Item = &Stage>| -> Vec<&'static str> {
        stages.map(|s| s.as_str()).collect()
    };
    diesel::sql_query(
        "WITH people AS (
            SELECT p.id, p.stage FROM person p
            WHERE ($1::bigint IS NULL OR p.origin_company_id = $1)
              AND ($2::bigint IS NULL OR p.hiring_company_id = $2)
              AND ($3::date IS NULL OR (SELECT min(sc.changed_at)::date FROM stage_change sc
                                        WHERE sc.person_id = p.id) >= $3)
              AND ($4::date IS NULL OR (SELECT min(sc.changed_at)::date FROM stage_change sc
                                        WHERE sc.person_id = p.id) <= $4)
        ), moves AS (
            SELECT sc.person_id, sc.to_stage,
                   extract(epoch FROM lead(sc.changed_at) OVER (
                       PARTITION BY sc.person_id ORDER BY sc.changed_at, sc.id) - sc.changed_at)
                   / 86400 AS days
            FROM stage_change sc JOIN people pe ON pe.id = sc.person_id
        ), furthest AS (
            SELECT person_id, max(array_position($6::text[], to_stage)) AS reached
            FROM moves GROUP BY person_id
        ), stages AS (
            SELECT stage, position::int FROM unnest($5::text[]) WITH ORDINALITY AS s(stage, position)
        ), counted AS (
            SELECT s.stage, s.position,
                   CASE WHEN s.position <= cardinality($6::text[])
                        THEN (SELECT count(*) FROM furthest f WHERE f.reached >= s.position)
                        ELSE (SELECT count(DISTINCT m.person_id) FROM moves m
                              WHERE m.to_stage = s.stage)
                   END AS reached,
                   (SELECT count(*) FROM people pe WHERE pe.stage = s.stage) AS now,
                   (SELECT round(r.exact_percentile(array_agg(m.days ORDER BY m.days), 0.5), 1)
                    FROM moves m WHERE m.to_stage = s.stage AND m.days IS NOT NULL) AS median_days
            FROM stages s
        )
        SELECT stage, reached, now,
               CASE WHEN position < cardinality($6::text[]) AND reached > 0
                    THEN round(100.0 * lead(reached) OVER (ORDER BY position) / reached, 1)
               END AS conversion,
               median_days
        FROM counted ORDER BY position",
    )
    .bind::<Nullable<BigInt>, _>(filter.origin_company_id)
    .bind::<Nullable<BigInt>, _>(filter.hiring_company_id)
    .bind::<Nullable<Date>, _>(filter.from)
    .bind::<Nullable<Date>, _>(filter.to)
    .bind::<Array<Text>, _>(names(&mut Stage::ALL.iter()))
    .bind::<Array<Text>, _>(names(&mut Stage::ALL.iter().filter(|s| s.in_funnel())))
    .load(conn)
}
