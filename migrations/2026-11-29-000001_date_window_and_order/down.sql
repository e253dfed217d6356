ALTER TABLE pay_report DROP CONSTRAINT pay_report_as_of_in_window;
ALTER TABLE person DROP CONSTRAINT person_dates_in_order, DROP CONSTRAINT person_dates_in_window;
