DROP INDEX pay_report_offers_idx;
DROP FUNCTION offer_review(TEXT);
