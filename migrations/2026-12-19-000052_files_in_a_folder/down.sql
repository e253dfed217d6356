-- Files whose bytes are in a folder cannot come back into the old shape, which had no other
-- place for them than the database: their rows go (the folder keeps the bytes).
DELETE FROM person_file WHERE stored_in = 'folder';
ALTER TABLE person_file DROP COLUMN sha256, DROP COLUMN stored_in;
