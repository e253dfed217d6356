-- The figures every report reads are kept by the triggers of figure_triggers.sql, in the same
-- transaction as each write (see the kept tables in migration `report_figures`); this file holds
-- what they are computed from.

-- A pay figure's value is kept as NUMERIC(16, 2) (`pay_figure.value`, `person_fact.value`):
-- below 10^14 in the reporting currency. A large amount in a currency whose rate is large
-- converts to more than that, and PostgreSQL would refuse the write with a bare "numeric field
-- overflow" (SQLSTATE 22003, and only the message's text, in the server's language, tells it
-- from any other overflow): a 500. So the conversion refuses such a figure itself, with the
-- same SQLSTATE and the name `pay_figure_value_fits`, which the app reads as it reads a CHECK's
-- (`models::pay_valuation::FIGURE_VALUE_FITS`) to show the reason beside the rate or the
-- amount. Whatever writes refused, a rate, a pay report or the reporting currency, nothing of
-- it is kept.
CREATE FUNCTION r.refuse_figure_too_large(value NUMERIC, currency TEXT) RETURNS NUMERIC
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RAISE EXCEPTION 'a pay figure in % converts to %, more than a kept figure holds',
        currency, value
        USING ERRCODE = 'numeric_value_out_of_range', CONSTRAINT = 'pay_figure_value_fits';
END
$$;

-- A figure's annualised midpoint in its own currency (DOMAIN.md: the midpoint of the band, a
-- total spread evenly over its years), unrounded, so that a conversion rounds only once. The
-- formula's one home: the kept figures (`pay_value`), the offer checks (`offer_review`) and
-- the pay pages (models/pay_valuation.rs, rounded to the cent) all call it; PostgreSQL
-- inlines it, so the plans are those of the formula written out.
CREATE FUNCTION r.annual_midpoint(low NUMERIC, high NUMERIC, years SMALLINT) RETURNS NUMERIC
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (low + high) / 2 / coalesce(years, 1)
$$;

-- A figure's annualised midpoint in the reporting currency, at the rate of its as_of day or
-- the nearest earlier one; `value` NULL when there is no such rate. `rate_on` is the day of the
-- rate used, NULL for a figure already in the reporting currency. One SQL statement, so the
-- planner inlines it where it is used; the refusal is only called for a figure that does not
-- fit (STABLE, so it is never evaluated ahead, while planning).
CREATE FUNCTION r.pay_value(cur TEXT, low NUMERIC, high NUMERIC, years SMALLINT, on_day DATE)
RETURNS TABLE (value NUMERIC, rate_on DATE) LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN v.value >= 1e14 THEN r.refuse_figure_too_large(v.value, cur) ELSE v.value END,
           v.rate_on
    FROM (
        SELECT round(r.annual_midpoint(low, high, years)
                     * CASE WHEN cur = s.reporting_currency THEN 1 ELSE r.rate END, 2) AS value,
               CASE WHEN cur <> s.reporting_currency THEN r.rate_on END AS rate_on
        FROM report_setting s
        LEFT JOIN LATERAL (
            SELECT er.rate, er.rate_on FROM exchange_rate er
            WHERE er.currency = cur AND er.rate_on <= on_day AND cur <> s.reporting_currency
            ORDER BY er.rate_on DESC LIMIT 1
        ) r ON true
    ) v
$$;

-- The stages in pipeline order. The order's home is Rust's `Stage` (domain/choices.rs), which
-- the forms, the board and the reports list stages by; this copy is here because the kept
-- figures' triggers number stages without Rust. tests/app/rule_homes/stage_order.rs holds it
-- to `Stage::ALL`.
CREATE FUNCTION r.stage_order() RETURNS TEXT[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY['sourced', 'contacted', 'interviewing', 'offer', 'hired', 'declined', 'withdrawn']
$$;

-- Each stage as one bit, in pipeline order, so a person's stages entered fit in one number and
-- "got at least this far" is a comparison. Rust asks for a stage's bit rather than computing
-- it (reports/pipeline.rs, models/person/counted.rs).
CREATE FUNCTION r.stage_bit(stage TEXT) RETURNS SMALLINT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (1 << (array_position(r.stage_order(), stage) - 1))::smallint
$$;

-- One row per pay report: its value, the person's attributes the reports group and filter
-- by, and which "latest figure" each report would pick it as. A report grouped by kind takes
-- each person's latest figure of each kind (latest_of_kind); filtered by kind and confidence,
-- the latest of both; and so on. Latest means by as_of, then by id; `next_as_of*` is the day of
-- the figure that follows in each of those orders (a date window's latest figure is the one
-- whose next comes after the window). `person_id = ANY(..)` is pushed into it, as every window
-- is partitioned by person.
CREATE VIEW r.pay_figure_source AS
SELECT pr.id AS pay_report_id, pr.person_id, p.origin_company_id, p.hiring_company_id, p.title,
       pr.kind, pr.confidence, pr.currency, pr.as_of, v.value, v.rate_on,
       row_number() OVER (PARTITION BY pr.person_id
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest,
       row_number() OVER (PARTITION BY pr.person_id, pr.kind
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_kind,
       row_number() OVER (PARTITION BY pr.person_id, pr.confidence
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_confidence,
       row_number() OVER (PARTITION BY pr.person_id, pr.kind, pr.confidence
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_both,
       lag(pr.as_of) OVER (PARTITION BY pr.person_id
                           ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of,
       lag(pr.as_of) OVER (PARTITION BY pr.person_id, pr.kind
                           ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of_kind,
       lag(pr.as_of) OVER (PARTITION BY pr.person_id, pr.confidence
                           ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of_confidence,
       lag(pr.as_of) OVER (PARTITION BY pr.person_id, pr.kind, pr.confidence
                           ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of_both
FROM pay_report pr
JOIN person p ON p.id = pr.person_id
CROSS JOIN LATERAL r.pay_value(pr.currency, pr.amount_low, pr.amount_high, pr.period_years, pr.as_of) v;

-- Per person, what the hire and pipeline reports read: the person's stage and companies, when
-- they were hired (the decision date, else the start date, else the day they were moved to
-- Hired; computed for everyone, used for hires), the day they entered the tracker (their first
-- stage change), the stages they ever entered (stage_bit), and their latest pay figure with
-- its value.
CREATE VIEW r.person_fact_source AS
SELECT p.id AS person_id, p.stage, p.origin_company_id, p.hiring_company_id,
       coalesce(p.decided_on, p.start_on,
                (SELECT max(sc.changed_at)::date FROM stage_change sc
                 WHERE sc.person_id = p.id AND sc.to_stage = 'hired')) AS hired_on,
       (SELECT min(sc.changed_at)::date FROM stage_change sc WHERE sc.person_id = p.id) AS entered_on,
       (SELECT coalesce(bit_or(DISTINCT r.stage_bit(sc.to_stage)), 0)::smallint FROM stage_change sc
        WHERE sc.person_id = p.id) AS entered,
       f.pay_report_id, f.value
FROM person p
LEFT JOIN pay_figure f ON f.person_id = p.id AND f.latest;

-- Every stay in a stage: from a stage change to the person's next one (`days` NULL while they
-- are still there), for the pipeline's median days in stage; with the person's companies and
-- the day they entered the tracker, the pipeline's filters.
CREATE VIEW r.stage_stay_source AS
SELECT sc.id AS stage_change_id, sc.person_id, sc.to_stage AS stage,
       extract(epoch FROM lead(sc.changed_at) OVER (PARTITION BY sc.person_id
                                                    ORDER BY sc.changed_at, sc.id)
                          - sc.changed_at) / 86400 AS days,
       p.origin_company_id, p.hiring_company_id,
       (min(sc.changed_at) OVER (PARTITION BY sc.person_id))::date AS entered_on
FROM stage_change sc JOIN person p ON p.id = sc.person_id;
