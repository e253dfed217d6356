-- A candidate or hire, with where they came from and who hires (or courts) them.
CREATE TABLE person (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    full_name         TEXT NOT NULL CHECK (btrim(full_name) <> '' AND full_name = btrim(full_name) AND length(full_name) <= 200),
    title             TEXT CHECK (length(title) <= 200),
    expertise         TEXT CHECK (length(expertise) <= 200),
    -- RESTRICT: a company that people reference cannot be deleted out from under them.
    origin_company_id BIGINT REFERENCES company (id) ON DELETE RESTRICT,
    hiring_company_id BIGINT REFERENCES company (id) ON DELETE RESTRICT,
    team              TEXT CHECK (length(team) <= 200),
    stage             TEXT NOT NULL CHECK (stage IN ('sourced', 'contacted', 'interviewing', 'offer', 'hired', 'declined', 'withdrawn')),
    first_contact_on  DATE,
    offer_on          DATE,
    decided_on        DATE,
    start_on          DATE,
    location          TEXT CHECK (length(location) <= 200),
    notes             TEXT CHECK (length(notes) <= 10000),
    is_demo           BOOLEAN NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT person_decided_after_offer CHECK (decided_on >= offer_on)
);

CREATE INDEX person_origin_company_id_idx ON person (origin_company_id);
CREATE INDEX person_hiring_company_id_idx ON person (hiring_company_id);
CREATE INDEX person_stage_idx ON person (stage);
