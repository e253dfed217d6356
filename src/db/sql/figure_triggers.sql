-- Pay reports and stage changes refresh their people's figures. Statement triggers: an import of a thousand rows refreshes its people once, set-wise.
CREATE FUNCTION r.refresh_figures_of_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.refresh_person_figures(ARRAY(SELECT DISTINCT person_id FROM new_rows));
    RETURN NULL;
END
$$;

CREATE FUNCTION r.refresh_figures_of_old_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.refresh_person_figures(ARRAY(SELECT DISTINCT person_id FROM old_rows));
    RETURN NULL;
END
$$;

CREATE FUNCTION r.refresh_figures_of_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.refresh_person_figures(ARRAY(
        SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows));
    RETURN NULL;
END
$$;

SELECT r.statement_triggers(written, 'figures',
                            on_insert => 'r.refresh_figures_of_new_rows',
                            on_update => 'r.refresh_figures_of_changed_rows',
                            on_delete => 'r.refresh_figures_of_old_rows')
FROM unnest(ARRAY['pay_report', 'stage_change']) AS written;

CREATE FUNCTION r.refresh_figures_of_new_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.refresh_person_figures(ARRAY(SELECT id FROM new_rows));
    RETURN NULL;
END
$$;

-- People: only the columns the figures copy or are computed from (a column list cannot be
-- combined with transition tables, so the trigger compares old and new itself).
CREATE FUNCTION r.refresh_figures_of_old_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.refresh_person_figures(ARRAY(SELECT id FROM old_rows));
    RETURN NULL;
END
$$;

CREATE FUNCTION r.refresh_figures_of_changed_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.refresh_person_figures(ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.stage, n.origin_company_id, n.hiring_company_id, n.title, n.decided_on,
               n.start_on)
              IS DISTINCT FROM
              (o.stage, o.origin_company_id, o.hiring_company_id, o.title, o.decided_on,
               o.start_on)));
    RETURN NULL;
END
$$;

SELECT r.statement_triggers('person', 'figures',
                            on_insert => 'r.refresh_figures_of_new_people',
                            on_update => 'r.refresh_figures_of_changed_people',
                            on_delete => 'r.refresh_figures_of_old_people');

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
