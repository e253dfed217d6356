DELETE FROM import_item WHERE record_table = 'pay_band';
ALTER TABLE import_item DROP CONSTRAINT import_item_record_table_check;
ALTER TABLE import_item ADD CONSTRAINT import_item_record_table_check
    CHECK (record_table IN ('company', 'person', 'pay_report'));
DELETE FROM import_batch WHERE kind = 'pay bands';
ALTER TABLE import_batch DROP CONSTRAINT import_batch_kind_check;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_kind_check
    CHECK (kind IN ('companies', 'people'));
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
    CHECK (role IN ('admin', 'recruiter', 'analyst', 'viewer'));
DROP FUNCTION band_in_force(TEXT, TEXT, TEXT, DATE);
DROP TABLE pay_band;
ALTER TABLE person
    DROP COLUMN job_family,
    DROP COLUMN level,
    DROP COLUMN zone,
    DROP COLUMN range_disclosed_on;
