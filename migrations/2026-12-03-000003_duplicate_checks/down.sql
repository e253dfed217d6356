DROP INDEX pay_report_source_url_idx;
