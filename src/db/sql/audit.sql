-- Who changed what, when: written by triggers in the same transaction as the change, so no code
-- path can change a record without its entry. The actor is the session setting
-- talent_tracker.actor, which the app sets for each user's writes. Every entry is written once
-- per statement, from its transition tables, by one INSERT … SELECT: an import's 70,000 updated
-- rows cost ~1.9 s of audit rather than ~3.4 s in a PL/pgSQL call per row.
--
-- GDPR erasure: the app sets talent_tracker.erasing to 'person:<id>' in the erasing
-- transaction; the audit then records that an erasure happened (action 'erase', no data)
-- instead of the erased values. Inside a merge or an undo (talent_tracker.merging) these
-- triggers write no entries: the merge's own entry says it all (merges.sql).
--
-- An import's stored file (import_batch.content) is never part of an entry, and is blanked
-- (`jsonb_populate_record`) before `to_jsonb` (turning a 19 MB file into JSON text cost ~0.3 s
-- per apply); an update that only discards the file is still recorded. Password hashes, name
-- keys and webhook secrets (a rotation's old one too) never appear either. An update that changes nothing but `updated_at`, `version` or
-- `name_key` is no change to the reader and gets no entry.
CREATE FUNCTION r.write_audit_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    erasing TEXT := coalesce(current_setting('talent_tracker.erasing', true), '');
    merging TEXT := coalesce(current_setting('talent_tracker.merging', true), '');
    importing TEXT := coalesce(current_setting('talent_tracker.importing', true), '');
    hidden TEXT[] := ARRAY['password_hash', 'content', 'name_key', 'secret', 'old_secret'];
    unseen TEXT[] := ARRAY['updated_at', 'version', 'name_key'];
    no_file JSONB := '{"content": null}';
BEGIN
    IF merging <> '' OR (importing <> '' AND TG_TABLE_NAME <> 'import_batch') THEN
        RETURN NULL;
    END IF;
    -- PL/pgSQL plans each query for the one table its trigger is on, when first run, so
    -- `content` can be named on the branches for import_batch only.
    IF TG_OP = 'DELETE' THEN
        IF TG_TABLE_NAME = 'import_batch' THEN
            INSERT INTO audit_log (actor, record_table, record_id, action, before)
            SELECT who, TG_TABLE_NAME, o.id, 'delete',
                   to_jsonb(jsonb_populate_record(o, no_file)) - hidden
            FROM old_rows o ORDER BY o.id;
        ELSE
            INSERT INTO audit_log (actor, record_table, record_id, action, before)
            SELECT who, TG_TABLE_NAME, o.id, 'delete', to_jsonb(o) - hidden
            FROM old_rows o ORDER BY o.id;
        END IF;
    ELSIF erasing <> '' THEN
        IF TG_TABLE_NAME = 'person' THEN
            INSERT INTO audit_log (actor, record_table, record_id, action)
            SELECT who, TG_TABLE_NAME, n.id, 'erase' FROM new_rows n ORDER BY n.id;
        END IF;
    ELSIF TG_TABLE_NAME = 'import_batch' THEN
        INSERT INTO audit_log (actor, record_table, record_id, action, before, after)
        SELECT who, TG_TABLE_NAME, n.id,
               CASE WHEN o.status = 'previewed' AND n.status = 'applied' THEN 'import'
                    WHEN o.status = 'applied' AND n.status = 'reverted' THEN 'revert'
                    ELSE 'update' END,
               c.before - hidden, c.after - hidden
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL (SELECT to_jsonb(jsonb_populate_record(o, no_file)) AS before,
                             to_jsonb(jsonb_populate_record(n, no_file)) AS after OFFSET 0) c
        WHERE o.content IS DISTINCT FROM n.content OR c.before - unseen <> c.after - unseen
        ORDER BY n.id;
    ELSE
        -- OFFSET 0 keeps each row's JSON built once: inlined, the filter and the list each
        -- built their own (0.5 s more over 70,000 rows).
        INSERT INTO audit_log (actor, record_table, record_id, action, before, after)
        SELECT who, TG_TABLE_NAME, n.id, 'update', c.before - hidden, c.after - hidden
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL (SELECT to_jsonb(o) AS before, to_jsonb(n) AS after OFFSET 0) c
        WHERE c.before - unseen <> c.after - unseen
        ORDER BY n.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION r.write_audit_creations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    hidden TEXT[] := ARRAY['password_hash', 'content', 'name_key', 'secret', 'old_secret'];
    file_batch RECORD;
BEGIN
    IF coalesce(current_setting('talent_tracker.merging', true), '') <> ''
       OR (coalesce(current_setting('talent_tracker.importing', true), '') <> ''
           AND TG_TABLE_NAME <> 'import_batch') THEN
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

-- The audited tables, each with statement triggers for creations (`company_audit_create`: the
-- name src/generate disables while it writes its own entries), updates and deletes
-- (`company_audit_update`, `company_audit_delete`).
DO $$
DECLARE
    audited TEXT;
BEGIN
    FOREACH audited IN ARRAY ARRAY['company', 'person', 'pay_report', 'app_user', 'exchange_rate',
                                   'import_batch', 'pay_band', 'pay_decision', 'person_note',
                                   'person_file', 'webhook_endpoint'] LOOP
        PERFORM r.statement_trigger(audited || '_audit_create', audited, 'INSERT',
                                    'r.write_audit_creations');
        PERFORM r.statement_triggers(audited, 'audit', on_update => 'r.write_audit_changes',
                                     on_delete => 'r.write_audit_changes');
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
