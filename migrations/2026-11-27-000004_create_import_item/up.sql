-- What an applied batch created or changed, so that it can be reverted as a whole.
CREATE TABLE import_item (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id     BIGINT NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    record_table TEXT NOT NULL CHECK (record_table IN ('company', 'person', 'pay_report')),
    record_id    BIGINT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('created', 'updated')),
    -- The record as it was before an update, to restore it on revert.
    before       JSONB,
    CONSTRAINT import_item_update_keeps_before CHECK ((action = 'updated') = (before IS NOT NULL))
);

CREATE INDEX import_item_batch_id_idx ON import_item (batch_id);
