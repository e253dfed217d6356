-- Pay reports, stage changes and people queue their people's figures for a refresh, and one
-- deferred trigger refreshes each queued person once, at commit, set-wise: a form save that
-- writes a person and their first stage, a merge, a revert and an import of 100,000 rows all
-- pay for one refresh per person. It runs inside the transaction, before it commits, so the
-- very next request sees the figures. A statement in the same transaction that must read
-- figures of its own writes runs `SET CONSTRAINTS figures_due_at_commit IMMEDIATE` first (or
-- calls r.refresh_due_figures()).
CREATE FUNCTION r.figures_due(people BIGINT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO figures_due (tx, person_id)
    SELECT DISTINCT pg_current_xact_id(), p FROM unnest(people) p WHERE p IS NOT NULL
    ON CONFLICT DO NOTHING;
    INSERT INTO figures_due_tx (tx)
    SELECT pg_current_xact_id() WHERE cardinality(people) > 0
    ON CONFLICT DO NOTHING;
$$;

-- Refreshes the people this transaction queued, until none are left (a refresh queues none
-- itself, but a later statement may have queued more since).
CREATE FUNCTION r.refresh_due_figures() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    due BIGINT[];
BEGIN
    LOOP
        WITH taken AS (
            DELETE FROM figures_due WHERE tx = pg_current_xact_id() RETURNING person_id)
        SELECT array_agg(person_id ORDER BY person_id) INTO due FROM taken;
        EXIT WHEN due IS NULL;
        PERFORM r.refresh_person_figures(due);
    END LOOP;
    DELETE FROM figures_due_tx WHERE tx = pg_current_xact_id();
END
$$;

CREATE FUNCTION r.refresh_due_figures_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.refresh_due_figures();
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER figures_due_at_commit
    AFTER INSERT ON figures_due_tx
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    EXECUTE FUNCTION r.refresh_due_figures_at_commit();

-- One function per kind of table for its inserts, updates and deletes: each branch names only
-- the transition table its operation has (PL/pgSQL resolves a branch's tables when it runs).
CREATE FUNCTION r.figures_due_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM r.figures_due(ARRAY(SELECT DISTINCT person_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM r.figures_due(ARRAY(SELECT DISTINCT person_id FROM old_rows));
    ELSE
        PERFORM r.figures_due(ARRAY(
            SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

SELECT r.statement_triggers(written, 'figures',
                            on_insert => 'r.figures_due_of_rows',
                            on_update => 'r.figures_due_of_rows',
                            on_delete => 'r.figures_due_of_rows')
FROM unnest(ARRAY['pay_report', 'stage_change']) AS written;

-- People: on update only the columns the figures copy or are computed from, and those their
-- offers are checked by (family, level, zone). A column list cannot be combined with
-- transition tables, so the trigger compares old and new itself.
CREATE FUNCTION r.figures_due_of_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM r.figures_due(ARRAY(SELECT id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM r.figures_due(ARRAY(SELECT id FROM old_rows));
    ELSE
        PERFORM r.figures_due(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.stage, n.origin_company_id, n.hiring_company_id, n.title, n.decided_on,
                   n.start_on, n.job_family, n.level, n.zone)
                  IS DISTINCT FROM
                  (o.stage, o.origin_company_id, o.hiring_company_id, o.title, o.decided_on,
                   o.start_on, o.job_family, o.level, o.zone)));
    END IF;
    RETURN NULL;
END
$$;

SELECT r.statement_triggers('person', 'figures',
                            on_insert => 'r.figures_due_of_people',
                            on_update => 'r.figures_due_of_people',
                            on_delete => 'r.figures_due_of_people');

-- A new, changed or removed rate re-values the figures of its currency from its day on.
CREATE FUNCTION r.revalue_figures_of_rates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM r.revalue_figures(ARRAY(SELECT DISTINCT currency FROM old_rows),
                                (SELECT min(rate_on) FROM old_rows));
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM r.revalue_figures(ARRAY(SELECT DISTINCT currency FROM new_rows),
                                (SELECT min(rate_on) FROM new_rows));
    END IF;
    RETURN NULL;
END
$$;

SELECT r.statement_triggers('exchange_rate', 'figures',
                            on_insert => 'r.revalue_figures_of_rates',
                            on_update => 'r.revalue_figures_of_rates',
                            on_delete => 'r.revalue_figures_of_rates');

-- A new reporting currency re-values everything.
CREATE FUNCTION r.revalue_all_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.revalue_figures(ARRAY(SELECT DISTINCT currency FROM pay_figure), '-infinity');
    RETURN NULL;
END
$$;

CREATE TRIGGER report_setting_revalue
    AFTER UPDATE OF reporting_currency ON report_setting
    FOR EACH ROW
    WHEN (OLD.reporting_currency IS DISTINCT FROM NEW.reporting_currency)
    EXECUTE FUNCTION r.revalue_all_figures();
