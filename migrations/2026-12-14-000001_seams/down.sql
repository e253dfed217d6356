ALTER TABLE pay_report DROP CONSTRAINT pay_report_id_in_range;
ALTER TABLE company DROP CONSTRAINT company_id_in_range;
ALTER TABLE person DROP CONSTRAINT person_id_in_range;
ALTER TABLE person DROP CONSTRAINT person_erased_holds_nothing_personal;
ALTER TABLE person DROP COLUMN erased_at;
