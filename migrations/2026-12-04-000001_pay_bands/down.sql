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
