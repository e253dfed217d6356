-- Merging two records of one person, and undoing it (src/models/person_merge/). The merge's
-- (and the undo's) row changes are one change to the reader: the app sets
-- talent_tracker.merging ('merge' or 'undo') in their transaction, the audit triggers write no
-- entries then, and the person_merge trigger below writes one entry each.
-- A person and everyone merged into them by merges that stand, through merges of merges: whose
-- history is now theirs (the person page's history, the audit filtered on the person, erasure).
CREATE FUNCTION r.people_merged_into(survivor BIGINT) RETURNS SETOF BIGINT
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
CREATE FUNCTION r.guard_person_merge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.survivor_id <> OLD.survivor_id OR NEW.removed_id <> OLD.removed_id
       OR NEW.pay_report_ids <> OLD.pay_report_ids
       OR NEW.pay_report_versions <> OLD.pay_report_versions
       OR NEW.stage_change_ids <> OLD.stage_change_ids
       OR NEW.import_item_ids <> OLD.import_item_ids
       OR NEW.note_ids <> OLD.note_ids OR NEW.file_ids <> OLD.file_ids
       OR NEW.merged_at <> OLD.merged_at
       OR (OLD.undone_at IS NOT NULL AND NEW.undone_at IS DISTINCT FROM OLD.undone_at) THEN
        RAISE EXCEPTION 'merge % can only be undone once, or scrubbed by an erasure', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'person_merge_unchanged';
    END IF;
    -- Collapsing identical pay reports after the merge only adds to the reports it keeps.
    IF NOT (NEW.collapsed @> OLD.collapsed
            AND jsonb_array_length(NEW.collapsed) >= jsonb_array_length(OLD.collapsed))
       AND coalesce(current_setting('talent_tracker.erasing', true), '') = '' THEN
        RAISE EXCEPTION 'the collapsed reports of merge % are only added to', OLD.id
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

CREATE TRIGGER person_merge_guard
    BEFORE UPDATE ON person_merge
    FOR EACH ROW
    EXECUTE FUNCTION r.guard_person_merge();

-- The one audit entry of a merge, on the survivor: both records as they were (`before`), the
-- survivor as the merge left it (`after`); and of an undo: the survivor as it was undone, both
-- records restored. Keys as the audit triggers leave them (no name_key).
CREATE FUNCTION r.write_merge_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER person_merge_audit
    AFTER INSERT OR UPDATE ON person_merge
    FOR EACH ROW
    EXECUTE FUNCTION r.write_merge_audit_entry();

-- A person's row as `person_merge` keeps it, written back over the stored row (every column,
-- whatever columns the table gains later).
CREATE FUNCTION r.restore_person(saved JSONB) RETURNS void LANGUAGE plpgsql AS $$
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
CREATE FUNCTION r.scrub_merge_copy(copy JSONB, people TEXT[], keys TEXT[]) RETURNS JSONB
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

-- A copy of the survivor of a merge without the values it took from the erased person:
-- `taken` is a JSON array of {"key", "value"} pairs; nested copies (a merge entry's survivor
-- and removed) are cleaned too. Only strings are matched, so a number or date that happens to
-- be equal stays.
CREATE FUNCTION r.without_taken(copy JSONB, taken JSONB) RETURNS JSONB
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF copy IS NULL OR jsonb_typeof(copy) <> 'object' THEN
        RETURN copy;
    END IF;
    RETURN (
        SELECT coalesce(jsonb_object_agg(e.key, CASE jsonb_typeof(e.value)
                                                    WHEN 'object' THEN r.without_taken(e.value, taken)
                                                    ELSE e.value END), '{}'::jsonb)
        FROM jsonb_each(copy) e
        WHERE jsonb_typeof(e.value) <> 'string'
           OR NOT taken @> jsonb_build_array(jsonb_build_object('key', e.key, 'value', e.value)));
END
$$;
