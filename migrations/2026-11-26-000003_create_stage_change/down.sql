DROP TABLE stage_change;
