-- Webhook endpoints through the API and their secrets rotated (src/routes/webhook_save.rs).
-- `version` is the endpoint's ETag, bumped by versions.sql, so an API write over a version it
-- did not read is refused (412) as for the other records.
-- `old_secret` is the secret a rotation replaced: deliveries are signed with it too until
-- `old_secret_expires_at` (Standard Webhooks: receivers switch within the grace period), then
-- the sender drops it. A kept old secret without its end would sign for ever: refused.
ALTER TABLE webhook_endpoint
    ADD COLUMN version INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN old_secret TEXT
        CONSTRAINT webhook_endpoint_old_secret CHECK (old_secret ~ '^whsec_[A-Za-z0-9+/]{32,}={0,2}$'),
    ADD COLUMN old_secret_expires_at TIMESTAMPTZ,
    ADD CONSTRAINT webhook_endpoint_old_secret_expires
        CHECK ((old_secret IS NULL) = (old_secret_expires_at IS NULL));
