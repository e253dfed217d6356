-- The pipeline filtered by hiring company or by the day people entered the tracker: each reads
-- only its own people and stays, from one index range holding every column it needs, instead of
-- every person and every stay. By hiring company the stays come out in (stage, days) order, so
-- a median sorts nothing; by day they are sorted, but only that window's.
CREATE INDEX person_fact_hiring_idx ON person_fact (hiring_company_id)
    INCLUDE (stage, entered, origin_company_id, entered_on);
CREATE INDEX person_fact_entered_idx ON person_fact (entered_on)
    INCLUDE (stage, entered, origin_company_id, hiring_company_id);
CREATE INDEX stage_stay_hiring_days_idx ON stage_stay (hiring_company_id, stage, days)
    INCLUDE (entered_on) WHERE days IS NOT NULL;
CREATE INDEX stage_stay_entered_idx ON stage_stay (entered_on)
    INCLUDE (stage, days, hiring_company_id) WHERE days IS NOT NULL;
