DROP INDEX stage_stay_entered_idx;
DROP INDEX stage_stay_hiring_days_idx;
DROP INDEX person_fact_entered_idx;
DROP INDEX person_fact_hiring_idx;
