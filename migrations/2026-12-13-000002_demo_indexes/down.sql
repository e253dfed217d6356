DROP INDEX exchange_rate_demo_idx;
DROP INDEX company_demo_idx;
DROP INDEX pay_report_demo_idx;
DROP INDEX person_demo_idx;
