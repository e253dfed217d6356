-- The kept offer checks (migration `offer_check`): `r.offer_review`'s answer per offer, so the
-- offers report reads an index (models/offer_list.rs). Everything the review reads rewrites
-- the checks it reaches, in the writing transaction:
-- - an offer, its person (family, level, zone) or its stage: through the people's figure
--   refresh (figure_refresh.sql), at commit;
-- - a band: every offer of its family and level, at once;
-- - an exchange rate: the offers on or after its day in its currency, or in their band's;
-- - a decision: its offer; the reporting currency: every offer.

-- What the kept row holds, from the one definition of the check. The reporting currency is
-- a column of the joined setting, not a sub-select, so PostgreSQL still inlines the review and
-- a caller's filter on `pay_report_id` reaches `pay_report`'s primary key.
CREATE VIEW r.offer_check_source AS
SELECT v.id AS pay_report_id, pr.person_id, pr.as_of, pr.currency, b.currency AS band_currency,
       fold_case(p.job_family) AS family_key, fold_case(p.level) AS level_key,
       v.status, v.base_compa, v.base_inside
FROM report_setting s
CROSS JOIN LATERAL r.offer_review(s.reporting_currency) v
JOIN pay_report pr ON pr.id = v.id
JOIN person p ON p.id = pr.person_id
LEFT JOIN pay_band b ON b.id = v.band_id;

-- Rewrites the checks of these pay reports: an offer gets its row again, a report that is no
-- longer an offer (or no longer exists) loses it. Most people's refreshes reach no offer and
-- return at once. The review inlined into the INSERT takes PostgreSQL 14 ms to plan and 1 ms
-- to run for one offer, so its plan is kept for the connection (a generic plan, made once)
-- rather than made again for each call's array.
CREATE FUNCTION r.recheck_offers(reports BIGINT[]) RETURNS void LANGUAGE plpgsql
SET jit = off SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    IF cardinality(reports) = 0 THEN
        RETURN;
    END IF;
    DELETE FROM offer_check WHERE pay_report_id = ANY(reports);
    -- A band's or a rate's recheck takes no person's lock, so another transaction may have
    -- put a row back since this one's DELETE looked: its values are replaced by this
    -- statement's, computed after that transaction committed.
    INSERT INTO offer_check
    SELECT * FROM r.offer_check_source WHERE pay_report_id = ANY(reports)
    ON CONFLICT (pay_report_id) DO UPDATE SET
        person_id = EXCLUDED.person_id, as_of = EXCLUDED.as_of, currency = EXCLUDED.currency,
        band_currency = EXCLUDED.band_currency, family_key = EXCLUDED.family_key,
        level_key = EXCLUDED.level_key, status = EXCLUDED.status,
        base_compa = EXCLUDED.base_compa, base_inside = EXCLUDED.base_inside;
END
$$;

-- The people's offers, as they are now and as they were kept (a moved or removed offer).
CREATE FUNCTION r.recheck_offers_of_people(people BIGINT[]) RETURNS void LANGUAGE sql AS $$
    SELECT r.recheck_offers(ARRAY(
        SELECT id FROM pay_report WHERE person_id = ANY(people) AND kind = 'offered'
        UNION
        SELECT pay_report_id FROM offer_check WHERE person_id = ANY(people)));
$$;

-- Every offer: after a bulk load (r.refresh_all_figures) and a new reporting currency.
CREATE FUNCTION r.recheck_all_offers() RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    DELETE FROM offer_check;
    INSERT INTO offer_check SELECT * FROM r.offer_check_source;
END
$$;

-- A band reaches the offers of its family and level, without case, before and after.
CREATE FUNCTION r.recheck_offers_of_bands() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM r.recheck_offers(ARRAY(
            SELECT c.pay_report_id FROM offer_check c
            JOIN (SELECT DISTINCT fold_case(job_family) AS f, fold_case(level) AS l
                  FROM old_rows) b ON c.family_key = b.f AND c.level_key = b.l));
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM r.recheck_offers(ARRAY(
            SELECT c.pay_report_id FROM offer_check c
            JOIN (SELECT DISTINCT fold_case(job_family) AS f, fold_case(level) AS l
                  FROM new_rows) b ON c.family_key = b.f AND c.level_key = b.l));
    END IF;
    RETURN NULL;
END
$$;

SELECT r.statement_triggers('pay_band', 'offer_checks',
                            on_insert => 'r.recheck_offers_of_bands',
                            on_update => 'r.recheck_offers_of_bands',
                            on_delete => 'r.recheck_offers_of_bands');

-- A rate is used from its day on, by offers in its currency and by offers whose band is in it.
CREATE FUNCTION r.recheck_offers_of_rates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM r.recheck_offers(ARRAY(
            SELECT c.pay_report_id FROM offer_check c
            WHERE c.as_of >= (SELECT min(rate_on) FROM old_rows)
              AND (c.currency IN (SELECT currency FROM old_rows)
                   OR c.band_currency IN (SELECT currency FROM old_rows))));
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM r.recheck_offers(ARRAY(
            SELECT c.pay_report_id FROM offer_check c
            WHERE c.as_of >= (SELECT min(rate_on) FROM new_rows)
              AND (c.currency IN (SELECT currency FROM new_rows)
                   OR c.band_currency IN (SELECT currency FROM new_rows))));
    END IF;
    RETURN NULL;
END
$$;

SELECT r.statement_triggers('exchange_rate', 'offer_checks',
                            on_insert => 'r.recheck_offers_of_rates',
                            on_update => 'r.recheck_offers_of_rates',
                            on_delete => 'r.recheck_offers_of_rates');

-- A decision (made, or removed with an erasure) changes its offer's status.
CREATE FUNCTION r.recheck_offers_of_decisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM r.recheck_offers(ARRAY(SELECT DISTINCT pay_report_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM r.recheck_offers(ARRAY(SELECT DISTINCT pay_report_id FROM old_rows));
    ELSE
        PERFORM r.recheck_offers(ARRAY(
            SELECT pay_report_id FROM new_rows UNION SELECT pay_report_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

SELECT r.statement_triggers('pay_decision', 'offer_checks',
                            on_insert => 'r.recheck_offers_of_decisions',
                            on_update => 'r.recheck_offers_of_decisions',
                            on_delete => 'r.recheck_offers_of_decisions');

CREATE FUNCTION r.recheck_offers_of_setting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.recheck_all_offers();
    RETURN NULL;
END
$$;

CREATE TRIGGER report_setting_recheck_offers
    AFTER UPDATE OF reporting_currency ON report_setting
    FOR EACH ROW
    WHEN (OLD.reporting_currency IS DISTINCT FROM NEW.reporting_currency)
    EXECUTE FUNCTION r.recheck_offers_of_setting();

-- Filled where it is empty while there are offers: once, after the migration that made it
-- (any other time every offer has its row).
SELECT r.recheck_all_offers()
WHERE NOT EXISTS (SELECT 1 FROM offer_check)
  AND EXISTS (SELECT 1 FROM pay_report WHERE kind = 'offered');
