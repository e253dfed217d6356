-- Recomputes everything kept for these people, their offers' checks included. Their rows are locked first (NO KEY UPDATE,
-- which a pay report's foreign key check does not wait for), so two transactions writing for
-- one person take turns, and the second sees the first's rows. The kept rows carry no foreign
-- keys: a person's removal reaches them through this function like any other change (the
-- person's, their pay reports' and their stage changes' triggers call it), so the counts are
-- always adjusted. The counts change by the difference between what was kept before and
-- after, in key order, each written to this connection's stripe (figure_counts.sql):
-- refreshing a person whose stages did not change writes no count, and concurrent writers
-- cannot deadlock on them.
-- JIT is off for it: over an import's thousands of people its statements look expensive enough
-- to compile, which costs more than running them.
CREATE FUNCTION r.refresh_person_figures(people BIGINT[]) RETURNS void LANGUAGE plpgsql
SET jit = off AS $$
DECLARE
    old_stage TEXT[];
    old_entered SMALLINT[];
    old_origin BIGINT[];
    old_hiring BIGINT[];
    old_stay TEXT[];
    old_days INT[];
    old_grouped_by TEXT[];
    old_grp TEXT[];
    old_bucket NUMERIC[];
BEGIN
    PERFORM 1 FROM person WHERE id = ANY(people) ORDER BY id FOR NO KEY UPDATE;
    WITH gone AS (DELETE FROM pay_figure WHERE person_id = ANY(people) RETURNING *)
    SELECT array_agg(k.grouped_by), array_agg(k.grp), array_agg(r.pay_bucket(g.value))
    INTO old_grouped_by, old_grp, old_bucket
    FROM gone g
    CROSS JOIN LATERAL r.pay_count_keys(g.latest, g.latest_of_kind, g.latest_of_confidence,
        g.origin_company_id, g.hiring_company_id, g.title, g.kind, g.confidence, g.value) k;
    INSERT INTO pay_figure SELECT * FROM r.pay_figure_source WHERE person_id = ANY(people);
    INSERT INTO pay_value_count AS c (grouped_by, grp, bucket, shard, n)
    SELECT grouped_by, grp, bucket, r.pay_count_shard(), sum(delta) FROM (
        SELECT k.grouped_by, k.grp, r.pay_bucket(f.value) AS bucket, 1 AS delta
        FROM pay_figure f
        CROSS JOIN LATERAL r.pay_count_keys(f.latest, f.latest_of_kind, f.latest_of_confidence,
            f.origin_company_id, f.hiring_company_id, f.title, f.kind, f.confidence, f.value) k
        WHERE f.person_id = ANY(people)
        UNION ALL
        SELECT o.grouped_by, o.grp, o.bucket, -1
        FROM unnest(old_grouped_by, old_grp, old_bucket) AS o(grouped_by, grp, bucket)
    ) d GROUP BY grouped_by, grp, bucket HAVING sum(delta) <> 0 ORDER BY grouped_by, grp, bucket
    ON CONFLICT ON CONSTRAINT pay_value_count_key DO UPDATE SET n = c.n + EXCLUDED.n;

    WITH gone AS (
        DELETE FROM person_fact WHERE person_id = ANY(people)
        RETURNING stage, entered, origin_company_id, hiring_company_id)
    SELECT array_agg(stage), array_agg(entered), array_agg(origin_company_id),
           array_agg(hiring_company_id)
    INTO old_stage, old_entered, old_origin, old_hiring FROM gone;
    INSERT INTO person_fact SELECT * FROM r.person_fact_source WHERE person_id = ANY(people);
    INSERT INTO pipeline_count AS c (stage, entered, shard, n)
    SELECT stage, entered, r.pay_count_shard(), sum(delta) FROM (
        SELECT stage, entered, 1 AS delta FROM person_fact WHERE person_id = ANY(people)
        UNION ALL
        SELECT o.stage, o.entered, -1 FROM unnest(old_stage, old_entered) AS o(stage, entered)
    ) d GROUP BY stage, entered HAVING sum(delta) <> 0 ORDER BY stage, entered
    ON CONFLICT (stage, entered, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
    INSERT INTO company_person_count AS c (company_id, side, shard, n)
    SELECT company_id, side, r.pay_count_shard(), sum(delta) FROM (
        SELECT f.origin_company_id AS company_id, 'origin' AS side, 1 AS delta
        FROM person_fact f WHERE f.person_id = ANY(people)
        UNION ALL
        SELECT f.hiring_company_id, 'hiring', 1 FROM person_fact f WHERE f.person_id = ANY(people)
        UNION ALL
        SELECT o, 'origin', -1 FROM unnest(old_origin) AS o
        UNION ALL
        SELECT h, 'hiring', -1 FROM unnest(old_hiring) AS h
    ) d WHERE company_id IS NOT NULL
    GROUP BY company_id, side HAVING sum(delta) <> 0 ORDER BY company_id, side
    ON CONFLICT (company_id, side, shard) DO UPDATE SET n = c.n + EXCLUDED.n;

    WITH gone AS (
        DELETE FROM stage_stay WHERE person_id = ANY(people) AND days IS NOT NULL
        RETURNING stage, floor(days)::int AS whole_days)
    SELECT array_agg(stage), array_agg(whole_days) INTO old_stay, old_days FROM gone;
    DELETE FROM stage_stay WHERE person_id = ANY(people);
    INSERT INTO stage_stay SELECT * FROM r.stage_stay_source WHERE person_id = ANY(people);
    INSERT INTO stage_stay_count AS c (stage, whole_days, shard, n)
    SELECT stage, whole_days, r.pay_count_shard(), sum(delta) FROM (
        SELECT stage, floor(days)::int AS whole_days, 1 AS delta FROM stage_stay
        WHERE person_id = ANY(people) AND days IS NOT NULL
        UNION ALL
        SELECT o.stage, o.whole_days, -1 FROM unnest(old_stay, old_days) AS o(stage, whole_days)
    ) d GROUP BY stage, whole_days HAVING sum(delta) <> 0 ORDER BY stage, whole_days
    ON CONFLICT (stage, whole_days, shard) DO UPDATE SET n = c.n + EXCLUDED.n;

    PERFORM r.recheck_offers_of_people(people);
END
$$;

-- Re-values the figures of these currencies from one day on (an earlier figure never used a
-- rate of that day); a figure whose value changes moves between buckets.
-- PL/pgSQL rather than SQL so that each call is planned for its own day: a rate added today
-- touches a few figures through `pay_figure_currency_idx`, where a plan for any day would read
-- them all (260 ms against 6 ms at a million people).
CREATE FUNCTION r.revalue_figures(currencies TEXT[], since DATE) RETURNS void
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    WITH changed AS (
        UPDATE pay_figure f SET value = n.value, rate_on = n.rate_on
        FROM pay_report pr
        CROSS JOIN LATERAL r.pay_value(pr.currency, pr.amount_low, pr.amount_high, pr.period_years, pr.as_of) n
        WHERE f.currency = ANY(currencies) AND f.as_of >= since AND pr.id = f.pay_report_id
          AND (f.value, f.rate_on) IS DISTINCT FROM (n.value, n.rate_on)
        RETURNING f.*
    ), facts AS (
        UPDATE person_fact pf SET value = c.value FROM changed c
        WHERE pf.pay_report_id = c.pay_report_id
    ), deltas AS (
        SELECT k.grouped_by, k.grp, r.pay_bucket(c.value) AS bucket, 1 AS delta
        FROM changed c
        CROSS JOIN LATERAL r.pay_count_keys(c.latest, c.latest_of_kind, c.latest_of_confidence,
            c.origin_company_id, c.hiring_company_id, c.title, c.kind, c.confidence, c.value) k
        UNION ALL
        -- The statement's snapshot still holds each changed figure's value before the update.
        SELECT k.grouped_by, k.grp, r.pay_bucket(o.value), -1
        FROM pay_figure o JOIN changed c ON c.pay_report_id = o.pay_report_id
        CROSS JOIN LATERAL r.pay_count_keys(o.latest, o.latest_of_kind, o.latest_of_confidence,
            o.origin_company_id, o.hiring_company_id, o.title, o.kind, o.confidence, o.value) k
    )
    INSERT INTO pay_value_count AS pc (grouped_by, grp, bucket, shard, n)
    SELECT grouped_by, grp, bucket, r.pay_count_shard(), sum(delta) FROM deltas
    GROUP BY grouped_by, grp, bucket HAVING sum(delta) <> 0 ORDER BY grouped_by, grp, bucket
    ON CONFLICT ON CONSTRAINT pay_value_count_key DO UPDATE SET n = pc.n + EXCLUDED.n;
END
$$;

-- Everything at once, set-wise: after a bulk load that ran with the figure triggers disabled
-- (`talent-tracker generate`), and after a migration that asks for it (db/sql/mod.rs), for a
-- formula changed here.
-- The kept tables' secondary indexes (pay_figure alone has 25) are dropped for the fill and
-- built again from their own definitions after it: one sorted build per index costs a fraction
-- of inserting every row into each of them in turn (200,000 people: the pay_figure fill took
-- 146 s, now 10 s and its indexes 8 s). Dropping an index locks its table until commit, which
-- a refill that replaces every row may do.
CREATE FUNCTION r.refresh_all_figures() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    kept_indexes TEXT[];
    definition TEXT;
BEGIN
    SELECT array_agg(pg_get_indexdef(i.indexrelid) ORDER BY c.relname)
    INTO kept_indexes
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = ANY('{pay_figure, person_fact, stage_stay, offer_check}'::regclass[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid);
    EXECUTE (
        SELECT 'DROP INDEX ' || string_agg(format('%I.%I', n.nspname, c.relname), ', ')
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE i.indrelid = ANY('{pay_figure, person_fact, stage_stay, offer_check}'::regclass[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid));

    DELETE FROM pay_figure;
    INSERT INTO pay_figure SELECT * FROM r.pay_figure_source;
    DELETE FROM pay_value_count;
    INSERT INTO pay_value_count (grouped_by, grp, bucket, shard, n)
    SELECT k.grouped_by, k.grp, r.pay_bucket(f.value), 0, count(*)
    FROM pay_figure f
    CROSS JOIN LATERAL r.pay_count_keys(f.latest, f.latest_of_kind, f.latest_of_confidence,
        f.origin_company_id, f.hiring_company_id, f.title, f.kind, f.confidence, f.value) k
    GROUP BY 1, 2, 3;
    DELETE FROM person_fact;
    INSERT INTO person_fact SELECT * FROM r.person_fact_source;
    DELETE FROM pipeline_count;
    INSERT INTO pipeline_count (stage, entered, shard, n)
    SELECT stage, entered, 0, count(*) FROM person_fact GROUP BY 1, 2;
    DELETE FROM company_person_count;
    INSERT INTO company_person_count (company_id, side, shard, n)
    SELECT origin_company_id, 'origin', 0, count(*) FROM person_fact
    WHERE origin_company_id IS NOT NULL GROUP BY 1
    UNION ALL
    SELECT hiring_company_id, 'hiring', 0, count(*) FROM person_fact
    WHERE hiring_company_id IS NOT NULL GROUP BY 1;
    DELETE FROM stage_stay;
    INSERT INTO stage_stay SELECT * FROM r.stage_stay_source;
    DELETE FROM stage_stay_count;
    INSERT INTO stage_stay_count (stage, whole_days, shard, n)
    SELECT stage, floor(days)::int, 0, count(*) FROM stage_stay WHERE days IS NOT NULL GROUP BY 1, 2;
    PERFORM r.recheck_all_offers();

    FOREACH definition IN ARRAY coalesce(kept_indexes, '{}') LOOP
        EXECUTE definition;
    END LOOP;
END
$$;
