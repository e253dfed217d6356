-- The table keeps only the SHA-256 of each session id (the cookie holds the id itself), so
-- reading it (a backup, a replica, a leaked query) opens no session. Existing sessions are
-- converted in place, hashing the same bytes the app hashes (the id's 64 hex characters), so
-- nobody is logged out by the upgrade.
ALTER TABLE user_session DROP CONSTRAINT user_session_id_check;
ALTER TABLE user_session ALTER COLUMN id TYPE BYTEA USING sha256(convert_to(id, 'UTF8'));
ALTER TABLE user_session RENAME COLUMN id TO id_hash;
ALTER TABLE user_session ADD CONSTRAINT user_session_id_hash_check CHECK (length(id_hash) = 32);
