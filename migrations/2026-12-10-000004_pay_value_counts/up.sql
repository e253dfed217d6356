-- How many figures each compensation group holds per range of values, kept in each write's
-- transaction, so a percentile is found by its rank without walking the values below it: add
-- up the ranges to the one holding the rank, then read within that range through the group's
-- ordered index. Kept for what the unfiltered report reads: each person's latest figure
-- ('all', and by origin company, hiring company and title) and their latest of each kind and
-- of each confidence. A range ("bucket") is a value cut to three significant digits, so there
-- are at most 900 per power of ten, and every value in it is at least the bucket itself.
CREATE FUNCTION pay_bucket(v NUMERIC) RETURNS NUMERIC LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN v < 1 THEN floor(v) ELSE trunc(v, 3 - length(trunc(v)::text)) END
$$;

-- The counted groups of one figure (none when it has no value).
CREATE FUNCTION pay_count_keys(
    latest BOOLEAN, latest_of_kind BOOLEAN, latest_of_confidence BOOLEAN,
    origin_company_id BIGINT, hiring_company_id BIGINT, title TEXT, kind TEXT, confidence TEXT,
    value NUMERIC
) RETURNS TABLE (grouped_by TEXT, grp TEXT) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT k.grouped_by, k.grp
    FROM (VALUES ('all', NULL, latest),
                 ('origin_company', origin_company_id::text, latest),
                 ('hiring_company', hiring_company_id::text, latest),
                 ('title', title, latest),
                 ('kind', kind, latest_of_kind),
                 ('confidence', confidence, latest_of_confidence)) AS k(grouped_by, grp, counted)
    WHERE k.counted AND value IS NOT NULL
$$;

-- `grp` NULL is the group "(not recorded)"; `n` may fall to 0 (such rows are skipped by reads).
-- A count is striped over 16 rows (`shard`), each writer adding to its own connection's stripe:
-- a single row per range would be taken by every write of a figure in that range (the group
-- "all" by nearly every write) and held until its commit, so concurrent saves would queue on
-- it. Readers add up a range's stripes.
CREATE FUNCTION pay_count_shard() RETURNS SMALLINT LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (pg_backend_pid() % 16)::smallint
$$;

CREATE TABLE pay_value_count (
    grouped_by TEXT NOT NULL,
    grp      TEXT,
    bucket   NUMERIC NOT NULL,
    shard    SMALLINT NOT NULL CHECK (shard BETWEEN 0 AND 15),
    n        BIGINT NOT NULL,
    CONSTRAINT pay_value_count_key UNIQUE NULLS NOT DISTINCT (grouped_by, grp, bucket, shard)
);

INSERT INTO pay_value_count (grouped_by, grp, bucket, shard, n)
SELECT k.grouped_by, k.grp, pay_bucket(f.value), 0, count(*)
FROM pay_figure f
CROSS JOIN LATERAL pay_count_keys(f.latest, f.latest_of_kind, f.latest_of_confidence,
    f.origin_company_id, f.hiring_company_id, f.title, f.kind, f.confidence, f.value) k
GROUP BY 1, 2, 3;
ANALYZE pay_value_count;

-- As in migration `report_figures`, and the counts change by the difference between the
-- figures before and after, in key order, in one statement (as `pipeline_count` does).
CREATE OR REPLACE FUNCTION refresh_person_figures(people BIGINT[]) RETURNS void LANGUAGE plpgsql
SET jit = off AS $$
DECLARE
    old_stage TEXT[];
    old_entered SMALLINT[];
    old_stay TEXT[];
    old_days INT[];
    old_grouped_by TEXT[];
    old_grp TEXT[];
    old_bucket NUMERIC[];
BEGIN
    PERFORM 1 FROM person WHERE id = ANY(people) ORDER BY id FOR NO KEY UPDATE;
    WITH gone AS (DELETE FROM pay_figure WHERE person_id = ANY(people) RETURNING *)
    SELECT array_agg(k.grouped_by), array_agg(k.grp), array_agg(pay_bucket(g.value))
    INTO old_grouped_by, old_grp, old_bucket
    FROM gone g
    CROSS JOIN LATERAL pay_count_keys(g.latest, g.latest_of_kind, g.latest_of_confidence,
        g.origin_company_id, g.hiring_company_id, g.title, g.kind, g.confidence, g.value) k;
    INSERT INTO pay_figure SELECT * FROM pay_figure_source WHERE person_id = ANY(people);
    INSERT INTO pay_value_count AS c (grouped_by, grp, bucket, shard, n)
    SELECT grouped_by, grp, bucket, pay_count_shard(), sum(delta) FROM (
        SELECT k.grouped_by, k.grp, pay_bucket(f.value) AS bucket, 1 AS delta
        FROM pay_figure f
        CROSS JOIN LATERAL pay_count_keys(f.latest, f.latest_of_kind, f.latest_of_confidence,
            f.origin_company_id, f.hiring_company_id, f.title, f.kind, f.confidence, f.value) k
        WHERE f.person_id = ANY(people)
        UNION ALL
        SELECT o.grouped_by, o.grp, o.bucket, -1
        FROM unnest(old_grouped_by, old_grp, old_bucket) AS o(grouped_by, grp, bucket)
    ) d GROUP BY grouped_by, grp, bucket HAVING sum(delta) <> 0 ORDER BY grouped_by, grp, bucket
    ON CONFLICT ON CONSTRAINT pay_value_count_key DO UPDATE SET n = c.n + EXCLUDED.n;

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

-- As in migration `report_figures`; a figure whose value changes moves between buckets.
CREATE OR REPLACE FUNCTION revalue_figures(currencies TEXT[], since DATE) RETURNS void
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    WITH changed AS (
        UPDATE pay_figure f SET value = n.value, rate_on = n.rate_on
        FROM pay_report pr
        CROSS JOIN LATERAL pay_value(pr.currency, pr.amount_low, pr.amount_high, pr.period_years, pr.as_of) n
        WHERE f.currency = ANY(currencies) AND f.as_of >= since AND pr.id = f.pay_report_id
          AND (f.value, f.rate_on) IS DISTINCT FROM (n.value, n.rate_on)
        RETURNING f.*
    ), facts AS (
        UPDATE person_fact pf SET value = c.value FROM changed c
        WHERE pf.pay_report_id = c.pay_report_id
    ), deltas AS (
        SELECT k.grouped_by, k.grp, pay_bucket(c.value) AS bucket, 1 AS delta
        FROM changed c
        CROSS JOIN LATERAL pay_count_keys(c.latest, c.latest_of_kind, c.latest_of_confidence,
            c.origin_company_id, c.hiring_company_id, c.title, c.kind, c.confidence, c.value) k
        UNION ALL
        -- The statement's snapshot still holds each changed figure's value before the update.
        SELECT k.grouped_by, k.grp, pay_bucket(o.value), -1
        FROM pay_figure o JOIN changed c ON c.pay_report_id = o.pay_report_id
        CROSS JOIN LATERAL pay_count_keys(o.latest, o.latest_of_kind, o.latest_of_confidence,
            o.origin_company_id, o.hiring_company_id, o.title, o.kind, o.confidence, o.value) k
    )
    INSERT INTO pay_value_count AS pc (grouped_by, grp, bucket, shard, n)
    SELECT grouped_by, grp, bucket, pay_count_shard(), sum(delta) FROM deltas
    GROUP BY grouped_by, grp, bucket HAVING sum(delta) <> 0 ORDER BY grouped_by, grp, bucket
    ON CONFLICT ON CONSTRAINT pay_value_count_key DO UPDATE SET n = pc.n + EXCLUDED.n;
END
$$;

CREATE OR REPLACE FUNCTION refresh_all_figures() RETURNS void LANGUAGE sql AS $$
    DELETE FROM pay_figure;
    INSERT INTO pay_figure SELECT * FROM pay_figure_source;
    DELETE FROM pay_value_count;
    INSERT INTO pay_value_count (grouped_by, grp, bucket, shard, n)
    SELECT k.grouped_by, k.grp, pay_bucket(f.value), 0, count(*)
    FROM pay_figure f
    CROSS JOIN LATERAL pay_count_keys(f.latest, f.latest_of_kind, f.latest_of_confidence,
        f.origin_company_id, f.hiring_company_id, f.title, f.kind, f.confidence, f.value) k
    GROUP BY 1, 2, 3;
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
