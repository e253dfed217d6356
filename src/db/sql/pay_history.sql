-- Directive (EU) 2023/970, art. 5(2): no pay history from a candidate in zone EU. The forms
-- and the import refuse it beside the field first (domain/rules.rs); this keeps every other
-- way in (SQL, a future code path, a person moved into the EU later) from storing it.
-- The source is "candidate" in any case with whitespace around it, as `asks_pay_history`
-- reads it.
CREATE FUNCTION r.is_pay_history(source_name TEXT) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE AS $$ SELECT source_name ~* '^\s*candidate\s*$' $$;

CREATE FUNCTION r.refuse_pay_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'pay_report' THEN
        IF r.is_pay_history(NEW.source_name)
           AND EXISTS (SELECT 1 FROM person WHERE id = NEW.person_id AND zone = 'EU') THEN
            RAISE EXCEPTION 'pay report % of person %: pay history from a candidate in the EU',
                NEW.id, NEW.person_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'pay_history_refused';
        END IF;
    ELSIF NEW.zone = 'EU'
          AND EXISTS (SELECT 1 FROM pay_report
                      WHERE person_id = NEW.id AND r.is_pay_history(source_name)) THEN
        RAISE EXCEPTION 'person % has pay history from the candidate and cannot be in the EU',
            NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'pay_history_refused';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER pay_report_pay_history
    AFTER INSERT OR UPDATE OF source_name, person_id ON pay_report
    NOT DEFERRABLE INITIALLY IMMEDIATE
    FOR EACH ROW
    WHEN (r.is_pay_history(NEW.source_name))
    EXECUTE FUNCTION r.refuse_pay_history();

-- A new person has no pay reports yet; moving into the EU is what can break the rule.
CREATE CONSTRAINT TRIGGER person_pay_history
    AFTER UPDATE OF zone ON person
    NOT DEFERRABLE INITIALLY IMMEDIATE
    FOR EACH ROW
    WHEN (NEW.zone = 'EU' AND OLD.zone IS DISTINCT FROM 'EU')
    EXECUTE FUNCTION r.refuse_pay_history();
