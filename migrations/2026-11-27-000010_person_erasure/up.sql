-- GDPR erasure of a person. The app sets talent_tracker.erasing to 'person:<id>' in the erasing
-- transaction: the audit then records that an erasure happened (action 'erase', no data) instead
-- of the erased values, and the personal fields are scrubbed from that person's earlier entries.
-- Outside an erasure the audit stays append-only.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('create', 'update', 'delete', 'erase'));

CREATE OR REPLACE FUNCTION write_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    erasing TEXT := coalesce(current_setting('talent_tracker.erasing', true), '');
    hidden TEXT[] := ARRAY['password_hash', 'content'];
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
        IF (to_jsonb(OLD) - 'updated_at' - 'version') = (to_jsonb(NEW) - 'updated_at' - 'version') THEN
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

-- Only an erasure may touch earlier entries, and only to scrub its person's personal fields.
CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
