DROP TRIGGER company_version ON company;
DROP TRIGGER person_version ON person;
DROP TRIGGER pay_report_version ON pay_report;
DROP FUNCTION bump_version();
ALTER TABLE company DROP COLUMN version;
ALTER TABLE person DROP COLUMN version;
ALTER TABLE pay_report DROP COLUMN version;
