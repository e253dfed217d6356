-- Seams between features (issue 23): an erased person stays erased whatever path writes to
-- them, and ids given by import files leave the id sequences room to grow.

-- When the person was erased on request. The CHECK is the last guard behind every code path
-- (an old import preview, a merge, a revert): an erased record holds no personal field again.
ALTER TABLE person ADD COLUMN erased_at TIMESTAMPTZ;

-- Filled in from the audit's erase entries. Triggers stay off for it: this is no edit (no
-- version bump, no audit entry). A person whose personal fields came back after their erasure
-- (the defect this fixes) is erased again here.
ALTER TABLE person DISABLE TRIGGER USER;
UPDATE person p
SET erased_at = e.at,
    full_name = 'Erased person ' || p.id,
    name_key = 'erased person ' || p.id,
    title = NULL, expertise = NULL, team = NULL, location = NULL, notes = NULL
FROM (SELECT record_id, max(at) AS at FROM audit_log
      WHERE record_table = 'person' AND action = 'erase' GROUP BY record_id) e
WHERE p.id = e.record_id;
ALTER TABLE person ENABLE TRIGGER USER;
SELECT refresh_person_figures(ids)
FROM (SELECT array_agg(id) AS ids FROM person WHERE erased_at IS NOT NULL) erased
WHERE ids IS NOT NULL;

ALTER TABLE person ADD CONSTRAINT person_erased_holds_nothing_personal CHECK (
    erased_at IS NULL OR (
        full_name = 'Erased person ' || id
        AND title IS NULL AND expertise IS NULL AND team IS NULL
        AND location IS NULL AND notes IS NULL));

-- Ids: a file may give ids up to 2^53 - 1 (the app refuses larger ones, see MAX_RECORD_ID),
-- and no row may have one above 2^62, so a sequence moved past a file's ids always keeps at
-- least 2^62 values of room. A row stored before this rule with a larger id keeps it (the
-- constraint is then left NOT VALID), and each sequence is moved back below such rows so
-- that creating works again.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['person', 'company', 'pay_report'] LOOP
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (id BETWEEN 1 AND 4611686018427387904) NOT VALID',
                       t, t || '_id_in_range');
        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), greatest(m, 1), m > 0)
                        FROM (SELECT coalesce(max(id), 0) AS m FROM %I WHERE id <= 4611686018427387904) s
                        WHERE (SELECT last_value FROM %s) > 4611686018427387904',
                       t, t, pg_get_serial_sequence(t, 'id'));
        BEGIN
            EXECUTE format('ALTER TABLE %I VALIDATE CONSTRAINT %I', t, t || '_id_in_range');
        EXCEPTION WHEN check_violation THEN
            RAISE NOTICE '% holds ids above 2^62; they stay, new ones are refused', t;
        END;
    END LOOP;
END
$$;
