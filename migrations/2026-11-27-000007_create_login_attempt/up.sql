-- Failed logins, by account and by address, for throttling. Old rows are pruned as new ones come.
CREATE TABLE login_attempt (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        TEXT NOT NULL,
    address      TEXT NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX login_attempt_email_idx ON login_attempt (lower(email), attempted_at);
CREATE INDEX login_attempt_address_idx ON login_attempt (address, attempted_at);
