-- Merging two records of one person, and undoing it (src/models/person_merge.rs). A merge moves
-- the removed person's pay reports, stage history and import items to the survivor, gives the
-- survivor the chosen fields and deletes the removed person; `person_merge` keeps what an undo
-- needs to put every row back exactly: both people as they were (every column), the ids of the
-- moved rows and the dismissals that the merge made lapse.
--
-- The merge's (and the undo's) row changes are one change to the reader: the app sets
-- talent_tracker.merging ('merge' or 'undo') in their transaction, the row triggers write no
-- entries then, and the person_merge triggers below write one entry each. The audit itself
-- stays append-only: the survivor's history reads the entries of the people merged into it
-- through this table.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'delete', 'erase', 'merge', 'unmerge'));

CREATE TABLE person_merge (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- A deleted survivor takes its merges with it: nothing is left to undo them into.
    survivor_id         BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    -- No foreign key: the removed person does not exist while the merge stands.
    removed_id          BIGINT NOT NULL,
    survivor_before     JSONB NOT NULL,
    survivor_after      JSONB NOT NULL,
    removed_before      JSONB NOT NULL,
    pay_report_ids      BIGINT[] NOT NULL,
    -- The moved reports' versions: an edit since the merge bumps them, which the undo refuses.
    pay_report_versions INTEGER[] NOT NULL,
    stage_change_ids    BIGINT[] NOT NULL,
    import_item_ids     BIGINT[] NOT NULL,
    -- The duplicate_dismissal rows of both people as they were.
    dismissals          JSONB NOT NULL,
    merged_by           BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
    merged_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    undone_by           BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
    undone_at           TIMESTAMPTZ,
    CONSTRAINT person_merge_two_people CHECK (removed_id <> survivor_id),
    CONSTRAINT person_merge_copies_match CHECK (
        jsonb_typeof(survivor_before) = 'object' AND jsonb_typeof(survivor_after) = 'object'
        AND jsonb_typeof(removed_before) = 'object'
        AND (survivor_before ->> 'id')::bigint = survivor_id
        AND (survivor_after ->> 'id')::bigint = survivor_id
        AND (removed_before ->> 'id')::bigint = removed_id),
    CONSTRAINT person_merge_versions_match
        CHECK (cardinality(pay_report_ids) = cardinality(pay_report_versions)),
    CONSTRAINT person_merge_ids_given CHECK (
        array_position(pay_report_ids, NULL) IS NULL
        AND array_position(pay_report_versions, NULL) IS NULL
        AND array_position(stage_change_ids, NULL) IS NULL
        AND array_position(import_item_ids, NULL) IS NULL),
    CONSTRAINT person_merge_dismissals_listed CHECK (jsonb_typeof(dismissals) = 'array'),
    CONSTRAINT person_merge_undone_when CHECK (undone_by IS NULL OR undone_at IS NOT NULL),
    CONSTRAINT person_merge_undone_after CHECK (undone_at IS NULL OR undone_at >= merged_at)
);
CREATE INDEX person_merge_survivor_idx ON person_merge (survivor_id);
-- Not unique while the merge stands: an import that keeps ids may create a person under a
-- removed id, who can be merged in turn (the older merge's undo is then refused).
CREATE INDEX person_merge_removed_idx ON person_merge (removed_id);
CREATE INDEX person_merge_newest_idx ON person_merge (merged_at DESC, id DESC);

-- A person and everyone merged into them by merges that stand, through merges of merges: whose
-- history is now theirs (the person page's history, the audit filtered on the person, erasure).
CREATE FUNCTION people_merged_into(survivor BIGINT) RETURNS SETOF BIGINT
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE merged(id) AS (
        SELECT survivor
        UNION
        SELECT m.removed_id FROM person_merge m JOIN merged ON m.survivor_id = merged.id
        WHERE m.undone_at IS NULL)
    SELECT id FROM merged
$$;

-- What a merge record may become: undone once, and scrubbed by an erasure. Who merged which
-- people into which, and the moved rows, never change.
CREATE FUNCTION guard_person_merge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.survivor_id <> OLD.survivor_id OR NEW.removed_id <> OLD.removed_id
       OR NEW.pay_report_ids <> OLD.pay_report_ids
       OR NEW.pay_report_versions <> OLD.pay_report_versions
       OR NEW.stage_change_ids <> OLD.stage_change_ids
       OR NEW.import_item_ids <> OLD.import_item_ids
       OR NEW.merged_at <> OLD.merged_at
       OR (OLD.undone_at IS NOT NULL AND NEW.undone_at IS DISTINCT FROM OLD.undone_at) THEN
        RAISE EXCEPTION 'merge % can only be undone once, or scrubbed by an erasure', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'person_merge_unchanged';
    END IF;
    IF coalesce(current_setting('talent_tracker.erasing', true), '') = ''
       AND (NEW.survivor_before <> OLD.survivor_before OR NEW.survivor_after <> OLD.survivor_after
            OR NEW.removed_before <> OLD.removed_before) THEN
        RAISE EXCEPTION 'the saved copies of merge % change only in an erasure', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'person_merge_unchanged';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER person_merge_guard BEFORE UPDATE ON person_merge
    FOR EACH ROW EXECUTE FUNCTION guard_person_merge();

-- The one audit entry of a merge, on the survivor: both records as they were (`before`), the
-- survivor as the merge left it (`after`); and of an undo: the survivor as it was undone, both
-- records restored. Keys as the row triggers leave them (no name_key).
CREATE FUNCTION write_merge_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    both_records JSONB := jsonb_build_object(
        'merge_id', NEW.id,
        'survivor', NEW.survivor_before - 'name_key',
        'removed', NEW.removed_before - 'name_key');
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (actor, record_table, record_id, action, before, after)
        VALUES (who, 'person', NEW.survivor_id, 'merge', both_records,
                NEW.survivor_after - 'name_key');
    ELSIF OLD.undone_at IS NULL AND NEW.undone_at IS NOT NULL THEN
        INSERT INTO audit_log (actor, record_table, record_id, action, before, after)
        SELECT who, 'person', NEW.survivor_id, 'unmerge', to_jsonb(p) - 'name_key', both_records
        FROM person p WHERE p.id = NEW.survivor_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER person_merge_audit AFTER INSERT OR UPDATE ON person_merge
    FOR EACH ROW EXECUTE FUNCTION write_merge_audit_entry();

-- An erasure looks through the merge entries for copies of its person, wherever they are
-- recorded: a scan of these few instead of the whole audit.
CREATE INDEX audit_log_merge_idx ON audit_log (record_id) WHERE action IN ('merge', 'unmerge');

-- Inside a merge or an undo the row triggers write no entries (the merge's own entry says it
-- all); everything else as in 2026-12-03-000001_audit_without_import_files.
CREATE OR REPLACE FUNCTION write_audit_creations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    hidden TEXT[] := ARRAY['password_hash', 'content', 'name_key'];
    file_batch RECORD;
BEGIN
    IF coalesce(current_setting('talent_tracker.merging', true), '') <> '' THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'import_batch' THEN
        FOR file_batch IN SELECT * FROM new_rows ORDER BY id LOOP
            file_batch.content := NULL;
            INSERT INTO audit_log (actor, record_table, record_id, action, after)
            VALUES (who, TG_TABLE_NAME, file_batch.id, 'create', to_jsonb(file_batch) - hidden);
        END LOOP;
        RETURN NULL;
    END IF;
    INSERT INTO audit_log (actor, record_table, record_id, action, after)
    SELECT who, TG_TABLE_NAME, created.id, 'create', to_jsonb(created) - hidden
    FROM new_rows created
    ORDER BY created.id;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION write_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    who TEXT := coalesce(nullif(current_setting('talent_tracker.actor', true), ''), 'system');
    erasing TEXT := coalesce(current_setting('talent_tracker.erasing', true), '');
    merging TEXT := coalesce(current_setting('talent_tracker.merging', true), '');
    hidden TEXT[] := ARRAY['password_hash', 'content', 'name_key'];
    file_changed BOOLEAN := false;
BEGIN
    IF merging <> '' THEN
        RETURN NULL; -- an AFTER trigger's result is not used
    END IF;
    IF TG_OP = 'UPDATE' AND erasing <> '' THEN
        IF TG_TABLE_NAME = 'person' THEN
            INSERT INTO audit_log (actor, record_table, record_id, action)
            VALUES (who, TG_TABLE_NAME, NEW.id, 'erase');
        END IF;
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'import_batch' THEN
        IF TG_OP = 'UPDATE' THEN
            file_changed := OLD.content IS DISTINCT FROM NEW.content;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            NEW.content := NULL;
        END IF;
        IF TG_OP <> 'INSERT' THEN
            OLD.content := NULL;
        END IF;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (actor, record_table, record_id, action, after)
        VALUES (who, TG_TABLE_NAME, NEW.id, 'create', to_jsonb(NEW) - hidden);
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        IF NOT file_changed
           AND (to_jsonb(OLD) - 'updated_at' - 'version' - 'name_key')
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

-- An undo writes rows back exactly as they were, versions included; a merge moves pay reports
-- to the survivor without editing them, so their versions stay (an edit since the merge is
-- then told by its version).
CREATE OR REPLACE FUNCTION bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- A person's row as `person_merge` keeps it, written back over the stored row (every column,
-- whatever columns the table gains later).
CREATE FUNCTION restore_person(saved JSONB) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    columns TEXT;
    saved_columns TEXT;
BEGIN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum),
           string_agg('r.' || quote_ident(attname), ', ' ORDER BY attnum)
    INTO columns, saved_columns
    FROM pg_attribute
    WHERE attrelid = 'person'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'id';
    EXECUTE format(
        'UPDATE person SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::person, $1) r)
         WHERE id = ($1 ->> ''id'')::bigint', columns, saved_columns)
    USING saved;
END
$$;

-- What an erasure of `people` leaves of a copy of a person's row that a merge keeps (the
-- record, or the `{survivor, removed}` pair of a merge's audit entry): their personal `keys`
-- go, the other person's copy stays.
CREATE FUNCTION scrub_merge_copy(copy JSONB, people TEXT[], keys TEXT[]) RETURNS JSONB
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN copy ? 'survivor' THEN copy || jsonb_build_object(
            'survivor', CASE WHEN copy -> 'survivor' ->> 'id' = ANY(people)
                             THEN (copy -> 'survivor') - keys ELSE copy -> 'survivor' END,
            'removed', CASE WHEN copy -> 'removed' ->> 'id' = ANY(people)
                            THEN (copy -> 'removed') - keys ELSE copy -> 'removed' END)
        WHEN copy ->> 'id' = ANY(people) THEN copy - keys
        ELSE copy
    END
$$;
