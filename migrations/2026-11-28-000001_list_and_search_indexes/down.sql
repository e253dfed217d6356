DROP INDEX person_stage_name_idx;
DROP INDEX person_hiring_company_name_idx;
DROP INDEX person_origin_company_name_idx;
CREATE INDEX person_origin_company_id_idx ON person (origin_company_id);
CREATE INDEX person_hiring_company_id_idx ON person (hiring_company_id);
CREATE INDEX person_stage_idx ON person (stage);
DROP INDEX person_full_name_id_idx;
DROP INDEX person_full_name_trgm_idx;
-- No index uses it any more (the up added it for the name search).
DROP EXTENSION IF EXISTS pg_trgm;
