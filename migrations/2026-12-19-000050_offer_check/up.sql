-- Each offer's check against its band, kept (src/db/sql/offer_checks.sql), so the offers
-- report chooses, counts and orders offers from an index instead of checking every offer on
-- each request: at a million people (280,000 offers) the report's page took 3.1 s, nearly all
-- of it `r.offer_review` over every offer. What the check depends on (the offer, its person's
-- family, level and zone, the bands, the exchange rates, the decisions and the reporting
-- currency) rewrites the checks it changes, in the same transaction; the offer pages still
-- check their one offer live, from the same definition.
-- Like the other kept rows it carries no foreign keys: its upkeep follows removals itself.
CREATE TABLE offer_check (
    pay_report_id BIGINT PRIMARY KEY,
    person_id BIGINT NOT NULL,
    as_of DATE NOT NULL,
    currency TEXT NOT NULL,
    band_currency TEXT,
    family_key TEXT,
    level_key TEXT,
    status TEXT NOT NULL
        CHECK (status IN ('unchecked', 'not_needed', 'pending', 'approved', 'rejected')),
    base_compa NUMERIC,
    base_inside BOOLEAN
);

-- The report's page: newest first, by status, the chart's highest compa-ratios and the count
-- of those outside their band (few, where bands are kept up).
CREATE INDEX offer_check_newest_idx ON offer_check (as_of DESC, pay_report_id DESC);
CREATE INDEX offer_check_status_idx ON offer_check (status, as_of DESC, pay_report_id DESC);
CREATE INDEX offer_check_compa_idx ON offer_check (base_compa DESC, as_of DESC, pay_report_id DESC)
    WHERE base_compa IS NOT NULL;
CREATE INDEX offer_check_outside_idx ON offer_check (status) WHERE NOT base_inside;
-- The family filter, and the offers a band's change reaches.
CREATE INDEX offer_check_family_idx ON offer_check (family_key, level_key);
CREATE INDEX offer_check_person_idx ON offer_check (person_id);

-- Filled when the live schema is applied next (end of src/db/sql/offer_checks.sql), without
-- recomputing every pay figure as `live_schema.refresh_figures` would.
