-- Notes and files on a person (src/models/person_note.rs, person_file.rs).
--
-- A note is a dated thread entry: its author may correct it for 15 minutes, after that it is
-- part of the record (the trigger in src/db/sql/person_notes.sql refuses later edits, whatever
-- path writes). `version` lets two edits of one note within those minutes not overwrite each
-- other silently.
CREATE TABLE person_note (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    -- Users are deactivated, not deleted; should one be deleted, the note stays, unsigned.
    author_id   BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
    body        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    edited_at   TIMESTAMPTZ,
    version     INTEGER NOT NULL DEFAULT 1,
    -- The form's rule (domain::LongText): trimmed, 1 to 10,000 characters.
    CONSTRAINT person_note_body_length CHECK (
        char_length(body) BETWEEN 1 AND 10000 AND body = btrim(body, E' \t\r\n')),
    CONSTRAINT person_note_edited_after CHECK (edited_at IS NULL OR edited_at >= created_at)
);
CREATE INDEX person_note_thread_idx ON person_note (person_id, created_at, id);

-- A file's description, which lists, the audit and merges read; its bytes live in
-- person_file_content, so that none of those ever reads (or copies into JSON) ten megabytes.
CREATE TABLE person_file (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    uploaded_by  BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    byte_size    BIGINT NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT person_file_name_length CHECK (
        char_length(file_name) BETWEEN 1 AND 200 AND file_name !~ '[[:cntrl:]/\\]'),
    CONSTRAINT person_file_type_known CHECK (content_type IN (
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'image/png', 'image/jpeg')),
    CONSTRAINT person_file_size_positive CHECK (byte_size > 0)
);
CREATE INDEX person_file_person_idx ON person_file (person_id, uploaded_at, id);

-- The bytes, in the database so that a pg_dump backup holds them. The signature CHECK is the
-- upload's own rule (src/domain/document.rs), so no path stores a file of another kind.
CREATE TABLE person_file_content (
    file_id BIGINT PRIMARY KEY REFERENCES person_file (id) ON DELETE CASCADE,
    content BYTEA NOT NULL,
    CONSTRAINT person_file_content_signature CHECK (
        substring(content FROM 1 FOR 5) = '\x255044462d'::bytea            -- %PDF-
        OR substring(content FROM 1 FOR 4) = '\x504b0304'::bytea           -- zip (DOCX)
        OR substring(content FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea   -- PNG
        OR substring(content FROM 1 FOR 3) = '\xffd8ff'::bytea)            -- JPEG
);
-- PDF, DOCX, PNG and JPEG are compressed already, so the bytes are stored as they are. Not a
-- speed-up: pglz gives up on incompressible input after its first kilobyte (measured: 5 × 10
-- MiB of random bytes inserted in 0.7-1.2 s either way, 104 MB on disk either way), but it says
-- what the column holds and keeps a slice of a file (substring) readable without the rest.
ALTER TABLE person_file_content ALTER COLUMN content SET STORAGE EXTERNAL;

-- A person's history finds the entries of their notes and files by the person the entry names
-- (`report_person` of r.audit_trail), without reading every note's entry.
CREATE INDEX audit_log_attached_person_idx
    ON audit_log (record_table, (coalesce(after, before) ->> 'person_id'))
    WHERE record_table IN ('person_note', 'person_file');

-- A merge moves the removed person's notes and files to the survivor; the undo moves these
-- back. `collapsed` keeps, whole, the pay reports deleted afterwards as identical to one the
-- survivor has, so that the undo can put them back before it moves them.
ALTER TABLE person_merge
    ADD COLUMN note_ids BIGINT[] NOT NULL DEFAULT '{}',
    ADD COLUMN file_ids BIGINT[] NOT NULL DEFAULT '{}',
    ADD COLUMN collapsed JSONB NOT NULL DEFAULT '[]',
    ADD CONSTRAINT person_merge_moved_given CHECK (
        array_position(note_ids, NULL) IS NULL AND array_position(file_ids, NULL) IS NULL),
    ADD CONSTRAINT person_merge_collapsed_listed CHECK (jsonb_typeof(collapsed) = 'array');
