-- How many units of the reporting currency one unit of `currency` bought on `rate_on`.
-- Reports convert each pay figure at the rate of its as_of date or the nearest earlier one.
CREATE TABLE exchange_rate (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    currency   TEXT NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    rate_on    DATE NOT NULL,
    rate       NUMERIC(20, 10) NOT NULL CHECK (rate > 0),
    is_demo    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- One rate per currency and day; this index also serves the "nearest earlier" lookup.
    CONSTRAINT exchange_rate_currency_day_key UNIQUE (currency, rate_on)
);
