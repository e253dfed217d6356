-- The live schema: every SQL function, trigger function, trigger and view of the app, each
-- written once, in the files of this folder, in schema `r`. At startup, after the migrations
-- and under their lock, the app drops `r` and creates it again from these files in one
-- transaction, whenever their text changed (src/db/sql/mod.rs lists them in order: a file may
-- use what an earlier one defines). A rule is changed here; a migration holds tables, indexes,
-- constraints and backfills, and asks for kept figures to be recomputed when a formula here
-- changed them (see mod.rs).
--
-- Everything here is called schema-qualified (`r.offer_review(..)`), from Rust and from each
-- other, so it works on any connection whatever its search_path. Tables are public's, named
-- without their schema. Triggers on public's tables are defined here too: dropping `r` drops
-- them with their functions, and each apply makes them again.
--
-- Two functions stay in `public`, in their migrations, because the schema depends on them and
-- dropping `r` must not take it along:
-- - fold_case (migration `fold_case`): the unique index pay_band_version_key is on
--   fold_case(job_family), fold_case(level). An index on a function that is re-created would be
--   dropped with it, and changing what it returns means rebuilding that index: a migration.
-- - is_web_url (migration `web_url_rule`): the CHECKs company_website_check and
--   pay_report_source_url_check call it; a changed rule must validate the stored rows, so it
--   is a migration as well.
-- The functions here call them by their plain names.
COMMENT ON SCHEMA r IS
    'Functions, triggers and views of talent-tracker, re-created from src/db/sql/ at startup';

-- Statement triggers see the rows their statement wrote as transition tables, named new_rows
-- (after an INSERT or UPDATE) and old_rows (after an UPDATE or DELETE) in every file: the
-- trigger functions read them by those names. Each such trigger is made here, so the clause
-- that goes with each event is written once.
CREATE FUNCTION r.statement_trigger(trigger_name TEXT, on_table TEXT, event TEXT,
                                    trigger_function REGPROC)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT '
                   'EXECUTE FUNCTION %s()',
                   trigger_name, event, on_table,
                   CASE event
                       WHEN 'INSERT' THEN 'NEW TABLE AS new_rows'
                       WHEN 'UPDATE' THEN 'OLD TABLE AS old_rows NEW TABLE AS new_rows'
                       WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
                   END,
                   trigger_function);
END
$$;

-- A table's statement triggers for those of INSERT, UPDATE and DELETE that are given a
-- function, each named <table>_<purpose>_<event> (`pay_report_figures_update`).
CREATE FUNCTION r.statement_triggers(on_table TEXT, purpose TEXT,
                                     on_insert REGPROC DEFAULT NULL,
                                     on_update REGPROC DEFAULT NULL,
                                     on_delete REGPROC DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    event TEXT;
    trigger_function REGPROC;
BEGIN
    FOR event, trigger_function IN
        SELECT e.event, e.fn
        FROM (VALUES ('INSERT', on_insert), ('UPDATE', on_update), ('DELETE', on_delete))
             AS e(event, fn)
        WHERE e.fn IS NOT NULL
    LOOP
        PERFORM r.statement_trigger(format('%s_%s_%s', on_table, purpose, lower(event)),
                                    on_table, event, trigger_function);
    END LOOP;
END
$$;
