-- Messages that leave the app after the transaction that caused them commits: written in that
-- transaction (so a rollback takes them with it), then claimed and delivered by a background
-- task with retries (src/mail/sender.rs). One row per recipient, so each retries on its own.
-- `channel` says how a row leaves ('mail' now; a webhook delivery would add its own and reuse
-- the claim and retry columns); `payload` holds what the channel renders at send time.
CREATE TABLE outbox (
    id BIGSERIAL PRIMARY KEY,
    channel TEXT NOT NULL CHECK (channel IN ('mail')),
    kind TEXT NOT NULL
        CHECK (kind IN ('offer_pending', 'offer_decided', 'new_user', 'password_link')),
    -- The event a row announces, so that one event is announced once (an offer waiting on
    -- the same figures is not announced again on every save).
    event_key TEXT,
    recipient_user_id BIGINT REFERENCES app_user (id) ON DELETE CASCADE,
    recipient TEXT NOT NULL CHECK (recipient <> ''),
    payload JSONB NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- For a pending row, when it is due: a claim moves it past the time a delivery may take,
    -- so a row whose sender died is claimed again then.
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at TIMESTAMPTZ,
    CONSTRAINT outbox_sent_when_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);

-- The sender's claim reads only due pending rows.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_event_key_idx ON outbox (event_key) WHERE event_key IS NOT NULL;
CREATE INDEX outbox_recipient_user_idx ON outbox (recipient_user_id);

-- The mails a user turned off on /account. A password link always goes: its kind is not
-- among those allowed here.
CREATE TABLE mail_opt_out (
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('offer_pending', 'offer_decided')),
    PRIMARY KEY (user_id, kind)
);
