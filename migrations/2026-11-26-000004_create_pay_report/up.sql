-- One claim about one person's pay. Conflicting claims are kept side by side, never merged.
-- NUMERIC(14, 2): twelve-digit amounts with cents, exact.
CREATE TABLE pay_report (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('reported', 'offered', 'agreed')),
    currency     TEXT NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_low   NUMERIC(14, 2) NOT NULL CHECK (amount_low >= 0),
    amount_high  NUMERIC(14, 2) NOT NULL,
    period       TEXT NOT NULL CHECK (period IN ('annual', 'total')),
    period_years SMALLINT CHECK (period_years BETWEEN 1 AND 20),
    base         NUMERIC(14, 2) CHECK (base >= 0),
    bonus        NUMERIC(14, 2) CHECK (bonus >= 0),
    equity       NUMERIC(14, 2) CHECK (equity >= 0),
    sign_on      NUMERIC(14, 2) CHECK (sign_on >= 0),
    as_of        DATE NOT NULL,
    source_name  TEXT CHECK (length(source_name) <= 200),
    source_url   TEXT CHECK (source_url ~ '^https?://[^\s]+$' AND length(source_url) <= 2000),
    confidence   TEXT NOT NULL CHECK (confidence IN ('rumor', 'reported', 'confirmed')),
    notes        TEXT CHECK (length(notes) <= 10000),
    is_demo      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pay_report_band_ordered CHECK (amount_high >= amount_low),
    -- A total is spread over its years; an annual figure has none.
    CONSTRAINT pay_report_period_years CHECK ((period = 'total') = (period_years IS NOT NULL))
);

CREATE INDEX pay_report_person_id_idx ON pay_report (person_id, as_of);
