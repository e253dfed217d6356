-- One uploaded CSV file: previewed first, then applied as a whole or discarded, and revertible.
CREATE TABLE import_batch (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name     TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    kind          TEXT NOT NULL CHECK (kind IN ('companies', 'people')),
    status        TEXT NOT NULL CHECK (status IN ('previewed', 'applied', 'reverted')),
    -- The file itself, kept from the preview until it is applied.
    content       BYTEA,
    imported_by   TEXT NOT NULL CHECK (length(imported_by) BETWEEN 1 AND 200),
    rows_total    INTEGER NOT NULL DEFAULT 0 CHECK (rows_total >= 0),
    created_count INTEGER NOT NULL DEFAULT 0 CHECK (created_count >= 0),
    updated_count INTEGER NOT NULL DEFAULT 0 CHECK (updated_count >= 0),
    skipped_count INTEGER NOT NULL DEFAULT 0 CHECK (skipped_count >= 0),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_at    TIMESTAMPTZ,
    reverted_at   TIMESTAMPTZ,
    CONSTRAINT import_batch_applied_has_date CHECK ((status = 'previewed') = (applied_at IS NULL)),
    CONSTRAINT import_batch_reverted_has_date CHECK ((status = 'reverted') = (reverted_at IS NOT NULL))
);

CREATE INDEX import_batch_created_at_idx ON import_batch (created_at DESC);
