DELETE FROM outbox WHERE channel = 'webhook';
ALTER TABLE outbox
    DROP COLUMN response_code,
    DROP COLUMN webhook_endpoint_id,
    DROP CONSTRAINT outbox_channel_kind,
    ADD CONSTRAINT outbox_channel_check CHECK (channel IN ('mail')),
    ADD CONSTRAINT outbox_kind_check
        CHECK (kind IN ('offer_pending', 'offer_decided', 'new_user', 'password_link'));
DROP TABLE webhook_endpoint;
