ALTER TABLE webhook_endpoint
    DROP COLUMN old_secret_expires_at,
    DROP COLUMN old_secret,
    DROP COLUMN version;
