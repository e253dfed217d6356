-- Companies are both where people come from and who hires them.
CREATE TABLE company (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT NOT NULL CHECK (btrim(name) <> '' AND name = btrim(name) AND length(name) <= 200),
    kind       TEXT NOT NULL CHECK (kind IN ('ai_lab', 'big_tech', 'startup', 'investor', 'other')),
    website    TEXT CHECK (website ~ '^https?://[^\s]+$' AND length(website) <= 2000),
    country    TEXT CHECK (country ~ '^[A-Z]{2}$'),
    notes      TEXT CHECK (length(notes) <= 10000),
    is_demo    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- "Meta" and "meta" are the same company: uniqueness ignores case.
CREATE UNIQUE INDEX company_name_lower_key ON company (lower(name));
