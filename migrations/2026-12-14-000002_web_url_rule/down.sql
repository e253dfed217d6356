ALTER TABLE company
    DROP CONSTRAINT company_website_check,
    ADD CONSTRAINT company_website_check
        CHECK (website ~ '^https?://[^\s]+$' AND length(website) <= 2000);
ALTER TABLE pay_report
    DROP CONSTRAINT pay_report_source_url_check,
    ADD CONSTRAINT pay_report_source_url_check
        CHECK (source_url ~ '^https?://[^\s]+$' AND length(source_url) <= 2000);
DROP FUNCTION is_web_url(TEXT);
