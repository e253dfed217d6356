-- Users who signed in through the OpenID provider, so that "password login off for SSO users"
-- knows whom it means; the provider's subject they last came as, and when. Users are matched
-- by their verified e-mail, not the subject: a replaced provider hands out new subjects.
CREATE TABLE sso_identity (
    user_id        BIGINT PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    issuer         TEXT NOT NULL CHECK (issuer <> '' AND length(issuer) <= 2000),
    subject        TEXT NOT NULL CHECK (subject <> '' AND length(subject) <= 255),
    first_login_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
