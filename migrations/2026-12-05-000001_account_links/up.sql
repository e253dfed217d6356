-- One-time links that stand in for the command line: the first-run setup link (printed at
-- startup while there are no users) and password links (an admin's reset, or a new user's
-- first password). Only SHA-256 hashes of the tokens are kept: the link alone opens them.

-- Setup links are valid until used; any user (from the setup page, the command line or SQL)
-- makes every one of them void, so the setup page can never make a second first admin.
CREATE TABLE setup_link (
    token_hash BYTEA PRIMARY KEY CHECK (length(token_hash) = 32),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION void_setup_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM setup_link;
    RETURN NULL;
END
$$;

CREATE TRIGGER app_user_voids_setup_links AFTER INSERT ON app_user
    FOR EACH STATEMENT EXECUTE FUNCTION void_setup_links();

-- One live password link per user; a new one replaces it.
CREATE TABLE password_link (
    user_id    BIGINT PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash BYTEA NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    expires_at TIMESTAMPTZ NOT NULL
);

-- The user row says when their live link expires, so issuing and using one is audited by the
-- user's own audit trigger (the token's hash stays out of the audit).
ALTER TABLE app_user ADD COLUMN password_link_expires_at TIMESTAMPTZ;
