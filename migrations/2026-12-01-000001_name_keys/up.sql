-- The key names are matched by (case, accents and spacing left out; see src/domain/name_key.rs).
-- The app computes it, never the database: lower() follows the server's locale, and under C it
-- folds A–Z only. Rows from before get '' here and their key from the app at its next startup.
ALTER TABLE person ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN name_key TEXT NOT NULL DEFAULT '';

-- The people search is a substring match on the key (name_key LIKE '%gross%').
DROP INDEX person_full_name_trgm_idx;
CREATE INDEX person_name_key_trgm_idx ON person USING gin (name_key gin_trgm_ops);

-- "Acme" and "ACMÉ" are one company. Rows still waiting for their key are left out; the
-- lower(name) index stays, so a writer that leaves the key out is still refused "META" beside
-- "Meta" (it never refuses what this one allows).
CREATE UNIQUE INDEX company_name_key_key ON company (name_key) WHERE name_key <> '';

-- Filling in a key is no edit: the version stays (an edit form open meanwhile stays current)
-- and the audit leaves the key out altogether (it follows from the name, which is audited).
DROP TRIGGER company_version ON company;
DROP TRIGGER person_version ON person;
CREATE TRIGGER company_version BEFORE UPDATE ON company FOR EACH ROW
    WHEN (OLD.name_key <> '' OR (to_jsonb(OLD) - 'name_key') <> (to_jsonb(NEW) - 'name_key'))
    EXECUTE FUNCTION bump_version();
CREATE TRIGGER person_version BEFORE UPDATE ON person FOR EACH ROW
    WHEN (OLD.name_key <> '' OR (to_jsonb(OLD) - 'name_key') <> (to_jsonb(NEW) - 'name_key'))
    EXECUTE FUNCTION bump_version();

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

-- The app looks for rows without a key at every startup: this finds them (or that there are
-- none) without reading a million rows, and is empty once they are filled in.
CREATE INDEX person_name_key_missing_idx ON person (id) WHERE name_key = '';
CREATE INDEX company_name_key_missing_idx ON company (id) WHERE name_key = '';
