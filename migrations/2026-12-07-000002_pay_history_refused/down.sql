DROP TRIGGER person_pay_history ON person;
DROP TRIGGER pay_report_pay_history ON pay_report;
DROP FUNCTION refuse_pay_history();
DROP FUNCTION is_pay_history(TEXT);
