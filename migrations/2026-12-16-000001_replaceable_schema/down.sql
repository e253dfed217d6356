-- Puts the definitions back into `public` as they were before this migration (a copy of the
-- live ones then, taken with pg_get_functiondef, pg_get_viewdef and pg_get_triggerdef);
-- tests/app/migrations_down.rs runs every down.sql and compares the schema with the one before.
DROP TABLE live_schema;
DROP SCHEMA IF EXISTS r CASCADE;
-- Function bodies refer to each other; they are checked when they are called.
SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.band_in_force(family text, lvl text, person_zone text, on_day date)
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$
    SELECT band_id FROM bands_in_force(family, lvl, person_zone, on_day)
$function$
;
CREATE OR REPLACE FUNCTION public.bands_in_force(family text, lvl text, person_zone text, on_day date)
 RETURNS TABLE(band_id bigint)
 LANGUAGE sql
 STABLE
AS $function$
    SELECT b.id FROM pay_band b
    WHERE fold_case(b.job_family) = fold_case(family) AND fold_case(b.level) = fold_case(lvl)
      AND b.zone IN (coalesce(person_zone, ''), '') AND b.effective_on <= on_day
    ORDER BY b.zone = '', b.effective_on DESC
    LIMIT 1
$function$
;
CREATE OR REPLACE FUNCTION public.bump_version()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    merging TEXT := coalesce(current_setting('talent_tracker.merging', true), '');
BEGIN
    IF merging = 'undo' OR (merging = 'merge' AND TG_TABLE_NAME = 'pay_report') THEN
        RETURN NEW;
    END IF;
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$function$
;
CREATE OR REPLACE FUNCTION public.duplicate_pairs_of(people bigint[])
 RETURNS TABLE(low_id bigint, high_id bigint, same_origin boolean, shared_source boolean)
 LANGUAGE sql
 STABLE
AS $function$
    SELECT least(a, b), greatest(a, b), bool_or(same_origin), bool_or(shared_source)
    FROM (
        SELECT p.id AS a, q.id AS b, true AS same_origin, false AS shared_source
        FROM person p
        JOIN person q ON q.origin_company_id = p.origin_company_id AND q.name_key = p.name_key
                     AND q.name_key <> '' AND q.id <> p.id
        WHERE p.id = ANY(people)
        UNION ALL
        SELECT p.id, q.id, false, true
        FROM person p
        JOIN pay_report r ON r.person_id = p.id AND r.source_url IS NOT NULL
        JOIN pay_report s ON s.source_url = r.source_url AND s.person_id <> p.id
        JOIN person q ON q.id = s.person_id AND q.name_key = p.name_key AND q.name_key <> ''
        WHERE p.id = ANY(people)
    ) found
    GROUP BY 1, 2
$function$
;
CREATE OR REPLACE FUNCTION public.duplicate_pairs_of_changed_people()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    changed BIGINT[] := ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.name_key IS DISTINCT FROM o.name_key
           OR n.origin_company_id IS DISTINCT FROM o.origin_company_id);
BEGIN
    IF cardinality(changed) > 0 THEN
        DELETE FROM duplicate_dismissal WHERE low_id = ANY(changed) OR high_id = ANY(changed);
        PERFORM refresh_duplicate_pairs(changed);
    END IF;
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.duplicate_pairs_of_changed_sources()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM refresh_duplicate_pairs(ARRAY(
        SELECT p FROM new_rows n JOIN old_rows o ON o.id = n.id,
               LATERAL (VALUES (n.person_id), (o.person_id)) AS moved(p)
        WHERE n.source_url IS DISTINCT FROM o.source_url OR n.person_id <> o.person_id
        GROUP BY p));
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.duplicate_pairs_of_new_people()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM refresh_duplicate_pairs(ARRAY(SELECT id FROM new_rows WHERE name_key <> ''));
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.duplicate_pairs_of_new_sources()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM refresh_duplicate_pairs(ARRAY(
        SELECT DISTINCT person_id FROM new_rows WHERE source_url IS NOT NULL));
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.duplicate_pairs_of_old_sources()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM refresh_duplicate_pairs(ARRAY(
        SELECT DISTINCT person_id FROM old_rows WHERE source_url IS NOT NULL));
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.exact_percentile(sorted numeric[], p numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT CASE WHEN cardinality(sorted) > 0 THEN
        sorted[1 + floor(p * (cardinality(sorted) - 1))::int]
        + (p * (cardinality(sorted) - 1) - floor(p * (cardinality(sorted) - 1)))
          * (sorted[1 + ceil(p * (cardinality(sorted) - 1))::int]
             - sorted[1 + floor(p * (cardinality(sorted) - 1))::int])
    END
$function$
;
CREATE OR REPLACE FUNCTION public.guard_person_merge()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    IF NEW.survivor_id <> OLD.survivor_id OR NEW.removed_id <> OLD.removed_id
       OR NEW.pay_report_ids <> OLD.pay_report_ids
       OR NEW.pay_report_versions <> OLD.pay_report_versions
       OR NEW.stage_change_ids <> OLD.stage_change_ids
       OR NEW.import_item_ids <> OLD.import_item_ids
       OR NEW.merged_at <> OLD.merged_at
       OR (OLD.undone_at IS NOT NULL AND NEW.undone_at IS DISTINCT FROM OLD.undone_at) THEN
        RAISE EXCEPTION 'merge % can only be undone once, or scrubbed by an erasure', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'person_merge_unchanged';
    END IF;
    IF coalesce(current_setting('talent_tracker.erasing', true), '') = ''
       AND (NEW.survivor_before <> OLD.survivor_before OR NEW.survivor_after <> OLD.survivor_after
            OR NEW.removed_before <> OLD.removed_before) THEN
        RAISE EXCEPTION 'the saved copies of merge % change only in an erasure', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'person_merge_unchanged';
    END IF;
    RETURN NEW;
END
$function$
;
CREATE OR REPLACE FUNCTION public.is_pay_history(source_name text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT source_name ~* '^\s*candidate\s*$' $function$
;
CREATE OR REPLACE FUNCTION public.offer_review(reporting text)
 RETURNS TABLE(id bigint, band_id bigint, offer_rate numeric, offer_rate_on date, band_rate numeric, band_rate_on date, base_value numeric, base_compa numeric, base_penetration numeric, base_inside boolean, total_value numeric, total_compa numeric, total_penetration numeric, total_inside boolean, figures jsonb, status text)
 LANGUAGE sql
 STABLE
AS $function$
    SELECT r.id, b.id,
           ro.rate, ro.rate_on, rb.rate, rb.rate_on,
           bv.value, round(bv.value / b.base_mid, 2),
           round((bv.value - b.base_min) / nullif(b.base_max - b.base_min, 0), 2),
           bv.value BETWEEN b.base_min AND b.base_max,
           tv.value, round(tv.value / b.total_mid, 2),
           round((tv.value - b.total_min) / nullif(b.total_max - b.total_min, 0), 2),
           tv.value BETWEEN b.total_min AND b.total_max,
           fig.figures,
           CASE
               WHEN o.outside IS NULL THEN 'unchecked'
               WHEN NOT o.outside THEN 'not_needed'
               WHEN d.figures = fig.figures THEN d.decision
               ELSE 'pending'
           END
    FROM pay_report r
    JOIN person p ON p.id = r.person_id
    LEFT JOIN LATERAL bands_in_force(p.job_family, p.level, p.zone, r.as_of) bif ON TRUE
    LEFT JOIN pay_band b ON b.id = bif.band_id
    LEFT JOIN LATERAL (
        SELECT er.rate, er.rate_on FROM exchange_rate er
        WHERE er.currency = r.currency AND er.rate_on <= r.as_of
        ORDER BY er.rate_on DESC LIMIT 1) ro ON r.currency <> reporting
    LEFT JOIN LATERAL (
        SELECT er.rate, er.rate_on FROM exchange_rate er
        WHERE er.currency = b.currency AND er.rate_on <= r.as_of
        ORDER BY er.rate_on DESC LIMIT 1) rb ON b.currency <> reporting
    -- The factors into the band's currency: NULL where a rate is missing.
    CROSS JOIN LATERAL (SELECT
        CASE WHEN r.currency = b.currency THEN 1
             WHEN r.currency = reporting THEN 1 ELSE ro.rate END AS times,
        CASE WHEN r.currency = b.currency THEN 1
             WHEN b.currency = reporting THEN 1 ELSE rb.rate END AS by) f
    CROSS JOIN LATERAL (SELECT coalesce(r.period_years, 1) AS years) y
    CROSS JOIN LATERAL (SELECT round(r.base / y.years * f.times / f.by, 2) AS value) bv
    CROSS JOIN LATERAL (SELECT CASE WHEN b.total_mid IS NOT NULL THEN
        round((r.amount_low + r.amount_high) / 2 / y.years * f.times / f.by, 2) END AS value) tv
    CROSS JOIN LATERAL (SELECT
        CASE WHEN tv.value NOT BETWEEN b.total_min AND b.total_max THEN TRUE
             WHEN bv.value IS NOT NULL THEN NOT (bv.value BETWEEN b.base_min AND b.base_max)
        END AS outside) o
    -- What a decision is made on (see README "Pay bands, offers and approvals"): any change
    -- to it asks for a new decision.
    CROSS JOIN LATERAL (SELECT CASE WHEN b.id IS NOT NULL THEN jsonb_build_object(
        'currency', r.currency,
        'amount_low', r.amount_low::text,
        'amount_high', r.amount_high::text,
        'period_years', r.period_years,
        'base', r.base::text,
        'as_of', to_char(r.as_of, 'YYYY-MM-DD'),
        'job_family', p.job_family,
        'level', p.level,
        'zone', p.zone,
        'band_id', b.id,
        'band_currency', b.currency,
        'band_base', jsonb_build_array(b.base_min::text, b.base_mid::text, b.base_max::text),
        'band_total', jsonb_build_array(b.total_min::text, b.total_mid::text, b.total_max::text),
        'band_effective_on', to_char(b.effective_on, 'YYYY-MM-DD')) END AS figures) fig
    LEFT JOIN LATERAL (
        SELECT pd.decision, pd.figures FROM pay_decision pd
        WHERE pd.pay_report_id = r.id ORDER BY pd.id DESC LIMIT 1) d ON o.outside
    WHERE r.kind = 'offered'
$function$
;
CREATE OR REPLACE FUNCTION public.pay_bucket(v numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT CASE WHEN v < 1 THEN floor(v) ELSE trunc(v, 3 - length(trunc(v)::text)) END
$function$
;
CREATE OR REPLACE FUNCTION public.pay_count_keys(latest boolean, latest_of_kind boolean, latest_of_confidence boolean, origin_company_id bigint, hiring_company_id bigint, title text, kind text, confidence text, value numeric)
 RETURNS TABLE(grouped_by text, grp text)
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT k.grouped_by, k.grp
    FROM (VALUES ('all', NULL, latest),
                 ('origin_company', origin_company_id::text, latest),
                 ('hiring_company', hiring_company_id::text, latest),
                 ('title', title, latest),
                 ('kind', kind, latest_of_kind),
                 ('confidence', confidence, latest_of_confidence)) AS k(grouped_by, grp, counted)
    WHERE k.counted AND value IS NOT NULL
$function$
;
CREATE OR REPLACE FUNCTION public.pay_count_shard()
 RETURNS smallint
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
    SELECT (pg_backend_pid() % 16)::smallint
$function$
;
CREATE OR REPLACE FUNCTION public.pay_value(cur text, low numeric, high numeric, years smallint, on_day date)
 RETURNS TABLE(value numeric, rate_on date)
 LANGUAGE sql
 STABLE
AS $function$
    SELECT CASE WHEN v.value >= 1e14 THEN refuse_figure_too_large(v.value, cur) ELSE v.value END,
           v.rate_on
    FROM (
        SELECT round((low + high) / 2 / coalesce(years, 1)
                     * CASE WHEN cur = s.reporting_currency THEN 1 ELSE r.rate END, 2) AS value,
               CASE WHEN cur <> s.reporting_currency THEN r.rate_on END AS rate_on
        FROM report_setting s
        LEFT JOIN LATERAL (
            SELECT er.rate, er.rate_on FROM exchange_rate er
            WHERE er.currency = cur AND er.rate_on <= on_day AND cur <> s.reporting_currency
            ORDER BY er.rate_on DESC LIMIT 1
        ) r ON true
    ) v
$function$
;
CREATE OR REPLACE FUNCTION public.people_merged_into(survivor bigint)
 RETURNS SETOF bigint
 LANGUAGE sql
 STABLE
AS $function$
    WITH RECURSIVE merged(id) AS (
        SELECT survivor
        UNION
        SELECT m.removed_id FROM person_merge m JOIN merged ON m.survivor_id = merged.id
        WHERE m.undone_at IS NULL)
    SELECT id FROM merged
$function$
;
CREATE OR REPLACE FUNCTION public.refresh_all_figures()
 RETURNS void
 LANGUAGE sql
AS $function$
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
$function$
;
CREATE OR REPLACE FUNCTION public.refresh_duplicate_pairs(people bigint[])
 RETURNS void
 LANGUAGE sql
 SET jit TO 'off'
AS $function$
    DELETE FROM duplicate_pair WHERE low_id = ANY(people) OR high_id = ANY(people);
    -- Two transactions storing the two halves of a pair at once each see only their own
    -- person; the pair then appears with the next save of either. DO NOTHING covers the
    -- opposite order, where both found it.
    INSERT INTO duplicate_pair SELECT * FROM duplicate_pairs_of(people)
    ON CONFLICT DO NOTHING;
$function$
;
CREATE OR REPLACE FUNCTION public.refresh_figures_of_changed_people()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
$function$
;
CREATE OR REPLACE FUNCTION public.refresh_figures_of_changed_rows()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM refresh_person_figures(ARRAY(
        SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows));
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.refresh_figures_of_new_people()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM refresh_person_figures(ARRAY(SELECT id FROM new_rows));
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.refresh_figures_of_new_rows()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM refresh_person_figures(ARRAY(SELECT DISTINCT person_id FROM new_rows));
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.refresh_figures_of_old_people()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM refresh_person_figures(ARRAY(SELECT id FROM old_rows));
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.refresh_figures_of_old_rows()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM refresh_person_figures(ARRAY(SELECT DISTINCT person_id FROM old_rows));
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.refresh_person_figures(people bigint[])
 RETURNS void
 LANGUAGE plpgsql
 SET jit TO 'off'
AS $function$
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
$function$
;
CREATE OR REPLACE FUNCTION public.refuse_audit_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    erasing TEXT := coalesce(current_setting('talent_tracker.erasing', true), '');
BEGIN
    IF TG_OP = 'UPDATE' AND erasing <> ''
       AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
       AND NEW.record_table = OLD.record_table AND NEW.record_id = OLD.record_id THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries are never changed or deleted';
END
$function$
;
CREATE OR REPLACE FUNCTION public.refuse_figure_too_large(value numeric, currency text)
 RETURNS numeric
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE
AS $function$
BEGIN
    RAISE EXCEPTION 'a pay figure in % converts to %, more than a kept figure holds',
        currency, value
        USING ERRCODE = 'numeric_value_out_of_range', CONSTRAINT = 'pay_figure_value_fits';
END
$function$
;
CREATE OR REPLACE FUNCTION public.refuse_pay_history()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    IF TG_TABLE_NAME = 'pay_report' THEN
        IF is_pay_history(NEW.source_name)
           AND EXISTS (SELECT 1 FROM person WHERE id = NEW.person_id AND zone = 'EU') THEN
            RAISE EXCEPTION 'pay report % of person %: pay history from a candidate in the EU',
                NEW.id, NEW.person_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'pay_history_refused';
        END IF;
    ELSIF NEW.zone = 'EU'
          AND EXISTS (SELECT 1 FROM pay_report
                      WHERE person_id = NEW.id AND is_pay_history(source_name)) THEN
        RAISE EXCEPTION 'person % has pay history from the candidate and cannot be in the EU',
            NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'pay_history_refused';
    END IF;
    RETURN NULL;
END $function$
;
CREATE OR REPLACE FUNCTION public.restore_person(saved jsonb)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
    columns TEXT;
    saved_columns TEXT;
BEGIN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum),
           string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum)
    INTO columns, saved_columns
    FROM pg_attribute
    WHERE attrelid = 'person'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'id';
    EXECUTE format(
        'UPDATE person SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::person, $1) r)
         WHERE id = ($1 ->> ''id'')::bigint', columns, saved_columns)
    USING saved;
END
$function$
;
CREATE OR REPLACE FUNCTION public.revalue_all_figures()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM revalue_figures(ARRAY(SELECT DISTINCT currency FROM pay_figure), '-infinity');
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.revalue_figures(currencies text[], since date)
 RETURNS void
 LANGUAGE plpgsql
 SET jit TO 'off'
AS $function$
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
$function$
;
CREATE OR REPLACE FUNCTION public.revalue_figures_of_rates()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
$function$
;
CREATE OR REPLACE FUNCTION public.scrub_merge_copy(copy jsonb, people text[], keys text[])
 RETURNS jsonb
 LANGUAGE sql
 IMMUTABLE
AS $function$
    SELECT CASE
        WHEN copy ? 'survivor' THEN copy || jsonb_build_object(
            'survivor', CASE WHEN copy -> 'survivor' ->> 'id' = ANY(people)
                             THEN (copy -> 'survivor') - keys ELSE copy -> 'survivor' END,
            'removed', CASE WHEN copy -> 'removed' ->> 'id' = ANY(people)
                            THEN (copy -> 'removed') - keys ELSE copy -> 'removed' END)
        WHEN copy ->> 'id' = ANY(people) THEN copy - keys
        ELSE copy
    END
$function$
;
CREATE OR REPLACE FUNCTION public.stage_bit(stage text)
 RETURNS smallint
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT (1 << (array_position(
        ARRAY['sourced', 'contacted', 'interviewing', 'offer', 'hired', 'declined', 'withdrawn'],
        stage) - 1))::smallint
$function$
;
CREATE OR REPLACE FUNCTION public.void_setup_links()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    DELETE FROM setup_link;
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.write_audit_creations()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    hidden TEXT[] := ARRAY['password_hash', 'content', 'name_key'];
    file_batch RECORD;
BEGIN
    IF coalesce(current_setting('talent_tracker.merging', true), '') <> '' THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'import_batch' THEN
        FOR file_batch IN SELECT * FROM new_rows ORDER BY id LOOP
            file_batch.content := NULL;
            INSERT INTO audit_log (actor, record_table, record_id, action, after)
            VALUES (who, TG_TABLE_NAME, file_batch.id, 'create', to_jsonb(file_batch) - hidden);
        END LOOP;
        RETURN NULL;
    END IF;
    INSERT INTO audit_log (actor, record_table, record_id, action, after)
    SELECT who, TG_TABLE_NAME, created.id, 'create', to_jsonb(created) - hidden
    FROM new_rows created
    ORDER BY created.id;
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.write_audit_entry()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    erasing TEXT := coalesce(current_setting('talent_tracker.erasing', true), '');
    merging TEXT := coalesce(current_setting('talent_tracker.merging', true), '');
    hidden TEXT[] := ARRAY['password_hash', 'content', 'name_key'];
    file_changed BOOLEAN := false;
BEGIN
    IF merging <> '' THEN
        RETURN NULL; -- an AFTER trigger's result is not used
    END IF;
    IF TG_OP = 'UPDATE' AND erasing <> '' THEN
        IF TG_TABLE_NAME = 'person' THEN
            INSERT INTO audit_log (actor, record_table, record_id, action)
            VALUES (who, TG_TABLE_NAME, NEW.id, 'erase');
        END IF;
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'import_batch' THEN
        IF TG_OP = 'UPDATE' THEN
            file_changed := OLD.content IS DISTINCT FROM NEW.content;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            NEW.content := NULL;
        END IF;
        IF TG_OP <> 'INSERT' THEN
            OLD.content := NULL;
        END IF;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (actor, record_table, record_id, action, after)
        VALUES (who, TG_TABLE_NAME, NEW.id, 'create', to_jsonb(NEW) - hidden);
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        IF NOT file_changed
           AND (to_jsonb(OLD) - 'updated_at' - 'version' - 'name_key')
             = (to_jsonb(NEW) - 'updated_at' - 'version' - 'name_key') THEN
            RETURN NEW;
        END IF;
        INSERT INTO audit_log (actor, record_table, record_id, action, before, after)
        VALUES (who, TG_TABLE_NAME, NEW.id, 'update', to_jsonb(OLD) - hidden, to_jsonb(NEW) - hidden);
        RETURN NEW;
    ELSE
        INSERT INTO audit_log (actor, record_table, record_id, action, before)
        VALUES (who, TG_TABLE_NAME, OLD.id, 'delete', to_jsonb(OLD) - hidden);
        RETURN OLD;
    END IF;
END
$function$
;
CREATE OR REPLACE FUNCTION public.write_merge_audit_entry()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    both_records JSONB := jsonb_build_object(
        'merge_id', NEW.id,
        'survivor', NEW.survivor_before - 'name_key',
        'removed', NEW.removed_before - 'name_key');
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (actor, record_table, record_id, action, before, after)
        VALUES (who, 'person', NEW.survivor_id, 'merge', both_records,
                NEW.survivor_after - 'name_key');
    ELSIF OLD.undone_at IS NULL AND NEW.undone_at IS NOT NULL THEN
        INSERT INTO audit_log (actor, record_table, record_id, action, before, after)
        SELECT who, 'person', NEW.survivor_id, 'unmerge', to_jsonb(p) - 'name_key', both_records
        FROM person p WHERE p.id = NEW.survivor_id;
    END IF;
    RETURN NULL;
END
$function$
;

CREATE VIEW public.pay_figure_source AS
 SELECT pr.id AS pay_report_id, pr.person_id, p.origin_company_id,
    p.hiring_company_id, p.title, pr.kind, pr.confidence, pr.currency, pr.as_of,
    v.value, v.rate_on,
    row_number() OVER (PARTITION BY pr.person_id ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest,
    row_number() OVER (PARTITION BY pr.person_id, pr.kind ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_kind,
    row_number() OVER (PARTITION BY pr.person_id, pr.confidence ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_confidence,
    row_number() OVER (PARTITION BY pr.person_id, pr.kind, pr.confidence ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_both,
    lag(pr.as_of) OVER (PARTITION BY pr.person_id ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of,
    lag(pr.as_of) OVER (PARTITION BY pr.person_id, pr.kind ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of_kind,
    lag(pr.as_of) OVER (PARTITION BY pr.person_id, pr.confidence ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of_confidence,
    lag(pr.as_of) OVER (PARTITION BY pr.person_id, pr.kind, pr.confidence ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of_both
   FROM pay_report pr
     JOIN person p ON p.id = pr.person_id
     CROSS JOIN LATERAL pay_value(pr.currency, pr.amount_low, pr.amount_high, pr.period_years, pr.as_of) v(value, rate_on);

CREATE VIEW public.person_fact_source AS
 SELECT p.id AS person_id, p.stage, p.origin_company_id, p.hiring_company_id,
    COALESCE(p.decided_on, p.start_on, ( SELECT max(sc.changed_at)::date AS max
           FROM stage_change sc
          WHERE sc.person_id = p.id AND sc.to_stage = 'hired'::text)) AS hired_on,
    ( SELECT min(sc.changed_at)::date AS min
           FROM stage_change sc
          WHERE sc.person_id = p.id) AS entered_on,
    ( SELECT COALESCE(bit_or(DISTINCT stage_bit(sc.to_stage))::integer, 0)::smallint AS "coalesce"
           FROM stage_change sc
          WHERE sc.person_id = p.id) AS entered,
    f.pay_report_id, f.value
   FROM person p
     LEFT JOIN pay_figure f ON f.person_id = p.id AND f.latest;

CREATE VIEW public.stage_stay_source AS
 SELECT sc.id AS stage_change_id, sc.person_id, sc.to_stage AS stage,
    EXTRACT(epoch FROM lead(sc.changed_at) OVER (PARTITION BY sc.person_id ORDER BY sc.changed_at, sc.id) - sc.changed_at) / 86400::numeric AS days,
    p.origin_company_id, p.hiring_company_id,
    min(sc.changed_at) OVER (PARTITION BY sc.person_id)::date AS entered_on
   FROM stage_change sc
     JOIN person p ON p.id = sc.person_id;


CREATE TRIGGER app_user_audit AFTER DELETE OR UPDATE ON public.app_user FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER app_user_audit_create AFTER INSERT ON public.app_user REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit_creations();
CREATE TRIGGER app_user_voids_setup_links AFTER INSERT ON public.app_user FOR EACH STATEMENT EXECUTE FUNCTION void_setup_links();
CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER company_audit AFTER DELETE OR UPDATE ON public.company FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER company_audit_create AFTER INSERT ON public.company REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit_creations();
CREATE TRIGGER company_version BEFORE UPDATE ON public.company FOR EACH ROW WHEN (((old.name_key <> ''::text) OR ((to_jsonb(old.*) - 'name_key'::text) <> (to_jsonb(new.*) - 'name_key'::text)))) EXECUTE FUNCTION bump_version();
CREATE TRIGGER exchange_rate_audit AFTER DELETE OR UPDATE ON public.exchange_rate FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER exchange_rate_audit_create AFTER INSERT ON public.exchange_rate REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit_creations();
CREATE TRIGGER exchange_rate_figures_delete AFTER DELETE ON public.exchange_rate REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION revalue_figures_of_rates();
CREATE TRIGGER exchange_rate_figures_insert AFTER INSERT ON public.exchange_rate REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION revalue_figures_of_rates();
CREATE TRIGGER exchange_rate_figures_update AFTER UPDATE ON public.exchange_rate REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION revalue_figures_of_rates();
CREATE TRIGGER import_batch_audit AFTER DELETE OR UPDATE ON public.import_batch FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER import_batch_audit_create AFTER INSERT ON public.import_batch REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit_creations();
CREATE TRIGGER pay_band_audit AFTER DELETE OR UPDATE ON public.pay_band FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER pay_band_audit_create AFTER INSERT ON public.pay_band REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit_creations();
CREATE TRIGGER pay_band_version BEFORE UPDATE ON public.pay_band FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER pay_decision_audit AFTER DELETE OR UPDATE ON public.pay_decision FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER pay_decision_audit_create AFTER INSERT ON public.pay_decision REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit_creations();
CREATE TRIGGER pay_report_audit AFTER DELETE OR UPDATE ON public.pay_report FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER pay_report_audit_create AFTER INSERT ON public.pay_report REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit_creations();
CREATE TRIGGER pay_report_duplicate_pairs_delete AFTER DELETE ON public.pay_report REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION duplicate_pairs_of_old_sources();
CREATE TRIGGER pay_report_duplicate_pairs_insert AFTER INSERT ON public.pay_report REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION duplicate_pairs_of_new_sources();
CREATE TRIGGER pay_report_duplicate_pairs_update AFTER UPDATE ON public.pay_report REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION duplicate_pairs_of_changed_sources();
CREATE TRIGGER pay_report_figures_delete AFTER DELETE ON public.pay_report REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_figures_of_old_rows();
CREATE TRIGGER pay_report_figures_insert AFTER INSERT ON public.pay_report REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_figures_of_new_rows();
CREATE TRIGGER pay_report_figures_update AFTER UPDATE ON public.pay_report REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_figures_of_changed_rows();
CREATE CONSTRAINT TRIGGER pay_report_pay_history AFTER INSERT OR UPDATE OF source_name, person_id ON public.pay_report NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW WHEN (is_pay_history(new.source_name)) EXECUTE FUNCTION refuse_pay_history();
CREATE TRIGGER pay_report_version BEFORE UPDATE ON public.pay_report FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER person_audit AFTER DELETE OR UPDATE ON public.person FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER person_audit_create AFTER INSERT ON public.person REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit_creations();
CREATE TRIGGER person_duplicate_pairs_insert AFTER INSERT ON public.person REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION duplicate_pairs_of_new_people();
CREATE TRIGGER person_duplicate_pairs_update AFTER UPDATE ON public.person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION duplicate_pairs_of_changed_people();
CREATE TRIGGER person_figures_delete AFTER DELETE ON public.person REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_figures_of_old_people();
CREATE TRIGGER person_figures_insert AFTER INSERT ON public.person REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_figures_of_new_people();
CREATE TRIGGER person_figures_update AFTER UPDATE ON public.person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_figures_of_changed_people();
CREATE CONSTRAINT TRIGGER person_pay_history AFTER UPDATE OF zone ON public.person NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW WHEN (((new.zone = 'EU'::text) AND (old.zone IS DISTINCT FROM 'EU'::text))) EXECUTE FUNCTION refuse_pay_history();
CREATE TRIGGER person_version BEFORE UPDATE ON public.person FOR EACH ROW WHEN (((old.name_key <> ''::text) OR ((to_jsonb(old.*) - 'name_key'::text) <> (to_jsonb(new.*) - 'name_key'::text)))) EXECUTE FUNCTION bump_version();
CREATE TRIGGER person_merge_audit AFTER INSERT OR UPDATE ON public.person_merge FOR EACH ROW EXECUTE FUNCTION write_merge_audit_entry();
CREATE TRIGGER person_merge_guard BEFORE UPDATE ON public.person_merge FOR EACH ROW EXECUTE FUNCTION guard_person_merge();
CREATE TRIGGER report_setting_revalue AFTER UPDATE OF reporting_currency ON public.report_setting FOR EACH ROW WHEN ((old.reporting_currency IS DISTINCT FROM new.reporting_currency)) EXECUTE FUNCTION revalue_all_figures();
CREATE TRIGGER stage_change_figures_delete AFTER DELETE ON public.stage_change REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_figures_of_old_rows();
CREATE TRIGGER stage_change_figures_insert AFTER INSERT ON public.stage_change REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_figures_of_new_rows();
CREATE TRIGGER stage_change_figures_update AFTER UPDATE ON public.stage_change REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_figures_of_changed_rows();
