-- A hash cannot be turned back into its id: existing sessions are deleted (everyone logs in
-- again).
DELETE FROM user_session;
ALTER TABLE user_session DROP CONSTRAINT user_session_id_hash_check;
ALTER TABLE user_session RENAME COLUMN id_hash TO id;
ALTER TABLE user_session ALTER COLUMN id TYPE TEXT USING encode(id, 'hex');
ALTER TABLE user_session ADD CONSTRAINT user_session_id_check CHECK (length(id) = 64);
