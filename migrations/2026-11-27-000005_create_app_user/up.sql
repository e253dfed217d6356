-- People who use talent-tracker, and what their role lets them see and do.
CREATE TABLE app_user (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         TEXT NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
    display_name  TEXT NOT NULL CHECK (btrim(display_name) <> '' AND length(display_name) <= 200),
    role          TEXT NOT NULL CHECK (role IN ('admin', 'recruiter', 'analyst', 'viewer')),
    -- An argon2id PHC string; never the password.
    password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX app_user_email_lower_key ON app_user (lower(email));
