-- Who changed what, when: written by triggers in the same transaction as the change, so no code
-- path can change a record without its entry. The actor is the session setting
-- talent_tracker.actor, which the app sets for each user's writes.
CREATE TABLE audit_log (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor        TEXT NOT NULL,
    record_table TEXT NOT NULL,
    record_id    BIGINT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    before       JSONB,
    after        JSONB
);

CREATE INDEX audit_log_record_idx ON audit_log (record_table, record_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

CREATE FUNCTION write_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER company_audit AFTER INSERT OR UPDATE OR DELETE ON company
    FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER person_audit AFTER INSERT OR UPDATE OR DELETE ON person
    FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER pay_report_audit AFTER INSERT OR UPDATE OR DELETE ON pay_report
    FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER app_user_audit AFTER INSERT OR UPDATE OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER exchange_rate_audit AFTER INSERT OR UPDATE OR DELETE ON exchange_rate
    FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER import_batch_audit AFTER INSERT OR UPDATE OR DELETE ON import_batch
    FOR EACH ROW EXECUTE FUNCTION write_audit_entry();

-- The audit is append-only, whatever the code tries.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are never changed or deleted';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
