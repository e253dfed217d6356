-- The functions as migration `report_figures` made them.
CREATE OR REPLACE FUNCTION refresh_person_figures(people BIGINT[]) RETURNS void LANGUAGE plpgsql
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

CREATE OR REPLACE FUNCTION revalue_figures(currencies TEXT[], since DATE) RETURNS void LANGUAGE plpgsql
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

CREATE OR REPLACE FUNCTION refresh_all_figures() RETURNS void LANGUAGE sql AS $$
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

DROP TABLE pay_value_count;
DROP FUNCTION pay_count_shard();
DROP FUNCTION pay_count_keys(BOOLEAN, BOOLEAN, BOOLEAN, BIGINT, BIGINT, TEXT, TEXT, TEXT, NUMERIC);
DROP FUNCTION pay_bucket(NUMERIC);
