-- The pipeline's kept counts striped like `pay_value_count` (migration `pay_value_counts`):
-- every new person adds to the same (stage, entered) row and every stage change to the same
-- few stays, and each writer held that row until its commit, so concurrent saves queued on it
-- (the load test's creations spent most of their time there). Each connection now adds to
-- its own stripe (`pay_count_shard()`), and readers add up a key's stripes.
ALTER TABLE pipeline_count
    ADD COLUMN shard SMALLINT NOT NULL DEFAULT 0 CHECK (shard BETWEEN 0 AND 15),
    DROP CONSTRAINT pipeline_count_pkey,
    ADD PRIMARY KEY (stage, entered, shard);
ALTER TABLE pipeline_count ALTER COLUMN shard DROP DEFAULT;
ALTER TABLE stage_stay_count
    ADD COLUMN shard SMALLINT NOT NULL DEFAULT 0 CHECK (shard BETWEEN 0 AND 15),
    DROP CONSTRAINT stage_stay_count_pkey,
    ADD PRIMARY KEY (stage, whole_days, shard);
ALTER TABLE stage_stay_count ALTER COLUMN shard DROP DEFAULT;

-- As in migration `pay_value_counts`, each count written to this connection's stripe.
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
    INSERT INTO pipeline_count AS c (stage, entered, shard, n)
    SELECT stage, entered, pay_count_shard(), sum(delta) FROM (
        SELECT stage, entered, 1 AS delta FROM person_fact WHERE person_id = ANY(people)
        UNION ALL
        SELECT o.stage, o.entered, -1 FROM unnest(old_stage, old_entered) AS o(stage, entered)
    ) d GROUP BY stage, entered HAVING sum(delta) <> 0 ORDER BY stage, entered
    ON CONFLICT (stage, entered, shard) DO UPDATE SET n = c.n + EXCLUDED.n;

    WITH gone AS (
        DELETE FROM stage_stay WHERE person_id = ANY(people) AND days IS NOT NULL
        RETURNING stage, floor(days)::int AS whole_days)
    SELECT array_agg(stage), array_agg(whole_days) INTO old_stay, old_days FROM gone;
    DELETE FROM stage_stay WHERE person_id = ANY(people);
    INSERT INTO stage_stay SELECT * FROM stage_stay_source WHERE person_id = ANY(people);
    INSERT INTO stage_stay_count AS c (stage, whole_days, shard, n)
    SELECT stage, whole_days, pay_count_shard(), sum(delta) FROM (
        SELECT stage, floor(days)::int AS whole_days, 1 AS delta FROM stage_stay
        WHERE person_id = ANY(people) AND days IS NOT NULL
        UNION ALL
        SELECT o.stage, o.whole_days, -1 FROM unnest(old_stay, old_days) AS o(stage, whole_days)
    ) d GROUP BY stage, whole_days HAVING sum(delta) <> 0 ORDER BY stage, whole_days
    ON CONFLICT (stage, whole_days, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
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
    INSERT INTO pipeline_count (stage, entered, shard, n)
    SELECT stage, entered, 0, count(*) FROM person_fact GROUP BY 1, 2;
    DELETE FROM stage_stay;
    INSERT INTO stage_stay SELECT * FROM stage_stay_source;
    DELETE FROM stage_stay_count;
    INSERT INTO stage_stay_count (stage, whole_days, shard, n)
    SELECT stage, floor(days)::int, 0, count(*) FROM stage_stay WHERE days IS NOT NULL GROUP BY 1, 2;
$$;
