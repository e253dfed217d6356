ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('create', 'update', 'delete'));

-- The audit functions as migration `create_audit_log` made them (tests/app/migrations_down.rs
-- checks that this is the schema from before).
CREATE OR REPLACE FUNCTION write_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    -- Secrets and files never go into the audit.
    hidden TEXT[] := ARRAY['password_hash', 'content'];
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (actor, record_table, record_id, action, after)
        VALUES (who, TG_TABLE_NAME, NEW.id, 'create', to_jsonb(NEW) - hidden);
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        -- A save that changed nothing but the timestamp is no change.
        IF (to_jsonb(OLD) - 'updated_at') = (to_jsonb(NEW) - 'updated_at') THEN
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

CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are never changed or deleted';
END
$$;
