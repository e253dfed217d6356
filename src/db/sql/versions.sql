-- Every versioned record's `version` grows by one with each update, so a save over an older
-- version is told apart (optimistic locking, src/routes/save.rs).
-- An undo writes rows back exactly as they were, versions included; a merge moves pay reports
-- to the survivor without editing them, so their versions stay (an edit since the merge is
-- then told by its version).
CREATE FUNCTION r.bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    merging TEXT := coalesce(current_setting('talent_tracker.merging', true), '');
BEGIN
    IF merging = 'undo' OR (merging = 'merge' AND TG_TABLE_NAME = 'pay_report') THEN
        RETURN NEW;
    END IF;
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;

-- Filling in a name key (db/name_keys.rs, at startup) is no edit: the version stays, so an edit
-- form open meanwhile stays current.
CREATE TRIGGER company_version
    BEFORE UPDATE ON company
    FOR EACH ROW
    WHEN (OLD.name_key <> '' OR (to_jsonb(OLD) - 'name_key') <> (to_jsonb(NEW) - 'name_key'))
    EXECUTE FUNCTION r.bump_version();

CREATE TRIGGER person_version
    BEFORE UPDATE ON person
    FOR EACH ROW
    WHEN (OLD.name_key <> '' OR (to_jsonb(OLD) - 'name_key') <> (to_jsonb(NEW) - 'name_key'))
    EXECUTE FUNCTION r.bump_version();

CREATE TRIGGER pay_report_version
    BEFORE UPDATE ON pay_report
    FOR EACH ROW
    EXECUTE FUNCTION r.bump_version();

CREATE TRIGGER pay_band_version
    BEFORE UPDATE ON pay_band
    FOR EACH ROW
    EXECUTE FUNCTION r.bump_version();

-- The sender dropping a rotated-out secret after its grace period (webhooks/sender.rs) is no
-- edit: an admin's ETag read before it stays current.
CREATE TRIGGER webhook_endpoint_version
    BEFORE UPDATE ON webhook_endpoint
    FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'old_secret' - 'old_secret_expires_at')
          <> (to_jsonb(NEW) - 'old_secret' - 'old_secret_expires_at'))
    EXECUTE FUNCTION r.bump_version();
