-- The merge entries already written stay (the audit is append-only), so the wider CHECK stays
-- too where there are any; without them it is narrowed back.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit_log WHERE action IN ('merge', 'unmerge')) THEN
        ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
        ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
            CHECK (action IN ('create', 'update', 'delete', 'erase'));
    END IF;
END
$$;
DROP INDEX audit_log_merge_idx;
DROP FUNCTION restore_person(JSONB);
DROP FUNCTION scrub_merge_copy(JSONB, TEXT[], TEXT[]);
DROP FUNCTION people_merged_into(BIGINT);
DROP TABLE person_merge;
DROP FUNCTION write_merge_audit_entry();
DROP FUNCTION guard_person_merge();

CREATE OR REPLACE FUNCTION bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION write_audit_creations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    hidden TEXT[] := ARRAY['password_hash', 'content', 'name_key'];
    file_batch RECORD;
BEGIN
    IF TG_TABLE_NAME = 'import_batch' THEN
        -- One batch a statement: row by row, with the file taken out first.
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

CREATE OR REPLACE FUNCTION write_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    erasing TEXT := coalesce(current_setting('talent_tracker.erasing', true), '');
    hidden TEXT[] := ARRAY['password_hash', 'content', 'name_key'];
    file_changed BOOLEAN := false;
BEGIN
    IF TG_OP = 'UPDATE' AND erasing <> '' THEN
        IF TG_TABLE_NAME = 'person' THEN
            INSERT INTO audit_log (actor, record_table, record_id, action)
            VALUES (who, TG_TABLE_NAME, NEW.id, 'erase');
        END IF;
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'import_batch' THEN
        -- Compared as bytes, then left out (of this trigger's copies of the rows only).
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
