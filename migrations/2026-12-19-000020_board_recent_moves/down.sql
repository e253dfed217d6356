DROP INDEX stage_change_to_stage_idx;
