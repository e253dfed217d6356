-- Every pipeline move of a person: funnels and time-in-stage are computed from it.
CREATE TABLE stage_change (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id  BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    -- NULL for the stage a person entered the tracker in.
    from_stage TEXT CHECK (from_stage IN ('sourced', 'contacted', 'interviewing', 'offer', 'hired', 'declined', 'withdrawn')),
    to_stage   TEXT NOT NULL CHECK (to_stage IN ('sourced', 'contacted', 'interviewing', 'offer', 'hired', 'declined', 'withdrawn')),
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT stage_change_is_a_change CHECK (from_stage IS DISTINCT FROM to_stage)
);

CREATE INDEX stage_change_person_id_idx ON stage_change (person_id, changed_at);
