-- Creations are audited once per statement instead of once per row: a batch insert of 2,000
-- rows (the CSV import) writes its 2,000 audit entries with one INSERT … SELECT over the
-- statement's new rows, instead of 2,000 PL/pgSQL calls. Same entries, same transaction;
-- updates and deletes stay per row (they compare old and new values, and erasure hooks in).
CREATE FUNCTION write_audit_creations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
BEGIN
    INSERT INTO audit_log (actor, record_table, record_id, action, after)
    SELECT who, TG_TABLE_NAME, created.id, 'create',
           to_jsonb(created) - ARRAY['password_hash', 'content']
    FROM new_rows created
    ORDER BY created.id;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    audited TEXT;
BEGIN
    FOREACH audited IN ARRAY ARRAY['company', 'person', 'pay_report', 'app_user', 'exchange_rate', 'import_batch'] LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', audited || '_audit', audited);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION write_audit_entry()', audited || '_audit', audited);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION write_audit_creations()',
                       audited || '_audit_create', audited);
    END LOOP;
END
$$;
