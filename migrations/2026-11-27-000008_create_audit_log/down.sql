DROP TRIGGER company_audit ON company;
DROP TRIGGER person_audit ON person;
DROP TRIGGER pay_report_audit ON pay_report;
DROP TRIGGER app_user_audit ON app_user;
DROP TRIGGER exchange_rate_audit ON exchange_rate;
DROP TRIGGER import_batch_audit ON import_batch;
DROP TABLE audit_log;
DROP FUNCTION write_audit_entry();
DROP FUNCTION refuse_audit_change();
