//! Compensation percentiles found by their rank from the counts the database keeps per range of
//! values (`pay_value_count`, migration `pay_value_counts`), for the unfiltered report: each
//! range's stripes are summed, the ranges are added up to the one holding a rank, and only that
//! range is read, in order, through an index. Nothing below the rank is walked, and no group is
//! gathered or sorted.

/// The value at a percentile of `n` values (`exact_percentile`'s interpolation, then rounded to
/// cents as the report shows it), from `v`: the value at rank ⌊p·(n−1)⌋ and the one after it.
fn interpolated(p: &str, n: &str, v: &str) -> String {
    format!(
        "round({v}[1] + ({p} * ({n} - 1) - floor({p} * ({n} - 1)))
                        * (coalesce({v}[2], {v}[1]) - {v}[1]), 2)"
    )
}

/// `ranks`: for each group (`grp`, `total`) and percentile `p`, the range holding its rank
/// (`bucket`) and the rank's place within that range and those above it (`skip`), from
/// `counts` (`grp`, `bucket`, `n`).
const RANKS_SQL: &str = "ranged AS (
            SELECT grp, bucket, n,
                   sum(n) OVER (PARTITION BY grp ORDER BY bucket) - n AS before,
                   sum(n) OVER (PARTITION BY grp) AS total
            FROM counts WHERE n > 0
        ), ranks AS (
            SELECT r.grp, r.total, p.p, r.bucket, floor(p.p * (r.total - 1)) - r.before AS skip
            FROM ranged r
            CROSS JOIN (VALUES (0.25), (0.5), (0.75)) AS p(p)
            WHERE floor(p.p * (r.total - 1)) >= r.before
              AND floor(p.p * (r.total - 1)) < r.before + r.n
        )";

/// Every group of kind or confidence, by rank. `chosen` is the report's CTE (its figures read
/// through `(kind, value)` or `(confidence, value)` indexes); `grouped_by` the kept counts'
/// grouping, `only` a condition on their `grp` for a filter on the grouping itself.
pub(super) fn groups_sql(chosen: &str, grouped_by: &str, only: &str, label: &str) -> String {
    let around = "(SELECT array_agg(value ORDER BY value) FROM (
                SELECT x.value FROM chosen x
                WHERE x.grp = g.grp AND x.value IS NOT NULL AND x.value >= r.bucket
                ORDER BY x.value OFFSET r.skip LIMIT 2) two)";
    let at = |p: &str| {
        format!(
            "(SELECT {} FROM ranks r WHERE r.grp = g.grp AND r.p = {p})",
            interpolated(p, "g.total", around)
        )
    };
    format!(
        "{chosen}, counts AS (
            SELECT grp, bucket, sum(n) AS n FROM pay_value_count
            WHERE grouped_by = '{grouped_by}' {only}
            GROUP BY grp, bucket
        ), {RANKS_SQL}, totals AS (
            SELECT DISTINCT grp, total FROM ranks
        )
        SELECT false AS is_other, g.grp IS NOT NULL AS recorded, {label} AS label, g.total::bigint AS n,
               (SELECT x.value FROM chosen x WHERE x.grp = g.grp AND x.value IS NOT NULL
                ORDER BY x.value LIMIT 1) AS min,
               {p25} AS p25, {median} AS median, {p75} AS p75,
               (SELECT x.value FROM chosen x WHERE x.grp = g.grp AND x.value IS NOT NULL
                ORDER BY x.value DESC LIMIT 1) AS max
        FROM totals g
        ORDER BY n DESC, label",
        label = label.replace("grp", "g.grp"),
        p25 = at("0.25"),
        median = at("0.5"),
        p75 = at("0.75"),
    )
}

/// The chart's pooled "Other" row by rank, as CTEs after `chosen`, `named` and `top`: every
/// figure's counts less those of the `top` groups, then each percentile read from everyone's
/// values in order (`pay_figure_latest_value_idx`), skipping the top groups'. `outside_top` is
/// the condition on `c.grp` that keeps a figure of `chosen c` out of the top groups.
pub(super) fn other_sql(grouped_by: &str, outside_top: &str) -> String {
    let pooled = |order: &str| {
        format!(
            "(SELECT c.value FROM chosen c WHERE c.value IS NOT NULL AND {outside_top}
              ORDER BY c.value {order} LIMIT 1)"
        )
    };
    let at = |p: &str| {
        let around = format!(
            "(SELECT array_agg(value ORDER BY value) FROM (
                SELECT c.value FROM chosen c
                WHERE c.value IS NOT NULL AND c.value >= r.bucket AND {outside_top}
                ORDER BY c.value OFFSET r.skip LIMIT 2) two)"
        );
        format!(
            "(SELECT {} FROM ranks r WHERE r.p = {p})",
            interpolated(p, "o.total", &around)
        )
    };
    format!(
        "counts AS (
            SELECT NULL::text AS grp, a.bucket, a.n - coalesce(t.n, 0) AS n
            FROM (
                SELECT bucket, sum(n) AS n FROM pay_value_count
                WHERE grouped_by = '{every}' GROUP BY bucket
            ) a
            LEFT JOIN (
                SELECT bucket, sum(n) AS n FROM pay_value_count
                WHERE grouped_by = '{grouped_by}'
                  AND (grp = ANY(ARRAY(SELECT grp::text FROM top WHERE grp IS NOT NULL))
                       OR grp IS NULL AND EXISTS (SELECT 1 FROM top WHERE grp IS NULL))
                GROUP BY bucket
            ) t ON t.bucket = a.bucket
            WHERE (SELECT count(*) FROM named) > $7
        ), {RANKS_SQL}, other AS (
            SELECT true AS is_other, false AS recorded, 'Other' AS label, o.total::bigint AS n,
                   {min} AS min, {p25} AS p25, {median} AS median, {p75} AS p75, {max} AS max
            FROM (SELECT DISTINCT total FROM ranks) o
        )",
        every = crate::reports::GroupBy::EVERY_FIGURE,
        min = pooled(""),
        max = pooled("DESC"),
        p25 = at("0.25"),
        median = at("0.5"),
        p75 = at("0.75"),
    )
}
