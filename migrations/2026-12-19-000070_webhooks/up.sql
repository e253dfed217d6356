-- Signed webhooks (src/webhooks/): the endpoints admins register, and their deliveries as
-- outbox rows of channel 'webhook', written in the event's transaction by the triggers of
-- src/db/sql/webhooks.sql and beside the offer mails (models/outbox.rs).
CREATE TABLE webhook_endpoint (
    id BIGSERIAL PRIMARY KEY,
    -- The rule of every web address the app keeps (`domain::WebUrl`, migration web_url_rule).
    url TEXT NOT NULL CONSTRAINT webhook_endpoint_url CHECK (is_web_url(url)),
    -- The events it wants, by their Standard Webhooks `type`.
    events TEXT[] NOT NULL CONSTRAINT webhook_endpoint_events CHECK (
        cardinality(events) > 0
        AND events <@ ARRAY['person.created', 'person.stage_changed', 'person.hired',
                            'offer.pending', 'offer.decided', 'person.merged',
                            'person.unmerged', 'import.confirmed', 'import.reverted',
                            'person.erased']),
    -- `whsec_` and the base64 of the key's bytes, as the Standard Webhooks libraries read it.
    -- Kept as it is: signing needs the key itself, so it cannot be a hash.
    secret TEXT NOT NULL CHECK (secret ~ '^whsec_[A-Za-z0-9+/]{32,}={0,2}$'),
    may_receive_pay BOOLEAN NOT NULL DEFAULT false,
    active BOOLEAN NOT NULL DEFAULT true,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE outbox
    DROP CONSTRAINT outbox_channel_check,
    DROP CONSTRAINT outbox_kind_check,
    -- A webhook row's kind is its event's type.
    ADD CONSTRAINT outbox_channel_kind CHECK (
        (channel = 'mail'
         AND kind IN ('offer_pending', 'offer_decided', 'new_user', 'password_link'))
        OR (channel = 'webhook'
            AND kind IN ('person.created', 'person.stage_changed', 'person.hired',
                         'offer.pending', 'offer.decided', 'person.merged', 'person.unmerged',
                         'import.confirmed', 'import.reverted', 'person.erased'))),
    -- The endpoint a delivery goes to (its URL as it is when sent); its log goes with it.
    ADD COLUMN webhook_endpoint_id BIGINT REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    ADD CONSTRAINT outbox_webhook_endpoint
        CHECK ((channel = 'webhook') = (webhook_endpoint_id IS NOT NULL)),
    -- The HTTP status of the last attempt that got an answer.
    ADD COLUMN response_code INTEGER CHECK (response_code BETWEEN 100 AND 599);

-- An endpoint's delivery log, newest first.
CREATE INDEX outbox_webhook_endpoint_idx ON outbox (webhook_endpoint_id, id)
    WHERE webhook_endpoint_id IS NOT NULL;
