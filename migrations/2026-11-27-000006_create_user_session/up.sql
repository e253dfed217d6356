-- Server-side sessions: the cookie holds only the id. Ending a session deletes its row.
CREATE TABLE user_session (
    id           TEXT PRIMARY KEY CHECK (length(id) = 64),
    user_id      BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    -- Every state-changing form of this session carries this token.
    csrf_token   TEXT NOT NULL CHECK (length(csrf_token) = 64),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX user_session_user_id_idx ON user_session (user_id);
