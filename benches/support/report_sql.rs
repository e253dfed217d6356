//! The reports written afresh for DuckDB from the base tables (DOMAIN.md and the migrations
//! define them; the app's own SQL is not reused), so that agreement means something. Money is
//! in integer cents, percents and days in integer tenths; `support::duckdb` formats them.

/// A report's filters, as the query string gives them.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub from: Option<String>,
    pub to: Option<String>,
    pub origin_company: Option<String>,
    pub hiring_company: Option<String>,
    pub kind: Option<String>,
    pub confidence: Option<String>,
}

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

impl Filter {
    /// The query string of the app's URL, without the leading `?`.
    pub fn query(&self) -> String {
        let pairs = [
            ("from", &self.from),
            ("to", &self.to),
            ("origin_company", &self.origin_company),
            ("hiring_company", &self.hiring_company),
            ("kind", &self.kind),
            ("confidence", &self.confidence),
        ];
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs.iter().filter_map(|(k, v)| Some((*k, v.as_deref()?))))
            .finish()
    }

    /// SQL conditions on a row with a date column `day` and company ids `origin`, `hiring`.
    fn conditions(&self, day: &str, origin: &str, hiring: &str) -> String {
        let mut sql = String::new();
        let company =
            |name: &str| format!("(SELECT id FROM company WHERE name = {})", quoted(name));
        if let Some(from) = &self.from {
            sql.push_str(&format!(" AND {day} >= DATE {}", quoted(from)));
        }
        if let Some(to) = &self.to {
            sql.push_str(&format!(" AND {day} <= DATE {}", quoted(to)));
        }
        if let Some(name) = &self.origin_company {
            sql.push_str(&format!(" AND {origin} = {}", company(name)));
        }
        if let Some(name) = &self.hiring_company {
            sql.push_str(&format!(" AND {hiring} = {}", company(name)));
        }
        sql
    }
}

/// Every pay report with its annualised midpoint in cents of the reporting currency, at the
/// rate of its as_of day or the nearest earlier one (an ASOF join); NULL without such a rate.
const FIGURES: &str = "figures AS (
    SELECT pr.id, pr.person_id, pr.kind, pr.confidence, pr.as_of,
           CASE WHEN pr.currency = reporting()
                THEN half_up(CAST(pr.amount_low * 100 AS HUGEINT) + CAST(pr.amount_high * 100 AS HUGEINT),
                             2 * coalesce(pr.period_years, 1))
                WHEN er.rate IS NOT NULL
                THEN half_up((CAST(pr.amount_low * 100 AS HUGEINT) + CAST(pr.amount_high * 100 AS HUGEINT))
                             * CAST(er.rate * 10000000000 AS HUGEINT),
                             2 * coalesce(pr.period_years, 1) * CAST(10000000000 AS HUGEINT))
           END AS cents
    FROM pay_report pr ASOF LEFT JOIN exchange_rate er
      ON er.currency = pr.currency AND pr.as_of >= er.rate_on
)";

/// Hired people with their hire day (decision, else start, else the last move to hired) and
/// their latest figure's cents.
fn hires(filter: &Filter) -> String {
    format!(
        "WITH {FIGURES}, hired_at AS (
            SELECT person_id, max(changed_on) AS day FROM stage_change
            WHERE to_stage = 'hired' GROUP BY person_id
        ), hires AS (
            SELECT p.id, p.origin_company_id, p.hiring_company_id,
                   coalesce(p.decided_on, p.start_on, h.day) AS hired_on
            FROM person p LEFT JOIN hired_at h ON h.person_id = p.id
            WHERE p.stage = 'hired' {}
        ), latest AS (
            SELECT person_id, cents FROM figures
            QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY as_of DESC, id DESC) = 1
        ), hired AS (
            SELECT h.*, l.cents FROM hires h LEFT JOIN latest l ON l.person_id = h.id
        )",
        filter.conditions("hired_on", "p.origin_company_id", "p.hiring_company_id")
    )
}

/// Origin, hiring, hires, with pay, median cents, total cents.
pub fn talent_flow(filter: &Filter) -> String {
    format!(
        "{}
        SELECT coalesce(oc.name, '(not recorded)') AS origin,
               coalesce(hc.name, '(not recorded)') AS hiring, count(*) AS people,
               count(h.cents) AS with_pay,
               pct(list(h.cents ORDER BY h.cents) FILTER (WHERE h.cents IS NOT NULL),
                   count(h.cents), 2) AS median,
               sum(h.cents) AS total
        FROM hired h
        LEFT JOIN company oc ON oc.id = h.origin_company_id
        LEFT JOIN company hc ON hc.id = h.hiring_company_id
        GROUP BY 1, 2 ORDER BY people DESC, origin, hiring",
        hires(filter)
    )
}

/// Month, hires, with pay, pay cents, cumulative cents; every month from the first to the last.
pub fn timeline(filter: &Filter) -> String {
    format!(
        "{}, per AS (
            SELECT date_trunc('month', hired_on) AS period, count(*) AS hires,
                   count(cents) AS with_pay, coalesce(sum(cents), 0) AS pay
            FROM hired WHERE hired_on IS NOT NULL GROUP BY 1
        ), periods AS (
            SELECT CAST(unnest(generate_series(min(period), max(period), INTERVAL 1 MONTH)) AS DATE)
                   AS period
            FROM per
        )
        SELECT strftime(ps.period, '%Y-%m') AS month, coalesce(per.hires, 0),
               coalesce(per.with_pay, 0), coalesce(per.pay, 0),
               sum(coalesce(per.pay, 0)) OVER (ORDER BY ps.period)
        FROM periods ps LEFT JOIN per ON per.period = ps.period
        ORDER BY ps.period",
        hires(filter)
    )
}

/// Per group: label, people, min, p25, median, p75, max (cents); each person counts once per
/// group, with their latest figure among those the filters keep.
pub fn compensation(filter: &Filter, group_by: &str) -> String {
    let group = match group_by {
        "origin_company" => "coalesce(oc.name, '(not recorded)')",
        "hiring_company" => "coalesce(hc.name, '(not recorded)')",
        "title" => "coalesce(p.title, '(not recorded)')",
        "kind" => "f.kind",
        _ => "f.confidence",
    };
    let mut conditions = filter.conditions("f.as_of", "p.origin_company_id", "p.hiring_company_id");
    if let Some(kind) = &filter.kind {
        conditions.push_str(&format!(" AND f.kind = {}", quoted(kind)));
    }
    if let Some(confidence) = &filter.confidence {
        conditions.push_str(&format!(" AND f.confidence = {}", quoted(confidence)));
    }
    format!(
        "WITH {FIGURES}, chosen AS (
            SELECT {group} AS grp, f.cents FROM figures f
            JOIN person p ON p.id = f.person_id
            LEFT JOIN company oc ON oc.id = p.origin_company_id
            LEFT JOIN company hc ON hc.id = p.hiring_company_id
            WHERE true {conditions}
            QUALIFY row_number() OVER (PARTITION BY grp, f.person_id
                                       ORDER BY f.as_of DESC, f.id DESC) = 1
        ), sorted AS (
            SELECT grp, list(cents ORDER BY cents) AS v, count(*) AS n
            FROM chosen WHERE cents IS NOT NULL GROUP BY grp
        )
        SELECT grp, n, v[1], pct(v, n, 1), pct(v, n, 2), pct(v, n, 3), v[n]
        FROM sorted ORDER BY n DESC, grp"
    )
}

/// Per stage in pipeline order: reached, there now, went on (tenths of a percent), median
/// days in stage (tenths). Dates filter the day people entered the tracker.
pub fn pipeline(filter: &Filter) -> String {
    format!(
        "WITH entered AS (
            SELECT person_id, min(changed_on) AS day FROM stage_change GROUP BY person_id
        ), people AS (
            SELECT p.id, p.stage FROM person p LEFT JOIN entered e ON e.person_id = p.id
            WHERE true {}
        ), stages(stage, position) AS (
            VALUES ('sourced', 1), ('contacted', 2), ('interviewing', 3), ('offer', 4),
                   ('hired', 5), ('declined', 6), ('withdrawn', 7)
        ), moves AS (
            SELECT sc.person_id, sc.to_stage,
                   lead(sc.changed_us) OVER (PARTITION BY sc.person_id ORDER BY sc.changed_us, sc.id)
                   - sc.changed_us AS us
            FROM stage_change sc JOIN people pe ON pe.id = sc.person_id
        ), by_stage AS (
            SELECT to_stage AS stage, count(DISTINCT person_id) AS entered,
                   list(us ORDER BY us) FILTER (WHERE us IS NOT NULL) AS v, count(us) AS n
            FROM moves GROUP BY to_stage
        ), furthest AS (
            SELECT max(s.position) FILTER (WHERE s.position <= 5) AS reached
            FROM moves m JOIN stages s ON s.stage = m.to_stage GROUP BY m.person_id
        ), now AS (
            SELECT stage, count(*) AS n FROM people GROUP BY stage
        ), counted AS (
            SELECT s.stage, s.position,
                   CASE WHEN s.position <= 5
                        THEN (SELECT count(*) FROM furthest f WHERE f.reached >= s.position)
                        ELSE coalesce(b.entered, 0) END AS reached,
                   coalesce(nw.n, 0) AS now,
                   CASE WHEN b.n > 0 THEN half_up(
                       CAST(2 * b.v[(b.n - 1) // 2 + 1]
                            + ((b.n - 1) % 2) * (b.v[(b.n - 1) // 2 + 1 + ((b.n - 1) % 2)]
                                                 - b.v[(b.n - 1) // 2 + 1]) AS HUGEINT) * 10,
                       CAST(2 * 86400000000 AS HUGEINT)) END AS median_days
            FROM stages s LEFT JOIN by_stage b ON b.stage = s.stage
            LEFT JOIN now nw ON nw.stage = s.stage
        )
        SELECT stage, reached, now,
               CASE WHEN position < 5 AND reached > 0
                    THEN half_up(1000 * lead(reached) OVER (ORDER BY position), reached) END,
               median_days
        FROM counted ORDER BY position",
        filter.conditions("e.day", "p.origin_company_id", "p.hiring_company_id")
    )
}

/// The dashboard: people per stage, and the five largest converted figures (id and cents).
pub fn dashboard() -> String {
    format!(
        "WITH {FIGURES}, counts AS (
            SELECT list(stage || '=' || n ORDER BY stage) AS stages, sum(n) AS total
            FROM (SELECT stage, count(*) AS n FROM person GROUP BY stage)
        ), top AS (
            SELECT list(id || '=' || cents ORDER BY cents DESC, id) AS largest
            FROM (SELECT id, cents FROM figures WHERE cents IS NOT NULL
                  ORDER BY cents DESC, id LIMIT 5)
        )
        SELECT * FROM counts, top"
    )
}
