-- Each edit form carries the version it was read at; saving over a newer one is refused (409).
-- The trigger bumps the version on every update, whichever code path makes it.
ALTER TABLE company ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE person ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE pay_report ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

CREATE FUNCTION bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER company_version BEFORE UPDATE ON company FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER person_version BEFORE UPDATE ON person FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER pay_report_version BEFORE UPDATE ON pay_report FOR EACH ROW EXECUTE FUNCTION bump_version();
