-- Who changed what, when: written by triggers in the same transaction as the change, so no code
-- path can change a record without its entry. The actor is the session setting
-- talent_tracker.actor, which the app sets for each user's writes. Updates and deletes are
-- audited per row (they compare old and new values, and erasure hooks in); creations once per
-- statement, so an import's 2,000 rows get their entries from one INSERT … SELECT.
--
-- GDPR erasure: the app sets talent_tracker.erasing to 'person:<id>' in the erasing
-- transaction; the audit then records that an erasure happened (action 'erase', no data)
-- instead of the erased values. Inside a merge or an undo (talent_tracker.merging) the row
-- triggers write no entries: the merge's own entry says it all (merges.sql).
--
-- An import's stored file (import_batch.content) is never part of an entry, and is left out
-- before `to_jsonb` (turning a 19 MB file into JSON text cost ~0.3 s per apply); an update that
-- only discards the file is still recorded. Password hashes and name keys never appear either.
CREATE FUNCTION r.write_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$;

CREATE FUNCTION r.write_audit_creations() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$;

-- The audit is append-only, whatever the code tries.
-- Only an erasure may touch earlier entries, and only to scrub its person's personal fields.
CREATE FUNCTION r.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$;

-- The audited tables, each with a row trigger for updates and deletes (`company_audit`) and a
-- statement trigger for creations (`company_audit_create`).
DO $$
DECLARE
    audited TEXT;
BEGIN
    FOREACH audited IN ARRAY ARRAY['company', 'person', 'pay_report', 'app_user', 'exchange_rate',
                                   'import_batch', 'pay_band', 'pay_decision'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE OR UPDATE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION r.write_audit_entry()', audited || '_audit', audited);
        PERFORM r.statement_trigger(audited || '_audit_create', audited, 'INSERT',
                                    'r.write_audit_creations');
    END LOOP;
END
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE DELETE OR UPDATE ON audit_log
    FOR EACH ROW
    EXECUTE FUNCTION r.refuse_audit_change();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT
    EXECUTE FUNCTION r.refuse_audit_change();
