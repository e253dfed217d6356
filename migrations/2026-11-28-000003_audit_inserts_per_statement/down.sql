DO $$
DECLARE
    audited TEXT;
BEGIN
    FOREACH audited IN ARRAY ARRAY['company', 'person', 'pay_report', 'app_user', 'exchange_rate', 'import_batch'] LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', audited || '_audit_create', audited);
        EXECUTE format('DROP TRIGGER %I ON %I', audited || '_audit', audited);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION write_audit_entry()', audited || '_audit', audited);
    END LOOP;
END
$$;
DROP FUNCTION write_audit_creations();
