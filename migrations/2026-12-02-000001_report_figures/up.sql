-- The figures every report reads, kept current by triggers in the same transaction as each
-- write, so a report never recomputes conversions or "which figure is the latest" over all pay
-- reports, and is never stale. tests/app/report_consistency.rs recomputes every report from the
-- base tables alone and compares. None of the kept tables has foreign keys: the refresh below
-- removes a person's rows whenever their pay reports, stages or the person change or go, and a
-- key check per row would double what a bulk import spends on them.

-- The reporting currency the maintained values are in. The app writes its configured one here
-- at startup; changing it recomputes every value.
CREATE TABLE report_setting (
    singleton          BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    reporting_currency TEXT NOT NULL DEFAULT 'USD' CHECK (reporting_currency ~ '^[A-Z]{3}$')
);
INSERT INTO report_setting DEFAULT VALUES;

-- A figure's annualised midpoint in the reporting currency (DOMAIN.md: the midpoint of the
-- band, a total spread over its years), at the rate of its as_of day or the nearest earlier
-- one; `value` NULL when there is no such rate. `rate_on` is the day of the rate used, NULL for
-- a figure already in the reporting currency. Inlined by the planner where it is used.
CREATE FUNCTION pay_value(cur TEXT, low NUMERIC, high NUMERIC, years SMALLINT, on_day DATE)
RETURNS TABLE (value NUMERIC, rate_on DATE) LANGUAGE sql STABLE AS $$
    SELECT round((low + high) / 2 / coalesce(years, 1)
                 * CASE WHEN cur = s.reporting_currency THEN 1 ELSE r.rate END, 2),
           CASE WHEN cur <> s.reporting_currency THEN r.rate_on END
    FROM report_setting s
    LEFT JOIN LATERAL (
        SELECT er.rate, er.rate_on FROM exchange_rate er
        WHERE er.currency = cur AND er.rate_on <= on_day AND cur <> s.reporting_currency
        ORDER BY er.rate_on DESC LIMIT 1
    ) r ON true
$$;

-- One row per pay report: its value, the person's attributes the reports group and filter
-- by, and which "latest figure" each report would pick it as. A report grouped by kind takes
-- each person's latest figure of each kind (latest_of_kind); filtered by kind and confidence,
-- the latest of both; and so on. Latest means by as_of, then by id.
CREATE TABLE pay_figure (
    pay_report_id        BIGINT PRIMARY KEY,
    person_id            BIGINT NOT NULL,
    origin_company_id    BIGINT,
    hiring_company_id    BIGINT,
    title                TEXT,
    kind                 TEXT NOT NULL,
    confidence           TEXT NOT NULL,
    currency             TEXT NOT NULL,
    as_of                DATE NOT NULL,
    value                NUMERIC(16, 2),
    rate_on              DATE,
    latest               BOOLEAN NOT NULL,
    latest_of_kind       BOOLEAN NOT NULL,
    latest_of_confidence BOOLEAN NOT NULL,
    latest_of_both       BOOLEAN NOT NULL
);

CREATE INDEX pay_figure_person_idx ON pay_figure (person_id);
-- Rate changes recompute the figures of one currency from one day on.
CREATE INDEX pay_figure_currency_idx ON pay_figure (currency, as_of);
-- The dashboard's largest packages, and the figures nobody could convert.
CREATE INDEX pay_figure_value_idx ON pay_figure (value DESC, pay_report_id) WHERE value IS NOT NULL;
CREATE INDEX pay_figure_unconverted_idx ON pay_figure (as_of DESC, pay_report_id) WHERE value IS NULL;
-- The compensation report's groups, each handing its values over sorted: the group's values
-- are collected in index order instead of sorting a million figures.
CREATE INDEX pay_figure_origin_value_idx ON pay_figure (origin_company_id, value)
    WHERE latest AND value IS NOT NULL;
CREATE INDEX pay_figure_hiring_value_idx ON pay_figure (hiring_company_id, value)
    WHERE latest AND value IS NOT NULL;
CREATE INDEX pay_figure_title_value_idx ON pay_figure (title, value)
    WHERE latest AND value IS NOT NULL;
CREATE INDEX pay_figure_kind_value_idx ON pay_figure (kind, value)
    WHERE latest_of_kind AND value IS NOT NULL;
CREATE INDEX pay_figure_confidence_value_idx ON pay_figure (confidence, value)
    WHERE latest_of_confidence AND value IS NOT NULL;
-- The default grouping (origin company) filtered by kind or by confidence.
CREATE INDEX pay_figure_kind_origin_value_idx ON pay_figure (kind, origin_company_id, value)
    WHERE latest_of_kind AND value IS NOT NULL;
CREATE INDEX pay_figure_confidence_origin_value_idx
    ON pay_figure (confidence, origin_company_id, value)
    WHERE latest_of_confidence AND value IS NOT NULL;
-- And every group's values in one order, for a chart's "Other" that pools all but the largest.
CREATE INDEX pay_figure_latest_value_idx ON pay_figure (value)
    INCLUDE (origin_company_id, hiring_company_id, title) WHERE latest AND value IS NOT NULL;

-- What the figures are computed from; `person_id = ANY(..)` is pushed into it, as every window
-- is partitioned by person.
CREATE VIEW pay_figure_source AS
SELECT pr.id AS pay_report_id, pr.person_id, p.origin_company_id, p.hiring_company_id, p.title,
       pr.kind, pr.confidence, pr.currency, pr.as_of, v.value, v.rate_on,
       row_number() OVER (PARTITION BY pr.person_id
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest,
       row_number() OVER (PARTITION BY pr.person_id, pr.kind
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_kind,
       row_number() OVER (PARTITION BY pr.person_id, pr.confidence
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_confidence,
       row_number() OVER (PARTITION BY pr.person_id, pr.kind, pr.confidence
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_both
FROM pay_report pr
JOIN person p ON p.id = pr.person_id
CROSS JOIN LATERAL pay_value(pr.currency, pr.amount_low, pr.amount_high, pr.period_years, pr.as_of) v;

-- Each stage as one bit, in pipeline order (the order of `Stage::ALL`, which a test checks), so
-- a person's stages entered fit in one number and "got at least this far" is a comparison.
CREATE FUNCTION stage_bit(stage TEXT) RETURNS SMALLINT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (1 << (array_position(
        ARRAY['sourced', 'contacted', 'interviewing', 'offer', 'hired', 'declined', 'withdrawn'],
        stage) - 1))::smallint
$$;

-- Per person, what the hire and pipeline reports read: the person's stage and companies, when
-- they were hired (the decision date, else the start date, else the day they were moved to
-- Hired; computed for everyone, used for hires), the day they entered the tracker (their first
-- stage change), the stages they ever entered (stage_bit), and their latest pay figure with
-- its value.
CREATE TABLE person_fact (
    person_id         BIGINT PRIMARY KEY,
    stage             TEXT NOT NULL,
    origin_company_id BIGINT,
    hiring_company_id BIGINT,
    hired_on          DATE,
    entered_on        DATE,
    entered           SMALLINT NOT NULL,
    pay_report_id     BIGINT,
    value             NUMERIC(16, 2)
);

CREATE INDEX person_fact_hires_idx ON person_fact (hired_on) WHERE stage = 'hired';
-- Talent flow's pairs, each handing its values over sorted.
CREATE INDEX person_fact_flow_idx ON person_fact (origin_company_id, hiring_company_id, value)
    WHERE stage = 'hired';
CREATE INDEX person_fact_hired_value_idx ON person_fact (value)
    INCLUDE (origin_company_id, hiring_company_id) WHERE stage = 'hired';
CREATE INDEX person_fact_pay_idx ON person_fact (pay_report_id);

CREATE VIEW person_fact_source AS
SELECT p.id AS person_id, p.stage, p.origin_company_id, p.hiring_company_id,
       coalesce(p.decided_on, p.start_on,
                (SELECT max(sc.changed_at)::date FROM stage_change sc
                 WHERE sc.person_id = p.id AND sc.to_stage = 'hired')) AS hired_on,
       (SELECT min(sc.changed_at)::date FROM stage_change sc WHERE sc.person_id = p.id) AS entered_on,
       (SELECT coalesce(bit_or(DISTINCT stage_bit(sc.to_stage)), 0)::smallint FROM stage_change sc
        WHERE sc.person_id = p.id) AS entered,
       f.pay_report_id, f.value
FROM person p
LEFT JOIN pay_figure f ON f.person_id = p.id AND f.latest;

-- Every stay in a stage: from a stage change to the person's next one (`days` NULL while they
-- are still there), for the pipeline's median days in stage.
-- With the person's companies and the day they entered the tracker, the pipeline's filters.
CREATE TABLE stage_stay (
    stage_change_id   BIGINT PRIMARY KEY,
    person_id         BIGINT NOT NULL,
    stage             TEXT NOT NULL,
    days              NUMERIC CHECK (days >= 0),
    origin_company_id BIGINT,
    hiring_company_id BIGINT,
    entered_on        DATE NOT NULL
);
CREATE INDEX stage_stay_person_idx ON stage_stay (person_id);
-- Every stage's finished stays in order, with what the filters need: a filtered median reads
-- them sorted instead of sorting them.
CREATE INDEX stage_stay_days_idx ON stage_stay (stage, days)
    INCLUDE (origin_company_id, hiring_company_id, entered_on) WHERE days IS NOT NULL;

CREATE VIEW stage_stay_source AS
SELECT sc.id AS stage_change_id, sc.person_id, sc.to_stage AS stage,
       extract(epoch FROM lead(sc.changed_at) OVER (PARTITION BY sc.person_id
                                                    ORDER BY sc.changed_at, sc.id)
                          - sc.changed_at) / 86400 AS days,
       p.origin_company_id, p.hiring_company_id,
       (min(sc.changed_at) OVER (PARTITION BY sc.person_id))::date AS entered_on
FROM stage_change sc JOIN person p ON p.id = sc.person_id;

-- Summaries the unfiltered pipeline reads instead of a million people: how many people are in
-- each stage having entered which stages, and how many finished stays of each whole number of
-- days each stage has (to find the stay at a given rank without sorting them all). `n` has no
-- CHECK (n >= 0): an INSERT .. ON CONFLICT checks the row it would insert, and a decrease
-- arrives as a negative row.
CREATE TABLE pipeline_count (
    stage   TEXT NOT NULL,
    entered SMALLINT NOT NULL,
    n       BIGINT NOT NULL,
    PRIMARY KEY (stage, entered)
);
CREATE TABLE stage_stay_count (
    stage      TEXT NOT NULL,
    whole_days INT NOT NULL,
    n          BIGINT NOT NULL,
    PRIMARY KEY (stage, whole_days)
);

-- Recomputes everything kept for these people. Their rows are locked first (NO KEY UPDATE,
-- which a pay report's foreign key check does not wait for), so two transactions writing for
-- one person take turns, and the second sees the first's rows. The kept rows carry no foreign
-- keys: a person's removal reaches them through this function like any other change (the
-- person's, their pay reports' and their stage changes' triggers call it), so the counts are
-- always adjusted. The counts change by the difference between what was kept before and
-- after, in key order: refreshing a person whose stages did not change writes no count, and
-- concurrent writers cannot deadlock on them.
-- JIT is off for it: over an import's thousands of people its statements look expensive enough
-- to compile, which costs more than running them.
CREATE FUNCTION refresh_person_figures(people BIGINT[]) RETURNS void LANGUAGE plpgsql
SET jit = off AS $$
DECLARE
    old_stage TEXT[];
    old_entered SMALLINT[];
    old_stay TEXT[];
    old_days INT[];
BEGIN
    PERFORM 1 FROM person WHERE id = ANY(people) ORDER BY id FOR NO KEY UPDATE;
    DELETE FROM pay_figure WHERE person_id = ANY(people);
    INSERT INTO pay_figure SELECT * FROM pay_figure_source WHERE person_id = ANY(people);

    WITH gone AS (DELETE FROM person_fact WHERE person_id = ANY(people) RETURNING stage, entered)
    SELECT array_agg(stage), array_agg(entered) INTO old_stage, old_entered FROM gone;
    INSERT INTO person_fact SELECT * FROM person_fact_source WHERE person_id = ANY(people);
    INSERT INTO pipeline_count AS c (stage, entered, n)
    SELECT stage, entered, sum(delta) FROM (
        SELECT stage, entered, 1 AS delta FROM person_fact WHERE person_id = ANY(people)
        UNION ALL
        SELECT o.stage, o.entered, -1 FROM unnest(old_stage, old_entered) AS o(stage, entered)
    ) d GROUP BY stage, entered HAVING sum(delta) <> 0 ORDER BY stage, entered
    ON CONFLICT (stage, entered) DO UPDATE SET n = c.n + EXCLUDED.n;

    WITH gone AS (
        DELETE FROM stage_stay WHERE person_id = ANY(people) AND days IS NOT NULL
        RETURNING stage, floor(days)::int AS whole_days)
    SELECT array_agg(stage), array_agg(whole_days) INTO old_stay, old_days FROM gone;
    DELETE FROM stage_stay WHERE person_id = ANY(people);
    INSERT INTO stage_stay SELECT * FROM stage_stay_source WHERE person_id = ANY(people);
    INSERT INTO stage_stay_count AS c (stage, whole_days, n)
    SELECT stage, whole_days, sum(delta) FROM (
        SELECT stage, floor(days)::int AS whole_days, 1 AS delta FROM stage_stay
        WHERE person_id = ANY(people) AND days IS NOT NULL
        UNION ALL
        SELECT o.stage, o.whole_days, -1 FROM unnest(old_stay, old_days) AS o(stage, whole_days)
    ) d GROUP BY stage, whole_days HAVING sum(delta) <> 0 ORDER BY stage, whole_days
    ON CONFLICT (stage, whole_days) DO UPDATE SET n = c.n + EXCLUDED.n;
END
$$;

-- Statement triggers: an import of a thousand rows refreshes its people once, set-wise.
CREATE FUNCTION refresh_figures_of_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_person_figures(ARRAY(SELECT DISTINCT person_id FROM new_rows));
    RETURN NULL;
END
$$;
CREATE FUNCTION refresh_figures_of_old_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_person_figures(ARRAY(SELECT DISTINCT person_id FROM old_rows));
    RETURN NULL;
END
$$;
CREATE FUNCTION refresh_figures_of_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_person_figures(ARRAY(
        SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows));
    RETURN NULL;
END
$$;
CREATE FUNCTION refresh_figures_of_new_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_person_figures(ARRAY(SELECT id FROM new_rows));
    RETURN NULL;
END
$$;

CREATE TRIGGER pay_report_figures_insert AFTER INSERT ON pay_report
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refresh_figures_of_new_rows();
CREATE TRIGGER pay_report_figures_update AFTER UPDATE ON pay_report
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refresh_figures_of_changed_rows();
CREATE TRIGGER pay_report_figures_delete AFTER DELETE ON pay_report
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refresh_figures_of_old_rows();

CREATE TRIGGER stage_change_figures_insert AFTER INSERT ON stage_change
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refresh_figures_of_new_rows();
CREATE TRIGGER stage_change_figures_update AFTER UPDATE ON stage_change
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refresh_figures_of_changed_rows();
CREATE TRIGGER stage_change_figures_delete AFTER DELETE ON stage_change
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refresh_figures_of_old_rows();

-- People: only the columns the figures copy or are computed from (a column list cannot be
-- combined with transition tables, so the trigger compares old and new itself).
CREATE FUNCTION refresh_figures_of_old_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_person_figures(ARRAY(SELECT id FROM old_rows));
    RETURN NULL;
END
$$;
CREATE TRIGGER person_figures_insert AFTER INSERT ON person
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refresh_figures_of_new_people();
CREATE FUNCTION refresh_figures_of_changed_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_person_figures(ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.stage, n.origin_company_id, n.hiring_company_id, n.title, n.decided_on,
               n.start_on)
              IS DISTINCT FROM
              (o.stage, o.origin_company_id, o.hiring_company_id, o.title, o.decided_on,
               o.start_on)));
    RETURN NULL;
END
$$;
CREATE TRIGGER person_figures_delete AFTER DELETE ON person
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refresh_figures_of_old_people();
CREATE TRIGGER person_figures_update AFTER UPDATE ON person
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refresh_figures_of_changed_people();

-- A new, changed or removed rate re-values the figures of its currency from its day on (an
-- earlier figure never used it).
-- PL/pgSQL rather than SQL so that each call is planned for its own day: a rate added today
-- touches a few figures through `pay_figure_currency_idx`, where a plan for any day would read
-- them all (260 ms against 6 ms at a million people).
CREATE FUNCTION revalue_figures(currencies TEXT[], since DATE) RETURNS void LANGUAGE plpgsql
SET jit = off AS $$
BEGIN
    WITH changed AS (
        UPDATE pay_figure f SET value = n.value, rate_on = n.rate_on
        FROM pay_report pr
        CROSS JOIN LATERAL pay_value(pr.currency, pr.amount_low, pr.amount_high, pr.period_years, pr.as_of) n
        WHERE f.currency = ANY(currencies) AND f.as_of >= since AND pr.id = f.pay_report_id
          AND (f.value, f.rate_on) IS DISTINCT FROM (n.value, n.rate_on)
        RETURNING f.pay_report_id, f.value
    )
    UPDATE person_fact pf SET value = c.value FROM changed c WHERE pf.pay_report_id = c.pay_report_id;
END
$$;

CREATE FUNCTION revalue_figures_of_rates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM revalue_figures(ARRAY(SELECT DISTINCT currency FROM old_rows),
                                (SELECT min(rate_on) FROM old_rows));
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM revalue_figures(ARRAY(SELECT DISTINCT currency FROM new_rows),
                                (SELECT min(rate_on) FROM new_rows));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER exchange_rate_figures_insert AFTER INSERT ON exchange_rate
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION revalue_figures_of_rates();
CREATE TRIGGER exchange_rate_figures_update AFTER UPDATE ON exchange_rate
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION revalue_figures_of_rates();
CREATE TRIGGER exchange_rate_figures_delete AFTER DELETE ON exchange_rate
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION revalue_figures_of_rates();

-- A new reporting currency re-values everything.
CREATE FUNCTION revalue_all_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM revalue_figures(ARRAY(SELECT DISTINCT currency FROM pay_figure), '-infinity');
    RETURN NULL;
END
$$;
CREATE TRIGGER report_setting_revalue AFTER UPDATE OF reporting_currency ON report_setting
    FOR EACH ROW WHEN (OLD.reporting_currency IS DISTINCT FROM NEW.reporting_currency)
    EXECUTE FUNCTION revalue_all_figures();

-- Everything at once, set-wise: for what the database already holds, and after a bulk load that
-- ran with the triggers above disabled (`talent-tracker generate`).
CREATE FUNCTION refresh_all_figures() RETURNS void LANGUAGE sql AS $$
    DELETE FROM pay_figure;
    INSERT INTO pay_figure SELECT * FROM pay_figure_source;
    DELETE FROM person_fact;
    INSERT INTO person_fact SELECT * FROM person_fact_source;
    DELETE FROM pipeline_count;
    INSERT INTO pipeline_count SELECT stage, entered, count(*) FROM person_fact GROUP BY 1, 2;
    DELETE FROM stage_stay;
    INSERT INTO stage_stay SELECT * FROM stage_stay_source;
    DELETE FROM stage_stay_count;
    INSERT INTO stage_stay_count
    SELECT stage, floor(days)::int, count(*) FROM stage_stay WHERE days IS NOT NULL GROUP BY 1, 2;
$$;
SELECT refresh_all_figures();
ANALYZE pay_figure;
ANALYZE person_fact;
ANALYZE stage_stay;
