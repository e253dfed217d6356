ALTER TABLE import_batch ALTER COLUMN content SET COMPRESSION default;

CREATE OR REPLACE FUNCTION write_audit_creations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
BEGIN
    INSERT INTO audit_log (actor, record_table, record_id, action, after)
    SELECT who, TG_TABLE_NAME, created.id, 'create',
           to_jsonb(created) - ARRAY['password_hash', 'content', 'name_key']
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
BEGIN
    IF TG_OP = 'UPDATE' AND erasing <> '' THEN
        IF TG_TABLE_NAME = 'person' THEN
            INSERT INTO audit_log (actor, record_table, record_id, action)
            VALUES (who, TG_TABLE_NAME, NEW.id, 'erase');
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (actor, record_table, record_id, action, after)
        VALUES (who, TG_TABLE_NAME, NEW.id, 'create', to_jsonb(NEW) - hidden);
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        IF (to_jsonb(OLD) - 'updated_at' - 'version' - 'name_key')
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
