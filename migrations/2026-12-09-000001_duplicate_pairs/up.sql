-- The duplicates list (/people/duplicates) reads kept pairs: people with the same matching key
-- who also share an origin company or a pay source URL. Keeping them is cheap (btree probes on
-- equal keys, set-wise per statement), so every save and import keeps the list exact in its own
-- transaction, and the list pages through an index instead of comparing all pairs.
-- Similar but unequal names are not kept here: finding them costs a trigram search per person
-- (up to 50 ms in a company of 160,000), too much for an import. They are found per person, where
-- one is saved or shown (src/models/person/duplicates.rs).
CREATE TABLE duplicate_pair (
    low_id        BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    high_id       BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    same_origin   BOOLEAN NOT NULL,
    shared_source BOOLEAN NOT NULL,
    PRIMARY KEY (low_id, high_id),
    CHECK (low_id < high_id),
    CHECK (same_origin OR shared_source)
);
CREATE INDEX duplicate_pair_high_idx ON duplicate_pair (high_id);
-- Most likely first: both reasons before one, then the oldest records.
CREATE INDEX duplicate_pair_likely_idx
    ON duplicate_pair ((same_origin AND shared_source) DESC, low_id, high_id);

-- "Not a duplicate": a pair someone has looked at and kept apart. It holds until either person
-- changes name or origin company (the trigger below forgets it then).
CREATE TABLE duplicate_dismissal (
    low_id       BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    high_id      BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    dismissed_by BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
    dismissed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (low_id, high_id),
    CHECK (low_id < high_id)
);
CREATE INDEX duplicate_dismissal_high_idx ON duplicate_dismissal (high_id);

CREATE INDEX person_origin_name_key_idx ON person (origin_company_id, name_key)
    WHERE name_key <> '' AND origin_company_id IS NOT NULL;

-- Every pair the given people are in, from either side (the relation is symmetric).
CREATE FUNCTION duplicate_pairs_of(people BIGINT[])
RETURNS TABLE (low_id BIGINT, high_id BIGINT, same_origin BOOLEAN, shared_source BOOLEAN)
LANGUAGE sql STABLE AS $$
    SELECT least(a, b), greatest(a, b), bool_or(same_origin), bool_or(shared_source)
    FROM (
        SELECT p.id AS a, q.id AS b, true AS same_origin, false AS shared_source
        FROM person p
        JOIN person q ON q.origin_company_id = p.origin_company_id AND q.name_key = p.name_key
                     AND q.name_key <> '' AND q.id <> p.id
        WHERE p.id = ANY(people)
        UNION ALL
        SELECT p.id, q.id, false, true
        FROM person p
        JOIN pay_report r ON r.person_id = p.id AND r.source_url IS NOT NULL
        JOIN pay_report s ON s.source_url = r.source_url AND s.person_id <> p.id
        JOIN person q ON q.id = s.person_id AND q.name_key = p.name_key AND q.name_key <> ''
        WHERE p.id = ANY(people)
    ) found
    GROUP BY 1, 2
$$;

CREATE FUNCTION refresh_duplicate_pairs(people BIGINT[]) RETURNS void LANGUAGE sql
SET jit = off AS $$
    DELETE FROM duplicate_pair WHERE low_id = ANY(people) OR high_id = ANY(people);
    -- Two transactions storing the two halves of a pair at once each see only their own
    -- person; the pair then appears with the next save of either. DO NOTHING covers the
    -- opposite order, where both found it.
    INSERT INTO duplicate_pair SELECT * FROM duplicate_pairs_of(people)
    ON CONFLICT DO NOTHING;
$$;

CREATE FUNCTION duplicate_pairs_of_new_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_duplicate_pairs(ARRAY(SELECT id FROM new_rows WHERE name_key <> ''));
    RETURN NULL;
END
$$;

-- Only people whose key or origin changed: a column list cannot be combined with transition
-- tables, so the function compares old and new itself. Their dismissals lapse with the change.
CREATE FUNCTION duplicate_pairs_of_changed_people() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed BIGINT[] := ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.name_key IS DISTINCT FROM o.name_key
           OR n.origin_company_id IS DISTINCT FROM o.origin_company_id);
BEGIN
    IF cardinality(changed) > 0 THEN
        DELETE FROM duplicate_dismissal WHERE low_id = ANY(changed) OR high_id = ANY(changed);
        PERFORM refresh_duplicate_pairs(changed);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION duplicate_pairs_of_new_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_duplicate_pairs(ARRAY(
        SELECT DISTINCT person_id FROM new_rows WHERE source_url IS NOT NULL));
    RETURN NULL;
END
$$;

CREATE FUNCTION duplicate_pairs_of_old_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_duplicate_pairs(ARRAY(
        SELECT DISTINCT person_id FROM old_rows WHERE source_url IS NOT NULL));
    RETURN NULL;
END
$$;

CREATE FUNCTION duplicate_pairs_of_changed_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_duplicate_pairs(ARRAY(
        SELECT p FROM new_rows n JOIN old_rows o ON o.id = n.id,
               LATERAL (VALUES (n.person_id), (o.person_id)) AS moved(p)
        WHERE n.source_url IS DISTINCT FROM o.source_url OR n.person_id <> o.person_id
        GROUP BY p));
    RETURN NULL;
END
$$;

CREATE TRIGGER person_duplicate_pairs_insert AFTER INSERT ON person
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION duplicate_pairs_of_new_people();
CREATE TRIGGER person_duplicate_pairs_update AFTER UPDATE ON person
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION duplicate_pairs_of_changed_people();
CREATE TRIGGER pay_report_duplicate_pairs_insert AFTER INSERT ON pay_report
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION duplicate_pairs_of_new_sources();
CREATE TRIGGER pay_report_duplicate_pairs_update AFTER UPDATE ON pay_report
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION duplicate_pairs_of_changed_sources();
CREATE TRIGGER pay_report_duplicate_pairs_delete AFTER DELETE ON pay_report
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION duplicate_pairs_of_old_sources();

-- The pairs already stored, set-wise in one pass.
INSERT INTO duplicate_pair (low_id, high_id, same_origin, shared_source)
SELECT low_id, high_id, bool_or(same_origin), bool_or(shared_source)
FROM (
    SELECT p.id AS low_id, q.id AS high_id, true AS same_origin, false AS shared_source
    FROM person p
    JOIN person q ON q.origin_company_id = p.origin_company_id AND q.name_key = p.name_key
                 AND p.id < q.id
    WHERE p.name_key <> ''
    UNION ALL
    SELECT least(p.id, q.id), greatest(p.id, q.id), false, true
    FROM pay_report r
    JOIN pay_report s ON s.source_url = r.source_url AND r.person_id < s.person_id
    JOIN person p ON p.id = r.person_id
    JOIN person q ON q.id = s.person_id AND q.name_key = p.name_key
    WHERE p.name_key <> ''
) found
GROUP BY low_id, high_id;
