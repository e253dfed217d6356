-- Notes on a person are a thread of record: the author may correct a note in the 15 minutes
-- after writing it (the app offers the edit only to them, then), and after that nothing
-- changes it, whatever path writes. Only an erasure (talent_tracker.erasing) removes or
-- changes notes, a merge or its undo (talent_tracker.merging) moves them between people, and
-- deleting the person takes theirs.
-- Whether a note written at `written` may still be edited: the one home of the 15 minutes, for
-- the trigger below and for the page that offers the edit (models/person_note.rs).
CREATE FUNCTION r.note_editable(written TIMESTAMPTZ) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT now() <= written + interval '15 minutes'
$$;

CREATE FUNCTION r.guard_person_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    erasing TEXT := coalesce(current_setting('talent_tracker.erasing', true), '');
    merging TEXT := coalesce(current_setting('talent_tracker.merging', true), '');
BEGIN
    IF erasing <> '' THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF TG_OP = 'DELETE' THEN
        -- The cascade of a person's deletion runs once their row is gone.
        IF NOT EXISTS (SELECT 1 FROM person WHERE id = OLD.person_id) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'note % is part of the record: notes are never deleted', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'person_note_append_only';
    END IF;
    IF NEW.created_at <> OLD.created_at
       OR (NEW.author_id IS DISTINCT FROM OLD.author_id AND NEW.author_id IS NOT NULL)
       OR (NEW.person_id <> OLD.person_id AND merging = '') THEN
        RAISE EXCEPTION 'note %: only its text changes, by its author', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'person_note_append_only';
    END IF;
    IF NEW.body <> OLD.body AND NOT r.note_editable(OLD.created_at) THEN
        RAISE EXCEPTION 'note % was written more than 15 minutes ago: it can no longer be edited',
                        OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'person_note_append_only';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER person_note_append_only
    BEFORE UPDATE OR DELETE ON person_note
    FOR EACH ROW
    EXECUTE FUNCTION r.guard_person_note();

-- An erased person gets no new personal text: no note and no file (a CV is nothing but personal
-- data). Reported under the person's own erasure CHECK, which the app answers with 409.
CREATE FUNCTION r.refuse_text_on_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM person WHERE id = NEW.person_id AND erased_at IS NOT NULL) THEN
        RAISE EXCEPTION 'person % was erased: nothing personal is added to them', NEW.person_id
            USING ERRCODE = 'check_violation',
                  CONSTRAINT = 'person_erased_holds_nothing_personal';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER person_note_not_on_erased
    BEFORE INSERT OR UPDATE OF person_id ON person_note
    FOR EACH ROW
    EXECUTE FUNCTION r.refuse_text_on_erased();

CREATE TRIGGER person_file_not_on_erased
    BEFORE INSERT OR UPDATE OF person_id ON person_file
    FOR EACH ROW
    EXECUTE FUNCTION r.refuse_text_on_erased();

-- A file's row says where its bytes are (src/file_store.rs): one stored in the database has
-- them in person_file_content by the end of the transaction that attached it, one in the
-- folder has none there, and the bytes stored are those whose SHA-256 the row keeps. Neither
-- place nor hash changes after: no path stores half a file, or another file's bytes.
CREATE FUNCTION r.check_file_bytes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'person_file_content' THEN
        IF NOT EXISTS (SELECT 1 FROM person_file f WHERE f.id = NEW.file_id
                       AND f.stored_in = 'database' AND f.sha256 = sha256(NEW.content)) THEN
            RAISE EXCEPTION 'file %: these bytes are not the ones its row describes', NEW.file_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'person_file_bytes_match';
        END IF;
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW.stored_in <> OLD.stored_in OR NEW.sha256 <> OLD.sha256 THEN
            RAISE EXCEPTION 'file %: where its bytes are and what they are never change', OLD.id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'person_file_bytes_match';
        END IF;
    ELSIF NEW.stored_in = 'database'
          AND EXISTS (SELECT 1 FROM person_file WHERE id = NEW.id)
          AND NOT EXISTS (SELECT 1 FROM person_file_content WHERE file_id = NEW.id) THEN
        RAISE EXCEPTION 'file % is stored in the database without its bytes', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'person_file_bytes_match';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER person_file_bytes_present
    AFTER INSERT ON person_file
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    EXECUTE FUNCTION r.check_file_bytes();

CREATE TRIGGER person_file_bytes_fixed
    AFTER UPDATE OF stored_in, sha256 ON person_file
    FOR EACH ROW
    EXECUTE FUNCTION r.check_file_bytes();

CREATE TRIGGER person_file_content_matches
    AFTER INSERT OR UPDATE ON person_file_content
    FOR EACH ROW
    EXECUTE FUNCTION r.check_file_bytes();
