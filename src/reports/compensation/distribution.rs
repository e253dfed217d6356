//! The compensation report's SQL: which figure each person counts with, each group's values
//! and their percentiles, and the chart's pooled "Other".

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Numeric, Text};

use super::ranked;
use crate::domain::{Confidence, PayKind};
use crate::reports::{GroupBy, ReportFilter, ReportQuery, report_query};

#[derive(Debug, Clone, QueryableByName)]
pub struct Distribution {
    /// The row stands for every group beyond the top ones (charts only).
    #[diesel(sql_type = Bool)]
    pub is_other: bool,
    /// The group has a value (a company, a title); `false` for "(not recorded)" and "Other".
    #[diesel(sql_type = Bool)]
    pub recorded: bool,
    #[diesel(sql_type = Text)]
    pub label: String,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
    #[diesel(sql_type = Numeric)]
    pub min: BigDecimal,
    #[diesel(sql_type = Numeric)]
    pub p25: BigDecimal,
    #[diesel(sql_type = Numeric)]
    pub median: BigDecimal,
    #[diesel(sql_type = Numeric)]
    pub p75: BigDecimal,
    #[diesel(sql_type = Numeric)]
    pub max: BigDecimal,
}

/// The SQL of each figure's group, and of the group's name. Groups are formed on the kept
/// column itself, so that one of the ordered indexes of migration `report_figures` hands each
/// group's values over already sorted; companies are named after grouping. Only these fixed
/// fragments reach the query text.
fn group_sql(group_by: GroupBy) -> (&'static str, &'static str) {
    const NOT_RECORDED: &str = "coalesce(grp, '(not recorded)')";
    match group_by {
        GroupBy::OriginCompany => (
            "f.origin_company_id",
            "coalesce((SELECT name FROM company WHERE id = grp), '(not recorded)')",
        ),
        GroupBy::HiringCompany => (
            "f.hiring_company_id",
            "coalesce((SELECT name FROM company WHERE id = grp), '(not recorded)')",
        ),
        GroupBy::Title => ("f.title", NOT_RECORDED),
        GroupBy::Kind => ("f.kind", "grp"),
        GroupBy::Confidence => ("f.confidence", "grp"),
    }
}

/// Which figure of a person each group counts: the latest among those the filters keep, within
/// the group when figures of one person fall into several (grouped by kind or confidence). The
/// database keeps a flag for each of these choices, and the day of the figure that follows
/// (migration `figure_next_as_of`): up to a window's end, the latest figure is the one whose
/// next figure comes after that day, so no window sorts its figures by person.
fn pick_sql(filter: &ReportFilter) -> String {
    let by_kind = filter.kind.is_some() || filter.group_by == GroupBy::Kind;
    let by_confidence = filter.confidence.is_some() || filter.group_by == GroupBy::Confidence;
    let (flag, next) = match (by_kind, by_confidence) {
        (false, false) => ("f.latest", "f.next_as_of"),
        (true, false) => ("f.latest_of_kind", "f.next_as_of_kind"),
        (false, true) => ("f.latest_of_confidence", "f.next_as_of_confidence"),
        (true, true) => ("f.latest_of_both", "f.next_as_of_both"),
    };
    match filter.to {
        Some(_) => format!("AND ({next} IS NULL OR {next} > $4)"),
        None => format!("AND {flag}"),
    }
}

/// `chosen`: per group and person, the person's latest figure by as_of among those the
/// filters keep, so a person counts once per group. Binds $1 to $6.
fn chosen_sql(filter: &ReportFilter) -> String {
    // A flag's figures are read through its ordered indexes by each use; a window ending on a
    // day has no index in the order the report reads, so its figures are picked once.
    chosen_cte(filter, filter.to.is_some())
}

pub(super) fn chosen_cte(filter: &ReportFilter, once: bool) -> String {
    let materialized = if once {
        "MATERIALIZED"
    } else {
        "NOT MATERIALIZED"
    };
    format!(
        "WITH chosen AS {materialized} (
            SELECT {group} AS grp, f.pay_report_id, f.value
            FROM pay_figure f
            WHERE ($1::bigint IS NULL OR f.origin_company_id = $1)
              AND ($2::bigint IS NULL OR f.hiring_company_id = $2)
              AND ($3::date IS NULL OR f.as_of >= $3)
              AND ($4::date IS NULL OR f.as_of <= $4)
              AND ($5::text IS NULL OR f.kind = $5)
              AND ($6::text IS NULL OR f.confidence = $6)
              {pick}
        )",
        group = group_sql(filter.group_by).0,
        pick = pick_sql(filter),
    )
}

/// The compensation SQL with its binds: the shared four, then $5 kind and $6 confidence.
pub(super) fn compensation_query(sql: String, filter: &ReportFilter) -> ReportQuery {
    report_query(sql, filter)
        .bind::<Nullable<Text>, _>(filter.kind.map(|k| k.as_str()))
        .bind::<Nullable<Text>, _>(filter.confidence.map(|c| c.as_str()))
}

impl crate::reports::Pooled for Distribution {
    fn is_other(&self) -> bool {
        self.is_other
    }
}

/// Every group, largest first; with `top`, then one "Other" row pooling the groups beyond it
/// (when there are any).
pub fn distributions(
    conn: &mut PgConnection,
    filter: &ReportFilter,
    top: Option<i64>,
) -> QueryResult<Vec<Distribution>> {
    if by_rank(filter, top) {
        return by_rank_query(filter).load(conn);
    }
    // Unless a window's end materialises `chosen`, the groups read it through an ordered index,
    // and the pooled "Other" (only with `top`) reads it again, in value order where an index
    // has it so, with the top groups as a filter rather than a join that would lose that order.
    // Each array is gathered from a subquery sorted by value rather than with
    // `array_agg(.. ORDER BY value)`: PostgreSQL 15 sorts an ordered aggregate's input again
    // even when the index already hands it over sorted (a third of the page's time). A sorted
    // subquery is not flattened, and the only step above it is the grouping, which keeps the
    // order it receives (PostgreSQL's documented way to feed an aggregate in order). "Other"
    // is read only when there are more groups than `top` (a condition checked once).
    let outside_top = "CASE WHEN c.grp IS NULL
                THEN NOT (SELECT coalesce(bool_or(grp IS NULL), false) FROM top)
                ELSE NOT coalesce(c.grp = ANY(ARRAY(SELECT grp FROM top WHERE grp IS NOT NULL)), false)
            END";
    let other = match other_by_rank(filter) {
        Some(grouped_by) => ranked::other_sql(grouped_by, outside_top),
        None => format!(
            "other AS (
            SELECT true AS is_other, false AS recorded, 'Other' AS label,
                   cardinality(v)::bigint AS n, v[1] AS min,
                   round(r.exact_percentile(v, 0.25), 2) AS p25,
                   round(r.exact_percentile(v, 0.5), 2) AS median,
                   round(r.exact_percentile(v, 0.75), 2) AS p75,
                   v[cardinality(v)] AS max
            FROM (
                SELECT array_agg(value) AS v FROM (
                    SELECT c.value FROM chosen c
                    WHERE $7::bigint IS NOT NULL AND (SELECT count(*) FROM named) > $7
                      AND c.value IS NOT NULL AND {outside_top}
                    ORDER BY c.value
                ) in_order
                HAVING count(*) > 0
            ) pooled
        )"
        ),
    };
    let sql = format!(
        "{chosen}, grouped AS ({grouped}
        ), named AS (
            SELECT grp, grp IS NOT NULL AS recorded, {label} AS label, v FROM grouped
        ), top AS (
            SELECT grp FROM named ORDER BY cardinality(v) DESC, label LIMIT $7
        ), {other}
        SELECT false AS is_other, recorded, label, cardinality(v)::bigint AS n, v[1] AS min,
               round(r.exact_percentile(v, 0.25), 2) AS p25,
               round(r.exact_percentile(v, 0.5), 2) AS median,
               round(r.exact_percentile(v, 0.75), 2) AS p75,
               v[cardinality(v)] AS max
        FROM named
        UNION ALL
        SELECT * FROM other
        ORDER BY is_other, n DESC, label",
        chosen = chosen_sql(filter),
        grouped = grouped_sql(filter),
        label = group_sql(filter.group_by).1,
    );
    compensation_query(sql, filter)
        .bind::<Nullable<BigInt>, _>(top)
        .load(conn)
}

/// Each group's values as a sorted array (`grp`, `v`), from `chosen`. A window's figures are
/// sorted here, by cents as a whole number: the same order as the value's (two decimals, at
/// most sixteen digits) and cheaper to compare. Grouped by kind or confidence, a handful of
/// groups would leave most comparisons to the value, so the figures are sorted by value alone
/// and each group's array filtered from that one stream.
fn grouped_sql(filter: &ReportFilter) -> String {
    let few: Vec<&str> = match filter.group_by {
        GroupBy::Kind => PayKind::ALL.iter().map(|k| k.as_str()).collect(),
        GroupBy::Confidence => Confidence::ALL.iter().map(|c| c.as_str()).collect(),
        _ => Vec::new(),
    };
    match filter.to {
        None => "
            SELECT grp, array_agg(value) AS v FROM (
                SELECT grp, value FROM chosen WHERE value IS NOT NULL ORDER BY grp, value
            ) in_order
            GROUP BY grp"
            .to_owned(),
        Some(_) if few.is_empty() => "
            SELECT grp, array_agg(value) AS v FROM (
                SELECT grp, value FROM chosen WHERE value IS NOT NULL
                ORDER BY grp, (value * 100)::bigint
            ) in_order
            GROUP BY grp"
            .to_owned(),
        Some(_) => {
            let each = |f: &dyn Fn(&str) -> String| -> String {
                few.iter().map(|g| f(g)).collect::<Vec<_>>().join(", ")
            };
            format!(
                "
            SELECT g.grp, g.v FROM (
                SELECT {arrays} FROM (
                    SELECT grp, value FROM chosen WHERE value IS NOT NULL
                    ORDER BY (value * 100)::bigint
                ) in_order
            ) per_group
            CROSS JOIN LATERAL (VALUES {rows}) AS g(grp, v)
            WHERE g.v IS NOT NULL",
                arrays =
                    each(&|g| format!("array_agg(value) FILTER (WHERE grp = '{g}') AS \"{g}\"")),
                rows = each(&|g| format!("('{g}', \"{g}\")")),
            )
        }
    }
}

/// The kept counts' grouping when the chart's pooled "Other" can be found by rank: over everyone
/// (the counts are kept for each person's latest figure, unfiltered), grouped by a company or
/// title, where "Other" pools most of a million figures.
fn other_by_rank(filter: &ReportFilter) -> Option<&'static str> {
    let unfiltered = filter.origin_company_id.is_none()
        && filter.hiring_company_id.is_none()
        && filter.from.is_none()
        && filter.to.is_none()
        && filter.kind.is_none()
        && filter.confidence.is_none();
    match filter.group_by {
        _ if !unfiltered => None,
        GroupBy::Kind | GroupBy::Confidence => None,
        by => Some(by.as_str()),
    }
}

/// Whether each percentile can be read at its rank from the group's ordered index instead of
/// gathering the group: for the few large groups of kind or confidence, over everyone (each
/// group holds some 700,000 figures at a million people), when no "Other" is asked for.
fn by_rank(filter: &ReportFilter, top: Option<i64>) -> bool {
    let groups = match filter.group_by {
        GroupBy::Kind if filter.confidence.is_none() => PayKind::ALL.len(),
        GroupBy::Confidence if filter.kind.is_none() => Confidence::ALL.len(),
        _ => return false,
    };
    let everyone = filter.origin_company_id.is_none()
        && filter.hiring_company_id.is_none()
        && filter.from.is_none()
        && filter.to.is_none();
    everyone && top.is_none_or(|top| top >= groups as i64)
}

/// Each group's count, its ends, and each percentile, found by rank from the kept counts
/// (`ranked`) and read through the group's ordered index (`pay_figure_kind_value_idx`,
/// `pay_figure_confidence_value_idx`): no group is gathered or sorted.
fn by_rank_query(filter: &ReportFilter) -> ReportQuery {
    let (grouped_by, only) = match filter.group_by {
        GroupBy::Kind => (GroupBy::Kind, "AND ($5::text IS NULL OR grp = $5)"),
        _ => (GroupBy::Confidence, "AND ($6::text IS NULL OR grp = $6)"),
    };
    let sql = ranked::groups_sql(
        &chosen_sql(filter),
        grouped_by.as_str(),
        only,
        group_sql(filter.group_by).1,
    );
    compensation_query(sql, filter)
}
