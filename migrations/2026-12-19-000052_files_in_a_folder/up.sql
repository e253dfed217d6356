-- A person's files may keep their bytes in a folder (TALENT_TRACKER_FILES_DIR) instead of the
-- database, for installations whose database (and its replicas and dumps) should stay small.
-- The row says where the bytes are, and their SHA-256, with which a download checks that the
-- folder still holds what was attached (src/file_store.rs).
ALTER TABLE person_file
    ADD COLUMN stored_in TEXT NOT NULL DEFAULT 'database'
        CONSTRAINT person_file_stored_in_known CHECK (stored_in IN ('database', 'folder')),
    ADD COLUMN sha256 BYTEA;

UPDATE person_file f SET sha256 = sha256(c.content)
FROM person_file_content c WHERE c.file_id = f.id;

ALTER TABLE person_file
    ALTER COLUMN sha256 SET NOT NULL,
    ADD CONSTRAINT person_file_sha256_length CHECK (octet_length(sha256) = 32);
