-- The dashboard asks on every view whether demo data is left (`demo::removal::any`). These
-- partial indexes hold only demo rows, so the question reads a few entries, or none once the
-- demo data is gone, instead of scanning the tables; they cost nothing to writes of real rows.
CREATE INDEX person_demo_idx ON person (id) WHERE is_demo;
CREATE INDEX pay_report_demo_idx ON pay_report (id) WHERE is_demo;
CREATE INDEX company_demo_idx ON company (id) WHERE is_demo;
CREATE INDEX exchange_rate_demo_idx ON exchange_rate (id) WHERE is_demo;
