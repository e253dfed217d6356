-- Personal API tokens: only the SHA-256 of a token is kept, as for session ids, so the table
-- alone opens nothing. A revoked or expired token stays listed (its owner sees when it was
-- last used) until its user is deleted.
CREATE TABLE api_token (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    token_hash   BYTEA NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    -- Narrows the user's role to reads: GET and HEAD only.
    read_only    BOOLEAN NOT NULL DEFAULT false,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    CONSTRAINT api_token_expires_after_creation CHECK (expires_at > created_at),
    CONSTRAINT api_token_revoked_after_creation CHECK (revoked_at IS NULL OR revoked_at >= created_at)
);

CREATE INDEX api_token_user_id_idx ON api_token (user_id);
