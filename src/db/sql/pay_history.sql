-- Directive (EU) 2023/970, art. 5(2): no pay history from a candidate in zone EU.
-- This file is the rule's home: the triggers below must hold it whichever way a row comes in
-- (a form, the import, a merge, SQL by hand), so the app asks it rather than restating it:
-- the pay report form asks `r.refuses_pay_history`, the person form and the merge
-- `r.is_pay_history` (models/pay_report.rs). Only the import keeps a copy,
-- `domain::rules::asks_pay_history`, as it plans thousands of rows in memory;
-- tests/app/rule_homes/pay_history.rs holds both to one answer.

-- The source is "candidate" in any ASCII case, with Unicode white space around it (exactly
-- what Rust's `trim` removes). Spelled out rather than `~* '^\s*candidate\s*$'`: what `\s`
-- and `~*` match beyond ASCII follows the server's locale (under C.UTF-8, `\s` took U+3000
-- but not U+00A0, which Rust's trim takes).
CREATE FUNCTION r.is_pay_history(source_name TEXT) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT translate(btrim(source_name,
                           E'\t\n\u000B\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004' ||
                           E'\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'),
                     'ACDEINT', 'acdeint') = 'candidate'
$$;

-- Whether a figure from `source` is refused for the person `of_person`: what the pay report
-- trigger checks, asked by the form first so that it can say so beside the field.
CREATE FUNCTION r.refuses_pay_history(of_person BIGINT, source TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
    SELECT r.is_pay_history(source)
           AND EXISTS (SELECT 1 FROM person p WHERE p.id = of_person AND p.zone = 'EU')
$$;

CREATE FUNCTION r.refuse_pay_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'pay_report' THEN
        IF r.refuses_pay_history(NEW.person_id, NEW.source_name) THEN
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
