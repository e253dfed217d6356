-- The duplicates list (/people/duplicates) reads kept pairs: people with the same matching key
-- who also share an origin company or a pay source URL. Keeping them is cheap (btree probes on
-- equal keys, set-wise per statement), so every save and import keeps the list exact in its own
-- transaction, and the list pages through an index instead of comparing all pairs. Similar but
-- unequal names are found per person instead (src/models/person/duplicates.rs).
-- Every pair the given people are in, from either side (the relation is symmetric).
CREATE FUNCTION r.duplicate_pairs_of(people BIGINT[])
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

CREATE FUNCTION r.refresh_duplicate_pairs(people BIGINT[]) RETURNS void LANGUAGE sql
SET jit = off AS $$
    DELETE FROM duplicate_pair WHERE low_id = ANY(people) OR high_id = ANY(people);
    -- Two transactions storing the two halves of a pair at once each see only their own
    -- person; the pair then appears with the next save of either. DO NOTHING covers the
    -- opposite order, where both found it.
    INSERT INTO duplicate_pair SELECT * FROM r.duplicate_pairs_of(people)
    ON CONFLICT DO NOTHING;
$$;

CREATE FUNCTION r.duplicate_pairs_of_new_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.refresh_duplicate_pairs(ARRAY(SELECT id FROM new_rows WHERE name_key <> ''));
    RETURN NULL;
END
$$;

-- Only people whose key or origin changed: a column list cannot be combined with transition
-- tables, so the function compares old and new itself. Their dismissals lapse with the change,
-- but not with a key filled in ('' before: db/name_keys.rs after a migration reset the keys to
-- recompute them), which is no change of name.
CREATE FUNCTION r.duplicate_pairs_of_changed_people() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed BIGINT[] := ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.name_key IS DISTINCT FROM o.name_key
           OR n.origin_company_id IS DISTINCT FROM o.origin_company_id);
    renamed BIGINT[] := ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (o.name_key <> '' AND n.name_key IS DISTINCT FROM o.name_key)
           OR n.origin_company_id IS DISTINCT FROM o.origin_company_id);
BEGIN
    IF cardinality(changed) > 0 THEN
        DELETE FROM duplicate_dismissal WHERE low_id = ANY(renamed) OR high_id = ANY(renamed);
        PERFORM r.refresh_duplicate_pairs(changed);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION r.duplicate_pairs_of_new_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.refresh_duplicate_pairs(ARRAY(
        SELECT DISTINCT person_id FROM new_rows WHERE source_url IS NOT NULL));
    RETURN NULL;
END
$$;

CREATE FUNCTION r.duplicate_pairs_of_old_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.refresh_duplicate_pairs(ARRAY(
        SELECT DISTINCT person_id FROM old_rows WHERE source_url IS NOT NULL));
    RETURN NULL;
END
$$;

CREATE FUNCTION r.duplicate_pairs_of_changed_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM r.refresh_duplicate_pairs(ARRAY(
        SELECT p FROM new_rows n JOIN old_rows o ON o.id = n.id,
               LATERAL (VALUES (n.person_id), (o.person_id)) AS moved(p)
        WHERE n.source_url IS DISTINCT FROM o.source_url OR n.person_id <> o.person_id
        GROUP BY p));
    RETURN NULL;
END
$$;

SELECT r.statement_triggers('person', 'duplicate_pairs',
                            on_insert => 'r.duplicate_pairs_of_new_people',
                            on_update => 'r.duplicate_pairs_of_changed_people');

SELECT r.statement_triggers('pay_report', 'duplicate_pairs',
                            on_insert => 'r.duplicate_pairs_of_new_sources',
                            on_update => 'r.duplicate_pairs_of_changed_sources',
                            on_delete => 'r.duplicate_pairs_of_old_sources');
